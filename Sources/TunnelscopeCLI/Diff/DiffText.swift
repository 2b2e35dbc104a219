import TunnelscopeAnalysis
import TunnelscopeText

/// `diff --format text`: a summary line per group, then each group's changes, then the findings
/// that appeared or cleared and each side's load problems. Every value from the exports is
/// sanitised on its own line (a line feed in a name cannot forge a line).
struct DiffText {
    let report: DiffReport
    /// Members of a changed set (and load problems) listed before "… and N more" without --verbose.
    static let listLimit = 12

    init(_ report: DiffReport) { self.report = report }

    func render() -> String {
        var lines: [String] = []
        lines.append("Tunnelscope diff")
        lines.append(
            "BEFORE: " + Sanitizer.line(report.before.description) + " (" + DiffReport.loadSummary(report.before) + ")")
        lines.append(
            "AFTER:  " + Sanitizer.line(report.after.description) + " (" + DiffReport.loadSummary(report.after) + ")")
        lines.append("")
        if report.diff.isEmpty {
            lines.append(
                "No differences: BEFORE and AFTER report the same network, element for element, and the same findings.")
        } else {
            lines += summary()
            for (group, changes) in report.groups where !changes.isEmpty {
                lines.append("")
                lines.append("\(group.title) (\(DiffReport.countsText(changes)))")
                for change in changes { lines += Self.lines(change, verbose: report.verbose) }
            }
            if !report.diff.findings.isEmpty {
                lines.append("")
                lines.append("Findings (\(DiffReport.findingCountsText(report.diff.findings)))")
                for f in report.diff.findings { lines += Self.lines(f) }
            }
        }
        lines += loadProblems()
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per group: what changed in it, or that nothing did.
    private func summary() -> [String] {
        var lines = ["Summary"]
        var unchanged: [String] = []
        for (group, changes) in report.groups {
            if changes.isEmpty {
                unchanged.append(group.title)
            } else {
                lines.append("  " + pad(group.title) + DiffReport.countsText(changes))
            }
        }
        if !report.diff.findings.isEmpty {
            lines.append("  " + pad(DiffGroup.findings.title) + DiffReport.findingCountsText(report.diff.findings))
        } else {
            unchanged.append(DiffGroup.findings.title)
        }
        if !unchanged.isEmpty { lines += Self.wrapped("  No change: ", unchanged) }
        return lines
    }

    /// `prefix` and the items, comma-separated, wrapped to 80 columns under the first item.
    static func wrapped(_ prefix: String, _ items: [String], width: Int = 80) -> [String] {
        var lines: [String] = []
        var line = prefix
        let indent = String(repeating: " ", count: prefix.count)
        for (i, item) in items.enumerated() {
            let piece = item + (i < items.count - 1 ? "," : "")
            if line.count + piece.count + 1 > width, line != prefix, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == prefix || line == indent ? "" : " ") + piece
        }
        lines.append(line)
        return lines
    }

    private func pad(_ title: String) -> String { title + String(repeating: " ", count: max(1, 24 - title.count)) }

    static func marker(_ kind: ElementChange.Kind) -> String {
        switch kind {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        case .moved: ">"
        case .notExportedBefore, .notExportedAfter: "?"
        }
    }

    /// `~ VPN connection to-gcp-if0 (vpn-0aa…): moved: vgw-… → tgw-…` and its fields, indented.
    static func lines(_ change: ElementChange, verbose: Bool) -> [String] {
        var lines = ["  \(marker(change.kind)) " + Sanitizer.line(change.label) + ": " + Sanitizer.line(change.summary)]
        if change.kind == .notExportedAfter {
            lines.append(
                "      in BEFORE only; AFTER exported nothing of its kind there (not removed as far as the exports say)"
            )
        } else if change.kind == .notExportedBefore {
            lines.append(
                "      in AFTER only; BEFORE exported nothing of its kind there (the exports cannot say it is new)")
        }
        for field in change.fields {
            lines += fieldLines(field, kind: change.kind, verbose: verbose)
        }
        return lines
    }

    static func fieldLines(_ field: FieldChange, kind: ElementChange.Kind, verbose: Bool) -> [String] {
        let name = Sanitizer.line(field.field)
        switch kind {
        case .added, .notExportedBefore:
            return ["      \(name): " + Sanitizer.line(field.after ?? FieldChange.notExported)]
        case .removed, .notExportedAfter:
            return ["      \(name): " + Sanitizer.line(field.before ?? FieldChange.notExported)]
        case .changed, .moved:
            break
        }
        if field.isSecret, field.before != nil, field.after != nil {
            return ["      \(name) changed (keys are never shown)"]
        }
        guard field.isSet, field.before != nil, field.after != nil else {
            return [
                "      \(name): " + Sanitizer.line(field.before ?? FieldChange.notExported) + " → "
                    + Sanitizer.line(field.after ?? FieldChange.notExported)
            ]
        }
        var parts: [String] = []
        if !field.added.isEmpty { parts.append("\(field.added.count) added") }
        if !field.removed.isEmpty { parts.append("\(field.removed.count) withdrawn") }
        var lines = ["      \(name): " + parts.joined(separator: ", ")]
        let members = field.added.map { "+ " + $0 } + field.removed.map { "- " + $0 }
        let shown = verbose ? members : Array(members.prefix(listLimit))
        lines += shown.map { "          " + Sanitizer.line($0) }
        if shown.count < members.count {
            lines.append("          … and \(members.count - shown.count) more (--verbose lists them)")
        }
        return lines
    }

    static func lines(_ change: FindingChange) -> [String] {
        let f = change.finding
        let marker = change.kind == .appeared ? "+" : change.kind == .cleared ? "-" : "~"
        var lines = [
            "  \(marker) \(change.kind.rawValue) \(f.severity.rawValue) " + Sanitizer.line(change.rule) + ": "
                + Sanitizer.line(f.message)
        ]
        if change.kind == .changed, let before = change.before {
            lines.append("      was \(before.severity.rawValue): " + Sanitizer.line(before.message))
        }
        return lines
    }

    private func loadProblems() -> [String] {
        let before = DiffReport.problems(report.before)
        let after = DiffReport.problems(report.after)
        guard !before.isEmpty || !after.isEmpty else { return [] }
        var lines = ["", "Load problems (what a side could not use; changes in it cannot be seen)"]
        let same =
            DiffReport.relative(before, to: report.before.roots) == DiffReport.relative(after, to: report.after.roots)
        let sides = same ? [("BEFORE and AFTER (the same)", before)] : [("BEFORE", before), ("AFTER", after)]
        for (name, problems) in sides {
            lines.append(
                "  \(name): "
                    + (problems.isEmpty ? "none" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")"))
            let shown = report.verbose ? problems : Array(problems.prefix(Self.listLimit))
            lines += shown.map { "    " + Sanitizer.line($0) }
            if shown.count < problems.count {
                lines.append("    … and \(problems.count - shown.count) more (--verbose lists them)")
            }
        }
        return lines
    }
}
