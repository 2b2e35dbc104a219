import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// The findings list, worst first, filtered by severity; Enter jumps to the first resource.
struct FindingsRows {
    let insights: Insights
    let filter: AppState.SeverityFilter
    let model: NetworkModel
    /// Columns the text may use: messages and hints wrap rather than being cut.
    var width: Int = 200

    static func mark(_ severity: Severity) -> Span {
        switch severity {
        case .error: Span("✖ error  ", Style(.error, bold: true))
        case .warning: Span("▲ warning", .warning)
        case .info: Span("ℹ info   ", .info)
        }
    }

    static func shortMark(_ severity: Severity) -> Span {
        switch severity {
        case .error: Span("✖", Style(.error, bold: true))
        case .warning: Span("▲", .warning)
        case .info: Span("ℹ", .info)
        }
    }

    func rows() -> [Row] {
        let shown = insights.findings.filter { filter.admits($0.severity) } // already most urgent first
        var rows: [Row] = [Row(kind: .heading, spans: [
            Span("Findings", Style(.title, bold: true)),
            Span("  \(insights.errorCount) errors, \(insights.warningCount) warnings, \(insights.findings.count - insights.errorCount - insights.warningCount) info · \(filter.label) · s filters", .dim),
        ])]
        if shown.isEmpty {
            rows.append(Row(spans: [Span(insights.findings.isEmpty ? "No findings: nothing is down or at risk in the loaded exports." : "No findings at this severity.", .ok)]))
        }
        for finding in shown {
            // The message first (it is what a tired engineer reads); rule and hint below it.
            let text = max(20, width - 4)
            for (i, line) in Wrap.lines(finding.message, width: text).enumerated() {
                rows.append(i == 0
                    ? Row(spans: [Self.shortMark(finding.severity), Span(" " + line, .normal)], elementId: finding.resources.first,
                          searchText: finding.resources.joined(separator: " "))
                    : Row(spans: [Span("  " + line, .normal)]))
            }
            let hint = "\(finding.rule)" + (finding.hint.map { "  → \($0)" } ?? "")
            for line in Wrap.lines(hint, width: text - 2) { rows.append(Row(spans: [Span("    " + line, .dim)])) }
        }
        return rows
    }
}

/// What each side advertises and learns, and the last path query.
struct RoutesRows {
    let insights: Insights
    let path: (from: String, to: String, lines: [Span])?

    func rows() -> [Row] {
        var rows: [Row] = [Row(kind: .heading, spans: [Span("Routes", Style(.title, bold: true)), Span("  what each side advertises and learns · :path FROM TO traces a path", .dim)])]
        if let path {
            rows.append(.blank)
            rows.append(.heading("Path \(path.from) → \(path.to)", .accent))
            for span in path.lines { rows.append(Row(spans: [Span("  "), span])) }
        }
        for section in insights.routeSections {
            rows.append(.blank)
            if section.title.hasPrefix("What-if: Failing") {
                // The what-if summary is a sentence: wrap it rather than cut it.
                for line in Wrap.lines(section.title, width: 100) { rows.append(.heading(line, .failed)) }
                continue
            }
            rows.append(.heading(section.title, .title))
            if section.lines.isEmpty { rows.append(Row(spans: [Span("  (none)", .dim)])) }
            for line in section.lines { rows.append(Row(spans: [Span("  " + line, .normal)], searchText: line)) }
        }
        if insights.routeSections.isEmpty && path == nil {
            rows.append(Row(spans: [Span("No route information (route analysis not available).", .dim)]))
        }
        return rows
    }
}
