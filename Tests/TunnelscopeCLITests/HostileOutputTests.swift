import Foundation
import Testing
import TunnelscopeTestSupport

/// Every command of the real binary on the example with hostile names (Name tags, GCP names and
/// descriptions, annotation sites, a file name, a JSON key, a bad CIDR): no raw control, C1 or
/// bidi character and no forged line reaches stdout or stderr; the names show as escapes; JSON
/// keeps the exact values.
@Suite struct HostileOutputTests {
    /// The variant on disk, written once per test process and removed when it exits.
    static let directory: URL = {
        let url = scratch()
        try? FileManager.default.removeItem(at: url)
        try! Hostile.write(to: url)
        atexit { try? FileManager.default.removeItem(at: HostileOutputTests.scratch()) }
        return url
    }()

    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-hostile-\(getpid())")
    }

    static var dir: String { directory.path }

    static func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try BinaryRunner.run(BinaryRunner.tunnelscopeURL(), args, environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
    }

    static let escape = #"\u{1b}]0;PWNED\u{07}"#

    /// (name, arguments, output shows the escaped payload, JSON output).
    static let commands: [(String, [String], Bool, Bool)] = [
        ("check", ["check", dir], true, false),
        ("check --verbose", ["check", "--verbose", dir], true, false),
        ("check --format json", ["check", "--format", "json", dir], false, true),
        ("check --fail", ["check", "--fail", "tunnel/52.1.20.22", dir], true, false),
        ("check --fail --format json", ["check", "--format", "json", "--fail", "tunnel/52.1.20.22", dir], false, true),
        ("path to the annotated site", ["path", "10.10.1.5", "172.16.0.10", dir], true, false),
        ("path across the renamed tunnel", ["path", "10.10.1.5", "10.100.0.10", dir], false, false),
        ("plan", ["plan", dir], true, false),
        ("plan --format json", ["plan", "--format", "json", dir], false, true),
        (
            "render --select a payload that matches nothing", ["render", "--select", "zz" + Hostile.payload, dir], true,
            false
        ),
        ("check --fail the payload", ["check", "--fail", Hostile.payload, dir], true, false),
        ("path from the payload", ["path", Hostile.payload, "10.0.0.1", dir], true, false),
        ("check a missing file", ["check", dir + "/missing" + Hostile.payload + ".json"], true, false),
        ("check the hostile file alone", ["check", dir + "/" + Hostile.fileName], true, false),
        // A glob can turn a file name into an option; the argument parser's message quotes it.
        ("an option value from a file name", ["check", "--format=" + Hostile.payload], true, false),
    ]

    @Test(arguments: commands.indices)
    func commandPrintsNoRawControl(index: Int) throws {
        let (name, args, shows, json) = Self.commands[index]
        let result = try Self.run(args)
        #expect(result.status < 128, "\(name) crashed: \(result.stderr)")
        #expect(
            Hostile.violations(in: result.stdout).isEmpty, "\(name) stdout: \(Hostile.violations(in: result.stdout))")
        #expect(
            Hostile.violations(in: result.stderr).isEmpty, "\(name) stderr: \(Hostile.violations(in: result.stderr))")
        if shows {
            #expect((result.stdout + result.stderr).contains(Self.escape), "\(name) shows the name, escaped")
        }
        if json {
            let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            #expect(Self.strings(in: value).contains { $0.contains(Hostile.payload) }, "\(name): exact values in JSON")
            #expect(result.stdout.contains(#"\u202e"#) && result.stdout.contains(#"\u009b"#))
        }
    }

    @Test(arguments: ["topology", "aws", "gcp", "split", "findings", "routes", "tour", "detail"], [false, true])
    func renderPrintsNoRawControl(view: String, color: Bool) throws {
        var args = ["render", "--view", view, "--size", "120x40"]
        if view == "detail" { args += ["--select", "tunnel/52.1.20.22"] }
        if color { args.append("--color") }
        let result = try Self.run(args + [Self.dir])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Hostile.violations(in: result.stdout, sgr: color).isEmpty, "\(Hostile.violations(in: result.stdout))")
        #expect(result.stdout.contains(#"\u{1b}"#), "the names show, escaped")
        if color {
            // The renderer's own colours are the only escape sequences, each one complete.
            let sequences = result.stdout.components(separatedBy: "\u{1B}").dropFirst()
            #expect(sequences.allSatisfy { $0.wholeMatch(of: /\[[0-9;]*m[^\u{1B}]*/) != nil })
        }
    }

    @Test func theSelectedDetailShowsTheWholeEscapedName() throws {
        let result = try Self.run([
            "render", "--view", "detail", "--select", "tunnel/52.1.20.22", "--size", "220x50", Self.dir,
        ])
        #expect(result.stdout.contains("aws-tunnel-1" + Hostile.visible), "\(result.stdout)")
    }

    @Test func theCheckCatchesWhatItLooksFor() {
        #expect(!Hostile.violations(in: "name|" + Hostile.payload).isEmpty)
        #expect(!Hostile.violations(in: "name|\nFORGED|x").isEmpty, "a line forged by a bare line feed")
        #expect(!Hostile.violations(in: "\u{1B}[0mok\u{1B}]0;x\u{7}", sgr: true).isEmpty)
        #expect(Hostile.violations(in: "name|" + Hostile.visible).isEmpty)
        #expect(Hostile.violations(in: "\u{1B}[0;1;34mok\u{1B}[0m", sgr: true).isEmpty)
    }

    static func strings(in value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let a as [Any]: a.flatMap(strings)
        case let d as [String: Any]: d.keys.map { $0 } + d.values.flatMap(strings)
        default: []
        }
    }
}
