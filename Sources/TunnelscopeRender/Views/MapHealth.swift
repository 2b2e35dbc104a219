import TunnelscopeAnalysis

extension TopologyLayout {
    /// The health of one element by its ID (a VPC, TGW, site, tunnel, HA gateway, project,
    /// Memorystore instance, cross-cloud link `link/<HA>~<TGW>`, …). The map asks this for every
    /// box and never judges health itself: this is the one place where its marks come from.
    public typealias HealthLookup = (String) -> Health

    /// Element health from the analysis' verdicts (the worst finding naming the element, and for
    /// gateways, connections, sites and links what share of their tunnels carry), and failed for
    /// what the what-if marks failed, loses (`lostTunnels`) or leaves without a path (`lostOrigins`).
    public static func healthFromVerdicts(_ insights: Insights) -> HealthLookup {
        let health = VerdictHealth(insights)
        return { health($0) }
    }
}

/// `healthFromVerdicts` as a value the layout can keep (to make the boxes of rows as they are shown).
struct VerdictHealth: Sendable {
    let failed: Set<String>
    let lost: Set<String>
    let verdicts: Verdicts

    init(_ insights: Insights) {
        failed = insights.whatIf == nil ? [] : insights.failed.union(insights.impact.failed)
        lost =
            insights.whatIf == nil
            ? []
            : insights.lostOrigins.union(insights.lostTunnels).union(insights.impact.takenDown.keys)
                .subtracting(failed)
        verdicts = insights.verdicts
    }

    func callAsFunction(_ id: String) -> TopologyLayout.Health {
        if failed.contains(id) { return .failed }
        if lost.contains(id) { return .lost }
        switch verdicts.health(of: id) {
        case .down: return .down
        case .degraded: return .degraded
        case .ok: return .ok
        case .unknown: return .neutral
        }
    }
}

/// What the findings say about the tunnels, by rule id: the map's link box and the tour count
/// what is down from these, never from the tunnels' status fields.
struct TunnelFindings {
    /// Physical tunnel IDs named by a `tunnel-down` finding (down at IPsec level on either side).
    let ipsecDown: Set<String>
    /// Physical tunnel IDs named by a `bgp-down` finding (the BGP session over the tunnel is not up).
    let bgpDown: Set<String>
    /// `bgp-down` findings that name no tunnel (Direct Connect BGP peers).
    let otherBGPDown: [Finding]
    let tunnelDownFindings: [Finding]
    let bgpDownFindings: [Finding]

    static let tunnelDownRule = "tunnel-down"
    static let bgpDownRule = "bgp-down"

    init(findings: [Finding]) {
        var ipsec = Set<String>()
        var bgp = Set<String>()
        var other: [Finding] = []
        var tunnelFindings: [Finding] = []
        var bgpFindings: [Finding] = []
        for finding in findings {
            switch finding.rule {
            case Self.tunnelDownRule:
                tunnelFindings.append(finding)
                for id in finding.resources where id.hasPrefix("tunnel/") { ipsec.insert(id) }
            case Self.bgpDownRule:
                bgpFindings.append(finding)
                let tunnels = finding.resources.filter { $0.hasPrefix("tunnel/") }
                if tunnels.isEmpty { other.append(finding) }
                bgp.formUnion(tunnels)
            default: break
            }
        }
        ipsecDown = ipsec
        bgpDown = bgp
        otherBGPDown = other
        tunnelDownFindings = tunnelFindings
        bgpDownFindings = bgpFindings
    }
}
