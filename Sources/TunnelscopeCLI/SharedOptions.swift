import ArgumentParser
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

/// `--fail ID` (repeatable), shared by `check`, `export` and `render`: the elements a what-if fails.
struct WhatIfOptions: ParsableArguments {
    @Option(
        name: .customLong("fail"),
        help: ArgumentHelp(
            "Mark an element as failed for the what-if (repeatable): a resource ID, a Name tag, a GCP tunnel name or a tunnel's AWS outside IP.",
            valueName: "ID"))
    var names: [String] = []

    /// Each name resolved by the analysis, or one stderr line per name that resolves to nothing
    /// that can fail (`tunnelscope: --fail NAME: …`, sanitised).
    static func resolve(_ names: [String], in analysis: Analysis) -> Result<[FailableElement], Unresolved> {
        var elements: [FailableElement] = []
        var errors: [String] = []
        for name in names {
            switch analysis.resolve(name) {
            case .found(let e): elements.append(e)
            case let other: errors.append("tunnelscope: " + Sanitizer.line("--fail \(name): \(other)"))
            }
        }
        return errors.isEmpty ? .success(elements) : .failure(Unresolved(lines: errors))
    }

    /// The names that resolve to nothing that can fail, as stderr lines.
    struct Unresolved: Error {
        let lines: [String]
        var text: String { lines.joined(separator: "\n") + "\n" }
    }
}

/// `--before PATH` (repeatable), shared by the explorer, `render` and `export`: the exports from
/// before, which diff mode compares the loaded ones with.
struct BeforeOptions: ParsableArguments {
    @Option(
        name: .customLong("before"),
        help: ArgumentHelp(
            "Diff mode: the exports from before (a file or folder; repeatable); each element notes how it differs.",
            valueName: "path"))
    var paths: [String] = []

    /// BEFORE loaded, nil without `--before`; exit 2 when nothing in it can be read.
    func load() throws -> LoadResult? {
        guard !paths.isEmpty else { return nil }
        let result = Importer.load(paths: paths)
        if result.report.loadedFiles.isEmpty {
            Output.error(
                "--before: nothing loadable in \(paths.joined(separator: " ")); `tunnelscope check` explains why")
            throw ExitCode(ExitStatus.unusable)
        }
        return result
    }
}
