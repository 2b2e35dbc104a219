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
    /// Resources the what-if cuts off from a side (VPC, subnet, site, GCP network and project IDs).
    let lostOrigins: Set<String>
    /// What is down and what it breaks: the exported state, or the state after the what-if.
    let impact: Impact
    /// What the what-if panel lists; nil without a what-if.
    let whatIfReport: WhatIfReport?
    /// The incident summary of the exported state; nil during a what-if.
    let incidentReport: IncidentReport?
    /// Counts for the header, as the analysis judges them.
    let tunnelsDown: Int
    let bgpSessionsDown: Int
    /// The analysis' verdict on every element: the only source of marks, states and `≠`.
    let verdicts: Verdicts
    /// What does not depend on the what-if, built once per analysis.
    let index: AnalysisIndex
    /// Diff mode: BEFORE and what differs from it (nil outside diff mode).
    let comparison: Comparison?

    init(analysis: Analysis, failed: Set<String>, index: AnalysisIndex, comparison: Comparison? = nil) {
        self.index = index
        self.comparison = comparison
        findings = analysis.findings
        self.failed = failed
        tunnelsDown = analysis.tunnelsDown
        bgpSessionsDown = analysis.bgpSessionsDown
        verdicts = analysis.verdicts
        let outcome = failed.isEmpty ? nil : analysis.whatIf(failing: failed)
        whatIf = outcome
        lostTunnels = Set(outcome?.tunnelsLost.map(\.id) ?? [])
        lostSessions = Set(outcome?.tunnels.filter { $0.tunnelUpAfter && !$0.sessionUpAfter }.map(\.id) ?? [])
        let impact = outcome.map { analysis.impact(of: $0) } ?? index.impact
        self.impact = impact
        whatIfReport = outcome == nil ? nil : WhatIfReport(impact: impact, analysis: analysis)
        incidentReport =
            outcome == nil
            ? IncidentReport(
                impact: impact, verdicts: analysis.verdicts, errors: index.errorCount, warnings: index.warningCount)
            : nil
        lostOrigins = outcome == nil ? [] : Set(impact.cutOff.keys)
    }

    /// A sentence on what survives the what-if, e.g. "Failing …: 2 of 4 cross-cloud tunnels carry routes; …".
    var whatIfSummary: String? { whatIf?.summary }

    var errorCount: Int { index.errorCount }
    var warningCount: Int { index.warningCount }

    /// The mark of an element: the what-if first (⊘ failed, ↯ taken down or cut off by the
    /// failures), then the analysis' verdict.
    func mark(_ id: String, alsoFailed: Bool = false) -> Span {
        if alsoFailed || isFailed(id) { return Mark.failed }
        if isLost(id) { return Mark.lost }
        return Mark.health(verdicts.health(of: id))
    }

    /// Failed in the what-if: chosen by the user (by ID, or by the resolved element's ID).
    func isFailed(_ id: String) -> Bool { whatIf != nil && (failed.contains(id) || impact.failed.contains(id)) }
    /// Taken down or cut off by the what-if's failures.
    func isLost(_ id: String) -> Bool { whatIf != nil && (impact.takenDown[id] != nil || impact.cutOff[id] != nil) }

    /// What the what-if does to an element, to append to its row: `⊘ FAILED (what-if)`,
    /// `↯ DOWN with VPN connection … (what-if)`, `↯ loses GCP (what-if)`, `2 of 4 tunnels carry (what-if)`.
    func whatIfNote(_ id: String) -> Span? {
        guard whatIf != nil else { return nil }
        if isFailed(id) { return Span("  ⊘ FAILED (what-if)", .whatIf) }
        if let cause = impact.takenDown[id] { return Span("  ↯ DOWN with \(cause) (what-if)", .whatIf) }
        if let sides = impact.cutOff[id] { return Span("  ↯ loses \(Self.sides(sides)) (what-if)", .whatIf) }
        if let weakened = impact.weakened[id] { return Span("  ▲ \(weakened) (what-if)", .whatIf) }
        return nil
    }

    /// What a row appends: the what-if's note, else how the element differs from BEFORE (diff mode).
    func note(_ id: String) -> Span? { whatIfNote(id) ?? changeNote(id) }

    /// How the element differs from BEFORE in diff mode: `  → moved: vgw-… → tgw-… (vs before)`.
    func changeNote(_ id: String) -> Span? {
        comparison?.diff.change(of: id).map(ChangeMark.note)
    }

    /// Diff mode's change for an element (the map marks its box with the change's glyph).
    func change(_ id: String) -> ElementChange? { comparison?.diff.change(of: id) }

    static func sides(_ sides: [Side]) -> String { sides.map(side).joined(separator: " and ") }
    static func side(_ side: Side) -> String { side == .aws ? "AWS" : side == .gcp ? "GCP" : "on-prem" }

    /// Findings that name `id`, worst first.
    func findings(involving id: String) -> [Finding] {
        verdicts.findings(naming: id).map { findings[$0] }.sorted { $0.severity < $1.severity }
    }
}
