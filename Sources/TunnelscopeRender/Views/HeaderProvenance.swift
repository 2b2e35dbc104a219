import TunnelscopeCanvas
import TunnelscopeModel

/// The header's pieces about the input itself, read from the load report: two snapshots mixed
/// (conflicting copies), AWS and GCP exported far apart, and how old the export is (from the
/// manifests, or "≈" from the files' times; nothing for the built-in example). The age is counted
/// to `state.now()`.
enum HeaderProvenance {
    static func add(to pieces: inout [HeaderImpact.Piece], _ state: AppState) {
        let report = state.result.report
        let provenance = report.provenance
        let warn = Style(.mismatch, bold: true)
        var warnings: [HeaderImpact.Piece] = []
        if report.mixedSnapshots != nil {
            warnings.append(piece("▲ two snapshots mixed: diff them", "▲ 2 snapshots", warn))
        }
        if provenance.isMixedTime, let gap = provenance.gap {
            warnings.append(
                piece(
                    "▲ AWS and GCP exported \(Provenance.duration(gap)) apart",
                    "▲ exported \(Provenance.roughDuration(gap)) apart", warn))
        }
        // Right after the first piece (the tunnels that carry), before what is dropped first.
        pieces.insert(contentsOf: warnings, at: min(1, pieces.count))
    }

    /// The export's age, before the finding counts (which the findings screen also shows).
    static func addAge(to pieces: inout [HeaderImpact.Piece], _ state: AppState) {
        let provenance = state.result.report.provenance
        let now = state.now()
        if let long = provenance.ageText(now: now), let short = provenance.shortAgeText(now: now) {
            pieces.append(piece(long, short, Style(.header)))
        }
    }

    private static func piece(_ long: String, _ short: String, _ style: Style) -> HeaderImpact.Piece {
        HeaderImpact.Piece(long: Span(" \(long) ", style), short: Span(short, style))
    }

    /// The message line's warning when nothing else is said there: two snapshots mixed, or AWS
    /// and GCP exported far apart.
    static func inputWarning(_ state: AppState) -> String? {
        let report = state.result.report
        if let mixed = report.mixedSnapshots { return "▲ " + mixed.shortLine }
        if let text = report.provenance.mixedTimeShortText(now: state.now()) { return "▲ " + text }
        return nil
    }
}
