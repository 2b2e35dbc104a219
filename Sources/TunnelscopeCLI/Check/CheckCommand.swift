import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Load exports; print the inventory, the tunnel join, the findings and (with --fail) a failure what-if.",
        discussion: """
            Exit status: 0 no error finding, 1 at least one error finding (a file that could not be read is one: \
            incomplete-input), 2 nothing loadable was given, \
            the arguments are wrong, or a --fail name does not resolve. Findings describe the exported \
            state; --fail only adds the what-if and does not change the exit status.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json (a stable contract, see README) or markdown (for tickets and wikis).")
    var format: Format = .text

    @OptionGroup var whatIf: WhatIfOptions

    @Flag(name: .shortAndLong, help: "List every skipped file and ignored field, not only a summary.")
    var verbose = false

    @Flag(help: "Print how long loading, the analysis and the output took, and the peak memory (to stderr).")
    var timings = false

    func run() throws {
        let clock = PhaseClock()
        let result = input.load()
        clock.lap("load")
        let run = CheckRun(
            result: result, format: format, fail: whatIf.names, verbose: verbose,
            inputDescription: input.paths.joined(separator: " "), clock: clock)
        if !run.output.isEmpty {
            // The JSON is sanitised as it is made; the text as it is rendered.
            format == .json ? Output.write(json: run.output) : Output.print(run.stdout)
        }
        clock.lap("write")
        if !run.stderr.isEmpty { Output.errorText(run.stderr) }
        if timings { Output.errorText(clock.report(inputBytes: result.report.bytesRead)) }
        // Nothing of the run is freed before the process exits: tearing down the analysis of a
        // large network (millions of objects) takes longer than the exit that frees it anyway.
        keptUntilExit.append(run)
        if run.status != ExitStatus.ok { throw ExitCode(run.status) }
    }
}

/// What a command built, kept until the process exits (see `CheckCommand.run`).
nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// One `check` run without the process around it, so tests can call it: output, errors, exit status.
struct CheckRun {
    /// What goes to stdout, as UTF-8.
    let output: [UInt8]
    var stdout: String { String(decoding: output, as: UTF8.self) }
    let stderr: String
    let status: Int32
    /// The analysis the output was made from.
    let analysis: Analysis

    init(
        result: LoadResult, format: CheckCommand.Format, fail: [String], verbose: Bool, inputDescription: String = "",
        clock: PhaseClock? = nil
    ) {
        let analysis = Analysis(model: result.model, report: result.report)
        self.analysis = analysis
        clock?.lap("analysis")
        defer { clock?.lap("output") }
        let elements: [FailableElement]
        switch WhatIfOptions.resolve(fail, in: analysis) {
        case .success(let resolved): elements = resolved
        case .failure(let unresolved):
            output = []
            stderr = unresolved.text
            status = ExitStatus.unusable
            return
        }
        let whatIf = fail.isEmpty ? nil : analysis.whatIf(failing: elements)
        // The output reads the findings, the verdicts and the what-if only: the route lookups are
        // freed (on another thread) while it is made.
        analysis.releaseRoutingIndexes()
        switch format {
        case .text:
            output = Array(
                CheckText(result: result, verbose: verbose, analysis: analysis, whatIf: whatIf).render().utf8)
        case .json: output = CheckJSON(result: result, analysis: analysis, whatIf: whatIf).renderBytes()
        case .markdown:
            output = Array(
                CheckMarkdown(result: result, analysis: analysis, whatIf: whatIf, verbose: verbose).render().utf8)
        }
        if result.report.loadedFiles.isEmpty {
            stderr = "tunnelscope: " + Sanitizer.line("nothing loadable in \(inputDescription)") + "\n"
            status = ExitStatus.unusable
        } else {
            stderr = ""
            // What could not be loaded is a finding too (incomplete-input, in analysis.findings).
            status = analysis.hasErrors ? ExitStatus.findings : ExitStatus.ok
        }
    }
}
