import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "Compare two snapshots of the network (before and after a change): what was added, removed, changed and moved.",
        discussion: """
            BEFORE and AFTER are each an export file or folder; --before and --after (repeatable) give a side \
            as several files or folders. Changes are grouped like the views (hub, VPN connections, tunnels, GCP \
            side, Shared VPC, peered services, on-prem, AWS VPCs, findings). A VPN connection attached elsewhere \
            or re-created with the same tunnels is shown as moved; something one side's exports do not cover is \
            "not exported", not removed. Pre-shared keys are never kept or printed: a rotated key \
            shows as "pre-shared key changed".
            Exit status: 0 identical, 1 different, 2 unusable (a side with nothing loadable, or wrong arguments).
            """
    )

    enum Format: String, CaseIterable { case text, json, markdown }

    @Argument(help: ArgumentHelp("BEFORE and AFTER: each an export file or folder.", valueName: "path"))
    var paths: [String] = []

    @Option(
        name: .customLong("before"), help: ArgumentHelp("A file or folder of BEFORE (repeatable).", valueName: "path"))
    var before: [String] = []

    @Option(
        name: .customLong("after"), help: ArgumentHelp("A file or folder of AFTER (repeatable).", valueName: "path"))
    var after: [String] = []

    @Option(help: "Output format: text, json (a stable contract) or markdown (for tickets and wikis).")
    var format: String = "text"

    @Flag(name: .shortAndLong, help: "List every member of a changed set and every load problem, not only the first.")
    var verbose = false

    /// The two sides from the arguments, or why they do not make two sides.
    static func sides(paths: [String], before: [String], after: [String]) -> Result<
        ([String], [String]), DiffArgumentError
    > {
        switch (paths.count, before.isEmpty, after.isEmpty) {
        case (0, false, false): return .success((before, after))
        case (1, false, true): return .success((before, paths))
        case (1, true, false): return .success((paths, after))
        case (2, _, _): return .success((before + [paths[0]], after + [paths[1]]))
        case (let n, _, _) where n > 2:
            return .failure(DiffArgumentError("give two paths (BEFORE AFTER), or use --before/--after for more"))
        default:
            return .failure(DiffArgumentError("give BEFORE and AFTER (two paths, or --before PATH and --after PATH)"))
        }
    }

    func run() throws {
        guard let format = Format(rawValue: format) else {
            Output.error("--format must be text, json or markdown, not \(format)")
            throw ExitCode(ExitStatus.unusable)
        }
        let (beforePaths, afterPaths): ([String], [String])
        switch Self.sides(paths: paths, before: before, after: after) {
        case .success(let sides): (beforePaths, afterPaths) = sides
        case .failure(let error):
            Output.error("diff: \(error.message)")
            throw ExitCode(ExitStatus.unusable)
        }
        let old = Importer.load(paths: beforePaths)
        let new = Importer.load(paths: afterPaths)
        let run = DiffRun(
            before: DiffSide(result: old, paths: beforePaths), after: DiffSide(result: new, paths: afterPaths),
            format: format, verbose: verbose)
        if !run.output.isEmpty {
            format == .json ? Output.write(json: run.output) : Output.print(run.stdout)
        }
        if !run.stderr.isEmpty { Output.errorText(run.stderr) }
        keptUntilExit.append(run)
        if run.status != ExitStatus.ok { throw ExitCode(run.status) }
    }
}

struct DiffArgumentError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// What a command built, kept until the process exits (tearing down two large analyses takes
/// longer than the exit that frees them anyway).
nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// One side of a diff: what was loaded and from where.
struct DiffSide {
    let result: LoadResult
    let paths: [String]
    var description: String { paths.isEmpty ? result.origin : paths.joined(separator: " ") }
    var usable: Bool { !result.report.loadedFiles.isEmpty }
    /// The folders its files were read from (a file's own folder): findings name files by path,
    /// and the diff compares those paths within their roots.
    var roots: [String] {
        paths.map { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { return path }
            return (path as NSString).deletingLastPathComponent
        }
    }
}

/// One `diff` run without the process around it, so tests can call it: output, errors, exit status.
struct DiffRun {
    let output: [UInt8]
    var stdout: String { String(decoding: output, as: UTF8.self) }
    let stderr: String
    let status: Int32
    /// nil when a side was unusable.
    let diff: SnapshotDiff?

    init(before: DiffSide, after: DiffSide, format: DiffCommand.Format, verbose: Bool = false) {
        let unusable = [("BEFORE", before), ("AFTER", after)].filter { !$0.1.usable }
        if !unusable.isEmpty {
            output = []
            diff = nil
            stderr = unusable.map { name, side in
                let why = DiffReport.problems(side).prefix(3).joined(separator: "; ")
                return "tunnelscope: "
                    + Sanitizer.line(
                        "diff: nothing loadable in \(name) (\(side.description))" + (why.isEmpty ? "" : ": \(why)"))
                    + "\n"
            }.joined()
            status = ExitStatus.unusable
            return
        }
        let (old, new) = (
            Analysis(model: before.result.model, report: before.result.report),
            Analysis(model: after.result.model, report: after.result.report)
        )
        let diff = SnapshotDiff(before: old, after: new, beforeRoots: before.roots, afterRoots: after.roots)
        self.diff = diff
        let report = DiffReport(diff: diff, before: before, after: after, verbose: verbose)
        switch format {
        case .text: output = Array(DiffText(report).render().utf8)
        case .markdown: output = Array(DiffMarkdown(report).render().utf8)
        case .json: output = DiffJSON(report).renderBytes()
        }
        stderr = ""
        status = diff.isEmpty ? ExitStatus.ok : ExitStatus.findings
    }
}
