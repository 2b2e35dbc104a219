import TunnelscopeModel

/// What failing one element takes down: tunnels (IPsec), BGP sessions only (a Cloud Router or a
/// BGP peer), TGW attachments, Direct Connect virtual interfaces, whole Transit Gateways.
extension FailureSimulator {
    // MARK: Effects

    struct Effect {
        var tunnels: [Int] = []
        var sessions: [Int] = []
        var attachments: [String] = []
        var virtualInterfaces: [String] = []
        var transitGateways: [String] = []
        var peerings: [String] = []
        var vpcs: [String] = []
    }

    func effect(of element: FailableElement) -> Effect {
        let index = context.index
        let model = context.model
        var e = Effect()
        switch element.kind {
        case .tunnel:
            if let t = model.tunnelIndex[element.id] { e.tunnels = [t] }
        case .haInterface:
            e.tunnels = index.tunnelsByHAInterface[element.id] ?? []
        case .haGateway:
            e.tunnels = index.tunnelsByHAGateway[element.id] ?? []
        case .peerInterface:
            e.tunnels = index.tunnelsByPeerInterface[element.id] ?? []
            if let ip = peerInterfaceIp(element.id) { e.tunnels += awsTunnels(withOutsideIp: [ip]) }
        case .peerGateway:
            e.tunnels = index.tunnelsByPeerGateway[element.id] ?? []
            if let ref = GCPRef(url: element.id), let g = model.externalGatewayIndex[ref] {
                e.tunnels += awsTunnels(
                    withOutsideIp: Set(model.externalVpnGateways[g].interfaces.compactMap(\.ipAddress)))
            }
        case .vpnConnection:
            e.tunnels = index.tunnelsByConnection[element.id] ?? []
            e.attachments = index.attachments(of: element.id).map(\.id)
        case .customerGateway:
            e.tunnels = index.tunnelsByCustomerGateway[element.id] ?? []
        case .cloudRouter:
            e.sessions = index.tunnelsByRouter[element.id] ?? []
        case .bgpSession:
            let parts = element.id.split(separator: "/").map(String.init)
            if parts.count >= 2, parts[parts.count - 2] == "bgpPeers" {
                let router = parts.dropLast(2).joined(separator: "/")
                let peer = parts[parts.count - 1]
                e.sessions = (index.tunnelsByRouter[router] ?? []).filter {
                    model.tunnels[$0].gcp?.bgpPeer?.name == peer
                }
            }
        case .transitGateway, .vpnGateway:
            e.tunnels = index.tunnelsByAWSGateway[element.id] ?? []
            if element.kind == .transitGateway { e.transitGateways = [element.id] }
        case .tgwAttachment:
            e.attachments = [element.id]
        case .vpc:
            e.attachments = index.attachments(of: element.id).map(\.id)
            e.vpcs = [element.id]
        case .vpcPeering, .gcpPeering:
            e.peerings = [element.id]
        case .gcpNetwork:
            if let ref = GCPRef(url: element.id) {
                e.tunnels = model.tunnels.indices.filter { index.gcpNetwork(ofTunnel: $0) == ref }
            }
        case .directConnectGateway:
            e.attachments = index.attachments(of: element.id).map(\.id)
            e.virtualInterfaces = index.virtualInterfaces(ofGateway: element.id).map(\.id)
        case .virtualInterface:
            e.virtualInterfaces = [element.id]
        case .site:
            guard let s = model.siteIndex[element.id] else { break }
            let site = model.onPremSites[s]
            e.tunnels = site.customerGatewayIds.flatMap { index.tunnelsByCustomerGateway[$0] ?? [] }
            for dx in site.directConnectGatewayIds {
                e.attachments += index.attachments(of: dx).map(\.id)
                e.virtualInterfaces += index.virtualInterfaces(ofGateway: dx).map(\.id)
            }
        }
        return e
    }

    func peerInterfaceIp(_ id: String) -> IPv4Address? {
        guard let hash = id.lastIndex(of: "#"), let ref = GCPRef(url: String(id[..<hash])),
            let n = Int(id[id.index(hash, offsetBy: 3)...]), let g = context.model.externalGatewayIndex[ref]
        else { return nil }
        return context.model.externalVpnGateways[g].interfaces.first { $0.id == n }?.ipAddress
    }

    /// AWS-only tunnels with these outside IPs (tunnels joined to GCP are found through the GCP side).
    func awsTunnels(withOutsideIp ips: Set<IPv4Address>) -> [Int] {
        ips.compactMap { ip in context.model.tunnelIndex["tunnel/\(ip)"] }.filter {
            context.model.tunnels[$0].gcp == nil
        }
    }
}
