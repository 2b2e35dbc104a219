import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeRender

/// `tunnelscope render`: one frame of any view as plain text (or ANSI colour), without a
/// terminal. For tickets and chat, and for tests. The interactive screens use the same code.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one frame of a view as text, without a terminal.",
        discussion:
            "Exit status: 0 printed; 2 nothing loadable, bad arguments (--view detail without --select, a --step the tour does not have, a --size below the explorer's minimum), or a --select or --fail that names nothing."
    )

    enum View: String, ExpressibleByArgument, CaseIterable {
        case topology, aws, gcp, split, detail, findings, routes, changes, tour
    }

    @OptionGroup var input: InputOptions

    @Option(help: "The view: \(View.allCases.map(\.rawValue).joined(separator: ", ")).")
    var view: View = .topology

    @Option(help: "Frame size as WIDTHxHEIGHT.")
    var size: String = "80x24"

    @Option(
        help:
            "Select this element (resource ID, tunnel ID, or a unique name/IP) before drawing; required with --view detail."
    )
    var select: String?

    @OptionGroup var whatIf: WhatIfOptions

    @OptionGroup var before: BeforeOptions

    @Flag(help: "With --before and --view split: before and after of one perspective (b in the explorer).")
    var beforeAfter = false

    @Option(help: "Tour step to show (1-based) with --view tour.")
    var step: Int?

    @Flag(help: "Colour the frame with ANSI escape codes.")
    var color = false

    @Option(
        help: ArgumentHelp(
            "Count the export's age in the header to this time (ISO 8601, e.g. 2026-11-29T20:00:00Z) instead of now, for a reproducible frame.",
            valueName: "TIME"))
    var now: String?

    func validate() throws {
        guard Self.parseSize(size) != nil else { throw ValidationError("--size must look like 80x24 (at least 20x5)") }
        if let now, Provenance.parseISO8601(now) == nil {
            throw ValidationError("--now must be an ISO 8601 time such as 2026-11-29T20:00:00Z")
        }
    }

    static func parseSize(_ text: String) -> (Int, Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w >= 20, h >= 5, w <= 1000, h <= 1000
        else { return nil }
        return (w, h)
    }

    /// A usage error: the message on stderr, exit status 2 (as every command's bad arguments).
    private func usage(_ message: String) -> ExitCode {
        Output.error(message)
        return ExitCode(ExitStatus.unusable)
    }

    func run() throws {
        // Checked here rather than in validate(), so that they exit 2 like the other bad arguments.
        if view == .detail, select == nil {
            throw usage(
                "--view detail needs --select ID: the element to show (a resource ID, tunnel ID, name or IP; `tunnelscope check` lists them)"
            )
        }
        // The explorer's too-small screen asks the user to enlarge the window: a frame for a
        // ticket or a pipe has no window to enlarge, so it is a usage error instead.
        if let (width, height) = Self.parseSize(size), width < Layout.minimumWidth || height < Layout.minimumHeight {
            throw usage(
                "--size \(width)x\(height) is below the smallest frame the views draw, \(Layout.minimumWidth)x\(Layout.minimumHeight)"
            )
        }
        if let step, view != .tour {
            throw usage("--step \(step) applies only to --view tour")
        }
        let result = input.load()
        if result.report.loadedFiles.isEmpty {
            Output.error("nothing loadable in \(input.paths.joined(separator: " "))")
            throw ExitCode(ExitStatus.unusable)
        }
        if let step {
            let count = Tour.steps(for: result.model).count
            guard (1...count).contains(step) else {
                throw usage("--step \(step): the tour of this network has \(count) steps (1 to \(count))")
            }
        }
        let (width, height) = Self.parseSize(size)!
        var state = AppState(result: result, width: width, height: height)
        if let old = try before.load() {
            Reducer.reduce(&state, .compared(Comparison(before: old, after: state.analysis)))
            if beforeAfter { Reducer.reduce(&state, .toggleBeforeAfter) }
        } else if beforeAfter {
            throw usage("--before-after needs --before PATH: the exports to compare with")
        }
        if let fixed = now.flatMap(Provenance.parseISO8601) { state.now = { fixed } }
        for id in whatIf.names {
            switch state.analysis.resolve(id) {
            case .found(let element):
                Reducer.reduce(&state, .fail(element.id))
            case let other:
                Output.error("--fail \(id): \(other)")
                throw ExitCode(ExitStatus.unusable)
            }
        }
        try navigate(&state)
        let buffer = ScreenRenderer.render(state)
        Output.print(buffer, color: color)
    }

    private func navigate(_ state: inout AppState) throws {
        let target: Screen =
            switch view {
            case .topology: .topology
            case .aws: .aws
            case .gcp: .gcp
            case .split: .split
            case .findings: .findings
            case .routes: .routes
            case .changes: .changes
            case .tour: .tour
            case .detail: .detail(select ?? "")
            }
        if let select {
            // The element directory first (ID, name, alias, unique prefix), then search (an IP or CIDR).
            let resolved: String
            switch state.analysis.directory.resolve(select) {
            case .found(let entry): resolved = entry.id
            case .ambiguous(_, let candidates) where candidates.count > 1:
                let match = DirectoryMatch.ambiguous(query: select, candidates: candidates)
                Output.error("--select \(match.description)")
                throw ExitCode(ExitStatus.unusable)
            default:
                let matches = state.content.search.search(select)
                guard
                    let first = matches.first(where: { $0.elementId == select })?.elementId ?? matches.first?.elementId
                else {
                    Output.error("--select \(select): nothing matches it (a name, ID, IP or CIDR)")
                    throw ExitCode(ExitStatus.unusable)
                }
                resolved = first
            }
            if case .detail = target {
                Reducer.reduce(&state, .show(.detail(resolved)))
                return
            }
            // Selected in the view when it is there; else where a search for it leads, and the
            // view is then shown with the selection carried over (the same tunnel, element).
            Reducer.reduce(&state, .show(target))
            Reducer.reduce(&state, .select(resolved))
            if state.screen != target { Reducer.reduce(&state, .show(target)) }
            state.clearMessage()
        } else {
            Reducer.reduce(&state, .show(target))
        }
        if target == .tour {
            for _ in 1..<max(1, step ?? 1) { Reducer.reduce(&state, .tourNext) }
        }
    }
}
