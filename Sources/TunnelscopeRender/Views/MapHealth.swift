import TunnelscopeAnalysis

extension TopologyLayout {
    /// The health of one element by its ID (a VPC, TGW, site, tunnel, HA gateway, project,
    /// Memorystore instance, cross-cloud link `link/<HA>~<TGW>`, …). The map asks this for every
    /// box and never judges health itself: this is the one place where its marks come from.
    public typealias HealthLookup = (String) -> Health

    /// Element health read from the analysis' findings and the what-if: the worst finding that
    /// names the element (error → down, warning → degraded, info → ok), and failed for what the
    /// what-if marks failed, loses (`lostTunnels`) or leaves without a path (`lostOrigins`).
    ///
    /// Interim: the analysis is to give one verdict per element; this lookup is what gets
    /// replaced then (pass it as `health:` to `TopologyLayout.init`).
    public static func healthFromFindings(_ insights: Insights) -> HealthLookup {
        var worst: [String: Severity] = [:]
        for finding in insights.findings {
            for id in finding.resources {
                if let current = worst[id], current <= finding.severity { continue }
                worst[id] = finding.severity
            }
        }
        let failed = insights.failed.union(insights.lostOrigins).union(insights.lostTunnels)
        return { id in
            if failed.contains(id) { return .failed }
            switch worst[id] {
            case .error?: return .down
            case .warning?: return .degraded
            case .info?, nil: return .ok
            }
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
        var ipsec = Set<String>(), bgp = Set<String>()
        var other: [Finding] = [], tunnelFindings: [Finding] = [], bgpFindings: [Finding] = []
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
        ipsecDown = ipsec; bgpDown = bgp; otherBGPDown = other
        tunnelDownFindings = tunnelFindings; bgpDownFindings = bgpFindings
    }
}
