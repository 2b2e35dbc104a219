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
    @Option(help: "Repetitions of each measurement (the median is shown).") var runs = 7

    @Flag(help: "Generate a clean network (no overlaps, blackholes or down tunnels), as before.") var clean = false
    @Option(help: "Keep the generated files in this folder (default: a temporary folder, removed after).")
    var keep: String?
    @Flag(help: "Time loading, the analysis and check only (not the explorer's keys).") var checkOnly = false
    @Flag(help: "Write the files compactly (one resource per line), not indented as the CLIs print them.")
    var compact = false

    func run() throws {
        let generator = SyntheticNetwork(
            vpcs: vpcs, accounts: accounts, routesPerTable: routes, gcpSubnets: gcpSubnets, realistic: !clean,
            layout: compact ? .compact : .cli)
        let files = generator.files()
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        print(
            "Generated \(files.count) files, \(bytes / 1024) KiB: \(vpcs) VPCs in \(accounts) accounts, \(vpcs * (routes + 1)) VPC routes, \(gcpSubnets) GCP subnets\(clean ? "" : ", \(max(1, vpcs / 20)) VPN connections to sites"), \(compact ? "compact" : "indented as the CLIs print them")"
        )

        // The files are written to disk and read back, as `check DIR` reads them.
        let folder =
            try keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.url(
                for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: "/tmp"),
                create: true)
        try GenerateCommand.write(files, to: folder)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let paths = files.map { folder.appendingPathComponent($0.name).path }

        var result: LoadResult!
        let load = seconds { result = Importer.load(paths: [folder.path]) }
        print(
            row(
                "load from disk (read, parse, decode, join)", load * 1000,
                "\(result.report.resourcesLoaded) resources, \(megabytesPerSecond(bytes, load))"))

        var analysis: Analysis!
        let analysisTime = seconds { analysis = Analysis(model: result.model, report: result.report) }
        print(
            row(
                "analysis (all rules, route exchange)", analysisTime * 1000,
                "\(analysis.findings.count) findings, \(result.model.tunnels.count) tunnels"))
        let output = seconds { _ = CheckJSON(result: result, analysis: analysis, whatIf: nil).renderBytes() }
        print(row("check --format json: the output", output * 1000, ""))

        print("  end to end, each a process (median of \(runs); peak memory of the largest):")
        let input = "\(bytes / 1_000_000) MB"
        if let check = BenchProcess.measure(
            BenchProcess.selfExecutable, ["check", "--format", "json", folder.path], runs: runs,
            selfReportedPeak: true)
        {
            print(
                row(
                    "tunnelscope check --format json", check.seconds * 1000,
                    "\(megabytesPerSecond(bytes, check.seconds)), peak \(check.peakBytes >> 20) MiB = "
                        + String(format: "%.2f", Double(check.peakBytes) / Double(bytes)) + "× the \(input) input"))
            let others: [(String, String, [String])] = [
                ("jq . (all files)", "jq", ["."] + paths),
                (
                    "python3 json.load (all files)", "python3",
                    ["-c", "import json,sys\nfor f in sys.argv[1:]: json.load(open(f,'rb'))"] + paths
                ),
            ]
            for (name, program, arguments) in others {
                guard let executable = BenchProcess.which(program),
                    let other = BenchProcess.measure(executable, arguments, runs: runs)
                else {
                    print(row(name, .nan, "not installed"))
                    continue
                }
                print(
                    row(
                        name, other.seconds * 1000,
                        "\(megabytesPerSecond(bytes, other.seconds)); tunnelscope takes "
                            + String(format: "%.2f×", check.seconds / other.seconds)))
            }
        } else {
            print(row("tunnelscope check --format json", .nan, "could not run \(BenchProcess.selfExecutable)"))
        }

        if checkOnly { return }

        var state: AppState!
        // The search index is made on another thread beside the first frame: each run waits for
        // it after its timing, so that it does not slow the next run down.
        let open = measure(
            { state = AppState(result: result, width: 160, height: 48) }, after: { _ = state.content.search })
        print(row("explorer state (analysis, rows, map)", open, "the search index is made beside it"))
        // What a user waits for between the command and the first screen.
        var fromDisk: AppState!
        let firstScreen = measure(
            {
                let loaded = Importer.load(paths: [folder.path])
                fromDisk = AppState(result: loaded, width: 160, height: 48)
                _ = ScreenRenderer.render(fromDisk)
            }, after: { _ = fromDisk.content.search })
        fromDisk = nil
        print(row("open: load, analysis, state, first frame", firstScreen, "what the explorer's start waits for"))

        let frame = measure { _ = ScreenRenderer.render(state) }
        print(row("first frame 160×48 (topology)", frame, ""))

        /// One keystroke on a copy of `from`, with the frame it draws.
        /// `cached`: what the state's last frame built (the detail pane) is still there, as it is
        /// after a key that keeps the selection; `map`: the map is laid out on first use.
        func key(
            _ name: String, _ keys: [Key], from: AppState, note: String = "", cached: Bool = false, map: Bool = false
        ) {
            let ms = measure {
                var s = from
                if !cached { s.forgetViewCaches(map: map) }
                press(keys, &s)
                _ = ScreenRenderer.render(s)
            }
            print(row(name, ms, note))
        }
        func press(_ keys: [Key], _ s: inout AppState) {
            for k in keys { if let action = Reducer.action(for: k, in: s) { Reducer.reduce(&s, action) } }
        }
        func after(_ keys: [Key], _ from: AppState) -> AppState {
            var s = from
            press(keys, &s)
            return s
        }

        let map = state!
        key("j (map)", [.character("j")], from: map)
        key("PgDn (map)", [.pageDown], from: map)
        key("2 (AWS view)", [.character("2")], from: map)
        let aws = after([.character("2")], map)
        key("j (AWS view)", [.character("j")], from: aws)
        key("PgDn (AWS view)", [.pageDown], from: aws)
        key("Tab (AWS → GCP view)", [.tab], from: aws)
        key("4 (side by side)", [.character("4")], from: aws)
        key("5 (findings)", [.character("5")], from: aws, note: "\(analysis.findings.count) findings")
        let findings = after([.character("5")], aws)
        key("j (findings)", [.character("j")], from: findings)
        key("PgDn (findings)", [.pageDown], from: findings)
        key("d (detail of a finding's element)", [.character("d")], from: findings)
        // The findings grouped by rule: open the largest (the first row), move in it, filter.
        key("Enter (open the first rule's findings)", [.enter], from: findings, cached: true)
        let opened = after([.enter], findings)
        key("j (in an opened rule)", [.character("j")], from: opened, cached: true)
        key("PgDn (in an opened rule)", [.pageDown], from: opened, cached: true)
        let filtering = after([.character("/")], findings)
        _ = ScreenRenderer.render(filtering)
        key("findings filter: first character", [.character("1")], from: filtering, cached: true)
        let filtered = after([.character("1"), .character("0")], filtering)
        key(
            "findings filter: a character more (narrows)", [.character(".")], from: filtered, note: "'10' → '10.'",
            cached: true)
        key("Esc (clear the findings filter)", [.escape], from: after([.enter], filtered), cached: true)

        var grouped = map
        // The biggest group of VPCs by account ("412 VPCs"), else the first group box.
        let members = { (node: TopologyLayout.Node) in
            Int(node.lines.first?.first?.text.split(separator: " ").first ?? "") ?? 0
        }
        let accountGroups = map.topology.nodes.filter { $0.id.hasPrefix("group:vpcs:") && members($0) > 0 }
        if let group = accountGroups.max(by: { members($0) < members($1) })
            ?? map.topology.nodes.first(where: { $0.group != nil && $0.group != "sites" })
            ?? map.topology.nodes.first(where: { $0.group != nil })
        {
            grouped.select(elementId: group.id)
            key("e (expand VPCs)", [.character("e")], from: grouped, note: group.id)
            let expanded = after([.character("e")], grouped)
            key("j (expanded map)", [.character("j")], from: expanded, note: "\(expanded.topology.nodes.count) boxes")
            key("PgDn (expanded map)", [.pageDown], from: expanded)
            // Enter on a group of VPCs by hub and account zooms the map into it; Esc comes back.
            if members(group) > 0 {
                key("Enter (zoom into the group)", [.enter], from: grouped, note: "\(members(group)) VPCs")
                let zoomed = after([.enter], grouped)
                key("j (zoomed map)", [.character("j")], from: zoomed)
                key("PgDn (zoomed map)", [.pageDown], from: zoomed)
                key("Esc (zoom out)", [.escape], from: zoomed)
            }
        } else {
            print(row("e (expand VPCs)", .nan, "no group on the map"))
        }

        let name =
            "svc-\(vpcs * 2 / 3)-" + ["orders", "billing", "search", "media", "auth", "ledger"][vpcs * 2 / 3 % 6]
        let typing = after([.character("/")] + "svc-".map { .character($0) }, aws)
        _ = ScreenRenderer.render(typing)
        key("typing a search (one character)", [.character("1")], from: typing, cached: true)
        let searching = after([.character("/")], aws)
        key("typing a search (first character)", [.character("s")], from: searching, note: "'s'", cached: true)
        key(
            "typing a search (a character that misses)", [.character("#")], from: typing,
            note: "'svc-#': every entry looked at", cached: true)
        let listed = after([.character("1")], typing)
        key("↓ in the search results", [.down], from: listed, cached: true)
        key("PgDn ×40 in the search results", Array(repeating: .pageDown, count: 40), from: listed, cached: true)
        key("Enter (open a search result)", [.enter], from: after([.down], listed))
        key("/ + \(name) + Enter", [.character("/")] + name.map { .character($0) } + [.enter], from: aws)
        let searched = after([.character("/")] + "svc".map { .character($0) } + [.enter], aws)
        key("n (next match of \"svc\")", [.character("n")], from: searched)
        key(
            "/ + 10.100.0.5 + Enter (by IP)", [.character("/")] + "10.100.0.5".map { .character($0) } + [.enter],
            from: aws)

        var onConnection = aws
        onConnection.select(elementId: "vpn-0aa11bb22cc33dd44")
        key("f (what-if: fail a VPN connection)", [.character("f")], from: onConnection, note: "vpn-0aa11bb22cc33dd44")
        let failed = after([.character("f")], onConnection)
        key("F (clear the what-if)", [.character("F")], from: failed)
        key(
            "1 (the map, after f)", [.character("1")], from: failed, note: "lays the map out for the what-if", map: true
        )
        // r: the load, the analysis and the new state are built on a background thread while the
        // explorer keeps answering keys; the user waits on the main thread only for the swap.
        var reload: Reload!
        let background = measure { reload = Reload(result, for: aws.reloadContext) }
        print(row("reload: background (analysis, rows, map)", background, "off the main thread, after the load"))
        let swap = measure {
            var s = aws
            Reducer.reduce(&s, .reloaded(reload))
            _ = ScreenRenderer.render(s)
        }
        print(row("reload: swap on the main thread", swap, "selection kept, with its frame"))
        var onMap = map
        let mapReload = Reload(result, for: onMap.reloadContext)
        let mapSwap = measure {
            var s = onMap
            Reducer.reduce(&s, .reloaded(mapReload))
            _ = ScreenRenderer.render(s)
        }
        onMap = map
        print(row("reload: swap on the main thread (map)", mapSwap, "the map laid out in the background"))
    }

    private func megabytesPerSecond(_ bytes: Int, _ seconds: Double) -> String {
        String(format: "%.0f MB/s", Double(bytes) / 1e6 / seconds)
    }

    /// Seconds (the median of `runs`).
    private func seconds(_ body: () -> Void) -> Double { measure(body) / 1000 }

    /// Milliseconds (the median of `runs`).
    private func measure(_ body: () -> Void, after: () -> Void = {}) -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            after()
        }
        return times.sorted()[times.count / 2]
    }

    private func row(_ name: String, _ ms: Double, _ note: String) -> String {
        let value =
            ms.isNaN ? "       —   " : ms >= 100 ? String(format: "%8.0f ms", ms) : String(format: "%8.2f ms", ms)
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
    @Flag(help: "A clean network (no overlaps, blackholes or down tunnels), as before.") var clean = false
    @Flag(help: "Write the files compactly (one resource per line), not indented as the CLIs print them.")
    var compact = false

    func run() throws {
        let files = SyntheticNetwork(
            vpcs: vpcs, accounts: accounts, routesPerTable: routes, gcpSubnets: gcpSubnets, realistic: !clean,
            layout: compact ? .compact : .cli
        ).files()
        try Self.write(files, to: URL(fileURLWithPath: output))
        Output.print("Wrote \(files.count) files to \(output)")
    }

    static func write(_ files: [InputFile], to root: URL) throws {
        for file in files {
            let url = root.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }
}
