import TunnelscopeModel

/// redundancy: an AWS ⇄ GCP link is not in the highly available shape.
///
/// The shape (export-formats §8): one HA VPN gateway with both interfaces in use; a
/// FOUR_IPS_REDUNDANCY peer gateway; two AWS VPN connections on two customer gateways, one per
/// HA interface (connection A on interface 0, B on interface 1); two tunnels per interface, four
/// in all; BGP on every tunnel. Read as: losing any one tunnel, HA interface, peer interface,
/// VPN connection or customer gateway leaves the link up. The rule reports
/// - the single points of failure of the configured link (warning),
/// - each deviation from the shape that does not create one (warning),
/// - single points of failure that exist only because of what is down now (warning),
/// - a link with no tunnel left carrying routes (error).
/// Managed, internally redundant resources (HA gateway, Cloud Router, TGW) are not counted as
/// single points of failure.
enum RedundancyRule: AnalysisRule {
    static let id = "redundancy"
    static let summary =
        "An AWS ⇄ GCP link is not highly available: single points of failure, fewer than 2 HA interfaces × 2 tunnels, a peer gateway that is not FOUR_IPS_REDUNDANCY, a tunnel without BGP."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        c.links.flatMap { check(link: $0, c) }
    }

    static func check(link: CrossCloudLink, _ c: AnalysisContext) -> [Finding] {
        let model = c.model
        let index = c.index
        var result: [Finding] = []
        let all = link.tunnelIndices
        let linkIds = [link.id] + [link.haGateway, link.awsGateway].compactMap { $0 }

        // Tunnels that can carry at all: both ends exported (or the other side not exported) and BGP configured.
        let withoutBGP = all.filter { t in
            let tunnel = model.tunnels[t]
            let staticOnly = c.states[t].staticRouting
            return staticOnly || (tunnel.gcp != nil && tunnel.gcp?.bgpPeer == nil)
        }
        let designed =
            all.filter { t in model.tunnels[t].sides == .both && !withoutBGP.contains(t) }
            .nonEmpty ?? all.filter { !withoutBGP.contains($0) }

        // 1. Single points of failure of the design.
        let spofs = designed.isEmpty ? [] : index.sharedDependencies(of: designed)
        if !spofs.isEmpty {
            result.append(
                Finding(
                    rule: Self.id, severity: .warning,
                    message:
                        "\(link.label) has \(plural(spofs.count, "single point of failure", "single points of failure")): "
                        + spofs.map(index.dependencyName).joined(separator: ", ")
                        + " — losing \(spofs.count == 1 ? "it" : "any one of them") cuts the link",
                    resources: linkIds + spofs.map(\.id), hint: spofHint(spofs, link: link, c)))
        }

        // 2. Deviations from the shape.
        var shape: [String] = []
        if let ha = link.haGateway.flatMap({ GCPRef(url: $0) }).flatMap({ model.haGatewayIndex[$0] }).map({
            model.haVpnGateways[$0]
        }) {
            let used = Set(all.compactMap { index.haInterface(ofTunnel: $0) })
            let unused = ha.interfaces.map { ha.ref.interfaceID($0.id) }.filter { !used.contains($0) }
            if ha.interfaces.count < 2 {
                shape.append("HA VPN gateway \(ha.name) has \(plural(ha.interfaces.count, "interface"))")
            }
            if !unused.isEmpty, spofs.isEmpty {
                shape.append("unused HA VPN \(unused.map(index.interfaceName).joined(separator: ", "))")
            }
            for interface in ha.interfaces {
                let id = ha.ref.interfaceID(interface.id)
                let n = (index.tunnelsByHAInterface[id] ?? []).filter { all.contains($0) }.count
                if n == 1 {
                    shape.append(
                        "HA VPN interface \(index.interfaceName(id)) has 1 tunnel (2 expected: both tunnels of one AWS connection)"
                    )
                }
            }
        }
        let peers = Set(all.compactMap { model.tunnels[$0].gcp?.peerGateway })
        for peer in peers.sorted() {
            guard let gateway = model.externalGatewayIndex[peer].map({ model.externalVpnGateways[$0] }) else {
                continue
            }
            if gateway.redundancyType != "FOUR_IPS_REDUNDANCY" {
                shape.append(
                    "peer gateway \(gateway.name) is \(gateway.redundancyType ?? "of unknown redundancy type"), not FOUR_IPS_REDUNDANCY (one interface per AWS tunnel outside IP)"
                )
            }
        }
        let connections = Set(all.compactMap { model.tunnels[$0].aws?.vpnConnectionId })
        if all.count < 4 { shape.append("\(plural(all.count, "tunnel")) (4 expected: 2 AWS connections × 2 tunnels)") }
        if !connections.isEmpty, connections.count < 2, spofs.isEmpty { shape.append("only one AWS VPN connection") }
        for t in withoutBGP {
            let reason =
                c.states[t].staticRouting
                ? "its AWS connection uses static routes only" : "it has no BGP peer on the Cloud Router"
            shape.append("\(index.tunnelName(t)) has no BGP: \(reason)")
        }
        if !shape.isEmpty {
            result.append(
                Finding(
                    rule: Self.id, severity: .warning,
                    message: "\(link.label) deviates from the HA shape: " + shape.joined(separator: "; "),
                    resources: linkIds + withoutBGP.map { model.tunnels[$0].id },
                    hint:
                        "The HA shape: 2 HA interfaces; a FOUR_IPS_REDUNDANCY peer gateway; AWS connection A (customer gateway = interface 0's IP) with tunnels on peer interfaces 0/1, connection B (interface 1's IP) on 2/3; a BGP peer per tunnel. `tunnelscope plan` lists the steps."
                ))
        }

        // 3. What is down now.
        let alive = all.filter { c.states[$0].carries }
        if alive.isEmpty {
            result.append(
                Finding(
                    rule: Self.id, severity: .error,
                    message: "\(link.label) is down: none of its \(plural(all.count, "tunnel")) carries routes",
                    resources: linkIds + all.map { model.tunnels[$0].id },
                    hint:
                        "See tunnel-down and bgp-down for each tunnel; every prefix between AWS and GCP over this link has lost its path."
                ))
        } else if spofs.isEmpty {
            let now = index.sharedDependencies(of: alive)
            if !now.isEmpty {
                let down = all.filter { !c.states[$0].carries }.map {
                    model.tunnels[$0].outsideIp?.description ?? model.tunnels[$0].id
                }
                result.append(
                    Finding(
                        rule: Self.id, severity: .warning,
                        message:
                            "\(link.label) is one failure from down: with \(down.joined(separator: ", ")) not carrying, everything hangs on "
                            + now.map(index.dependencyName).joined(separator: ", "),
                        resources: linkIds + now.map(\.id),
                        hint: "Restore the down tunnels first; until then any work on these parts cuts the link."))
            }
        }
        return result
    }

    static func spofHint(_ spofs: [Dependency], link: CrossCloudLink, _ c: AnalysisContext) -> String {
        let kinds = Set(spofs.map(\.kind))
        if kinds.contains(.haInterface) || kinds.contains(.vpnConnection) || kinds.contains(.customerGateway) {
            return
                "Add the second half: a customer gateway with the other HA interface's IP, a second VPN connection on it, its two outside IPs on the peer gateway (interfaces 2/3) and two more GCP tunnels with BGP (see `tunnelscope plan`)."
        }
        return "Add a second tunnel on another HA interface and AWS connection so no single tunnel carries the link."
    }
}

extension Array {
    var nonEmpty: [Element]? { isEmpty ? nil : self }
}
