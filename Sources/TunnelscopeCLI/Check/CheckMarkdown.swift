import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

/// `check --format markdown`: a summary to paste into a ticket or a wiki (GitHub, GitLab,
/// Confluence): the impact as the analysis states it, the findings in one table per rule, the
/// what-if with `--fail`, and what the load skipped. Every string from the exports goes through
/// `Markdown.text` or `Markdown.code`; the rest is the tool's own words.
struct CheckMarkdown {
    let result: LoadResult
    let analysis: Analysis
    var whatIf: FailureOutcome?
    /// Every finding and skipped item, not the first of each (`--verbose`).
    var verbose = false
    /// Findings' resources listed per row before "+N more".
    let resourceLimit = 4
    /// Rows per rule's table, and skipped items, before "… and N more" (unless verbose): a
    /// ticket has room for a summary (GitHub takes 65,536 characters), not thousands of rows.
    let rowLimit = 10

    func render() -> String {
        var sections = ["# Tunnelscope check — " + Markdown.text(result.origin)]
        sections.append(impact())
        sections.append(findings())
        if let whatIf { sections.append(self.whatIf(whatIf)) }
        sections.append(load())
        return sections.joined(separator: "\n\n") + "\n"
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    // MARK: Impact

    private func impact() -> String {
        let impact = analysis.impact
        var rows: [[String]] = [
            ["AWS ⇄ GCP tunnels carrying routes", "\(impact.crossCloudCarrying) of \(impact.crossCloudTotal)"],
            ["BGP sessions up", "\(impact.sessionsUp) of \(impact.sessionsTotal)"],
            ["Prefixes without a path across", "\(impact.prefixesWithoutPath.count)"],
            ["Errors / warnings", "\(analysis.count(.error)) / \(analysis.count(.warning))"],
        ]
        let sites = impact.sitesCutOff.map { Markdown.text($0.name) }
        let projects = impact.projectsCutOff.map { Markdown.code(String($0.dropFirst("project/".count))) }
        rows.append(["Cut off", (sites + projects).isEmpty ? "nothing" : (sites + projects).joined(separator: ", ")])
        var lines = ["## Impact", "", Markdown.table(["", "now"], rows, alignment: [.left, .right])]
        if !impact.prefixesWithoutPath.isEmpty {
            lines.append(prefixTable(impact.prefixesWithoutPath, heading: "Prefixes without a path across"))
        }
        for (link, labels) in impact.nextSinglePointsOfFailure {
            lines.append(
                "One more failure of " + labels.map(Markdown.text).joined(separator: " or ") + " cuts "
                    + Markdown.text(link) + ".")
        }
        return lines.joined(separator: "\n")
    }

    private func prefixTable(_ losses: [PrefixLoss], heading: String) -> String {
        let shown = losses.prefix(50)
        var text =
            "**\(heading)** (\(losses.count))\n\n"
            + Markdown.table(
                ["prefix", "from", "no longer reaches"],
                shown.map { loss in
                    [
                        Markdown.code(loss.prefix.description), Markdown.text(loss.originLabel),
                        loss.lost.map(\.rawValue).joined(separator: ", "),
                    ]
                })
        if losses.count > shown.count { text += "\n… and \(losses.count - shown.count) more.\n" }
        return text
    }

    // MARK: Findings

    private func findings() -> String {
        let all = analysis.findings
        guard !all.isEmpty else { return "## Findings\n\nNone." }
        let counts = Severity.allCases.compactMap { s -> String? in
            let n = all.filter { $0.severity == s }.count
            return n == 0 ? nil : plural(n, s.rawValue)
        }
        var lines = ["## Findings (\(counts.joined(separator: ", ")))"]
        // One table per rule, in the analysis' order (most severe, most urgent first).
        var order: [String] = []
        var byRule: [String: [Finding]] = [:]
        for f in all {
            if byRule[f.rule] == nil { order.append(f.rule) }
            byRule[f.rule, default: []].append(f)
        }
        for rule in order {
            let all = byRule[rule]!
            let group = verbose ? all : Array(all.prefix(rowLimit))
            lines.append("")
            lines.append("### \(Markdown.code(rule)) (\(all.count))")
            lines.append("")
            lines.append(
                Markdown.table(
                    ["severity", "element", "message"],
                    group.map { f in
                        let resources = f.resources.prefix(resourceLimit).map(Markdown.code)
                        let more =
                            f.resources.count > resourceLimit ? " +\(f.resources.count - resourceLimit) more" : ""
                        var message = Markdown.text(f.message)
                        if let hint = f.hint { message += "<br>→ " + Markdown.text(hint) }
                        return [f.severity.rawValue, resources.joined(separator: "<br>") + more, message]
                    }))
            if group.count < all.count {
                lines.append(
                    "… and \(all.count - group.count) more (`tunnelscope check --format markdown --verbose` lists them)."
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: What-if

    private func whatIf(_ outcome: FailureOutcome) -> String {
        let impact = analysis.impact(of: outcome)
        var lines = [
            "## What-if: failing " + outcome.failed.map { Markdown.text($0.label) }.joined(separator: ", "), "",
        ]
        var rows: [[String]] = [
            ["AWS ⇄ GCP tunnels carrying routes", "\(impact.crossCloudCarrying) of \(impact.crossCloudTotal)"],
            ["BGP sessions up", "\(impact.sessionsUp) of \(impact.sessionsTotal)"],
            ["Prefixes that lose every path", "\(impact.prefixesWithoutPath.count)"],
        ]
        let cut =
            impact.sitesCutOff.map { Markdown.text($0.name) }
            + impact.projectsCutOff.map {
                Markdown.code(String($0.dropFirst("project/".count)))
            }
        rows.append(["Cut off", cut.isEmpty ? "nothing" : cut.joined(separator: ", ")])
        lines.append(Markdown.table(["", "after"], rows, alignment: [.left, .right]))
        let lost = outcome.tunnels.filter { $0.lost }
        if !lost.isEmpty {
            lines.append(
                Markdown.table(
                    ["tunnel", "cause"],
                    lost.map { t in
                        let cause = t.cause.map { c in outcome.failed.first { $0.id == c }?.label ?? c } ?? ""
                        return [Markdown.text(t.label), Markdown.text(cause)]
                    }))
        }
        for link in outcome.links {
            let state =
                !link.upAfter
                ? (link.upBefore ? "**DOWN** (cut by the failure)" : "DOWN (already)")
                : link.singlePointsOfFailure.isEmpty
                    ? "up, still redundant (\(link.carrying.count) tunnels carry)"
                    : "up; one more failure of "
                        + link.singlePointsOfFailureLabels.map(Markdown.text).joined(separator: " or ") + " cuts it"
            lines.append("- Link " + Markdown.text(link.link.label) + ": " + state)
        }
        if !impact.prefixesWithoutPath.isEmpty {
            lines.append("")
            lines.append(prefixTable(impact.prefixesWithoutPath, heading: "Prefixes that lose every path"))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Load report

    private func load() -> String {
        let report = result.report
        var lines = [
            "## Load",
            "",
            "\(report.loadedFiles.count) of \(plural(report.files.count, "file")) loaded: "
                + "\(plural(report.resourcesSeen, "resource")) (\(report.resourcesLoaded) loaded, "
                + "\(report.duplicates) duplicates merged, \(report.resourcesSkipped) skipped).",
        ]
        if !report.skipped.isEmpty {
            let shown = verbose ? report.skipped[...] : report.skipped.prefix(rowLimit)
            lines.append("")
            lines.append("**Skipped** (\(report.skipped.count))")
            lines.append("")
            lines.append(
                Markdown.table(
                    ["file", "where", "why"],
                    shown.map { [Markdown.code($0.file), $0.path.map(Markdown.code) ?? "", Markdown.text($0.text)] }))
            if report.skipped.count > shown.count {
                lines.append(
                    "… and \(report.skipped.count - shown.count) more (`tunnelscope check --format markdown --verbose` "
                        + "lists them).")
            }
        }
        return lines.joined(separator: "\n")
    }
}
