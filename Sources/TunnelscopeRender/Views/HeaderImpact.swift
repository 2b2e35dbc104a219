import TunnelscopeAnalysis
import TunnelscopeCanvas

/// The header's status: what is down and what it breaks, in order of importance, each piece in a
/// long and a short form. Read from the analysis' impact (the what-if's, while one is active) and
/// its finding counts; nothing here judges.
enum HeaderImpact {
    struct Piece {
        let long: Span
        let short: Span
    }

    static func pieces(_ state: AppState) -> [Piece] {
        let insights = state.insights
        let impact = insights.impact
        let whatIf = !state.whatIf.failed.isEmpty && impact.isWhatIf
        var pieces: [Piece] = []
        func piece(_ long: String, _ short: String, _ style: Style) {
            pieces.append(Piece(long: Span(" \(long) ", style), short: Span(short, style)))
        }
        let bad = Style(.failed, bold: true)
        let fine = Style(.header, bold: true)
        if whatIf { piece("WHAT-IF: \(state.whatIf.failed.count) failed", "WHAT-IF", Style(.whatIf, bold: true)) }
        if let comparison = state.compare.comparison {
            // Diff mode: what differs from BEFORE, as the diff counts it (8 lists it).
            let total = comparison.diff.changes.count + comparison.diff.findings.count
            piece(
                "Δ vs before: \(comparison.summary)", total == 0 ? "Δ none" : "Δ \(total)", Style(.change, bold: true))
        }
        if impact.crossCloudTotal > 0 {
            let c = impact.crossCloudCarrying
            let t = impact.crossCloudTotal
            let mark = c == t ? "●" : c == 0 ? "✖" : "▲"
            piece(
                "\(mark) \(c) of \(t) AWS⇄GCP tunnels carry", "\(mark) \(c)/\(t) carry",
                c == t ? fine : c == 0 ? bad : Style(.mismatch, bold: true))
            if impact.sessionsTotal > 0, impact.sessionsUp < impact.sessionsTotal {
                piece(
                    "BGP \(impact.sessionsUp) of \(impact.sessionsTotal) up",
                    "BGP \(impact.sessionsUp)/\(impact.sessionsTotal)",
                    bad)
            }
            // How the ones that do not carry fail, as the verdicts read both sides.
            let noRoutes = insights.verdicts.carryNoRoutes
            if noRoutes > 0 {
                piece("✖ \(noRoutes) carr\(noRoutes == 1 ? "ies" : "y") no routes", "✖ \(noRoutes) no routes", bad)
            }
            let oneWay = insights.verdicts.oneWay
            if oneWay > 0 { piece("▲ \(oneWay) one-way", "▲ \(oneWay) one-way", Style(.mismatch, bold: true)) }
        } else {
            let down = insights.tunnelsDown
            if down > 0 { piece("✖ \(down) tunnel\(down == 1 ? "" : "s") down", "✖ \(down) down", bad) }
        }
        let lost = impact.prefixesWithoutPath.count
        if lost > 0 {
            piece("✖ \(lost) prefix\(lost == 1 ? "" : "es") without a path", "✖ \(lost) lost", bad)
        } else if impact.crossCloudTotal > 0 {
            piece("no prefix lost", "0 lost", Style(.header))
        }
        let cut = impact.sitesAndProjectsCutOff
        if cut > 0 {
            piece("✖ \(cut) site\(cut == 1 ? "" : "s")/project\(cut == 1 ? "" : "s") cut off", "✖ \(cut) cut off", bad)
        }
        HeaderProvenance.addAge(to: &pieces, state)
        let errors = insights.errorCount
        let warnings = insights.warningCount
        if errors > 0 { piece("\(errors) error\(errors == 1 ? "" : "s")", "\(errors) err", Style(.failed)) }
        if warnings > 0 {
            piece("\(warnings) warning\(warnings == 1 ? "" : "s")", "\(warnings) warn", Style(.mismatch))
        }
        if let next = impact.nextSinglePointsOfFailure.first {
            let names = next.labels.prefix(2).joined(separator: " or ") + (next.labels.count > 2 ? " …" : "")
            piece("next single failure cuts the link: \(names)", "SPOF: \(names)", Style(.mismatch))
        }
        HeaderProvenance.add(to: &pieces, state)
        return pieces
    }
}
