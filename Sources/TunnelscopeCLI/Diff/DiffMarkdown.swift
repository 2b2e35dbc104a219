import TunnelscopeAnalysis
import TunnelscopeText

/// `diff --format markdown`: for tickets and wikis (GitHub, GitLab, Confluence). A heading per
/// group, a table of its changes (one row per changed field), the findings table and each side's
/// load problems. Every value from the exports goes through `Markdown.text` or `Markdown.code`.
struct DiffMarkdown {
    let report: DiffReport

    init(_ report: DiffReport) { self.report = report }

    func render() -> String {
        var out = "# Tunnelscope diff\n\n"
        out +=
            "**BEFORE:** " + Markdown.code(report.before.description) + " (" + DiffReport.loadSummary(report.before)
            + ")  \n"
        out +=
            "**AFTER:** " + Markdown.code(report.after.description) + " (" + DiffReport.loadSummary(report.after)
            + ")\n\n"
        if report.diff.isEmpty {
            out += "No differences: BEFORE and AFTER report the same network and the same findings.\n"
            return out + loadProblems()
        }
        out += "## Summary\n\n"
        var rows: [[String]] = []
        for (group, changes) in report.groups where !changes.isEmpty {
            rows.append([group.title, DiffReport.countsText(changes)])
        }
        if !report.diff.findings.isEmpty {
            rows.append([DiffGroup.findings.title, DiffReport.findingCountsText(report.diff.findings)])
        }
        out += Markdown.table(["Group", "Changes"], rows)
        for (group, changes) in report.groups where !changes.isEmpty {
            out += "\n## \(group.title)\n\n"
            out += Markdown.table(["Change", "Element", "Field", "Before", "After"], changes.flatMap(Self.rows))
        }
        if !report.diff.findings.isEmpty {
            out += "\n## Findings\n\n"
            out += Markdown.table(
                ["Change", "Severity", "Rule", "Finding"],
                report.diff.findings.map { f in
                    [
                        f.kind.rawValue, f.finding.severity.rawValue, Markdown.code(f.rule),
                        Markdown.text(f.finding.message),
                    ]
                })
        }
        return out + loadProblems()
    }

    /// One row per field; the change and the element only on the first.
    static func rows(_ change: ElementChange) -> [[String]] {
        let element =
            change.label.contains(change.id)
            ? Markdown.text(change.label) : Markdown.text(change.label) + " " + Markdown.code(change.id)
        let head = [Markdown.text(change.summary), element]
        guard !change.fields.isEmpty else { return [head] }
        return change.fields.enumerated().map { i, field in
            let (before, after) = cells(field)
            return (i == 0 ? head : ["", ""]) + [Markdown.text(field.field), before, after]
        }
    }

    /// A set's withdrawn members before, its added ones after; a value as code; "not exported" in words.
    static func cells(_ field: FieldChange) -> (String, String) {
        func value(_ v: String?) -> String { v.map(Markdown.code) ?? "*not exported*" }
        if field.isSet, field.before != nil, field.after != nil {
            let withdrawn = field.removed.map { "−" + Markdown.code($0) }.joined(separator: ", ")
            let added = field.added.map { "+" + Markdown.code($0) }.joined(separator: ", ")
            return (withdrawn, added)
        }
        return (value(field.before), value(field.after))
    }

    private func loadProblems() -> String {
        var out = ""
        for (name, side) in [("BEFORE", report.before), ("AFTER", report.after)] {
            let problems = DiffReport.problems(side)
            guard !problems.isEmpty else { continue }
            if out.isEmpty { out = "\n## Load problems\n\n" }
            out += "**\(name)**\n\n" + problems.map { "- " + Markdown.text($0) }.joined(separator: "\n") + "\n\n"
        }
        return out
    }
}
