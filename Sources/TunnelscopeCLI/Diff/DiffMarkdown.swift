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
            out += Markdown.table(
                ["Change", "Element", "Field", "Before", "After"],
                changes.flatMap { Self.rows($0, verbose: report.verbose) })
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
    static func rows(_ change: ElementChange, verbose: Bool) -> [[String]] {
        let element =
            change.label.contains(change.id)
            ? Markdown.text(change.label) : Markdown.text(change.label) + " " + Markdown.code(change.id)
        let head = [Markdown.text(change.summary), element]
        guard !change.fields.isEmpty else { return [head] }
        return change.fields.enumerated().map { i, field in
            let (before, after) = cells(field, kind: change.kind, verbose: verbose)
            return (i == 0 ? head : ["", ""]) + [Markdown.text(field.field), before, after]
        }
    }

    /// A set's withdrawn members before, its added ones after; a value as code; "not exported" in
    /// words; the side an added or removed element is absent from as a dash.
    static func cells(_ field: FieldChange, kind: ElementChange.Kind, verbose: Bool) -> (String, String) {
        let absent: String
        switch kind {
        case .added, .removed: absent = "—"
        default: absent = "*not exported*"
        }
        func value(_ v: String?) -> String { v.map(Markdown.code) ?? absent }
        if field.isSecret, field.before != nil, field.after != nil { return ("*not shown*", "*changed (not shown)*") }
        if field.isSet, field.before != nil, field.after != nil {
            return (members(field.removed, "−", verbose: verbose), members(field.added, "+", verbose: verbose))
        }
        return (value(field.before), value(field.after))
    }

    /// `+`10.1.0.0/16`, +`10.2.0.0/16``, the first `DiffText.listLimit` unless verbose.
    static func members(_ list: [String], _ sign: String, verbose: Bool) -> String {
        let shown = verbose ? list : Array(list.prefix(DiffText.listLimit))
        var text = shown.map { sign + Markdown.code($0) }.joined(separator: ", ")
        if shown.count < list.count { text += " … and \(list.count - shown.count) more" }
        return text
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
