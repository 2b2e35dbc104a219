import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the topology for a wiki or a ticket: a Mermaid or Graphviz diagram, or the model as JSON.",
        discussion: """
            The diagram is the map's topology: on-prem sites, the Transit Gateway and its VPCs (in groups by \
            account when there are many; --expand draws every VPC), the VPN connections and their tunnels across \
            to the GCP HA VPN gateways, Cloud Routers, networks, the Shared VPC host and its service projects. \
            Each element is marked as the analysis judges it (ok, degraded, down, unknown) and, with --fail, \
            as the what-if leaves it (failed, lost). The JSON is the model without secrets (no pre-shared key), \
            with each element's verdict; its schemaVersion is its own. Exit status: 0, or 2 when nothing \
            loadable was given or a --fail name does not resolve.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case mermaid, dot, json }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: mermaid (flowchart for GitHub/GitLab/Confluence), dot (Graphviz) or json.")
    var format: Format = .mermaid

    @OptionGroup var whatIf: WhatIfOptions

    @Flag(help: "Draw every VPC, not groups by account (large networks make large diagrams).")
    var expand = false

    @OptionGroup var before: BeforeOptions

    func run() throws {
        let run = ExportRun(
            result: input.load(), format: format, fail: whatIf.names, expand: expand,
            inputDescription: input.paths.joined(separator: " "),
            before: try before.load())
        if !run.output.isEmpty {
            format == .json ? Output.write(json: Array(run.output.utf8)) : Output.print(run.output)
        }
        if !run.stderr.isEmpty { Output.errorText(run.stderr) }
        if run.status != ExitStatus.ok { throw ExitCode(run.status) }
    }
}

/// One `export` run without the process around it, so tests can call it.
struct ExportRun {
    let output: String
    let stderr: String
    let status: Int32

    /// `before`: BEFORE of `--before`, whose differences each element notes.
    init(
        result: LoadResult, format: ExportCommand.Format, fail: [String], expand: Bool, inputDescription: String = "",
        before: LoadResult? = nil
    ) {
        if result.report.loadedFiles.isEmpty {
            output = ""
            stderr = "tunnelscope: " + Sanitizer.line("nothing loadable in \(inputDescription)") + "\n"
            status = ExitStatus.unusable
            return
        }
        let analysis = Analysis(model: result.model, report: result.report)
        let elements: [FailableElement]
        switch WhatIfOptions.resolve(fail, in: analysis) {
        case .success(let resolved): elements = resolved
        case .failure(let unresolved):
            output = ""
            stderr = unresolved.text
            status = ExitStatus.unusable
            return
        }
        let whatIf = elements.isEmpty ? nil : analysis.impact(of: analysis.whatIf(failing: elements))
        let origin =
            result.origin
            + (whatIf.map { " — what-if: failing " + $0.outcome.failed.map(\.label).joined(separator: ", ") } ?? "")
            + (before.map { " — Δ since " + $0.origin } ?? "")
        var marks = ElementMarks(verdicts: analysis.verdicts, whatIf: whatIf)
        if let before {
            marks.changes = SnapshotDiff(
                before: Analysis(model: before.model, report: before.report), after: analysis)
        }
        switch format {
        case .json:
            // C1, bidi and invisible characters as `\uXXXX` (the values are unchanged).
            output = Sanitizer.json(
                TopologyJSON(model: result.model, analysis: analysis, marks: marks, origin: result.origin).render())
        case .mermaid, .dot:
            let graph = TopologyGraph(model: result.model, origin: origin, marks: marks, expand: expand)
            output = format == .dot ? DOTWriter.render(graph) : MermaidWriter.render(graph)
            if format == .mermaid, let note = Self.sizeNote(characters: output.count, edges: graph.edges.count) {
                stderr = note
                status = ExitStatus.ok
                return
            }
        }
        stderr = ""
        status = ExitStatus.ok
    }

    /// Mermaid draws a diagram only up to a size (its defaults, which GitHub keeps: 50,000
    /// characters, 500 edges); past it the reader sees an error instead of the diagram, so say so.
    static let mermaidLimits = (characters: 50_000, edges: 500)

    static func sizeNote(characters: Int, edges: Int) -> String? {
        guard characters > mermaidLimits.characters || edges > mermaidLimits.edges else { return nil }
        return "tunnelscope: note: this diagram has \(characters) characters and \(edges) edges; Mermaid (GitHub "
            + "among others) draws up to \(mermaidLimits.characters) characters and \(mermaidLimits.edges) edges by "
            + "default. Leave out --expand (VPCs in groups), or use --format dot.\n"
    }
}
