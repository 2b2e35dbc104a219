import TunnelscopeAnalysis
import TunnelscopeCanvas

/// A path query as lines: the forward trace hop by hop, where it ends, the way back, notes.
public enum PathLines {
    /// The path from one address or resource to another under the what-if, or why there is none.
    static func spans(_ analysis: Analysis, from: String, to: String, failing: Set<String>) -> [Span] {
        do { return spans(try analysis.path(from: from, to: to, failing: failing)) } catch {
            return [Span("✖ \(error.description)", .error)]
        }
    }

    public static func spans(_ query: PathQuery) -> [Span] {
        var lines: [Span] = [Span("from \(query.from.label)", .normal), Span("to   \(query.to.label)", .normal)]
        if !query.failed.isEmpty {
            lines.append(Span("with failed (what-if): " + query.failed.map(\.label).joined(separator: ", "), .failed))
        }
        lines.append(verdict(query))
        lines.append(Span("", .normal))
        lines.append(Span("Forward", Style(.title, bold: true)))
        lines += trace(query.forward)
        if let reverse = query.reverse {
            lines.append(Span("", .normal))
            lines.append(Span("Back", Style(.title, bold: true)))
            lines += trace(reverse)
        }
        for note in query.notes { lines.append(Span("▲ " + note, .warning)) }
        return lines
    }

    /// The one-line answer: reachable both ways, delivered to another owner of the address, or not.
    static func verdict(_ query: PathQuery) -> Span {
        if let other = query.reachedInstead {
            return Span(
                "▲ reaches \(other.reached) instead of \(other.intended) (overlapping ranges)",
                Style(.warning, bold: true))
        }
        if query.reachable { return Span("● reachable both ways", Style(.ok, bold: true)) }
        if query.isUnknown {
            return Span(
                "? unknown: the exports do not say whether it gets through (see where it ends)", Style(.dim, bold: true)
            )
        }
        if query.reachesDestination {
            return Span("✖ reachable one way only: the way back fails", Style(.error, bold: true))
        }
        return Span("✖ not reachable both ways", Style(.error, bold: true))
    }

    static func trace(_ trace: PathTrace) -> [Span] {
        var lines = trace.hops.enumerated().map { i, hop in Span("  \(i + 1). \(hop.text)", .normal) }
        let role: Role = trace.end.reached ? .ok : trace.end.isUnknown ? .warning : .error
        lines.append(Span("  → \(trace.end)", Style(role, bold: true)))
        return lines
    }
}
