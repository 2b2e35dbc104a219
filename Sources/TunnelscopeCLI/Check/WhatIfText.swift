import TunnelscopeAnalysis
import TunnelscopeText

/// The What-if section of `check --fail ID…`.
struct WhatIfText {
    let outcome: FailureOutcome
    let verbose: Bool

    func render() -> String {
        var lines = ["What-if: failing " + outcome.failed.map(\.label).joined(separator: ", ")]
        let cross = outcome.tunnels.filter(\.crossCloud)
        if !cross.isEmpty {
            lines.append("  Cross-cloud tunnels: \(cross.filter(\.survives).count) of \(cross.count) carry routes")
            for t in cross { lines.append("    \(t.survives ? "✓" : "✗") \(t.label)\(cause(t))") }
        }
        let other = outcome.tunnels.filter { !$0.crossCloud && ($0.lost || verbose) }
        if !other.isEmpty {
            lines.append("  Other tunnels:")
            for t in other { lines.append("    \(t.survives ? "✓" : "✗") \(t.label)\(cause(t))") }
        }
        for link in outcome.links {
            let state: String
            if !link.upAfter {
                state = link.upBefore ? "DOWN (cut by the failure)" : "DOWN (already)"
            } else if link.singlePointsOfFailure.isEmpty {
                state = "UP, still redundant (\(link.carrying.count) tunnels carry)"
            } else {
                state =
                    "UP via \(link.carrying.joined(separator: ", ")); one more failure of "
                    + link.singlePointsOfFailureLabels.joined(separator: " or ") + " cuts it"
            }
            lines.append("  Link \(link.link.label): \(state)")
        }
        if !outcome.sites.isEmpty {
            lines.append(
                "  On-prem, link to the AWS hub: "
                    + outcome.sites.map { s in
                        "\(s.name) \(s.reachableAfter ? "still linked" : s.reachableBefore ? "CUT OFF" : "not linked (already)")"
                    }.joined(separator: "; "))
        }
        if outcome.lostPrefixes.isEmpty {
            lines.append("  Prefixes: none loses its path.")
        } else {
            lines.append("  Prefixes that lose every path (\(outcome.lostPrefixes.count)):")
            let shown = verbose ? outcome.lostPrefixes : Array(outcome.lostPrefixes.prefix(30))
            for p in shown {
                lines.append(
                    "    \(p.prefix) \(p.originLabel): no longer reaches \(p.lost.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if shown.count < outcome.lostPrefixes.count {
                lines.append("    … and \(outcome.lostPrefixes.count - shown.count) more (--verbose lists them)")
            }
        }
        if !outcome.unreachableBefore.isEmpty {
            lines.append(
                "  Already without a path across before the failure: "
                    + outcome.unreachableBefore.map { "\($0.prefix)" }.joined(separator: ", "))
        }
        // Every line is one field: a line feed inside a label is escaped, not a new line.
        return lines.map(Sanitizer.line).joined(separator: "\n")
    }

    private func cause(_ t: TunnelOutcome) -> String {
        guard let cause = t.cause else { return "" }
        if cause == "already down" { return " — already down" }
        return t.survives ? "" : " — failed: \(cause)"
    }
}
