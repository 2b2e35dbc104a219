import Foundation
import TunnelscopeModel
import TunnelscopeText

/// The load report's lines about mixing and freshness, for `check`: resources whose copies
/// differ, the "two snapshots" line, and when each cloud was exported.
struct LoadProvenanceText {
    let report: LoadReport
    /// Seconds since 1970 (the real clock; tests pass a fixed one).
    let now: Double
    let verbose: Bool

    static var systemNow: Double { Date().timeIntervalSince1970 }

    /// Lines under the header's counts: the two-snapshots line, the conflicts' count, the export
    /// times and the mixed-time warning (each already one line, unsanitised).
    func headerLines() -> [String] {
        var lines: [String] = []
        if let mixed = report.mixedSnapshots { lines.append("WARNING: " + mixed.line) }
        if report.conflicts > 0 {
            let n = report.conflicts
            lines.append(
                "\(n) resource\(n == 1 ? "" : "s") appear\(n == 1 ? "s" : "") twice with different contents "
                    + "(the copy first in path order is kept; see \"Conflicting copies\" below).")
        }
        let provenance = report.provenance
        for export in provenance.exports { lines.append(exportLine(export)) }
        if let mixed = provenance.mixedTimeText { lines.append("WARNING: " + mixed + ".") }
        let failed = provenance.failedCommands
        if !failed.isEmpty {
            lines.append(
                "\(failed.count) export command\(failed.count == 1 ? "" : "s") failed (see \"Export commands that failed\" below): "
                    + "what \(failed.count == 1 ? "it" : "they") would have exported is missing.")
        }
        return lines
    }

    /// `Exported AWS: 2026-11-29T18:02:11Z – 18:03:40Z (3 h ago) by export-aws.sh with
    /// aws-cli/2.15.0 …; accounts 1111…; regions eu-west-1`.
    func exportLine(_ export: Provenance.Export) -> String {
        let start = Provenance.iso8601(export.start)
        let end = Provenance.iso8601(export.end)
        let when = start == end ? start : "\(start) – \(end)"
        let age = Provenance.age(now - export.start)
        guard !export.estimated else {
            return "Exported \(export.cloud.name): ≈ \(when) (≈ \(age)), estimated from the files' modification times "
                + "(no export manifest; scripts/export-\(export.cloud.rawValue).sh writes one)."
        }
        var parts = ["Exported \(export.cloud.name): \(when) (\(age))"]
        let tools = Set(export.manifests.compactMap(\.tool)).sorted()
        let clis = Set(export.manifests.compactMap(\.cli)).sorted()
        if !tools.isEmpty || !clis.isEmpty {
            parts.append(
                "by " + (tools + clis.map { "with \($0)" }).joined(separator: " "))
        }
        let accounts = Set(export.manifests.flatMap(\.accounts)).sorted()
        let projects = Set(export.manifests.flatMap(\.projects)).sorted()
        let regions = Set(export.manifests.flatMap(\.regions)).sorted()
        if !accounts.isEmpty { parts.append("account\(accounts.count == 1 ? "" : "s") " + list(accounts)) }
        if !projects.isEmpty { parts.append("project\(projects.count == 1 ? "" : "s") " + list(projects)) }
        if !regions.isEmpty { parts.append("region\(regions.count == 1 ? "" : "s") " + list(regions)) }
        return parts.joined(separator: "; ") + "."
    }

    private func list(_ items: [String]) -> String {
        guard !verbose, items.count > 8 else { return items.joined(separator: ", ") }
        return items.prefix(8).joined(separator: ", ") + " … and \(items.count - 8) more"
    }

    /// The problems' blocks: each conflict, and each failed export command.
    func blocks(_ block: (_ title: String, _ messages: [String], _ counted: String?) -> Void) {
        let unlisted = report.conflicts - report.conflictList.count
        block(
            "Conflicting copies (same ID, different contents; the first in path order is kept)",
            report.conflictList.map(\.description)
                + (unlisted > 0
                    ? [
                        "… and \(unlisted) more not listed (the first \(LoadReport.maxListedConflicts) of each kind are)"
                    ] : []),
            "\(report.conflicts)")
        block(
            "Export commands that failed (from the export manifests)",
            report.provenance.failedCommands.map { m, c in
                "\(m.file): \(c.command) (exit \(c.exitCode))" + (c.error.map { ": \($0)" } ?? "")
            }, nil)
    }
}
