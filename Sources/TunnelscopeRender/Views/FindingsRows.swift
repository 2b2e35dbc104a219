import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

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

    /// The heading (and, with nothing to list, the line that says so).
    func head() -> [Row] {
        var rows: [Row] = [
            Row(
                kind: .heading,
                spans: [
                    Span("Findings", Style(.title, bold: true)),
                    Span(
                        "  \(insights.errorCount) error\(insights.errorCount == 1 ? "" : "s"), \(insights.warningCount) warning\(insights.warningCount == 1 ? "" : "s"), \(insights.findings.count - insights.errorCount - insights.warningCount) info · \(filter.label) · s filters",
                        .dim),
                ])
        ]
        if !insights.findings.contains(where: { filter.admits($0.severity) }) {
            rows.append(
                Row(spans: [
                    Span(
                        insights.findings.isEmpty
                            ? "No findings: nothing is down or at risk in the loaded exports."
                            : "No findings at this severity.", .ok)
                ]))
        }
        return rows
    }

    /// The rows of one finding: the message first (it is what a tired engineer reads), wrapped,
    /// then the rule and hint below it.
    static func rows(_ finding: Finding, width: Int) -> [Row] {
        var rows: [Row] = []
        let text = max(20, width - 4)
        // At least one row, so that every finding with a resource can be selected.
        let message = Wrap.lines(finding.message, width: text)
        for (i, line) in (message.isEmpty ? [""] : message).enumerated() {
            rows.append(
                i == 0
                    ? Row(
                        spans: [Self.shortMark(finding.severity), Span(" " + line, .normal)],
                        elementId: finding.resources.first,
                        searchText: finding.resources.joined(separator: " "))
                    : Row(spans: [Span("  " + line, .normal)]))
        }
        let hint = "\(finding.rule)" + (finding.hint.map { "  → \($0)" } ?? "")
        for line in Wrap.lines(hint, width: text - 2) { rows.append(Row(spans: [Span("    " + line, .dim)])) }
        return rows
    }

    /// The findings list, wrapped as it is drawn (already most urgent first).
    func list() -> FindingsList {
        FindingsList(
            head: head(), findings: insights.findings,
            shown: insights.findings.indices.filter { filter.admits(insights.findings[$0].severity) }, width: width)
    }

    /// Every row, wrapped up front (what `list()` builds as it is read).
    func rows() -> [Row] {
        let shown = insights.findings.filter { filter.admits($0.severity) }
        return head() + shown.flatMap { Self.rows($0, width: width) }
    }
}

/// The findings screen's rows, laid out when first needed: a finding is wrapped when a row of
/// it, or a row after it, is asked for. Its inputs are fixed when it is made (the findings of
/// one analysis, a severity filter, a width), so copies of the state that share it agree; the
/// lock only guards the layout filled in as it is read.
final class FindingsList: @unchecked Sendable {
    let head: [Row]
    let findings: [Finding]
    /// Positions in `findings` of the findings listed.
    let shown: [Int]
    let width: Int

    private let lock = NSLock()
    /// `starts[k]`: the first row of the `k`-th finding listed; one more entry than the findings
    /// laid out so far (the row after the last of them).
    private var starts: [Int]
    /// The wrapped rows of recently read findings, by position in `shown`.
    private var wrapped: [Int: [Row]] = [:]

    init(head: [Row], findings: [Finding], shown: [Int], width: Int) {
        self.head = head
        self.findings = findings
        self.shown = shown
        self.width = width
        starts = [head.count]
    }

    /// Rows of the `k`-th finding listed (caller holds the lock).
    private func rowsLocked(_ k: Int) -> [Row] {
        if let rows = wrapped[k] { return rows }
        if wrapped.count > 512 { wrapped = [:] }
        let rows = FindingsRows.rows(findings[shown[k]], width: width)
        wrapped[k] = rows
        return rows
    }

    /// Lays findings out until row `line` is known or every finding is (caller holds the lock).
    private func extendLocked(through line: Int) {
        while starts.last! <= line, starts.count <= shown.count {
            let k = starts.count - 1
            let height = wrapped[k]?.count ?? Self.height(findings[shown[k]], width: width)
            starts.append(starts.last! + height)
        }
    }

    /// Lays out the first `k + 1` findings listed (caller holds the lock).
    private func extendLocked(finding k: Int) {
        while starts.count <= min(k + 1, shown.count) {
            let j = starts.count - 1
            starts.append(starts.last! + (wrapped[j]?.count ?? Self.height(findings[shown[j]], width: width)))
        }
    }

    /// The rows a finding takes, without keeping them.
    static func height(_ finding: Finding, width: Int) -> Int {
        let text = max(20, width - 4)
        let hint = "\(finding.rule)" + (finding.hint.map { "  → \($0)" } ?? "")
        return max(1, Wrap.count(finding.message, width: text)) + Wrap.count(hint, width: text - 2)
    }

    /// The finding row `line` belongs to and the row within it (`line` must exist, past the head).
    private func locateLocked(_ line: Int) -> (finding: Int, offset: Int) {
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
        extendLocked(finding: shown.count)
        return starts.last!
    }

    func row(_ line: Int) -> Row {
        if line < head.count { return head[line] }
        lock.lock()
        defer { lock.unlock() }
        let (k, offset) = locateLocked(line)
        return rowsLocked(k)[offset]
    }

    /// The element of a finding's first row (the others are not selectable).
    func elementId(at line: Int) -> String? {
        if line < head.count { return head[line].elementId }
        lock.lock()
        defer { lock.unlock() }
        let (k, offset) = locateLocked(line)
        return offset == 0 ? findings[shown[k]].resources.first : nil
    }

    private func firstLineLocked(_ k: Int) -> Int {
        extendLocked(finding: k)
        return starts[k]
    }

    func firstLine(ofElement id: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let k = shown.firstIndex(where: { findings[$0].resources.first == id }) else { return nil }
        return firstLineLocked(k)
    }

    private func selectable(_ k: Int) -> Bool { findings[shown[k]].resources.first != nil }

    /// As `RowList.nextSelectable` over the rows: nil when no finding is selectable.
    func nextSelectable(from line: Int, delta: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let firstK = shown.indices.first(where: selectable) else {
            // Nothing selectable: move within the rows (laying out as far as that).
            extendLocked(through: max(0, line + delta))
            return max(0, min(line + delta, starts.last! - 1))
        }
        func lastK() -> Int { shown.indices.last(where: selectable)! }
        // The finding the row is in (-1: the head).
        let current = line < head.count ? -1 : locateLocked(line).finding
        if abs(delta) == 1 {
            if delta > 0 {
                let k = ((current + 1)..<shown.count).first(where: selectable) ?? lastK()
                return firstLineLocked(k)
            }
            let startLine = current >= 0 ? firstLineLocked(current) : head.count
            // The current finding's first row is before `line` when `line` is one of its later rows.
            if current >= 0, selectable(current), startLine < line { return startLine }
            let k = (0..<max(0, current)).last(where: selectable) ?? firstK
            return firstLineLocked(k)
        }
        // A page: the selectable row nearest the target row (the earlier one on a tie).
        extendLocked(through: max(0, line + delta))
        let total = starts.count > shown.count ? starts.last! : Int.max
        let target = max(0, min(total - 1, line + delta))
        let t = target < head.count ? -1 : locateLocked(min(target, starts.last! - 1)).finding
        let before = t >= 0 ? (0...t).last(where: selectable) : nil
        let after = ((t + 1)..<shown.count).first(where: selectable)
        switch (before.map(firstLineLocked), after.map(firstLineLocked)) {
        case (let b?, let a?): return target - b <= a - target ? b : a
        case (let b?, nil): return b
        case (nil, let a?): return a
        case (nil, nil): return firstLineLocked(firstK)
        }
    }

    /// The position of row `line` for the scroll mark: the finding it is in, over the findings.
    func fraction(ofLine line: Int) -> Double {
        guard line >= head.count, shown.count > 1 else { return 0 }
        lock.lock()
        defer { lock.unlock() }
        return min(1, Double(locateLocked(line).finding) / Double(shown.count - 1))
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
                    rows.append(.heading(line, .failed))
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
                        Span("  "), failed ? Mark.failed : verdict.map { Mark.health($0.health) } ?? Mark.unknown,
                        Span(" \(t.tunnel)", Style(.normal, bold: true)),
                        Span("  " + (verdict?.summary ?? ""), .dim),
                    ] + (failed ? [Span("  ✕ carries nothing in the what-if", .failed)] : []),
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
