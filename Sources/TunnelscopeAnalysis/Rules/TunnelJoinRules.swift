import TunnelscopeModel
import TunnelscopeText

/// unmatched-tunnel: a tunnel, external (peer) gateway interface, HA VPN interface or customer
/// gateway whose counterpart on the other cloud is missing from the exports or has another IP.
/// Error when the other cloud's VPN side was exported (the counterpart really is missing or
/// wrong); info when that whole side is absent from the input.
enum UnmatchedTunnelRule: AnalysisRule {
    static let id = "unmatched-tunnel"
    static let summary =
        "A tunnel, peer gateway interface, HA VPN interface or customer gateway whose counterpart on the other cloud is missing or points at an unknown IP."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        let model = c.model
        let index = c.index
        let awsExported = !model.vpnConnections.isEmpty
        let gcpExported = !model.gcpTunnels.isEmpty
        var result: [Finding] = []
        let awsOutsideIps = Set(model.tunnels.compactMap { $0.aws?.tunnel.outsideIp })
        let peerInterfaceByIp: [IPv4Address: String] = Dictionary(
            model.externalVpnGateways.flatMap { g in
                g.interfaces.compactMap { i in i.ipAddress.map { ($0, g.ref.interfaceID(i.id)) } }
            },
            uniquingKeysWith: { a, _ in a })

        for (t, tunnel) in model.tunnels.enumerated() where tunnel.isCrossCloud {
            switch tunnel.sides {
            case .awsOnly:
                guard let aws = tunnel.aws else { continue }
                let ha =
                    index.haInterface(ofTunnel: t).map { " faces HA VPN interface \(index.interfaceName($0))" } ?? ""
                let peer =
                    peerInterfaceByIp[aws.tunnel.outsideIp].map {
                        "; peer gateway interface \(index.interfaceName($0)) has the address, but no tunnel uses it"
                    } ?? ""
                result.append(
                    Finding(
                        rule: Self.id, severity: gcpExported ? .error : .info,
                        message:
                            "AWS \(index.tunnelName(t))\(ha), but no GCP tunnel peers with \(aws.tunnel.outsideIp)\(gcpExported ? "" : " (no GCP VPN tunnels were exported)")\(peer)",
                        resources: index.tunnelResources(t) + (index.haInterface(ofTunnel: t).map { [$0] } ?? []),
                        hint: gcpExported
                            ? "Create the GCP tunnel for it on the HA interface of customer gateway \(aws.customerGatewayId ?? "?") (see `tunnelscope plan`), or delete the AWS tunnel's connection if it is stale."
                            : "Export `gcloud compute vpn-tunnels list` from the GCP side to see its counterpart."))
            case .gcpOnly:
                guard let gcp = tunnel.gcp else { continue }
                let target = gcp.peerIp.map { "AWS address \($0)" } ?? "no address"
                result.append(
                    Finding(
                        rule: Self.id, severity: awsExported ? .error : .info,
                        message:
                            "GCP tunnel \(gcp.tunnel.name) points at \(target), which is no exported AWS tunnel's outside IP\(awsExported ? "" : " (no AWS VPN connections were exported)")",
                        resources: index.tunnelResources(t),
                        hint: awsExported
                            ? "Check the peer gateway interface \(gcp.peerInterface.map(String.init) ?? "?") and the tunnel's peerIp against `aws ec2 describe-vpn-connections` (Options.TunnelOptions[].OutsideIpAddress); a re-created AWS VPN connection gets new outside IPs."
                            : "Export `aws ec2 describe-vpn-connections` to see its counterpart."))
            case .both:
                guard let aws = tunnel.aws, let gcp = tunnel.gcp else { continue }
                if let peerIp = gcp.tunnel.peerIp, let peer = gcp.peerGateway, let n = gcp.peerInterface,
                    let interfaceIp = model.externalGatewayIndex[peer].flatMap({
                        model.externalVpnGateways[$0].interfaces.first { $0.id == n }?.ipAddress
                    }),
                    interfaceIp != peerIp
                {
                    result.append(
                        Finding(
                            rule: Self.id, severity: .error,
                            message:
                                "GCP tunnel \(gcp.tunnel.name) has peerIp \(peerIp) but uses peer gateway interface \(index.interfaceName(peer.interfaceID(n))): the two disagree",
                            resources: index.tunnelResources(t) + [peer.interfaceID(n)],
                            hint:
                                "Point the tunnel at the peer interface that holds \(aws.tunnel.outsideIp), or fix the interface's address."
                        ))
                }
            }
        }

        // Customer gateways of GCP-facing connections must be HA VPN interface addresses.
        if gcpExported, !model.haVpnGateways.isEmpty {
            var seen = Set<String>()
            for (t, tunnel) in model.tunnels.enumerated() where tunnel.isCrossCloud {
                guard let aws = tunnel.aws, let cgw = aws.customerGatewayId, seen.insert(cgw).inserted,
                    let ip = aws.customerGatewayIp, index.haInterfaceByIp[ip] == nil
                else { continue }
                let expected = tunnel.gcp?.haInterfaceIp.map { "; the GCP tunnel leaves from \($0)" } ?? ""
                let known = model.haVpnGateways.flatMap { $0.interfaces.compactMap(\.ipAddress) }.map(\.description)
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message:
                            "Customer gateway \(index.customerGatewayName(cgw)) has IP \(ip), which is no GCP HA VPN interface (\(known.listed()))\(expected)",
                        resources: [cgw, aws.vpnConnectionId, model.tunnels[t].id],
                        hint:
                            "A customer gateway cannot be edited: create one with the HA interface's IP and move the VPN connection to it (aws ec2 modify-vpn-connection --customer-gateway-id)."
                    ))
            }
        }

        // HA VPN interfaces in use towards AWS need a customer gateway with their address.
        if awsExported {
            let cgwIps = Set(model.customerGateways.compactMap(\.ipAddress))
            for gateway in model.haVpnGateways {
                for interface in gateway.interfaces {
                    let interfaceId = gateway.ref.interfaceID(interface.id)
                    guard let ip = interface.ipAddress, !cgwIps.contains(ip) else { continue }
                    let towardsAWS = (index.tunnelsByHAInterface[interfaceId] ?? []).filter {
                        model.tunnels[$0].isCrossCloud
                    }
                    guard !towardsAWS.isEmpty else { continue }
                    result.append(
                        Finding(
                            rule: Self.id, severity: .error,
                            message:
                                "HA VPN interface \(index.interfaceName(interfaceId)) carries \(plural(towardsAWS.count, "tunnel")) to AWS, but no AWS customer gateway has its address \(ip)",
                            resources: [interfaceId] + towardsAWS.map { model.tunnels[$0].id },
                            hint:
                                "Create the customer gateway (\(Shell.command("aws", "ec2", "create-customer-gateway", "--ip-address", "\(ip)", "--bgp-asn", "<Cloud Router ASN>"))) and a VPN connection on it."
                        ))
                }
            }
        }

        // Peer gateway interfaces must be AWS tunnel outside addresses.
        if awsExported {
            for gateway in model.externalVpnGateways {
                let facesAWS =
                    gateway.interfaces.contains { $0.ipAddress.map(awsOutsideIps.contains) ?? false }
                    || !(index.tunnelsByPeerGateway[gateway.ref.id] ?? []).filter { model.tunnels[$0].isCrossCloud }
                        .isEmpty
                guard facesAWS else { continue }
                for interface in gateway.interfaces {
                    guard let ip = interface.ipAddress, !awsOutsideIps.contains(ip) else { continue }
                    let interfaceId = gateway.ref.interfaceID(interface.id)
                    result.append(
                        Finding(
                            rule: Self.id, severity: .error,
                            message:
                                "Peer gateway interface \(index.interfaceName(interfaceId)) is no AWS tunnel's outside IP (AWS has \(awsOutsideIps.sorted().map(\.description).listed()))",
                            resources: [interfaceId]
                                + (index.tunnelsByPeerInterface[interfaceId] ?? []).map { model.tunnels[$0].id },
                            hint:
                                "External VPN gateways cannot be edited: create one whose interfaces are the AWS tunnels' outside IPs (connection A on 0/1, B on 2/3) and move the tunnels to it."
                        ))
                }
            }
        }
        return result
    }
}

/// inside-address-mismatch: the BGP /30 does not agree between the ends. In the AWS /30 with
/// network N, AWS takes N+1 and GCP (the customer gateway) N+2 — or what the connection's XML says.
enum InsideAddressMismatchRule: AnalysisRule {
    static let id = "inside-address-mismatch"
    static let summary =
        "The tunnel's BGP /30 differs between AWS (TunnelInsideCidr; AWS N+1, customer N+2) and the Cloud Router interface and BGP peer."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        var result: [Finding] = []
        for (t, tunnel) in c.model.tunnels.enumerated() {
            guard let aws = tunnel.aws, let gcp = tunnel.gcp, let inside = aws.tunnel.insideCidr?.normalized else {
                continue
            }
            let awsIp = aws.tunnel.awsInsideIp ?? inside.network.advanced(by: 1)
            let gcpIp = aws.tunnel.customerInsideIp ?? inside.network.advanced(by: 2)
            var problems: [String] = []
            if let range = gcp.routerInterface?.ipRange {
                if range.address == awsIp, range.normalized == inside {
                    problems.append(
                        "Cloud Router interface \(gcp.routerInterface?.name ?? "") takes \(range), the AWS address (the ends are swapped)"
                    )
                } else if range.address != gcpIp || range.prefixLength != inside.prefixLength {
                    problems.append(
                        "Cloud Router interface \(gcp.routerInterface?.name ?? "") has \(range), expected \(gcpIp)/\(inside.prefixLength)"
                    )
                }
            }
            if let peer = gcp.bgpPeer {
                if let ip = peer.ipAddress, ip != gcpIp {
                    problems.append("BGP peer \(peer.name) uses \(ip), expected \(gcpIp)")
                }
                if let ip = peer.peerIpAddress, ip != awsIp {
                    problems.append("BGP peer \(peer.name) talks to \(ip), but AWS listens on \(awsIp)")
                }
            }
            guard !problems.isEmpty else { continue }
            let source =
                aws.tunnel.insideAddressSource == .configurationXML
                ? "the connection's configuration XML" : "the N+1/N+2 rule"
            result.append(
                Finding(
                    rule: Self.id, severity: .error,
                    message:
                        "Inside addresses of \(c.index.tunnelName(t)) disagree with AWS \(inside) (AWS \(awsIp), GCP \(gcpIp)): "
                        + problems.joined(separator: "; "),
                    resources: c.index.tunnelResources(t) + (gcp.router.map { [$0.id] } ?? []),
                    hint:
                        "Set the router interface to \(gcpIp)/\(inside.prefixLength) and the BGP peer to \(gcpIp) ⇄ \(awsIp) (AWS addresses from \(source)); "
                        + (c.states[t].bgp == .up
                            ? "both sides still report BGP up, so one of the exports is older than the change that broke it: re-export both sides, then fix it before the session resets."
                            : "BGP cannot come up until they match.")
                ))
        }
        return result
    }
}

/// asn-mismatch: Cloud Router peer ASN ≠ Amazon-side ASN, or customer gateway ASN ≠ Cloud Router ASN.
/// One finding per distinct disagreement, naming every tunnel it affects.
enum ASNMismatchRule: AnalysisRule {
    static let id = "asn-mismatch"
    static let summary =
        "The ASNs do not agree: Cloud Router peerAsn vs the TGW/VGW Amazon-side ASN, or the customer gateway BgpAsn vs the Cloud Router ASN."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        struct Key: Hashable {
            let what: String
            let owner: String
            let expected: Int
            let actual: Int
        }
        var groups: [Key: [Int]] = [:]
        for (t, tunnel) in c.model.tunnels.enumerated() {
            guard let aws = tunnel.aws, let gcp = tunnel.gcp else { continue }
            if let amazon = aws.amazonSideAsn, let peerAsn = gcp.bgpPeer?.peerAsn, amazon != peerAsn {
                groups[Key(what: "peer", owner: gcp.router?.id ?? "?", expected: amazon, actual: peerAsn), default: []]
                    .append(t)
            }
            if let routerAsn = gcp.routerAsn, let cgwAsn = aws.customerGatewayAsn, routerAsn != cgwAsn {
                groups[
                    Key(what: "cgw", owner: aws.customerGatewayId ?? "?", expected: routerAsn, actual: cgwAsn),
                    default: []
                ].append(t)
            }
        }
        return groups.keys.sorted { ($0.what, $0.owner, $0.actual) < ($1.what, $1.owner, $1.actual) }.map { key in
            let tunnels = groups[key]!
            let names = tunnels.map { c.model.tunnels[$0].outsideIp?.description ?? c.model.tunnels[$0].id }
            if key.what == "peer" {
                let router = GCPRef(url: key.owner)?.name ?? key.owner
                let gateway =
                    tunnels.first.flatMap { c.model.tunnels[$0].aws.flatMap { $0.transitGatewayId ?? $0.vpnGatewayId } }
                    ?? "the AWS gateway"
                return Finding(
                    rule: Self.id, severity: .error,
                    message:
                        "Cloud Router \(router) peers expect AWS ASN \(key.actual), but \(gateway) uses \(key.expected) (\(plural(tunnels.count, "tunnel")): \(names.joined(separator: ", ")))",
                    resources: tunnels.map { c.model.tunnels[$0].id } + [key.owner, gateway],
                    hint:
                        "Set peerAsn \(key.expected) on the BGP peers (\(Shell.command("gcloud", "compute", "routers", "update-bgp-peer", router)) --peer-name … --peer-asn \(key.expected))."
                )
            }
            return Finding(
                rule: Self.id, severity: .error,
                message:
                    "Customer gateway \(c.index.customerGatewayName(key.owner)) says BGP ASN \(key.actual), but the Cloud Router uses \(key.expected) (\(plural(tunnels.count, "tunnel")): \(names.joined(separator: ", ")))",
                resources: tunnels.map { c.model.tunnels[$0].id } + [key.owner],
                hint:
                    "A customer gateway's ASN cannot be changed: create one with ASN \(key.expected) and the same IP, and move the VPN connection to it."
            )
        }
    }
}
