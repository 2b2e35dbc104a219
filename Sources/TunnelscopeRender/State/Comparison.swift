import TunnelscopeAnalysis
import TunnelscopeModel

/// Diff mode: the snapshot the loaded one is compared with (BEFORE; the loaded one is AFTER),
/// its analysis, and what differs. The analysis' `SnapshotDiff` judges what changed; the views
/// only read it (`change(of:)`), as they read the verdicts for health.
public struct Comparison: Sendable {
    /// BEFORE as it was loaded (`--before PATH`, `:diff PATH`).
    public let before: LoadResult
    /// BEFORE's analysis: its perspectives in the before/after side by side.
    let beforeAnalysis: Analysis
    /// What differs between BEFORE and the loaded snapshot.
    public let diff: SnapshotDiff

    /// Analyses BEFORE and compares it with the loaded snapshot's analysis (off the main thread
    /// for `:diff`: the explorer keeps answering keys meanwhile).
    public init(before: LoadResult, after: Analysis) {
        self.before = before
        beforeAnalysis = Analysis(model: before.model, report: before.report)
        diff = SnapshotDiff(before: beforeAnalysis, after: after)
    }

    private init(before: LoadResult, beforeAnalysis: Analysis, diff: SnapshotDiff) {
        self.before = before
        self.beforeAnalysis = beforeAnalysis
        self.diff = diff
    }

    /// The same BEFORE compared with a reloaded AFTER.
    public func against(_ after: Analysis) -> Comparison {
        Comparison(
            before: before, beforeAnalysis: beforeAnalysis, diff: SnapshotDiff(before: beforeAnalysis, after: after))
    }

    /// How many elements changed, by kind, in the order a summary names them (kinds with none left out).
    var counts: [(kind: ElementChange.Kind, count: Int)] { ChangeMark.counts(diff.changes) }

    /// Findings that appeared and that cleared.
    var findingCounts: (appeared: Int, cleared: Int) {
        (diff.findings.filter { $0.kind == .appeared }.count, diff.findings.filter { $0.kind == .cleared }.count)
    }

    /// `2 moved · 3 changed · 1 added · findings +2 −1`, or `no differences`.
    var summary: String {
        if diff.isEmpty { return "no differences" }
        var parts = counts.map { "\($0.count) \($0.kind.word)" }
        let findings = findingCounts
        if findings.appeared > 0 {
            parts.append("\(findings.appeared) finding\(findings.appeared == 1 ? "" : "s") appeared")
        }
        if findings.cleared > 0 { parts.append("\(findings.cleared) cleared") }
        return parts.joined(separator: " · ")
    }
}

/// BEFORE's perspectives for the before/after side by side: the rows as the AWS and GCP views
/// would show BEFORE (marked with the same changes), and each element's row, so the pane can
/// put an element on the line where AFTER's pane has it.
struct BeforeRows: Sendable {
    let aws: [Row]
    let gcp: [Row]
    private let awsIndex: [String: Int]
    private let gcpIndex: [String: Int]

    init(_ comparison: Comparison) {
        let analysis = comparison.beforeAnalysis
        let model = comparison.before.model
        let insights = Insights(
            analysis: analysis, failed: [], index: AnalysisIndex(model: model, analysis: analysis, prefetch: false),
            comparison: comparison)
        aws = AWSPerspective(model: model, insights: insights).rows()
        gcp = GCPPerspective(model: model, insights: insights).rows()
        awsIndex = Self.index(aws)
        gcpIndex = Self.index(gcp)
    }

    func rows(_ pane: Pane) -> [Row] { pane == .aws ? aws : gcp }

    /// The row showing the element in BEFORE's perspective (its first).
    func row(of elementId: String, _ pane: Pane) -> Int? { (pane == .aws ? awsIndex : gcpIndex)[elementId] }

    private static func index(_ rows: [Row]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            if let id = row.elementId, index[id] == nil { index[id] = i }
        }
        return index
    }
}
