import TunnelscopeModel

/// The facts the diff compares for each physical tunnel: both ends, the verdict on each layer,
/// and the routes each side advertises and learns over it.
extension SnapshotFacts {
    mutating func describeTunnels(_ model: NetworkModel, _ verdicts: Verdicts, _ routes: RouteExchange) {
        var routesByTunnel: [String: TunnelRoutes] = [:]
        routesByTunnel.reserveCapacity(routes.perTunnel.count)
        for r in routes.perTunnel { routesByTunnel[r.tunnel] = r }
        for tunnel in model.tunnels {
            let aws = tunnel.aws
            let gcp = tunnel.gcp
            var f = ElementFacts(
                tunnel.id, .tunnel, .tunnels, scope: nil, matchKey: gcp.map { "gcp-tunnel:" + $0.tunnel.ref.id })
            f.add("VPN connection", aws.map { "\($0.vpnConnectionId) #\($0.tunnelNumber)" }, moves: true)
            f.add("attached to", aws.map { $0.transitGatewayId ?? $0.vpnGatewayId ?? "nothing" })
            f.add("GCP tunnel", gcp?.tunnel.ref.id)
            f.add("outside IPs", Self.outsideIPs(tunnel))
            if let v = verdicts.tunnel(tunnel.id) {
                f.add("status", v.word)
                f.add("IPsec", v.ipsecText)
                f.add("BGP", Self.bgpText(v))
                f.add("health", v.health.diffWord)
            }
            f.add("AWS status message", aws?.tunnel.statusMessage)
            f.add("AWS last status change", aws?.tunnel.lastStatusChange)
            f.add("GCP detailed status", gcp?.tunnel.detailedStatus)
            f.add("inside /30 (AWS)", aws?.tunnel.insideCidr?.description)
            f.add("inside /30 (GCP)", gcp?.routerInterface?.ipRange?.description)
            f.add("ASNs", Self.asns(tunnel))
            f.add(secret: "pre-shared key", aws?.tunnel.preSharedKey)
            f.add("routes accepted by AWS", aws?.tunnel.acceptedRouteCount)
            f.add("routes learned by GCP (count)", gcp?.bgpPeer?.status?.numLearnedRoutes)
            let r = routesByTunnel[tunnel.id]
            f.add(set: "routes advertised by AWS", aws == nil ? nil : r?.awsAdvertises)
            f.add(set: "routes advertised by GCP", gcp == nil ? nil : r?.gcpAdvertises)
            f.add(set: "routes learned by AWS", aws == nil ? nil : r?.awsLearns)
            f.add(set: "routes learned by GCP", r?.gcpLearns)
            append(f)
        }
    }

    /// `52.1.20.22 ⇄ 35.242.10.1`: the AWS tunnel outside IP and the GCP HA VPN interface IP.
    static func outsideIPs(_ tunnel: PhysicalTunnel) -> String? {
        let aws = tunnel.outsideIp
        let gcp = tunnel.gcp?.haInterfaceIp ?? tunnel.aws?.customerGatewayIp
        guard aws != nil || gcp != nil else { return nil }
        return "\(aws?.description ?? "?") ⇄ \(gcp?.description ?? "?")"
    }

    /// `AWS 64512 ⇄ GCP 65010`: the Amazon-side ASN and the far end's.
    static func asns(_ tunnel: PhysicalTunnel) -> String? {
        let amazon = tunnel.aws?.amazonSideAsn ?? tunnel.gcp?.bgpPeer?.peerAsn
        let far = tunnel.gcp?.routerAsn ?? tunnel.aws?.customerGatewayAsn
        guard amazon != nil || far != nil else { return nil }
        return "AWS \(amazon.map(String.init) ?? "?") ⇄ \(far.map(String.init) ?? "?")"
    }

    /// The session as each side reports it, without the route counts (they are fields of their own).
    static func bgpText(_ v: TunnelVerdict) -> String {
        let state = v.state
        if state.staticRouting { return "static routing" }
        guard state.bgpConfigured else { return "none" }
        func word(_ view: TunnelState.View) -> String {
            switch view {
            case .up: "UP"
            case .down: "DOWN"
            case .unknown: "not exported"
            }
        }
        let gcp = state.gcpBGP == .down ? (v.gcpFSM ?? "DOWN") : word(state.gcpBGP)
        return "AWS \(word(state.awsBGP)), GCP \(gcp)"
    }
}
