import Foundation
import TunnelscopeAnalysis

/// What the findings screen shows of the findings: one group per rule, the groups expanded, and
/// the filter (text typed after `/`, one rule; the severity filter is `AppState.severityFilter`).
public struct FindingsFilter: Sendable, Equatable {
    /// Text to find in a finding's rule, rule title, message, element IDs and names.
    public var text = ""
    /// Only this rule's findings.
    public var rule: String?
    /// Rules whose group lists its findings, and rules closed when every rule opens by itself.
    public var expanded: Set<String> = []
    public var collapsed: Set<String> = []

    /// Up to this many findings listed, every rule opens by itself (a few findings are read
    /// at once; thousands are a rule per row until one is opened).
    public static let openAllUpTo = 40

    /// Whether anything but the severity narrows the list (what Esc clears).
    public var isActive: Bool { !text.isEmpty || rule != nil }

    /// Whether a rule's findings are listed, when `listed` findings pass the filter.
    public func isOpen(_ rule: String, listed: Int) -> Bool {
        expanded.contains(rule) || (listed <= Self.openAllUpTo && !collapsed.contains(rule))
    }

    /// Opens or closes a rule's findings.
    mutating func set(_ rule: String, open: Bool) {
        if open {
            expanded.insert(rule)
            collapsed.remove(rule)
        } else {
            expanded.remove(rule)
            collapsed.insert(rule)
        }
    }

    /// The element ID of a rule's group row (the `group:` prefix: `f` does not fail it).
    static func groupId(_ rule: String) -> String { "group:rule:\(rule)" }
    static func rule(ofGroup id: String) -> String? {
        id.hasPrefix("group:rule:") ? String(id.dropFirst("group:rule:".count)) : nil
    }
}

/// The findings' text, lowercased once per analysis, so a keystroke of the filter is one
/// substring search per finding (and only over the last matches when the text grows).
final class FindingsIndex: Sendable {
    let findings: [Finding]
    /// The rules, in the order their first finding comes, and each finding's rule among them.
    let rules: [String]
    let ruleOf: [Int]
    /// Message, element IDs and their names, per finding: made when first filtered by text
    /// (`prepareText()` starts it on another thread when `/` is pressed).
    private let text: Deferred<FlatText>
    /// Rule id and its title, per rule: a rule that matches admits all its findings.
    private let ruleText: FlatText
    /// Each rule's one-line title, and how many findings it has in all.
    let titles: [String: String]
    let totals: [String: Int]

    init(findings: [Finding], directory: ElementDirectory) {
        self.findings = findings
        var titles: [String: String] = [:]
        for rule in Analysis.rules { titles[rule.id] = rule.summary }
        self.titles = titles
        var totals: [String: Int] = [:]
        var number: [String: Int] = [:]
        var rules: [String] = []
        ruleOf = findings.map { finding in
            totals[finding.rule, default: 0] += 1
            if let n = number[finding.rule] { return n }
            number[finding.rule] = rules.count
            rules.append(finding.rule)
            return rules.count - 1
        }
        self.rules = rules
        self.totals = totals
        ruleText = FlatText(rules.map { Array(($0 + " " + (titles[$0] ?? "")).lowercased().utf8) })
        text = Deferred {
            var names: [String: String] = [:]
            return FlatText(
                findings.lazy.map { finding in
                    var parts = [finding.message]
                    for id in finding.resources {
                        parts.append(id)
                        if let name = names[id] ?? directory.entry(id)?.name {
                            names[id] = name
                            if name != id { parts.append(name) }
                        }
                    }
                    return Array(parts.joined(separator: " ").lowercased().utf8)
                })
        }
    }

    /// Starts making the findings' text on another thread, if nothing has asked for it yet.
    func prepareText() { text.prefetch() }

    /// Positions of the findings that pass `filter`'s text and rule and `severity`, among
    /// `positions` (ascending) or all.
    func matches(_ filter: FindingsFilter, severity: AppState.SeverityFilter, among positions: [Int]? = nil) -> [Int] {
        let needle = Array(filter.text.trimmingCharacters(in: .whitespaces).lowercased().utf8)
        let rule = filter.rule.map { r in rules.firstIndex(of: r) ?? -1 }
        let ruleMatches = needle.isEmpty ? [] : rules.indices.map { ruleText.contains($0, needle) }
        let text = needle.isEmpty ? FlatText() : self.text.value
        func admits(_ i: Int) -> Bool {
            guard severity.admits(findings[i].severity), rule == nil || rule == ruleOf[i] else { return false }
            return needle.isEmpty || ruleMatches[ruleOf[i]] || text.contains(i, needle)
        }
        if let positions { return positions.filter(admits) }
        return findings.indices.filter(admits)
    }
}

/// One rule's findings as the list groups them.
struct FindingGroup: Sendable {
    let rule: String
    let title: String?
    let worst: Severity
    /// Positions in the findings of the ones listed (that pass the filter), most urgent first.
    let findings: [Int]
    /// The rule's findings in all.
    let total: Int

    /// Groups of `matched` (ascending positions), worst severity first, then the largest, then the
    /// most urgent rule (the findings' own order).
    static func groups(_ matched: [Int], index: FindingsIndex) -> [FindingGroup] {
        var members = [[Int]](repeating: [], count: index.rules.count)
        for i in matched { members[index.ruleOf[i]].append(i) }
        return members.indices.filter { !members[$0].isEmpty }
            .map { r in
                let rule = index.rules[r]
                return (
                    r,
                    FindingGroup(
                        rule: rule, title: index.titles[rule],
                        worst: members[r].lazy.map { index.findings[$0].severity }.min() ?? .info,
                        findings: members[r], total: index.totals[rule] ?? members[r].count)
                )
            }
            // Ties keep the findings' order: the more urgent rule first.
            .sorted { ($0.1.worst, -$0.1.findings.count, $0.0) < ($1.1.worst, -$1.1.findings.count, $1.0) }
            .map(\.1)
    }
}

/// The last filter's matches, so a filter that grows narrows them rather than starting over.
struct FindingsMatches: Sendable {
    let text: String
    let rule: String?
    let severity: AppState.SeverityFilter
    let positions: [Int]

    /// The matches of `filter`: these narrowed when only the text grew, else all found again.
    static func of(
        _ filter: FindingsFilter, severity: AppState.SeverityFilter, index: FindingsIndex, last: FindingsMatches?
    ) -> FindingsMatches {
        if let last, last.text == filter.text, last.rule == filter.rule, last.severity == severity { return last }
        let narrowing =
            last.flatMap { last in
                last.rule == filter.rule && last.severity == severity
                    && filter.text.lowercased().hasPrefix(last.text.lowercased()) ? last.positions : nil
            }
        return FindingsMatches(
            text: filter.text, rule: filter.rule, severity: severity,
            positions: index.matches(filter, severity: severity, among: narrowing))
    }
}
