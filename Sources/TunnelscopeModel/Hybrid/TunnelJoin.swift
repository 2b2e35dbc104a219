/// Builds `PhysicalTunnel`s: every AWS tunnel and every GCP tunnel, joined on the AWS outside IP.
/// Linear in the number of tunnels: everything is looked up through dictionaries.
struct TunnelJoin {
    let parts: ModelParts
    /// HA VPN interface IP → (gateway, interface id).
    let haInterfaceIps: [IPv4Address: (GCPRef, Int)]
    private let routers: [GCPRef: CloudRouter]
    private let routerByTunnel: [GCPRef: CloudRouter]
    private let haGateways: [GCPRef: HAVPNGateway]
    /// A router's (first) interface linked to a tunnel.
    private let interfaceByRouterAndTunnel: [RouterTunnel: RouterInterface]

    private struct RouterTunnel: Hashable {
        let router: GCPRef
        let tunnel: GCPRef
    }
    private(set) var notes: [String] = []

    init(parts: ModelParts) {
        self.parts = parts
        routers = Dictionary(parts.cloudRouters.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        haGateways = Dictionary(parts.haVpnGateways.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var byTunnel: [GCPRef: CloudRouter] = [:]
        var interfaces: [RouterTunnel: RouterInterface] = [:]
        for router in parts.cloudRouters {
            for interface in router.interfaces {
                guard let t = interface.linkedVpnTunnel else { continue }
                byTunnel[t] = router
                let key = RouterTunnel(router: router.ref, tunnel: t)
                if interfaces[key] == nil { interfaces[key] = interface }
            }
        }
        routerByTunnel = byTunnel
        interfaceByRouterAndTunnel = interfaces
        var ips: [IPv4Address: (GCPRef, Int)] = [:]
        for gateway in parts.haVpnGateways {
            for interface in gateway.interfaces {
                if let ip = interface.ipAddress { ips[ip] = (gateway.ref, interface.id) }
            }
        }
        haInterfaceIps = ips
    }

    mutating func run(siteNameForCustomerGateway: [String: String]) -> [PhysicalTunnel] {
        let gcpEnds = gcpEndsByPeerIp()
        var claimed = Set<GCPRef>()
        var result: [PhysicalTunnel] = []
        var usedIds = Set<String>()

        let cgws = Dictionary(parts.customerGateways.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let tgws = Dictionary(parts.transitGateways.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let vgws = Dictionary(parts.vpnGateways.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        for connection in parts.vpnConnections.sorted(by: { $0.id < $1.id }) {
            let cgw = connection.customerGatewayId.flatMap { cgws[$0] }
            let amazonAsn =
                connection.transitGatewayId.flatMap { tgws[$0]?.amazonSideAsn }
                ?? connection.vpnGatewayId.flatMap { vgws[$0]?.amazonSideAsn }
            for (number, tunnel) in connection.tunnels.enumerated() {
                let end = PhysicalTunnel.AWSEnd(
                    vpnConnectionId: connection.id, tunnelNumber: number + 1, tunnel: tunnel,
                    customerGatewayId: connection.customerGatewayId, customerGatewayIp: cgw?.ipAddress,
                    customerGatewayAsn: cgw?.bgpAsn, transitGatewayId: connection.transitGatewayId,
                    vpnGatewayId: connection.vpnGatewayId, amazonSideAsn: amazonAsn ?? tunnel.awsAsn,
                    staticRoutesOnly: connection.staticRoutesOnly)
                let candidates = gcpEnds[tunnel.outsideIp] ?? []
                let gcp = candidates.first { !claimed.contains($0.tunnel.ref) }
                if let gcp { claimed.insert(gcp.tunnel.ref) }
                if candidates.count > 1 {
                    notes.append(
                        "\(candidates.count) GCP tunnels point at AWS outside IP \(tunnel.outsideIp): "
                            + candidates.map(\.tunnel.ref.description).joined(separator: ", "))
                }
                let facesGCP = gcp != nil || cgw?.ipAddress.map { haInterfaceIps[$0] != nil } == true
                let kind: PhysicalTunnel.Kind = facesGCP ? .awsToGCP : .awsToOnPrem
                var id = "tunnel/\(tunnel.outsideIp)"
                if usedIds.contains(id) { id += "@\(connection.id)" }
                usedIds.insert(id)
                result.append(
                    PhysicalTunnel(
                        id: id, kind: kind, aws: end, gcp: gcp,
                        siteName: kind == .awsToOnPrem
                            ? connection.customerGatewayId.flatMap { siteNameForCustomerGateway[$0] } : nil))
            }
        }

        for ip in gcpEnds.keys.sorted() {
            let ends = gcpEnds[ip] ?? []
            for end in ends where !claimed.contains(end.tunnel.ref) {
                claimed.insert(end.tunnel.ref)
                let towardsAWS = end.peerGateway != nil && end.tunnel.peerGcpGateway == nil
                let id = end.peerIp.map { "tunnel/\($0)" } ?? "tunnel/gcp/\(end.tunnel.ref)"
                let unique = usedIds.contains(id) ? "tunnel/gcp/\(end.tunnel.ref)" : id
                usedIds.insert(unique)
                result.append(
                    PhysicalTunnel(id: unique, kind: towardsAWS ? .awsToGCP : .gcpToOther, aws: nil, gcp: end))
            }
        }
        for tunnel in parts.gcpTunnels where !claimed.contains(tunnel.ref) {
            // Tunnels with no peer IP at all (not even through the external gateway).
            let end = gcpEnd(for: tunnel, peerIp: nil)
            result.append(
                PhysicalTunnel(
                    id: "tunnel/gcp/\(tunnel.ref)", kind: end.peerGateway != nil ? .awsToGCP : .gcpToOther,
                    aws: nil, gcp: end))
        }
        return result.sorted(by: Self.order)
    }

    /// Cross-cloud first; then by GCP HA interface and peer interface, then AWS connection and tunnel.
    static func order(_ a: PhysicalTunnel, _ b: PhysicalTunnel) -> Bool {
        func rank(_ t: PhysicalTunnel) -> Int { t.kind == .awsToGCP ? 0 : t.kind == .awsToOnPrem ? 1 : 2 }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        let ka = (a.aws?.vpnConnectionId ?? "~", a.aws?.tunnelNumber ?? 0, a.gcp?.tunnel.ref.description ?? "")
        let kb = (b.aws?.vpnConnectionId ?? "~", b.aws?.tunnelNumber ?? 0, b.gcp?.tunnel.ref.description ?? "")
        if a.kind == .awsToGCP, let ga = a.gcp, let gb = b.gcp, a.aws == nil || b.aws == nil {
            return (ga.haInterface ?? 9, ga.peerInterface ?? 9, ga.tunnel.ref.description)
                < (gb.haInterface ?? 9, gb.peerInterface ?? 9, gb.tunnel.ref.description)
        }
        return ka < kb
    }

    private func gcpEndsByPeerIp() -> [IPv4Address: [PhysicalTunnel.GCPEnd]] {
        let externals = Dictionary(parts.externalVpnGateways.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [IPv4Address: [PhysicalTunnel.GCPEnd]] = [:]
        for tunnel in NetworkModel.sortedByRef(parts.gcpTunnels, { $0.ref }) {
            var peerIp = tunnel.peerIp
            if peerIp == nil, let ext = tunnel.peerExternalGateway.flatMap({ externals[$0] }),
                let index = tunnel.peerExternalGatewayInterface
            {
                peerIp = ext.interfaces.first { $0.id == index }?.ipAddress
            }
            guard let ip = peerIp else { continue }
            result[ip, default: []].append(gcpEnd(for: tunnel, peerIp: ip))
        }
        return result
    }

    private func gcpEnd(for tunnel: GCPVPNTunnel, peerIp: IPv4Address?) -> PhysicalTunnel.GCPEnd {
        let haIp = tunnel.vpnGateway.flatMap { haGateways[$0] }?.interfaces
            .first { $0.id == tunnel.vpnGatewayInterface }?.ipAddress
        let router = tunnel.router.flatMap { routers[$0] } ?? routerByTunnel[tunnel.ref]
        let interface = router.flatMap { interfaceByRouterAndTunnel[RouterTunnel(router: $0.ref, tunnel: tunnel.ref)] }
        let peer = interface.flatMap { i in router?.bgpPeers.first { $0.interfaceName == i.name } }
        return PhysicalTunnel.GCPEnd(
            tunnel: tunnel, peerIp: peerIp, haGateway: tunnel.vpnGateway, haInterface: tunnel.vpnGatewayInterface,
            haInterfaceIp: haIp, peerGateway: tunnel.peerExternalGateway,
            peerInterface: tunnel.peerExternalGatewayInterface, router: router?.ref ?? tunnel.router,
            routerAsn: router?.asn, routerInterface: interface, bgpPeer: peer)
    }
}
