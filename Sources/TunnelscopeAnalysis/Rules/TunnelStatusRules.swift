import TunnelscopeModel
import TunnelscopeText

/// tunnel-down: a tunnel is down on either side (AWS telemetry DOWN; GCP status other than
/// ESTABLISHED; or its AWS VPN connection is being deleted).
enum TunnelDownRule: AnalysisRule {
    static let id = "tunnel-down"
    static let summary = "A tunnel is down on either side: AWS telemetry DOWN, or a GCP status other than ESTABLISHED."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        let model = c.model
        var result: [Finding] = []
        for (t, tunnel) in model.tunnels.enumerated() {
            let state = c.states[t]
            let connectionState = tunnel.aws.flatMap { model.vpnConnection($0.vpnConnectionId)?.state }
            let deleted = connectionState == "deleted" || connectionState == "deleting"
            guard state.awsTunnel == .down || state.gcpTunnel == .down || deleted else { continue }
            var sides: [String] = []
            if state.awsTunnel == .down { sides.append("DOWN on AWS") }
            if state.gcpTunnel == .down { sides.append("\(tunnel.gcp?.tunnel.status ?? "?") on GCP") }
            if deleted { sides.append("its AWS VPN connection is \(connectionState ?? "")") }
            var other = ""
            if state.awsTunnel == .up { other = " (AWS says UP)" }
            if state.gcpTunnel == .up { other = " (GCP says ESTABLISHED)" }
            let impact = Self.impact(c, tunnel: t)
            result.append(
                Finding(
                    rule: Self.id, severity: .error,
                    message:
                        "\(c.index.tunnelName(t).capitalizedFirst) is \(sides.joined(separator: " and "))\(other)\(impact)",
                    resources: c.index.tunnelResources(t), hint: hint(tunnel, state)))
        }
        return result
    }

    /// `; 3 of 4 tunnels of the link still carry` / `; the site has no other path`.
    static func impact(_ c: AnalysisContext, tunnel t: Int) -> String {
        if let link = c.links.first(where: { $0.tunnelIndices.contains(t) }) {
            let alive = link.tunnelIndices.filter { c.states[$0].carries }.count
            return alive == 0
                ? "; the AWS ⇄ GCP link has no tunnel left"
                : "; \(alive) of \(link.tunnelIndices.count) tunnels of the link still carry routes"
        }
        if let cgw = c.model.tunnels[t].aws?.customerGatewayId, let s = c.index.siteByCustomerGateway[cgw] {
            let site = c.model.onPremSites[s]
            let alive = site.customerGatewayIds.flatMap { c.index.tunnelsByCustomerGateway[$0] ?? [] }.filter {
                c.states[$0].carries
            }.count
            return alive == 0 && site.directConnectGatewayIds.isEmpty ? "; \(site.name) has no VPN tunnel left" : ""
        }
        return ""
    }

    static func hint(_ tunnel: PhysicalTunnel, _ state: TunnelState) -> String {
        let ip = tunnel.outsideIp?.description ?? "the AWS end"
        switch tunnel.gcp?.tunnel.status {
        case "NO_INCOMING_PACKETS"?:
            return
                "GCP receives nothing from \(ip): check that the AWS tunnel exists with this outside IP and is not stopped, and that the pre-shared keys match."
        case "AUTHORIZATION_ERROR"?:
            return
                "Pre-shared key mismatch: set the GCP tunnel's shared secret to the AWS tunnel's PreSharedKey (or the reverse)."
        case "NEGOTIATION_FAILURE"?, "PEER_IDENTITY_MISMATCH"?, "TS_NARROWING_NOT_ALLOWED"?:
            return
                "IKE negotiation fails: compare the AWS tunnel's IKE version and phase 1/2 algorithms with what GCP HA VPN supports (IKEv2, AES-GCM/AES-CBC, SHA2, DH 14+)."
        case "FIRST_HANDSHAKE"?, "WAITING_FOR_FULL_CONFIG"?, "ALLOCATING_RESOURCES"?, "PROVISIONING"?:
            return
                "The GCP tunnel is still coming up or is incompletely configured: check its router interface and BGP peer exist."
        case "ESTABLISHED"? where state.awsTunnel == .down:
            return
                "The ends disagree (see status-mismatch): re-export both sides at the same time; if it persists, read the AWS tunnel logs in CloudWatch and reset the IKE SA (recreate the GCP tunnel or modify the AWS tunnel options)."
        default:
            return
                "Read the tunnel logs on both sides (AWS: VPN tunnel logs in CloudWatch; GCP: Cloud Logging for the VPN gateway)."
        }
    }
}

/// bgp-down: a BGP session is not up (Cloud Router `bgpPeerStatus`; AWS telemetry with no
/// accepted route on a BGP connection when Cloud Router's status was not exported; a Direct
/// Connect BGP peer that is down).
enum BGPDownRule: AnalysisRule {
    static let id = "bgp-down"
    static let summary =
        "A BGP session is not up: Cloud Router peer status not UP (or the peer disabled), AWS telemetry with no accepted route on a BGP connection, a Direct Connect BGP peer down."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        let model = c.model
        var result: [Finding] = []
        for (t, tunnel) in model.tunnels.enumerated() {
            let state = c.states[t]
            guard state.bgpConfigured, !state.staticRouting else { continue }
            if let gcp = tunnel.gcp, let peer = gcp.bgpPeer, state.gcpBGP == .down {
                let addresses = "\(peer.ipAddress?.description ?? "?") ⇄ \(peer.peerIpAddress?.description ?? "?")"
                let routerName = gcp.router?.name ?? "?"
                if !peer.enabled {
                    result.append(
                        Finding(
                            rule: Self.id, severity: .warning,
                            message:
                                "BGP peer \(peer.name) on \(routerName) is disabled: \(c.index.tunnelName(t)) carries no routes",
                            resources: c.index.tunnelResources(t) + (gcp.router.map { [$0.id] } ?? []),
                            hint:
                                "Enable it (\(Shell.command("gcloud", "compute", "routers", "update-bgp-peer", routerName, "--peer-name", peer.name, "--enabled"))) unless the tunnel is being retired."
                        ))
                    continue
                }
                let fsm = peer.status?.state.map { " (\($0))" } ?? ""
                let hint =
                    state.ipsecUp
                    ? "The tunnel is up but BGP is not: check the inside addresses (\(addresses)), the peer ASN (\(peer.peerAsn.map(String.init) ?? "?")) and MD5 settings on both ends."
                    : "BGP comes back with the tunnel: fix the tunnel first (see tunnel-down)."
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message:
                            "BGP session \(peer.name) on \(routerName) (\(addresses)) is \(peer.status?.status ?? "DOWN")\(fsm): no routes over \(c.index.tunnelName(t))",
                        resources: c.index.tunnelResources(t) + (gcp.router.map { [$0.id] } ?? []), hint: hint))
            } else if state.bgpDown, let aws = tunnel.aws {
                let how =
                    (state.awsTunnel == .down
                        ? "the tunnel is DOWN"
                        : state.awsBGP == .down ? "IPsec is up, BGP is DOWN" : "the tunnel is UP")
                    + (state.gcpBGP == .up ? "; Cloud Router still reports the session UP" : "")
                let message =
                    state.awsLearnsNothing
                    ? "AWS reports \(c.index.tunnelName(t)) UP but accepts no BGP route over it: AWS sends nothing to its peer through it (Cloud Router's status was not exported)"
                    : "AWS reports the BGP session of \(c.index.tunnelName(t)) down (\(how)): no routes over it"
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message: message,
                        resources: c.index.tunnelResources(t),
                        hint: state.awsTunnel == .down
                            ? "Fix the tunnel first (see tunnel-down)."
                            : "Check the peer's BGP configuration: inside address \(aws.tunnel.customerInsideIp?.description ?? "?") peering with \(aws.tunnel.awsInsideIp?.description ?? "?"), ASN \(aws.amazonSideAsn.map(String.init) ?? "?") on the AWS side"
                                + (state.gcpBGP == .unknown
                                    ? "; export `routers get-status` to see Cloud Router's view."
                                    : "; Cloud Router's UP is stale or one-sided: clear the BGP session on either end.")
                    ))
            }
        }
        for vif in model.virtualInterfaces {
            for peer in vif.bgpPeers where peer.bgpStatus == "down" {
                let site = vif.directConnectGatewayId.flatMap { c.index.siteByDirectConnectGateway[$0] }
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message:
                            "Direct Connect BGP peer \(peer.id ?? "?") on \(c.index.named(vif.name, vif.id)) is down"
                            + (site.map { ": \(c.index.siteName($0)) loses this path" } ?? ""),
                        resources: [vif.id]
                            + [vif.directConnectGatewayId, site.map { model.onPremSites[$0].id }].compactMap { $0 },
                        hint:
                            "Check the router at \(vif.location ?? "the DX location"): BGP \(peer.customerAddress ?? "?") ⇄ \(peer.amazonAddress ?? "?"), ASN \(peer.asn.map(String.init) ?? "?")."
                    ))
            }
        }
        return result
    }
}

/// status-mismatch: the two ends of one tunnel disagree, at one layer: IPsec (AWS UP/DOWN vs the
/// GCP tunnel status), BGP (AWS telemetry vs Cloud Router's peer status), or routes (one side's
/// session is up and advertises, the other accepts nothing).
enum StatusMismatchRule: AnalysisRule {
    static let id = "status-mismatch"
    static let summary =
        "The two ends of one tunnel disagree: IPsec (AWS UP/DOWN vs GCP ESTABLISHED or not), BGP (AWS vs Cloud Router), or routes (advertised on one side, none accepted on the other)."

    /// The layers on which the two ends of a tunnel disagree, each as a short text.
    /// Each layer the two ends disagree on: the finding's words, and each side's value as it reports it.
    static func disagreements(
        _ c: AnalysisContext, _ t: Int
    ) -> [(layer: String, text: String, aws: String, gcp: String)] {
        let tunnel = c.model.tunnels[t]
        guard let aws = tunnel.aws, let gcp = tunnel.gcp else { return [] }
        let s = c.states[t]
        var parts: [(String, String, String, String)] = []
        if s.awsTunnel != .unknown, s.gcpTunnel != .unknown, s.awsTunnel != s.gcpTunnel {
            let since = aws.tunnel.lastStatusChange.map { " since \($0)" } ?? ""
            let awsText = s.awsTunnel == .up ? "up" : "DOWN"
            parts.append(
                (
                    "IPsec", "AWS says IPsec \(awsText)\(since), GCP says \(gcp.tunnel.status ?? "?")",
                    "\(awsText)\(since)", gcp.tunnel.status ?? "?"
                ))
        }
        guard !s.staticRouting, s.ipsecUp else { return parts }
        let accepted =
            aws.tunnel.acceptedRouteCount.map { "\($0) route\($0 == 1 ? "" : "s") accepted" }
            ?? "routes accepted unknown"
        let fsm = gcp.bgpPeer?.status?.state.map { " (\($0))" } ?? ""
        if s.gcpBGP != .unknown, s.awsBGP != .unknown, s.gcpBGP != s.awsBGP {
            let awsText = s.awsBGP == .up ? "UP, \(accepted)" : "DOWN"
            parts.append(
                (
                    "BGP", "AWS says BGP \(awsText), Cloud Router says \(gcp.bgpStatus ?? "?")\(fsm)", awsText,
                    "\(gcp.bgpStatus ?? "?")\(fsm)"
                ))
        } else if s.gcpBGP == .up, s.awsLearnsNothing {
            let sent = c.exchange.perTunnel.first { $0.tunnel == tunnel.id }?.gcpAdvertises.count ?? 0
            if sent > 0 {
                parts.append(
                    (
                        "routes", "Cloud Router advertises \(plural(sent, "prefix", "prefixes")) on it, AWS accepts 0",
                        "accepts 0 routes", "advertises \(plural(sent, "prefix", "prefixes"))"
                    ))
            }
        } else if s.gcpBGP == .up, s.awsBGP == .up, s.gcpLearnedRoutes == 0 {
            let sent = c.exchange.perTunnel.first { $0.tunnel == tunnel.id }?.awsAdvertises.count ?? 0
            if sent > 0 {
                parts.append(
                    (
                        "routes", "AWS advertises \(plural(sent, "prefix", "prefixes")) on it, Cloud Router learned 0",
                        "advertises \(plural(sent, "prefix", "prefixes"))", "learned 0 routes"
                    ))
            }
        }
        return parts
    }

    static func findings(_ c: AnalysisContext) -> [Finding] {
        var result: [Finding] = []
        for t in c.model.tunnels.indices {
            let parts = disagreements(c, t)
            guard !parts.isEmpty else { continue }
            result.append(
                Finding(
                    rule: Self.id, severity: .warning,
                    message:
                        "The two ends of \(c.index.tunnelName(t)) disagree: \(parts.map(\.text).joined(separator: "; "))",
                    resources: c.index.tunnelResources(t),
                    hint: parts.allSatisfy({ $0.layer == "routes" })
                        ? "Both ends report the session up but one side accepts no route over it: check what Cloud Router advertises on this peer (custom advertisements, route priority) and the AWS quota on routes advertised to a VPN connection, then re-export both sides together."
                        : "Exports taken at different times disagree: re-export both sides together. If they still disagree, one side holds a half-open IKE SA or a session the other has dropped; trust the side that reports DOWN."
                ))
        }
        return result
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
