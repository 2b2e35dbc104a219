import TunnelscopeModel

/// One AWS ⇄ GCP link: the tunnels between one GCP HA VPN gateway and one AWS Transit Gateway
/// (or virtual private gateway). Redundancy and the what-if are judged per link.
public struct CrossCloudLink: Sendable, Hashable, Identifiable {
    /// `link/<HA gateway ID>~<TGW or VGW ID>` (`?` for a side missing from the exports).
    public let id: String
    public let haGateway: String?
    public let awsGateway: String?
    /// Physical tunnel IDs.
    public let tunnels: [String]
    public let label: String
    let tunnelIndices: [Int]
}

/// A part a tunnel depends on, for single-point-of-failure reasoning.
struct Dependency: Hashable, Sendable {
    let kind: FailableElement.Kind
    let id: String
}

extension ModelIndex {
    /// The HA VPN gateway (ID) a tunnel hangs on, from its GCP end or its AWS customer gateway IP.
    func haGateway(ofTunnel t: Int) -> String? {
        let tunnel = model.tunnels[t]
        if let ha = tunnel.gcp?.haGateway { return ha.id }
        if let ip = tunnel.aws?.customerGatewayIp, let ha = haInterfaceByIp[ip] { return ha.gateway.id }
        return nil
    }

    func haInterface(ofTunnel t: Int) -> String? {
        let tunnel = model.tunnels[t]
        if let gcp = tunnel.gcp, let ha = gcp.haGateway, let n = gcp.haInterface { return ha.interfaceID(n) }
        if let ip = tunnel.aws?.customerGatewayIp, let ha = haInterfaceByIp[ip] {
            return ha.gateway.interfaceID(ha.interface)
        }
        return nil
    }

    func awsGateway(ofTunnel t: Int) -> String? {
        model.tunnels[t].aws.flatMap { $0.transitGatewayId ?? $0.vpnGatewayId }
    }

    /// The parts whose loss alone takes this tunnel down. Managed, internally redundant resources
    /// (HA gateway, external gateway, Cloud Router, TGW) are left out: they are not the single
    /// points of failure a design can remove.
    func dependencies(ofTunnel t: Int) -> Set<Dependency> {
        let tunnel = model.tunnels[t]
        var result: Set<Dependency> = [Dependency(kind: .tunnel, id: tunnel.id)]
        if let aws = tunnel.aws {
            result.insert(Dependency(kind: .vpnConnection, id: aws.vpnConnectionId))
            if let cgw = aws.customerGatewayId { result.insert(Dependency(kind: .customerGateway, id: cgw)) }
        }
        if let ha = haInterface(ofTunnel: t) { result.insert(Dependency(kind: .haInterface, id: ha)) }
        if let gcp = tunnel.gcp, let peer = gcp.peerGateway, let n = gcp.peerInterface {
            result.insert(Dependency(kind: .peerInterface, id: peer.interfaceID(n)))
        }
        return result
    }

    /// What every tunnel in the set depends on: losing any one of these loses them all.
    func sharedDependencies(of tunnels: [Int]) -> [Dependency] {
        guard var shared = tunnels.first.map({ dependencies(ofTunnel: $0) }) else { return [] }
        for t in tunnels.dropFirst() {
            shared.formIntersection(dependencies(ofTunnel: t))
            if shared.isEmpty { break }
        }
        return shared.sorted { ($0.kind.order, $0.id) < ($1.kind.order, $1.id) }
    }

    /// Groups the cross-cloud tunnels into links. A tunnel seen from one side only joins the link
    /// its known side belongs to when that is unambiguous.
    func crossCloudLinks() -> [CrossCloudLink] {
        var full: [String: (ha: String?, aws: String?, tunnels: [Int])] = [:]
        var partial: [(t: Int, ha: String?, aws: String?)] = []
        for (t, tunnel) in model.tunnels.enumerated() where tunnel.isCrossCloud {
            let ha = haGateway(ofTunnel: t)
            let aws = awsGateway(ofTunnel: t)
            if let ha, let aws {
                full["\(ha)~\(aws)", default: (ha, aws, [])].tunnels.append(t)
            } else {
                partial.append((t, ha, aws))
            }
        }
        for p in partial {
            let candidates = full.filter { key, value in
                (p.ha != nil && value.ha == p.ha) || (p.aws != nil && value.aws == p.aws)
            }
            if candidates.count == 1, let key = candidates.first?.key {
                full[key]?.tunnels.append(p.t)
            } else {
                full["\(p.ha ?? "?")~\(p.aws ?? "?")", default: (p.ha, p.aws, [])].tunnels.append(p.t)
            }
        }
        return full.keys.sorted().map { key in
            let link = full[key]!
            let tunnels = link.tunnels.sorted()
            let ha = link.ha.flatMap { GCPRef(url: $0) }.map { gcpName($0) } ?? "GCP ?"
            let aws = link.aws.map { transitGatewayName($0) } ?? "AWS ?"
            return CrossCloudLink(
                id: "link/\(key)", haGateway: link.ha, awsGateway: link.aws,
                tunnels: tunnels.map { model.tunnels[$0].id }, label: "\(aws) ⇄ HA VPN \(ha)",
                tunnelIndices: tunnels)
        }
    }

    func dependencyName(_ d: Dependency) -> String {
        switch d.kind {
        case .tunnel: return model.tunnelIndex[d.id].map { tunnelName($0) } ?? d.id
        case .vpnConnection: return "VPN connection \(connectionName(d.id))"
        case .customerGateway:
            let ip = model.customerGateway(d.id)?.ipAddress.map { " \($0)" } ?? ""
            return "customer gateway \(customerGatewayName(d.id))\(ip)"
        case .haInterface: return "HA VPN interface \(interfaceName(d.id))"
        case .peerInterface: return "peer gateway interface \(interfaceName(d.id))"
        default: return d.id
        }
    }

    /// `ha-vpn-aws if0 35.242.1.10` from `projects/…/vpnGateways/ha-vpn-aws#if0`.
    func interfaceName(_ id: String) -> String {
        guard let hash = id.lastIndex(of: "#"), let ref = GCPRef(url: String(id[..<hash])),
            let n = Int(id[id.index(hash, offsetBy: 3)...])
        else { return id }
        let ip: IPv4Address?
        if ref.collection == "vpnGateways" {
            ip = model.haGatewayIndex[ref].flatMap {
                model.haVpnGateways[$0].interfaces.first { $0.id == n }?.ipAddress
            }
        } else {
            ip = model.externalGatewayIndex[ref].flatMap {
                model.externalVpnGateways[$0].interfaces.first { $0.id == n }?.ipAddress
            }
        }
        return "\(ref.name) if\(n)" + (ip.map { " \($0)" } ?? "")
    }
}
