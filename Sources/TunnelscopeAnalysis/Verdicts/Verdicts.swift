import TunnelscopeModel

/// The verdict on any element: its health, a short state when the analysis has one
/// (`1 of 2 tunnels carry`), and the findings that name it.
public struct ElementVerdict: Sendable, Hashable {
    public let id: String
    public let health: Health
    public let state: String?
    /// Indices into `Analysis.findings`, worst first.
    public let findings: [Int]
}

/// One verdict per element, computed once per analysis from the tunnel readings and the findings.
/// The header, every view, the map marks and the `≠` markers read these and judge nothing themselves.
public struct Verdicts: Sendable {
    public let tunnels: [TunnelVerdict]
    private let tunnelById: [String: Int]
    private let findingsByResource: KeyedGroups
    /// Elements whose health follows from the tunnels (or Direct Connect paths) they carry.
    /// What each element carries in the exported state (the what-if's impact compares with it).
    let carriers: [String: (carrying: Int, total: Int, what: String)]
    private let severities: [Severity]

    /// The mismatch rules: a tunnel named by one of these is drawn with `≠`.
    public static let mismatchRules: [String: String] = [
        "status-mismatch": "status", "inside-address-mismatch": "inside /30", "asn-mismatch": "ASN",
        "unmatched-tunnel": "one side only",
    ]

    init(context c: AnalysisContext, findings: [Finding]) {
        let model = c.model
        severities = findings.map(\.severity)
        // Sized once (growing a table of tens of thousands of IDs rehashes them each time), and
        // stored flat (not an array per resource); the findings are read in place, not copied.
        var byResource = KeyedGroups.Builder(capacity: 2 * findings.count)
        for i in findings.indices {
            // A finding names a handful of resources: a repeat is found by looking back, not by
            // building a set for every finding.
            let resources = findings[i].resources
            for k in resources.indices where !resources[..<k].contains(resources[k]) {
                byResource.add(resources[k], i)
            }
        }
        let findingsByResource = byResource.groups()
        self.findingsByResource = findingsByResource

        var verdicts: [TunnelVerdict] = []
        verdicts.reserveCapacity(model.tunnels.count)
        var byId: [String: Int] = [:]
        for (t, tunnel) in model.tunnels.enumerated() {
            let state = c.states[t]
            let named = Array(findingsByResource[tunnel.id] ?? [])
            var disagreements: [Disagreement] = []
            for i in named {
                let f = findings[i]
                guard let layer = Self.mismatchRules[f.rule] else { continue }
                if f.rule == StatusMismatchRule.id {
                    let parts = StatusMismatchRule.disagreements(c, t)
                    if parts.isEmpty { disagreements.append(Disagreement(layer: layer, text: f.message, rule: f.rule)) }
                    for p in parts {
                        disagreements.append(
                            Disagreement(layer: p.layer, text: p.text, rule: f.rule, aws: p.aws, gcp: p.gcp))
                    }
                } else {
                    let (aws, gcp) = Self.values(layer, tunnel)
                    disagreements.append(Disagreement(layer: layer, text: f.message, rule: f.rule, aws: aws, gcp: gcp))
                }
            }
            var health: Health = state.carries ? .ok : state.oneWay ? .degraded : .down
            if state.awsTunnel == .unknown, state.gcpTunnel == .unknown, state.bgp == .unknown {
                health = max(health, .unknown)
            }
            for i in named { health = max(health, Health(findings[i].severity)) }
            var v = TunnelVerdict(
                id: tunnel.id, index: t, state: state, carries: state.carries, disagreements: disagreements,
                health: health, findings: named)
            v.gcpFSM = tunnel.gcp?.bgpPeer.flatMap { $0.enabled ? $0.status?.state : "disabled" }
            v.crossCloud = tunnel.isCrossCloud
            verdicts.append(v)
            byId[tunnel.id] = t
        }
        tunnels = verdicts
        tunnelById = byId

        carriers = Self.carriers(c, carries: { c.states[$0].carries }, failedVirtualInterfaces: [])
    }

    /// What each element carries (its tunnels, and Direct Connect paths), given which tunnels carry:
    /// the exported state for the verdicts, the state after a what-if's failures for its impact.
    static func carriers(
        _ c: AnalysisContext, carries: (Int) -> Bool, failedVirtualInterfaces: Set<String>
    ) -> [String: (carrying: Int, total: Int, what: String)] {
        var carriers: [String: (carrying: Int, total: Int, what: String)] = [:]
        func count(_ id: String?, _ carries: Bool, _ what: String = "tunnel") {
            guard let id else { return }
            var entry = carriers[id] ?? (0, 0, what)
            entry.total += 1
            if carries { entry.carrying += 1 }
            carriers[id] = entry
        }
        for (t, tunnel) in c.model.tunnels.enumerated() {
            let carries = carries(t)
            if let aws = tunnel.aws {
                count(aws.vpnConnectionId, carries)
                count(aws.customerGatewayId, carries)
                count(aws.transitGatewayId ?? aws.vpnGatewayId, carries)
                if let cgw = aws.customerGatewayId, let s = c.index.siteByCustomerGateway[cgw] {
                    count(c.model.onPremSites[s].id, carries, "path")
                }
            }
            if let gcp = tunnel.gcp {
                count(gcp.tunnel.ref.id, carries)
                count(gcp.router?.id, carries)
                if let router = gcp.router, let peer = gcp.bgpPeer {
                    count("\(router.id)/bgpPeers/\(peer.name)", carries)
                }
                if let peer = gcp.peerGateway {
                    count(peer.id, carries)
                    if let n = gcp.peerInterface { count(peer.interfaceID(n), carries) }
                }
            }
            if let ha = c.index.haGateway(ofTunnel: t) { count(ha, carries) }
            if let interface = c.index.haInterface(ofTunnel: t) { count(interface, carries) }
        }
        for vif in c.model.virtualInterfaces {
            let up =
                !failedVirtualInterfaces.contains(vif.id) && vif.state != "down" && vif.state != "deleted"
                && (vif.bgpPeers.isEmpty || vif.bgpPeers.contains { $0.bgpStatus != "down" })
            count(vif.id, up, "BGP path")
            count(vif.directConnectGatewayId, up, "virtual interface")
            if let dx = vif.directConnectGatewayId, let s = c.index.siteByDirectConnectGateway[dx] {
                count(c.model.onPremSites[s].id, up, "path")
            }
        }
        for link in c.links {
            for t in link.tunnelIndices { count(link.id, carries(t)) }
        }
        return carriers
    }

    /// Each side's value of a layer a mismatch rule compares.
    static func values(_ layer: String, _ t: PhysicalTunnel) -> (aws: String, gcp: String) {
        switch layer {
        case "inside /30":
            return (
                t.aws?.tunnel.insideCidr?.description ?? "?",
                t.gcp?.routerInterface?.ipRange?.description ?? "?"
            )
        case "ASN":
            return (
                "Amazon side ASN \(t.aws?.amazonSideAsn.map(String.init) ?? "?")",
                "peer ASN \(t.gcp?.bgpPeer?.peerAsn.map(String.init) ?? "?")"
            )
        default:
            return (t.aws == nil ? "not in the exports" : "present", t.gcp == nil ? "not in the exports" : "present")
        }
    }

    public func tunnel(_ id: String) -> TunnelVerdict? { tunnelById[id].map { tunnels[$0] } }

    /// Indices into `Analysis.findings` of the findings that name `id`.
    public func findings(naming id: String) -> [Int] { Array(findingsByResource[id] ?? []) }

    /// The verdict on any element ID (tunnel, connection, gateway, interface, router, BGP session,
    /// site, VPC, network, subnet, Memorystore instance, link …).
    public func element(_ id: String) -> ElementVerdict {
        if let t = tunnel(id) {
            return ElementVerdict(id: id, health: t.health, state: t.summary, findings: t.findings)
        }
        let named = findings(naming: id)
        var health = Health.ok
        var state: String?
        if let c = carriers[id] {
            health = c.carrying == c.total ? .ok : c.carrying == 0 ? .down : .degraded
            state = "\(c.carrying) of \(plural(c.total, c.what)) carry"
        }
        for i in named { health = max(health, Health(severities[i])) }
        return ElementVerdict(id: id, health: health, state: state, findings: named)
    }

    public func health(of id: String) -> Health { element(id).health }

    // MARK: Counts (the header and `check` summary read these)

    /// Tunnels whose IPsec is down on either side.
    public var ipsecDown: Int { tunnels.filter { !$0.state.ipsecUp }.count }
    /// BGP sessions judged down (tunnels with IPsec up or down alike).
    public var bgpDown: Int { tunnels.filter { $0.state.bgpDown }.count }
    public var carrying: Int { tunnels.filter(\.carries).count }
    /// Tunnels up at IPsec and BGP that carry nothing either way (no side learns a route over them).
    public var carryNoRoutes: Int {
        tunnels.filter { $0.state.ipsecUp && !$0.state.bgpDown && !$0.carries && !$0.state.oneWay }.count
    }
    /// Tunnels up at IPsec and BGP that carry one way only (one side learns no route over them).
    public var oneWay: Int { tunnels.filter { $0.state.ipsecUp && !$0.state.bgpDown && $0.state.oneWay }.count }
    public var disagreeing: Int { tunnels.filter(\.hasDisagreement).count }
}
