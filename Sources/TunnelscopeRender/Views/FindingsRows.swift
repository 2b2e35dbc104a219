import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The findings list: one row per rule (its worst severity, how many findings, its title),
/// worst first, each expandable to its findings; filtered by severity, rule and text.
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

    /// The heading (and, with nothing to list, the line that says so).
    func head() -> [Row] { head(matched: nil, rules: nil, text: FindingsFilter()) }

    /// The heading: how many findings of how many are listed and what narrows them
    /// ("412 of 24,700 findings · rule cidr-overlap · 'vpc-0a'"), and why the list is empty.
    func head(matched: Int?, rules: Int?, text: FindingsFilter) -> [Row] {
        let all = insights.findings.count
        let infos = all - insights.errorCount - insights.warningCount
        var what: [String] = []
        if let matched, filter != .all || text.isActive {
            what.append("\(CountText.of(matched)) of \(CountText.of(all)) finding\(all == 1 ? "" : "s")")
        } else {
            what.append("\(CountText.of(all)) finding\(all == 1 ? "" : "s")")
        }
        if let rules { what.append("\(rules) rule\(rules == 1 ? "" : "s")") }
        if filter != .all { what.append(filter.label) }
        if let rule = text.rule { what.append("rule \(rule)") }
        if !text.text.isEmpty { what.append("'\(text.text)'") }
        if !text.isActive, filter == .all {
            what.append(
                "\(CountText.of(insights.errorCount)) error\(insights.errorCount == 1 ? "" : "s"), "
                    + "\(CountText.of(insights.warningCount)) warning\(insights.warningCount == 1 ? "" : "s"), "
                    + "\(CountText.of(infos)) info")
        }
        var rows: [Row] = [
            Row(
                kind: .heading,
                spans: [
                    Span("Findings", Style(.title, bold: true)), Span("  " + what.joined(separator: " · "), .normal),
                    Span(text.isActive ? "  · Esc clears" : "  · / filter · s severity · o rule · e expand", .dim),
                ])
        ]
        let empty = matched.map { $0 == 0 } ?? !insights.findings.contains { filter.admits($0.severity) }
        if empty {
            rows.append(
                Row(spans: [
                    insights.findings.isEmpty
                        ? Span("No findings: nothing is down or at risk in the loaded exports.", .ok)
                        : text.isActive
                            ? Span("Nothing matches the filter. Esc clears it.", .warning)
                            : Span("No findings at this severity.", .ok)
                ]))
        }
        return rows
    }

    /// A rule's row: `▸ ✖   1,005  cidr-overlap  Two address ranges …` (`412/1,005` when filtered).
    static func groupRow(_ group: FindingGroup, expanded: Bool, filtered: Bool, countWidth: Int) -> Row {
        let count = countText(group, filtered: filtered)
        return Row(
            spans: [
                Span(expanded ? "▾ " : "▸ ", .accent), shortMark(group.worst),
                Span(
                    " " + DisplayWidth.pad(count, to: countWidth, alignRight: true) + "  ", Style(.normal, bold: true)),
                Span(group.rule.isEmpty ? "(no rule)" : group.rule, Style(.title, bold: true)),
                Span(group.title.map { "  " + $0 } ?? "", .dim),
            ],
            elementId: FindingsFilter.groupId(group.rule), searchText: group.rule)
    }

    /// A group's count: `1,005`, or `412/1,005` when the filter leaves out some of the rule's findings.
    static func countText(_ group: FindingGroup, filtered: Bool) -> String {
        filtered && group.findings.count < group.total
            ? "\(CountText.of(group.findings.count))/\(CountText.of(group.total))"
            : CountText.of(group.findings.count)
    }

    /// The rows of one finding: the message first (it is what a tired engineer reads), wrapped,
    /// then the rule and hint below it. In a group the rows are indented and the rule (the
    /// group's) is left out.
    static func rows(_ finding: Finding, width: Int, grouped: Bool = false) -> [Row] {
        var rows: [Row] = []
        let indent = grouped ? "    " : ""
        let text = max(20, width - 4 - indent.count)
        // At least one row, so that every finding with a resource can be selected.
        let message = Wrap.lines(finding.message, width: text)
        for (i, line) in (message.isEmpty ? [""] : message).enumerated() {
            rows.append(
                i == 0
                    ? Row(
                        spans: [Span(indent), Self.shortMark(finding.severity), Span(" " + line, .normal)],
                        elementId: finding.resources.first,
                        searchText: finding.resources.joined(separator: " "))
                    : Row(spans: [Span(indent + "  " + line, .normal)]))
        }
        for line in hintLines(finding, width: text - 2, grouped: grouped) {
            rows.append(Row(spans: [Span(indent + "    " + line, .dim)]))
        }
        return rows
    }

    /// The line under a finding's message: its rule and hint (in a group, the hint alone).
    static func hintLines(_ finding: Finding, width: Int, grouped: Bool) -> [String] {
        if grouped { return finding.hint.map { Wrap.lines("→ \($0)", width: width) } ?? [] }
        return Wrap.lines("\(finding.rule)" + (finding.hint.map { "  → \($0)" } ?? ""), width: width)
    }

    /// The findings list, wrapped as it is drawn (already most urgent first), ungrouped.
    func list() -> FindingsList {
        FindingsList(
            head: head(), findings: insights.findings,
            shown: insights.findings.indices.filter { filter.admits(insights.findings[$0].severity) }, width: width)
    }

    /// The grouped list for the matches of a filter.
    func list(matched: [Int], index: FindingsIndex, filter text: FindingsFilter) -> FindingsList {
        let groups = FindingGroup.groups(matched, index: index)
        return FindingsList(
            head: head(matched: matched.count, rules: groups.count, text: text), findings: index.findings,
            groups: groups, expanded: Set(groups.map(\.rule).filter { text.isOpen($0, listed: matched.count) }),
            filtered: filter != .all || text.isActive, width: width)
    }

    /// Every row, wrapped up front (what `list()` builds as it is read).
    func rows() -> [Row] {
        let shown = insights.findings.filter { filter.admits($0.severity) }
        return head() + shown.flatMap { Self.rows($0, width: width) }
    }
}

/// The findings screen's rows, laid out when first needed: a finding is wrapped when a row of
/// it, or a row after it, is asked for. The list is a run of items, each a rule's group row or
/// a finding (ungrouped, or in an expanded group). Its inputs are fixed when it is made, so
/// copies of the state that share it agree; the lock only guards the layout filled in as it is read.
final class FindingsList: @unchecked Sendable {
    enum Item: Sendable {
        case group(Int)
        case finding(Int)
    }

    let head: [Row]
    let findings: [Finding]
    let groups: [FindingGroup]
    let items: [Item]
    let width: Int
    private let expanded: Set<String>
    private let filtered: Bool
    /// Columns of the widest group count, so the counts line up.
    private let countWidth: Int
    private var grouped: Bool { !groups.isEmpty }

    private let lock = NSLock()
    /// `starts[k]`: the first row of the `k`-th item; one more entry than the items laid out so
    /// far (the row after the last of them).
    private var starts: [Int]
    /// The wrapped rows of recently read items, by position in `items`.
    private var wrapped: [Int: [Row]] = [:]

    /// An ungrouped list of the findings at `shown`.
    init(head: [Row], findings: [Finding], shown: [Int], width: Int) {
        self.head = head
        self.findings = findings
        groups = []
        items = shown.map { .finding($0) }
        expanded = []
        filtered = false
        countWidth = 0
        self.width = width
        starts = [head.count]
    }

    /// Group rows, each followed by its findings when expanded.
    init(
        head: [Row], findings: [Finding], groups: [FindingGroup], expanded: Set<String>, filtered: Bool, width: Int
    ) {
        self.head = head
        self.findings = findings
        self.groups = groups
        self.expanded = expanded
        self.filtered = filtered
        self.width = width
        countWidth = groups.map { FindingsRows.countText($0, filtered: filtered).count }.max() ?? 1
        var items: [Item] = []
        for (g, group) in groups.enumerated() {
            items.append(.group(g))
            if expanded.contains(group.rule) { items += group.findings.map { .finding($0) } }
        }
        self.items = items
        starts = [head.count]
    }

    /// The rule of the group an item is or is in (nil ungrouped).
    func rule(ofItem k: Int) -> String? {
        guard grouped else { return nil }
        switch items[k] {
        case .group(let g): return groups[g].rule
        case .finding(let i): return findings[i].rule
        }
    }

    private func element(_ k: Int) -> String? {
        switch items[k] {
        case .group(let g): FindingsFilter.groupId(groups[g].rule)
        case .finding(let i): findings[i].resources.first
        }
    }

    private func height(_ k: Int) -> Int {
        if let rows = wrapped[k] { return rows.count }
        switch items[k] {
        case .group: return 1
        case .finding(let i): return Self.height(findings[i], width: width, grouped: grouped)
        }
    }

    /// Rows of the `k`-th item (caller holds the lock).
    private func rowsLocked(_ k: Int) -> [Row] {
        if let rows = wrapped[k] { return rows }
        if wrapped.count > 512 { wrapped = [:] }
        let rows: [Row]
        switch items[k] {
        case .group(let g):
            rows = [
                FindingsRows.groupRow(
                    groups[g], expanded: expanded.contains(groups[g].rule), filtered: filtered, countWidth: countWidth)
            ]
        case .finding(let i): rows = FindingsRows.rows(findings[i], width: width, grouped: grouped)
        }
        wrapped[k] = rows
        return rows
    }

    /// Lays items out until row `line` is known or every item is (caller holds the lock).
    private func extendLocked(through line: Int) {
        while starts.last! <= line, starts.count <= items.count {
            starts.append(starts.last! + height(starts.count - 1))
        }
    }

    /// Lays out the first `k + 1` items (caller holds the lock).
    private func extendLocked(item k: Int) {
        while starts.count <= min(k + 1, items.count) { starts.append(starts.last! + height(starts.count - 1)) }
    }

    /// The rows a finding takes, without keeping them.
    static func height(_ finding: Finding, width: Int, grouped: Bool = false) -> Int {
        let text = max(20, width - 4 - (grouped ? 4 : 0))
        return max(1, Wrap.count(finding.message, width: text))
            + FindingsRows.hintLines(finding, width: text - 2, grouped: grouped).count
    }

    /// The item row `line` belongs to and the row within it (`line` must exist, past the head).
    private func locateLocked(_ line: Int) -> (item: Int, offset: Int) {
        extendLocked(through: line)
        // The last start at or before `line`.
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= line { lo = mid } else { hi = mid - 1 }
        }
        return (lo, line - starts[lo])
    }

    func hasLine(_ line: Int) -> Bool {
        if line < head.count { return true }
        lock.lock()
        defer { lock.unlock() }
        extendLocked(through: line)
        return line < starts.last!
    }

    var lineCount: Int {
        lock.lock()
        defer { lock.unlock() }
        extendLocked(item: items.count)
        return starts.last!
    }

    func row(_ line: Int) -> Row {
        if line < head.count { return head[line] }
        lock.lock()
        defer { lock.unlock() }
        let (k, offset) = locateLocked(line)
        return rowsLocked(k)[offset]
    }

    /// The element of an item's first row (the others are not selectable).
    func elementId(at line: Int) -> String? {
        if line < head.count { return head[line].elementId }
        lock.lock()
        defer { lock.unlock() }
        let (k, offset) = locateLocked(line)
        return offset == 0 ? element(k) : nil
    }

    /// The rule of the group row `line` is, or whose finding it shows (nil in the head, ungrouped).
    func rule(at line: Int) -> String? {
        guard line >= head.count else { return nil }
        lock.lock()
        defer { lock.unlock() }
        extendLocked(through: line)
        guard line < starts.last! else { return nil }
        return rule(ofItem: locateLocked(line).item)
    }

    /// Whether row `line` is a group row.
    func isGroup(at line: Int) -> Bool {
        guard line >= head.count else { return false }
        lock.lock()
        defer { lock.unlock() }
        extendLocked(through: line)
        guard line < starts.last! else { return false }
        let (k, offset) = locateLocked(line)
        if case .group = items[k] { return offset == 0 }
        return false
    }

    private func firstLineLocked(_ k: Int) -> Int {
        extendLocked(item: k)
        return starts[k]
    }

    func firstLine(ofElement id: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let k = items.indices.first(where: { element($0) == id }) else { return nil }
        return firstLineLocked(k)
    }

    private func selectable(_ k: Int) -> Bool { element(k) != nil }

    /// As `RowList.nextSelectable` over the rows: nil when no item is selectable.
    func nextSelectable(from line: Int, delta: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let firstK = items.indices.first(where: selectable) else {
            // Nothing selectable: move within the rows (laying out as far as that).
            extendLocked(through: max(0, line + delta))
            return max(0, min(line + delta, starts.last! - 1))
        }
        func lastK() -> Int { items.indices.last(where: selectable)! }
        // The item the row is in (-1: the head).
        let current = line < head.count ? -1 : locateLocked(line).item
        if abs(delta) == 1 {
            if delta > 0 {
                let k = ((current + 1)..<items.count).first(where: selectable) ?? lastK()
                return firstLineLocked(k)
            }
            let startLine = current >= 0 ? firstLineLocked(current) : head.count
            // The current item's first row is before `line` when `line` is one of its later rows.
            if current >= 0, selectable(current), startLine < line { return startLine }
            let k = (0..<max(0, current)).last(where: selectable) ?? firstK
            return firstLineLocked(k)
        }
        // A page: the selectable row nearest the target row (the earlier one on a tie).
        extendLocked(through: max(0, line + delta))
        let total = starts.count > items.count ? starts.last! : Int.max
        let target = max(0, min(total - 1, line + delta))
        let t = target < head.count ? -1 : locateLocked(min(target, starts.last! - 1)).item
        let before = t >= 0 ? (0...t).last(where: selectable) : nil
        let after = ((t + 1)..<items.count).first(where: selectable)
        switch (before.map(firstLineLocked), after.map(firstLineLocked)) {
        case (let b?, let a?): return target - b <= a - target ? b : a
        case (let b?, nil): return b
        case (nil, let a?): return a
        case (nil, nil): return firstLineLocked(firstK)
        }
    }

    /// The position of row `line` for the scroll mark: the item it is in, over the items.
    func fraction(ofLine line: Int) -> Double {
        guard line >= head.count, items.count > 1 else { return 0 }
        lock.lock()
        defer { lock.unlock() }
        return min(1, Double(locateLocked(line).item) / Double(items.count - 1))
    }
}

/// What each side advertises and learns over the VPN, the what-if's losses, and the last path query.
struct RoutesRows {
    let routes: RouteExchange
    let verdicts: Verdicts
    /// The what-if outcome, when elements are failed.
    let whatIf: FailureOutcome?
    let path: (from: String, to: String, lines: [Span])?

    func rows() -> [Row] {
        var rows: [Row] = [
            Row(
                kind: .heading,
                spans: [
                    Span("Routes", Style(.title, bold: true)),
                    Span("  what each side advertises and learns · :path FROM TO traces a path", .dim),
                ])
        ]
        if let path {
            rows.append(.blank)
            rows.append(.heading("Path \(path.from) → \(path.to)", .accent))
            for span in path.lines { rows.append(Row(spans: [Span("  "), span])) }
        }
        func section(_ title: String, _ lines: [String]) {
            rows.append(.blank)
            rows.append(.heading(title, .title))
            if lines.isEmpty { rows.append(Row(spans: [Span("  (none)", .dim)])) }
            for line in lines { rows.append(Row(spans: [Span("  " + line, .normal)], searchText: line)) }
        }
        if let whatIf {
            if whatIf.failed.isEmpty {
                // Nothing the user marked resolved to an element that can fail: "Nothing failed."
                section("What-if: \(whatIf.summary)", [])
            } else {
                // The what-if summary is a sentence: wrap it rather than cut it.
                rows.append(.blank)
                for line in Wrap.lines("What-if: \(whatIf.summary)", width: 100) {
                    rows.append(.heading(line, .whatIf))
                }
            }
            section(
                "What-if: prefixes that lose every path (\(whatIf.lostPrefixes.count))",
                whatIf.lostPrefixes.map(Self.line))
        }
        section(
            "AWS → GCP: what AWS advertises over the VPN and Cloud Router learns (\(routes.awsToGCP.count))",
            routes.awsToGCP.map(Self.line))
        section(
            "GCP → AWS: what Cloud Router advertises and the TGW learns (\(routes.gcpToAWS.count))",
            routes.gcpToAWS.map(Self.line))
        if !routes.notes.isEmpty { section("Where the two sides' views disagree", routes.notes) }
        perTunnel(&rows)
        return rows
    }

    /// Per physical tunnel: what each side advertises on it and what the other side learned over it,
    /// as each cloud reports it (`unknown` where the exports do not say).
    func perTunnel(_ rows: inout [Row]) {
        guard !routes.perTunnel.isEmpty else { return }
        rows.append(.blank)
        rows.append(.heading("Per tunnel: advertised by one side, learned by the other", .title))
        func list(_ prefixes: [CIDR]) -> String {
            prefixes.isEmpty
                ? "none"
                : prefixes.prefix(6).map(\.description).joined(separator: ", ")
                    + (prefixes.count > 6 ? " … +\(prefixes.count - 6)" : "")
        }
        let lost = Set(whatIf?.tunnelsLost.map(\.id) ?? [])
        let chosen = Set(whatIf?.failed.map(\.id) ?? [])
        for t in routes.perTunnel {
            let verdict = verdicts.tunnel(t.tunnel)
            let failed = lost.contains(t.tunnel)
            // Routes AWS advertises reach GCP when the session carries towards AWS, and the reverse.
            let toAWS = (verdict?.state.carriesToAWS ?? false) && !failed
            let toGCP = (verdict?.state.carriesToGCP ?? false) && !failed
            let sessionUp = !failed && verdict.map { $0.state.ipsecUp && !$0.state.bgpDown } == true
            rows.append(
                Row(
                    spans: [
                        Span("  "),
                        failed
                            ? (chosen.contains(t.tunnel) ? Mark.failed : Mark.lost)
                            : verdict.map { Mark.health($0.health) } ?? Mark.unknown,
                        Span(" \(t.tunnel)", Style(.normal, bold: true)),
                        Span("  " + (verdict?.summary ?? ""), .dim),
                    ] + (failed ? [Span("  ↯ carries nothing in the what-if", .whatIf)] : []),
                    elementId: t.tunnel, tunnelId: t.tunnel, searchText: t.tunnel))
            let gcpLearned =
                t.gcpLearns.map { "Cloud Router learned \($0.count): \(list($0))" }
                ?? "Cloud Router learned: unknown (\(t.gcpLearnsUnknown ?? "not in the exports"))"
            // "Advertises" only over a session that carries; otherwise what it would send.
            let sends = toAWS ? "AWS advertises" : "AWS would advertise (nothing is sent: the session is down)"
            rows.append(
                Row(
                    spans: [
                        Span("      AWS → GCP  ", .aws),
                        Span("\(sends) \(t.awsAdvertises.count): \(list(t.awsAdvertises))", toAWS ? .normal : .dim),
                    ],
                    tunnelId: t.tunnel))
            rows.append(
                Row(
                    spans: [
                        Span("                 ", .aws),
                        Span(
                            gcpLearned,
                            t.gcpLearns.map { $0.count < t.awsAdvertises.count ? Style(.warning) : Style(.normal) }
                                ?? Style(.dim)),
                    ],
                    tunnelId: t.tunnel))
            let accepted = t.awsAcceptedRoutes.map { " (AWS telemetry: \($0) accepted)" } ?? ""
            rows.append(
                Row(
                    spans: [
                        Span("      GCP → AWS  ", .gcp),
                        Span(
                            "Cloud Router \(toGCP || sessionUp ? "advertises" : "would advertise (nothing is sent: the session is down)") "
                                + "\(t.gcpAdvertises.count): " + list(t.gcpAdvertises),
                            toGCP || sessionUp ? .normal : .dim),
                    ],
                    tunnelId: t.tunnel))
            rows.append(
                Row(
                    spans: [
                        Span("                 ", .gcp),
                        Span(
                            "TGW routes over it \(t.awsLearns.count)\(accepted): \(list(t.awsLearns))",
                            t.awsLearns.count < t.gcpAdvertises.count ? Style(.warning) : Style(.normal)),
                    ],
                    tunnelId: t.tunnel))
        }
    }

    /// `10.10.0.0/16       AWS VPC app-vpc (vpc-0a11aa11aa11aa110)  · advertised on 4 tunnels, learned on 4`
    static func line(_ route: VPNRoute) -> String {
        "\(DisplayWidth.pad(route.prefix.description, to: 18)) advertised on \(route.advertisedOn.count), "
            + "learned on \(route.learnedOn.count)  \(route.originLabel)"
    }

    /// `10.100.16.0/20 GCP subnet svc-a-east4: no path to AWS, on-prem`
    static func line(_ loss: PrefixLoss) -> String {
        "\(loss.prefix) \(loss.originLabel): no path to \(loss.lost.map(\.rawValue).joined(separator: ", "))"
    }
}

extension FindingsRows {
    /// The pane beside the findings for a rule's row: what the rule checks, how many findings of
    /// each severity it has (under the filter), and the first of them.
    static func ruleRows(_ rule: String, state: AppState) -> [Row] {
        let index = state.derived.findingsText.value
        let number = index.rules.firstIndex(of: rule)
        let listed = state.derived.findingsMatches?.positions.filter { index.ruleOf[$0] == number } ?? []
        let width = max(
            20, (Layout(width: state.width, height: state.height, screen: .findings).detail?.width ?? 60) - 4)
        var rows: [Row] = [.heading(rule.isEmpty ? "(no rule)" : rule)]
        if let title = index.titles[rule] {
            for line in Wrap.lines(title, width: width) { rows.append(Row(spans: [Span(line, .normal)])) }
        }
        rows.append(.blank)
        let bySeverity = Severity.allCases.map { s in (s, listed.filter { index.findings[$0].severity == s }.count) }
        rows.append(
            Row(spans: [
                Span(
                    "\(CountText.of(listed.count)) listed of \(CountText.of(index.totals[rule] ?? 0)): "
                        + bySeverity.filter { $0.1 > 0 }.map { "\(CountText.of($0.1)) \($0.0.rawValue)" }
                        .joined(separator: ", "), .normal)
            ]))
        let open = state.filters.findings.isOpen(rule, listed: state.derived.findingsMatches?.positions.count ?? 0)
        rows.append(
            Row(spans: [
                Span(
                    (open ? "Enter or e folds them" : "Enter or e lists them")
                        + (state.filters.findings.rule == nil ? " · o only this rule" : " · o every rule"), .dim)
            ]))
        // The first findings, whole, as far as the pane goes (two rows kept for "… more").
        let height = max(1, state.height - 4)
        var shown = 0
        for i in listed {
            let lines = Wrap.lines(index.findings[i].message, width: width - 2)
            guard rows.count + 1 + lines.count <= height - 2 || shown == 0 else { break }
            rows.append(.blank)
            for (n, line) in lines.enumerated() {
                rows.append(
                    Row(spans: [n == 0 ? shortMark(index.findings[i].severity) : Span(" "), Span(" " + line, .normal)]))
            }
            shown += 1
        }
        if listed.count > shown {
            rows.append(.blank)
            rows.append(Row(spans: [Span("… \(CountText.of(listed.count - shown)) more", .dim)]))
        }
        return rows
    }
}
