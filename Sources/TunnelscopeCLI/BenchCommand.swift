import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeRender
import TunnelscopeSynthetic

/// `tunnelscope bench`: loads a generated network of real-format exports and measures what a
/// user waits for (load, analysis, first frame) and what every keystroke costs. Rerunnable;
/// timings are medians of several runs. Not a test: shared machines make timed tests flaky.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure load, analysis and per-keystroke cost on a generated large network."
    )

    @Option(help: "VPCs to generate (on top of the built-in example).") var vpcs = 1000
    @Option(help: "AWS accounts they are spread over.") var accounts = 30
    @Option(help: "Routes per VPC route table.") var routes = 20
    @Option(help: "GCP subnets to generate.") var gcpSubnets = 500
    @Option(help: "Repetitions of each measurement (the median is shown).") var runs = 5
    @Option(help: "Keystrokes per keystroke measurement.") var keys = 200

    func run() throws {
        let generator = SyntheticNetwork(vpcs: vpcs, accounts: accounts, routesPerTable: routes, gcpSubnets: gcpSubnets)
        let files = generator.files()
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        print(
            "Generated \(files.count) files, \(bytes / 1024) KiB: \(vpcs) VPCs in \(accounts) accounts, \(vpcs * (routes + 1)) VPC routes, \(gcpSubnets) GCP subnets"
        )

        var result: LoadResult!
        let load = measure { result = Importer.load(files: files, origin: "bench") }
        print(row("load (parse + model + join)", load, "\(result.report.resourcesLoaded) resources"))

        var analysis: Analysis!
        let analysisTime = measure { analysis = Analysis(model: result.model, report: result.report) }
        print(row("analysis (all rules, route exchange)", analysisTime, "\(analysis.findings.count) findings"))

        var state: AppState!
        let open = measure { state = AppState(result: result, width: 160, height: 48) }
        print(row("explorer state (rows, map, search index)", open, ""))

        let frame = measure { _ = ScreenRenderer.render(state) }
        print(row("one frame 160×48 (topology)", frame, ""))

        for (name, screen, key) in [
            ("AWS view", Screen.aws, Key.down), ("GCP view", .gcp, .down), ("side by side", .split, .down),
            ("topology", .topology, .right), ("findings", .findings, .down),
        ] {
            var s = state!
            Reducer.reduce(&s, .show(screen))
            let perKey = measure {
                for _ in 0..<keys {
                    if let action = Reducer.action(for: key, in: s) { Reducer.reduce(&s, action) }
                    _ = ScreenRenderer.render(s)
                }
            }
            print(row("keystroke + frame, \(name)", perKey / Double(keys), "median of \(runs)×\(keys) keys"))
        }
        var s = state!
        Reducer.reduce(&s, .show(.aws))
        Reducer.reduce(&s, .moveDown)
        Reducer.reduce(&s, .moveDown)
        let whatIf = measure {
            var copy = s
            Reducer.reduce(&copy, .failSelected)
            _ = ScreenRenderer.render(copy)
        }
        print(row("what-if keystroke (f) + frame", whatIf, "recomputes analysis and rows"))
        let search = measure {
            var copy = s
            Reducer.reduce(&copy, .startSearch)
            "10.100.0.5".forEach { Reducer.reduce(&copy, .input($0)) }
            Reducer.reduce(&copy, .inputSubmit)
        }
        print(row("search by IP", search, ""))
    }

    private func measure(_ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    private func row(_ name: String, _ ms: Double, _ note: String) -> String {
        let value = ms >= 100 ? String(format: "%8.0f ms", ms) : String(format: "%8.2f ms", ms)
        return "  " + name.padding(toLength: 44, withPad: " ", startingAt: 0) + value
            + (note.isEmpty ? "" : "   \(note)")
    }
}

/// `tunnelscope generate -o DIR`: writes a large network as real-format export files, to time
/// `tunnelscope check DIR` end to end (e.g. with hyperfine) or to try the explorer at scale.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large synthetic network as AWS/GCP export files (for benchmarks)."
    )

    @Option(name: .shortAndLong, help: "Output folder.") var output: String
    @Option(help: "VPCs to generate.") var vpcs = 1000
    @Option(help: "AWS accounts.") var accounts = 30
    @Option(help: "Routes per VPC route table.") var routes = 20
    @Option(help: "GCP subnets.") var gcpSubnets = 500

    func run() throws {
        let files = SyntheticNetwork(vpcs: vpcs, accounts: accounts, routesPerTable: routes, gcpSubnets: gcpSubnets)
            .files()
        let root = URL(fileURLWithPath: output)
        for file in files {
            let url = root.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        Output.print("Wrote \(files.count) files to \(output)")
    }
}
