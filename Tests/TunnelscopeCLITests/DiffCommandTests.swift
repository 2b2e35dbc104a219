import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeCLI

/// `tunnelscope diff`: exit status, the three formats (the JSON contract, Markdown tables that
/// paste into a wiki), no pre-shared key in any output, and the wild samples.
@Suite struct DiffCommandTests {
    static let cases = [
        "vgw-to-tgw", "tunnel-down", "service-project", "route-withdrawn", "replaced-connection", "psk-rotated",
    ]

    /// The example's files with a fixture side's files swapped in (or added), by relative path.
    static func files(_ fixture: String, _ side: String) -> [InputFile] { DiffCases.files(fixture, side) }

    static func side(_ fixture: String, _ side: String) -> DiffSide {
        DiffSide(
            result: Importer.load(files: files(fixture, side), origin: "\(fixture)/\(side)"),
            paths: ["\(fixture)/\(side)"])
    }

    static func run(_ fixture: String, _ format: DiffCommand.Format, verbose: Bool = false) -> DiffRun {
        DiffRun(before: side(fixture, "before"), after: side(fixture, "after"), format: format, verbose: verbose)
    }

    /// A fixture side written to disk as a folder, for the binary.
    static func folder(_ fixture: String, _ side: String, in dir: URL) throws -> String {
        try DiffCases.folder(fixture, side, in: dir, as: side)
    }

    static func scratch(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tunnelscope-diff-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func json(_ run: DiffRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.output)) as? [String: Any])
    }

    // MARK: Exit status

    @Test func identicalInputsExitZeroAndSaySo() {
        for format in [DiffCommand.Format.text, .json, .markdown] {
            let run = Self.run("identical", format)
            #expect(run.status == 0, "\(format)")
            #expect(run.stderr.isEmpty)
        }
        #expect(Self.run("identical", .text).stdout.contains("No differences"))
    }

    @Test func differentInputsExitOne() {
        for fixture in Self.cases {
            #expect(Self.run(fixture, .text).status == 1, "\(fixture)")
        }
    }

    @Test func aSideWithNothingLoadableExitsTwo() {
        let empty = DiffSide(result: Importer.load(files: [], origin: "empty"), paths: ["empty/"])
        let run = DiffRun(before: empty, after: Self.side("identical", "after"), format: .text)
        #expect(run.status == 2)
        #expect(run.output.isEmpty)
        #expect(run.stderr.contains("nothing loadable in BEFORE (empty/)"))
    }

    @Test func theBinaryExitsZeroOneTwo() throws {
        let dir = try Self.scratch("exit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Self.folder("vgw-to-tgw", "before", in: dir)
        let after = try Self.folder("vgw-to-tgw", "after", in: dir)
        let binary = BinaryRunner.tunnelscopeURL()
        let same = try BinaryRunner.run(binary, ["diff", after, after], timeout: 60)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("No differences"))
        let moved = try BinaryRunner.run(binary, ["diff", before, after], timeout: 60)
        #expect(moved.status == 1, "\(moved.stderr)")
        #expect(moved.stdout.contains("moved: vgw-0f1e2d3c4b5a69788 → tgw-0a1b2c3d4e5f60718"))
        // The same sides given as --before/--after sets.
        let options = try BinaryRunner.run(binary, ["diff", "--before", before, "--after", after], timeout: 60)
        #expect(options.status == 1)
        #expect(options.stdout == moved.stdout)
        for bad in [
            ["diff", after], ["diff", after, after, after], ["diff", "--format", "xml", after, after],
            ["diff", "--bogus", after, after], ["diff", dir.appendingPathComponent("missing").path, after],
        ] {
            let result = try BinaryRunner.run(binary, bad, timeout: 60)
            #expect(result.status == 2, "\(bad): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(bad)")
        }
    }

    // MARK: Text

    @Test func textHasASummaryLinePerGroupThenTheChanges() {
        let text = Self.run("vgw-to-tgw", .text).stdout
        #expect(text.contains("  VPN connections         2 moved, 1 not exported after\n"))
        #expect(text.contains("  Tunnels                 4 changed\n"))
        #expect(text.contains("  No change: Shared VPC, Peered services, On-prem\n"))
        #expect(
            text.contains(
                "  > VPN connection to-gcp-if0 (vpn-0aa11bb22cc33dd44): moved: vgw-0f1e2d3c4b5a69788 → tgw-0a1b2c3d4e5f60718"
            ))
        #expect(text.contains("      routes learned by GCP: 4 added\n          + 10.20.0.0/16\n"))
        #expect(text.contains("  - cleared warning vgw-attachment: "))
        // The summary comes before the groups, the groups in the views' order.
        let order = [
            "Summary", "Hub (Transit Gateway) (", "VPN connections (", "Tunnels (", "GCP side (", "Findings (",
        ]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test func textListsEachSidesLoadProblems() {
        var broken = Self.files("identical", "after")
        broken.append(InputFile(name: "example/broken.json", bytes: Array("{\"VpnConnections\": [".utf8)))
        let after = DiffSide(result: Importer.load(files: broken, origin: "broken"), paths: ["broken"])
        let run = DiffRun(before: Self.side("identical", "before"), after: after, format: .text)
        #expect(run.stdout.contains("Load problems"))
        #expect(run.stdout.contains("  AFTER: 1 problem\n    example/broken.json: invalid JSON"))
        #expect(!run.stdout.contains("  BEFORE: 1 problem"))
    }

    @Test func textIsSanitised() {
        let edit: (String) -> String? = { text in
            JSONEdit.updating(
                text, key: "VpnConnections", where: { $0["VpnConnectionId"] as? String == "vpn-0aa11bb22cc33dd44" }
            ) {
                $0["Tags"] = [["Key": "Name", "Value": "evil\u{1B}]0;pwned\u{07}\nforged line"]]
            }
        }
        let before = DiffSide(
            result: Importer.load(files: Self.files("identical", "before"), origin: "b"), paths: ["b"])
        let after = DiffSide(
            result: Importer.load(
                files: Variants.files([("aws-111122223333/describe-vpn-connections.json", edit)]), origin: "a"),
            paths: ["a"])
        for format in [DiffCommand.Format.text, .markdown, .json] {
            let out = DiffRun(before: before, after: after, format: format).stdout
            #expect(!out.contains("\u{1B}") && !out.contains("\u{07}"), "\(format)")
            #expect(!out.contains("\nforged line"), "\(format)")
        }
    }

    // MARK: JSON

    @Test func jsonContract() throws {
        let run = Self.run("vgw-to-tgw", .json)
        let doc = try Self.json(run)
        #expect(doc["schemaVersion"] as? Int == 1)
        #expect(doc["identical"] as? Bool == false)
        #expect(Set(doc.keys) == ["after", "before", "changes", "findings", "identical", "schemaVersion", "summary"])
        let changes = try #require(doc["changes"] as? [[String: Any]])
        let kinds = Set(ElementChange.Kind.allCases.map(\.rawValue))
        let groups = Set(DiffGroup.allCases.map(\.rawValue))
        for change in changes {
            #expect(
                Set(change.keys) == [
                    "elementKind", "fields", "group", "id", "kind", "label", "movedFrom", "movedTo", "previousId",
                ])
            #expect(kinds.contains(change["kind"] as? String ?? ""))
            #expect(groups.contains(change["group"] as? String ?? ""))
            for field in try #require(change["fields"] as? [[String: Any]]) {
                #expect(Set(field.keys) == ["added", "after", "before", "field", "removed", "secret", "set"])
                #expect(field["before"] is String || field["before"] is NSNull)
            }
        }
        let moved = try #require(changes.first { $0["id"] as? String == "vpn-0aa11bb22cc33dd44" })
        #expect(moved["kind"] as? String == "moved")
        #expect(moved["movedFrom"] as? String == "vgw-0f1e2d3c4b5a69788")
        #expect(moved["movedTo"] as? String == "tgw-0a1b2c3d4e5f60718")
        #expect(moved["previousId"] is NSNull)
        let attachment = try #require(changes.first { $0["id"] as? String == "tgw-attach-0ee11ff22aa33bb44" })
        let attaches = try #require(
            (attachment["fields"] as? [[String: Any]])?.first { $0["field"] as? String == "attaches" })
        #expect(attaches["before"] is NSNull, "on one side only: the other is null")
        #expect(attaches["after"] as? String == "vpn vpn-0aa11bb22cc33dd44")
        let findings = try #require(doc["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        for f in findings {
            #expect(Set(f.keys) == ["after", "before", "key", "kind", "resources", "rule"])
            #expect(f["kind"] as? String == "cleared")
            #expect(f["after"] is NSNull)
            #expect((f["before"] as? [String: Any])?["severity"] as? String == "warning")
        }
        let summary = try #require(doc["summary"] as? [[String: Any]])
        #expect(summary.map { $0["group"] as? String } == ["hub", "connections", "tunnels", "gcp-side", "vpcs"])
        let before = try #require(doc["before"] as? [String: Any])
        #expect(
            Set(before.keys) == ["files", "filesLoaded", "inputs", "problems", "resourcesLoaded", "resourcesSkipped"])
        #expect(before["inputs"] as? [String] == ["vgw-to-tgw/before"])
    }

    @Test func jsonIsDeterministic() {
        for fixture in Self.cases {
            #expect(Self.run(fixture, .json).output == Self.run(fixture, .json).output, "\(fixture)")
        }
    }

    @Test func jsonOfIdenticalInputs() throws {
        let doc = try Self.json(Self.run("identical", .json))
        #expect(doc["identical"] as? Bool == true)
        #expect((doc["changes"] as? [Any])?.isEmpty == true)
        #expect((doc["findings"] as? [Any])?.isEmpty == true)
        #expect((doc["summary"] as? [Any])?.isEmpty == true)
    }

    // MARK: Markdown

    /// The cells of a table row, split on pipes that are not escaped.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in line.dropFirst().dropLast() {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                current.append(ch)
                escaped = true
            } else if ch == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        cells.append(current)
        return cells
    }

    @Test func markdownHasAHeadingAndAWellFormedTablePerGroup() {
        for fixture in Self.cases {
            let md = Self.run(fixture, .markdown).stdout
            #expect(md.hasPrefix("# Tunnelscope diff\n"))
            #expect(md.contains("\n## Summary\n\n| Group | Changes |\n| --- | --- |\n"))
            // Every table: each row has as many cells as its header, and a delimiter row after it.
            let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var i = 0
            var tables = 0
            while i < lines.count {
                guard lines[i].hasPrefix("|") else {
                    i += 1
                    continue
                }
                tables += 1
                let width = Self.cells(lines[i]).count
                #expect(lines[i + 1].allSatisfy { "|-: ".contains($0) }, "\(fixture): \(lines[i + 1])")
                while i < lines.count, lines[i].hasPrefix("|") {
                    #expect(lines[i].hasSuffix("|"), "\(fixture): \(lines[i])")
                    #expect(Self.cells(lines[i]).count == width, "\(fixture): \(lines[i])")
                    i += 1
                }
                #expect(i == lines.count || lines[i].isEmpty, "a blank line ends a table")
            }
            #expect(tables >= 2, "\(fixture)")
        }
        let md = Self.run("vgw-to-tgw", .markdown).stdout
        #expect(md.contains("\n## VPN connections\n\n| Change | Element | Field | Before | After |\n"))
        #expect(
            md.contains(
                "| moved: vgw\\-0f1e2d3c4b5a69788 → tgw\\-0a1b2c3d4e5f60718 | VPN connection to\\-gcp\\-if0 \\(vpn\\-0aa11bb22cc33dd44\\) | attached to | `vgw-0f1e2d3c4b5a69788` | `tgw-0a1b2c3d4e5f60718` |"
            ))
        #expect(md.contains("| routes learned by GCP |   | +`10.20.0.0/16`, +`10.30.0.0/16`"))
        #expect(md.contains("\n## Findings\n\n| Change | Severity | Rule | Finding |\n"))
        // An added element's absent side is a dash, not "not exported"; a side that does not cover it is.
        #expect(md.contains("| added | TGW attachment tgw\\-attach\\-0ee11ff22aa33bb44 | name | — | `to-gcp-if0` |"))
        #expect(md.contains("|   |   | state | `available` | *not exported* |"))
        let rotated = Self.run("psk-rotated", .markdown).stdout
        #expect(rotated.contains("| pre\\-shared key | *not shown* | *changed (not shown)* |"))
    }

    @Test func longListsInTextWrapAtEightyColumns() {
        let titles = DiffGroup.allCases.map(\.title)
        let lines = DiffText.wrapped("  No change: ", titles)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 13)) })
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined == "No change: " + titles.joined(separator: ", "))
    }

    // MARK: Secrets

    @Test func noPreSharedKeyInAnyOutput() throws {
        // The example's connections carry pre-shared keys (TunnelOptions and the configuration XML).
        let raw = ExampleNetwork.files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(raw.contains("Zk3x_example_psk_A1"), "the fixture must hold a key for this test to mean anything")
        #expect(Self.run("psk-rotated", .text).stdout.contains("      pre-shared key changed (keys are never shown)\n"))
        for fixture in Self.cases + ["identical"] {
            for format in [DiffCommand.Format.text, .json, .markdown] {
                let run = Self.run(fixture, format, verbose: true)
                #expect(!run.stdout.contains("Zk3x_example_psk"), "\(fixture) \(format)")
                #expect(!run.stdout.contains("pre_shared_key"), "\(fixture) \(format)")
            }
        }
    }

    // MARK: The wild samples

    static let wild = "/work/shared/samples/wild"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: wild)))
    func wildSamplesAgainstThemselvesAreIdentical() throws {
        let side = DiffSide(result: Importer.load(paths: [Self.wild]), paths: [Self.wild])
        let run = DiffRun(before: side, after: side, format: .text)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("No differences"))
        #expect(run.stdout.contains("Load problems"), "the wild samples have files tunnelscope cannot use")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: wild)))
    func wildSamplesWithOneFileChanged() throws {
        let dir = try Self.scratch("wild")
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("wild")
        try FileManager.default.copyItem(atPath: Self.wild, toPath: copy.path)
        let file = copy.appendingPathComponent("aws/botocore-tests/describe-vpn-connections.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = JSONEdit.updating(
            text, key: "VpnConnections", where: { $0["VpnConnectionId"] as? String == "vpn-44a8938f" }
        ) {
            $0["VpnGatewayId"] = nil
            $0["TransitGatewayId"] = "tgw-0123456789abcdef0"
        }
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let before = DiffSide(result: Importer.load(paths: [Self.wild]), paths: [Self.wild])
        let after = DiffSide(result: Importer.load(paths: [copy.path]), paths: [copy.path])
        let run = DiffRun(before: before, after: after, format: .text)
        #expect(run.status == 1)
        let change = try #require(run.diff?.change(of: "vpn-44a8938f"))
        #expect(change.kind == .moved)
        #expect(change.summary == "moved: vgw-8db04f81 → tgw-0123456789abcdef0")
        #expect(run.diff?.changes.allSatisfy { $0.kind != .removed && $0.kind != .added } == true, "\(run.stdout)")
        // The same unreadable file in both folders is the same problem: only the VGW finding cleared.
        #expect(run.diff?.findings.map { "\($0.kind) \($0.rule)" } == ["cleared vgw-attachment"], "\(run.stdout)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: wild)))
    func wildSamplesCopiedElsewhereAreIdentical() throws {
        let dir = try Self.scratch("wild-copy")
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("wild")
        try FileManager.default.copyItem(atPath: Self.wild, toPath: copy.path)
        let before = DiffSide(result: Importer.load(paths: [Self.wild]), paths: [Self.wild])
        let after = DiffSide(result: Importer.load(paths: [copy.path + "/"]), paths: [copy.path + "/"])
        let run = DiffRun(before: before, after: after, format: .text)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.diff?.findings.isEmpty == true)
        #expect(run.stdout.contains("  BEFORE and AFTER (the same): "), "the same load problems, listed once")
    }
}
