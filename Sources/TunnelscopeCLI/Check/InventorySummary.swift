import TunnelscopeAnalysis
import TunnelscopeModel

/// The counts at the top of every report (and the `summary` object of the JSON contract).
/// Tunnel and BGP counts come from the analysis, so they agree with the tunnel-down and bgp-down findings.
struct InventorySummary {
    let model: NetworkModel
    let analysis: Analysis

    var tunnelsDown: Int { analysis.tunnelsDown }
    var bgpSessionsDown: Int { analysis.bgpSessionsDown }

    var json: CheckJSON.Summary {
        CheckJSON.Summary(
            awsAccounts: model.awsAccounts.count,
            gcpProjects: model.gcpProjects.filter { $0.role != .external }.count,
            awsVpcs: model.vpcs.count, gcpNetworks: model.gcpNetworks.count, onPremSites: model.onPremSites.count,
            tunnels: model.tunnels.count, crossCloudTunnels: model.tunnels.filter(\.isCrossCloud).count,
            tunnelsDown: tunnelsDown, bgpSessionsDown: bgpSessionsDown,
            findings: CheckJSON.FindingCounts(error: count(.error), warning: count(.warning), info: count(.info)))
    }

    /// Findings counted in `summary.findings`: the analysis's, the load report's among them.
    func count(_ severity: Severity) -> Int { analysis.count(severity) }
}
