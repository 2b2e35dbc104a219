import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// What the what-if panel says, from the analysis' impact of the failures: what failed, what fails
/// with it, what survives, each link and its next single points of failure, the prefixes that lose
/// every path, the sites and projects cut off. Made once per what-if; the panel only fits it to the
/// screen.
struct WhatIfReport: Sendable {
    /// One line per item, width-independent (the panel cuts them to the screen).
    let lines: [[Span]]

    /// How many names an item lists before "+N more".
    static let listed = 4

    init(impact: Impact, analysis: Analysis) {
        let outcome = impact.outcome
        var lines: [[Span]] = []
        func label(_ id: String) -> String { analysis.directory.entry(id)?.label ?? id }

        lines.append([
            Mark.failed, Span(" Failed: ", Style(.whatIf, bold: true)), Span(Self.names(outcome.failed.map(\.label))),
        ])
        if !outcome.unresolved.isEmpty {
            lines.append([
                Span("? ", .warning), Span("Not found: ", Style(.warning, bold: true)),
                Span(Self.names(outcome.unresolved.map(\.description))),
            ])
        }
        // Fails with it: tunnels first (both of a connection), then sessions, then the rest.
        let tunnels = outcome.tunnels.filter { impact.takenDown[$0.id] != nil }
        let sessions = outcome.tunnels.filter { $0.carriedBefore && $0.tunnelUpAfter && !$0.sessionUpAfter }
        let tunnelIds = Set(outcome.tunnels.map(\.id))
        let others = impact.takenDown.keys.filter { !tunnelIds.contains($0) }.map(label).sorted()
        var with: [String] = tunnels.filter { $0.tunnelUpAfter == false }.map { Self.short($0.label) }
        with += sessions.map { "BGP over \(Self.short($0.label))" }
        with += others
        lines.append(
            with.isEmpty
                ? [Mark.up, Span(" Nothing else fails with it", .dim)]
                : [Mark.lost, Span(" Fails with it: ", Style(.whatIf, bold: true)), Span(Self.names(with))])

        let survivors = outcome.tunnels.filter { $0.crossCloud && $0.survives }.map { Self.short($0.label) }
        lines.append([
            impact.crossCloudCarrying == 0
                ? Mark.lost
                : impact.crossCloudCarrying < impact.crossCloudTotal
                    ? Mark.warn : Mark.up,
            Span(" Survives: ", Style(.normal, bold: true)),
            Span(
                "\(impact.crossCloudCarrying) of \(impact.crossCloudTotal) cross-cloud tunnels carry routes"
                    + (impact.sessionsTotal > 0 ? ", BGP \(impact.sessionsUp) of \(impact.sessionsTotal) up" : "")),
            Span(survivors.isEmpty ? "" : " (\(Self.names(survivors)))", .dim),
        ])
        for link in outcome.links {
            var spans: [Span] = [Span(" \(link.link.label): ", Style(.normal, bold: true))]
            if !link.upAfter {
                spans.insert(Mark.lost, at: 0)
                spans.append(Span(link.upBefore ? "DOWN" : "already down", .whatIf))
            } else if link.singlePointsOfFailureLabels.isEmpty {
                spans.insert(Mark.up, at: 0)
                spans.append(Span("up, still redundant (no single failure cuts it)", .ok))
            } else {
                spans.insert(Mark.warn, at: 0)
                spans.append(Span("up; next single failure that cuts it: ", .warning))
                spans.append(Span(Self.names(link.singlePointsOfFailureLabels).replacingLast(", ", with: " or ")))
            }
            lines.append(spans)
        }
        let lost = impact.prefixesWithoutPath
        if lost.isEmpty {
            lines.append([Mark.up, Span(" No prefix loses its path", .dim)])
        } else {
            let shown = lost.lazy.map { loss in
                "\(loss.prefix) (\(loss.originLabel)) → \(loss.lost.map(Insights.side).joined(separator: "+"))"
            }
            lines.append([
                Mark.lost,
                Span(
                    " \(lost.count) prefix\(lost.count == 1 ? "" : "es") lose\(lost.count == 1 ? "s" : "") every path: ",
                    Style(.whatIf, bold: true)),
                Span(Self.names(shown, more: " (6: routes)")),
            ])
        }
        var cut: [String] = []
        for site in outcome.sites {
            if let sides = impact.cutOff[site.id] {
                cut.append("\(Self.siteName(site.name)) (loses \(Insights.sides(sides)))")
            }
        }
        for project in impact.projectsCutOff {
            let sides = impact.cutOff[project] ?? []
            cut.append("project \(project.dropFirst("project/".count)) (loses \(Insights.sides(sides)))")
        }
        lines.append(
            cut.isEmpty
                ? [Mark.up, Span(" No site or project is cut off", .dim)]
                : [Mark.lost, Span(" Cut off: ", Style(.whatIf, bold: true)), Span(Self.names(cut))])
        self.lines = lines
    }
}

extension WhatIfReport {
    /// The first `listed` items, then how many more (`more` says where the rest are listed).
    static func names<Items: Collection<String>>(_ items: Items, more: String = "") -> String {
        let shown = items.prefix(listed).joined(separator: ", ")
        return items.count > listed ? "\(shown) +\(items.count - listed) more\(more)" : shown
    }

    /// `site Frankfurt DC`; a name that already says so (`site at 12.1.2.3`) as it is.
    static func siteName(_ name: String) -> String {
        name.lowercased().hasPrefix("site") ? name : "site \(name)"
    }

    /// `tunnel 3.210.10.11 (to-gcp-if0 #1 ⇄ aws-tunnel-0)` → `to-gcp-if0 #1 ⇄ aws-tunnel-0`.
    static func short(_ tunnelLabel: String) -> String {
        if let open = tunnelLabel.firstIndex(of: "("), tunnelLabel.hasSuffix(")") {
            return String(tunnelLabel[tunnelLabel.index(after: open)..<tunnelLabel.index(before: tunnelLabel.endIndex)])
        }
        return tunnelLabel
    }
}

extension String {
    /// `a, b, c` → `a, b or c`.
    func replacingLast(_ separator: String, with replacement: String) -> String {
        guard let range = range(of: separator, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
