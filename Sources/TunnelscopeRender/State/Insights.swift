import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// What the views show of the analysis under the current what-if, computed once per what-if
/// (not per frame) from `AppState.analysis`. The analysis judges; this only gathers its answers
/// in the form the views look them up. Render-internal: the type is public only because public
/// view APIs (`TopologyLayout.init`) name it; nothing outside render can make or read one.
public struct Insights: Sendable {
    /// Every finding (`incomplete-input` from the load report among them), most urgent first.
    let findings: [Finding]
    /// Element IDs the user marked as failed (what-if).
    let failed: Set<String>
    /// The outcome of failing them; nil without a what-if.
    let whatIf: FailureOutcome?
    /// Physical tunnel IDs that do not survive the what-if (empty without one).
    let lostTunnels: Set<String>
    /// Physical tunnel IDs whose IPsec survives but whose BGP session does not.
    let lostSessions: Set<String>
    /// Resources whose prefixes lose every path in the what-if (VPC, subnet, site IDs).
    let lostOrigins: Set<String>
    /// Counts for the header, as the analysis judges them.
    let tunnelsDown: Int
    let bgpSessionsDown: Int
    /// The analysis' verdict on every element: the only source of marks, states and `≠`.
    let verdicts: Verdicts
    /// What does not depend on the what-if, built once per analysis.
    let index: AnalysisIndex

    init(analysis: Analysis, failed: Set<String>, index: AnalysisIndex) {
        self.index = index
        findings = analysis.findings
        self.failed = failed
        tunnelsDown = analysis.tunnelsDown
        bgpSessionsDown = analysis.bgpSessionsDown
        verdicts = analysis.verdicts
        let outcome = failed.isEmpty ? nil : analysis.whatIf(failing: failed)
        whatIf = outcome
        lostTunnels = Set(outcome?.tunnelsLost.map(\.id) ?? [])
        lostSessions = Set(outcome?.tunnels.filter { $0.tunnelUpAfter && !$0.sessionUpAfter }.map(\.id) ?? [])
        lostOrigins = Set(outcome?.lostPrefixes.compactMap(\.origin) ?? [])
    }

    /// A sentence on what survives the what-if, e.g. "Failing …: 2 of 4 cross-cloud tunnels carry routes; …".
    var whatIfSummary: String? { whatIf?.summary }

    var errorCount: Int { index.errorCount }
    var warningCount: Int { index.warningCount }

    /// The mark of an element: the what-if first (failed or cut off), then the analysis' verdict.
    func mark(_ id: String, alsoFailed: Bool = false) -> Span {
        if alsoFailed || failed.contains(id) || lostTunnels.contains(id) { return Mark.failed }
        return Mark.health(verdicts.health(of: id))
    }

    /// Findings that name `id`, worst first.
    func findings(involving id: String) -> [Finding] {
        (index.findingsByResource[id] ?? []).map { findings[$0] }.sorted { $0.severity < $1.severity }
    }
}
