import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// The incident summary on the first screen of a large terminal: what is down (each tunnel that
/// carries nothing, with what each side reports), what that breaks (each link, prefixes without a
/// path, sites and projects cut off), the next single failure that would cut a link, and the
/// findings. From the analysis' impact of the exported state and its verdicts; made once per load.
struct IncidentReport: Sendable {
    let lines: [[Span]]

    init(impact: Impact, verdicts: Verdicts, errors: Int, warnings: Int) {
        var lines: [[Span]] = []
        let listed = WhatIfReport.listed
        let labels = Dictionary(impact.outcome.tunnels.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let down = verdicts.tunnels.filter { !$0.carries }
        if down.isEmpty {
            lines.append([Mark.up, Span(" Every tunnel carries routes", .ok)])
        }
        for verdict in down.prefix(listed) {
            let name = labels[verdict.id].map(WhatIfReport.short) ?? verdict.id
            lines.append([
                Mark.health(verdict.health), Span(" \(name) ", Style(.normal, bold: true)),
                Span(verdict.word, Mark.style(.down)), Span("  " + verdict.summary, .dim),
            ])
        }
        if down.count > listed {
            lines.append([Span("  … \(down.count - listed) more tunnels carry nothing (5: findings)", .dim)])
        }
        for link in impact.links {
            let carrying = link.carrying.count
            let total = link.link.tunnels.count
            var spans: [Span] = [
                carrying == 0 ? Mark.down : carrying < total ? Mark.warn : Mark.up,
                Span(" \(link.link.label): ", Style(.normal, bold: true)),
                Span(
                    carrying == 0 ? "DOWN" : "up on \(carrying) of \(total) tunnels", carrying == 0 ? .error : .normal),
            ]
            if carrying > 0 {
                if link.singlePointsOfFailureLabels.isEmpty {
                    spans.append(Span(" · no single failure cuts it", .ok))
                } else {
                    let names = link.singlePointsOfFailureLabels
                    spans.append(Span(" · next single failure that cuts it: ", .warning))
                    spans.append(Span(WhatIfReport.names(names).replacingLast(", ", with: " or ")))
                }
            }
            lines.append(spans)
        }
        let lost = impact.prefixesWithoutPath
        if lost.isEmpty {
            lines.append([Mark.up, Span(" No prefix is without a path across", .dim)])
        } else {
            let shown = WhatIfReport.names(lost.lazy.map { "\($0.prefix) (\($0.originLabel))" }, more: " (6: routes)")
            lines.append([
                Mark.down, Span(" \(lost.count) prefix\(lost.count == 1 ? "" : "es") without a path across: ", .error),
                Span(shown),
            ])
        }
        let sites = impact.sitesCutOff.map { WhatIfReport.siteName($0.name) }
        let projects = impact.projectsCutOff.map { "project \($0.dropFirst("project/".count))" }
        let cut = sites + projects
        if !cut.isEmpty {
            lines.append([
                Mark.down, Span(" \(cut.count) cut off: ", .error),
                Span(WhatIfReport.names(cut, more: " (5: findings)")),
            ])
        }
        lines.append([
            Span(errors > 0 ? "✖" : warnings > 0 ? "▲" : "●", errors > 0 ? .error : warnings > 0 ? .warning : .ok),
            Span(" Findings: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"),
            Span("  (5: findings, f on anything: what if it failed)", .dim),
        ])
        self.lines = lines
    }
}
