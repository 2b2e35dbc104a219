import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeText

/// What every format of `diff` prints, worked out once: the groups with their changes and counts,
/// and each side's load problems.
struct DiffReport {
    let diff: SnapshotDiff
    let before: DiffSide
    let after: DiffSide
    let verbose: Bool

    /// The element groups (findings are apart) and their changes, in the views' order.
    var groups: [(group: DiffGroup, changes: [ElementChange])] {
        var byGroup: [DiffGroup: [ElementChange]] = [:]
        for change in diff.changes { byGroup[change.group, default: []].append(change) }
        return DiffGroup.allCases.filter { $0 != .findings }.map { ($0, byGroup[$0] ?? []) }
    }

    /// `2 moved, 1 not exported after`, in the order of `ElementChange.Kind`.
    static func countsText(_ changes: [ElementChange]) -> String {
        var counts: [ElementChange.Kind: Int] = [:]
        for change in changes { counts[change.kind, default: 0] += 1 }
        return ElementChange.Kind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.word)" } }
            .joined(separator: ", ")
    }

    static func findingCountsText(_ findings: [FindingChange]) -> String {
        var counts: [FindingChange.Kind: Int] = [:]
        for f in findings { counts[f.kind, default: 0] += 1 }
        return FindingChange.Kind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
            .joined(separator: ", ")
    }

    /// A side's load problems, one line each: files that could not be read (a file that is not
    /// JSON at all, such as a README, is passed over, not a problem), resources skipped, fields ignored.
    static func problems(_ side: DiffSide) -> [String] {
        let report = side.result.report
        var lines: [String] = []
        var wholeFiles = Set<String>()
        for file in report.files
        where file.outcome == .unreadable
            || (file.outcome == .notJSON && file.reason?.hasPrefix("invalid JSON") == true)
        {
            lines.append("\(file.file): \(file.reason ?? file.outcome.rawValue)")
            wholeFiles.insert(file.file)
        }
        for message in report.skipped where !(message.path == nil && wholeFiles.contains(message.file)) {
            lines.append("skipped: \(message.description)")
        }
        for message in report.warnings { lines.append("ignored: \(message.description)") }
        return lines
    }

    /// Lines with each root's path taken out (the same problem in a copy of the folder reads the same).
    static func relative(_ lines: [String], to roots: [String]) -> [String] {
        let prefixes = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }.filter { $0 != "/" }.sorted {
            $0.count > $1.count
        }
        return lines.map { line in
            prefixes.reduce(line) { $0.replacingOccurrences(of: $1, with: "") }
        }
    }

    /// `27 files, 134 resources loaded`.
    static func loadSummary(_ side: DiffSide) -> String {
        let report = side.result.report
        let files = report.loadedFiles.count
        return "\(files) file\(files == 1 ? "" : "s"), \(report.resourcesLoaded) resources loaded"
            + (report.resourcesSkipped > 0 ? ", \(report.resourcesSkipped) skipped" : "")
    }
}
