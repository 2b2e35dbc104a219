import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

@testable import TunnelscopeCLI

/// `check`: the JSON document against the contract fixture, the findings and what-if sections,
/// and the exit status.
@Suite struct CheckCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every key of `shape` is in `value` with the same JSON type; arrays: every element matches the first of `shape`.
    static func conforms(
        _ value: Any, to shape: Any, path: String = "", nullable: Set<String>, problems: inout [String]
    ) {
        if value is NSNull {
            if !nullable.contains(path) { problems.append("\(path) is null") }
            return
        }
        switch shape {
        case let object as [String: Any]:
            guard let actual = value as? [String: Any] else {
                problems.append("\(path) is not an object")
                return
            }
            for (key, sub) in object {
                let p = path.isEmpty ? key : "\(path).\(key)"
                guard let v = actual[key] else {
                    problems.append("\(p) is missing")
                    continue
                }
                conforms(v, to: sub, path: p, nullable: nullable, problems: &problems)
            }
        case let array as [Any]:
            guard let actual = value as? [Any] else {
                problems.append("\(path) is not an array")
                return
            }
            if let first = array.first {
                for item in actual {
                    conforms(item, to: first, path: "\(path)[]", nullable: nullable, problems: &problems)
                }
            }
        case is String:
            if !(value is String) { problems.append("\(path) is not a string") }
        case let n as NSNumber:
            guard value is NSNumber else {
                problems.append("\(path) is not a number/boolean")
                return
            }
            if Self.isBoolean(n) != Self.isBoolean(value) {
                problems.append("\(path): \(Self.isBoolean(n) ? "boolean" : "number") expected")
            }
        default:
            problems.append("\(path): unexpected fixture value")
        }
    }

    /// JSONSerialization gives booleans as a boolean NSNumber subclass (on Linux and Darwin).
    static func isBoolean(_ value: Any) -> Bool { String(describing: type(of: value)).contains("Boolean") }

    @Test func exampleDocumentMatchesTheContract() throws {
        let run = CheckRun(result: ExampleNetwork.load(), format: .json, fail: [], verbose: false)
        let document = try Self.json(run.stdout)
        var problems: [String] = []
        Self.conforms(
            document, to: try Self.json(CheckJSONContract.shape), nullable: CheckJSONContract.nullable,
            problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["whatIf"] == nil, "no whatIf without --fail")
        let summary = try #require(document["summary"] as? [String: Any])
        let expected: [String: Int] = [
            "awsAccounts": 2, "gcpProjects": 3, "awsVpcs": 3, "gcpNetworks": 2, "onPremSites": 2,
            "tunnels": 6, "crossCloudTunnels": 4, "tunnelsDown": 1, "bgpSessionsDown": 1,
        ]
        for (key, value) in expected { #expect(summary[key] as? Int == value, "\(key)") }
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(
            Set(findings.compactMap { $0["rule"] as? String }) == [
                "tunnel-down", "bgp-down", "status-mismatch", "auto-mode-network",
                "cidr-overlap", "peered-range-not-advertised", "blackhole-route",
            ])
        #expect(findings.allSatisfy { ["error", "warning", "info"].contains($0["severity"] as? String ?? "") })
        #expect(findings.allSatisfy { ($0["hint"] as? String)?.isEmpty == false }, "every example finding has a hint")
        #expect(findings.first?["severity"] as? String == "error", "most severe first")
        #expect(run.status == 1, "the example has error findings")
        #expect(!run.stdout.contains("Zk3x_example_psk"), "never a pre-shared key")
    }

    @Test func theContractCheckCatchesDeviations() throws {
        let broken =
            #"{"schemaVersion": "1", "load": {"files": 1, "resources": 2, "skipped": []}, "summary": {}, "tunnels": [{"id": "t", "aws": null, "gcp": null}], "findings": [{"rule": "r"}]}"#
        var problems: [String] = []
        Self.conforms(
            try Self.json(broken), to: try Self.json(CheckJSONContract.shape), nullable: CheckJSONContract.nullable,
            problems: &problems)
        #expect(problems.contains("schemaVersion is not a number/boolean"))
        #expect(problems.contains("summary.tunnelsDown is missing"))
        #expect(problems.contains("findings[].severity is missing"))
        #expect(!problems.contains { $0.hasPrefix("tunnels[].aws") }, "aws may be null")
    }

    @Test func whatIfObjectMatchesItsShape() throws {
        let run = CheckRun(
            result: ExampleNetwork.load(), format: .json, fail: ["to-gcp-if1", "aws-tunnel-0"], verbose: false)
        let document = try Self.json(run.stdout)
        let whatIf = try #require(document["whatIf"] as? [String: Any])
        var problems: [String] = []
        Self.conforms(
            whatIf, to: try Self.json(CheckJSONContract.whatIfShape), path: "whatIf", nullable: [], problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
        let failed = try #require(whatIf["failed"] as? [[String: Any]])
        #expect(failed.compactMap { $0["id"] as? String } == ["tunnel/3.210.10.11", "vpn-0bb22cc33dd44ee55"])
        let links = try #require(whatIf["links"] as? [[String: Any]])
        #expect(
            links.first?["upAfter"] as? Bool == false, "A1 and connection B failed, A2 already down: the link is cut")
        #expect(((whatIf["lostPrefixes"] as? [Any])?.count ?? 0) > 0)
        #expect(run.status == 1, "--fail does not change the exit status")
    }

    @Test func textHasFindingsGroupedBySeverityAndAWhatIfSection() {
        let run = CheckRun(
            result: ExampleNetwork.load(), format: .text, fail: ["ha-vpn-aws#if0", "ha-vpn-aws#if1"], verbose: false)
        let text = run.stdout
        #expect(text.contains("Findings: 3 errors, 4 warnings"))
        let errors = text.range(of: "\nERRORS\n")
        let warnings = text.range(of: "\nWARNINGS\n")
        #expect(errors != nil && warnings != nil && errors!.lowerBound < warnings!.lowerBound)
        #expect(text.contains("[tunnel-down] Tunnel 52.1.20.22"))
        #expect(text.contains("What-if: failing HA VPN interface ha-vpn-aws if0"))
        #expect(text.contains("DOWN (cut by the failure)"))
        #expect(text.contains("Prefixes that lose every path"))
    }

    @Test func unresolvedFailNamesExitTwo() {
        let run = CheckRun(result: ExampleNetwork.load(), format: .text, fail: ["vpn-0"], verbose: false)
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr.contains("--fail vpn-0") && run.stderr.contains("ambiguous"))
        let unknown = CheckRun(result: ExampleNetwork.load(), format: .json, fail: ["no-such"], verbose: false)
        #expect(unknown.status == 2 && unknown.stderr.contains("names nothing"))
    }

    @Test func noErrorFindingExitsZero() {
        let vpcs = #"{"Vpcs": [{"VpcId": "vpc-0123456789abcdef0", "CidrBlock": "10.10.0.0/16", "State": "available"}]}"#
        let result = Importer.load(
            files: [InputFile(name: "describe-vpcs.json", bytes: Array(vpcs.utf8))], origin: "test")
        let run = CheckRun(result: result, format: .text, fail: [], verbose: false)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Findings: none."))
    }

    @Test func nothingLoadableExitsTwo() {
        let result = Importer.load(files: [InputFile(name: "notes.txt", bytes: Array("hello".utf8))], origin: "test")
        let run = CheckRun(result: result, format: .json, fail: [], verbose: false, inputDescription: "notes.txt")
        #expect(run.status == 2 && run.stderr.contains("nothing loadable"))
    }

    // MARK: incomplete-input: what the load report says is missing

    static let vpcs =
        #"{"Vpcs": [{"VpcId": "vpc-0123456789abcdef0", "CidrBlock": "10.10.0.0/16", "State": "available"}]}"#

    static func load(_ files: [(String, String)]) -> LoadResult {
        Importer.load(files: files.map { InputFile(name: $0.0, bytes: Array($0.1.utf8)) }, origin: "test")
    }

    @Test func aTruncatedFileIsAnErrorFinding() throws {
        let result = Self.load([
            ("net/describe-vpcs.json", Self.vpcs),
            ("net/describe-subnets.json", #"{"Subnets": [{"SubnetId": "subnet-1","#),
        ])
        let findings = LoadFindings.findings(for: result.report)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "incomplete-input" && finding.severity == .error)
        #expect(
            finding.message.hasPrefix("1 file could not be read (net/describe-subnets.json: invalid JSON at line 1"))
        #expect(finding.message.hasSuffix("): what it held is missing from this analysis"))
        #expect(finding.resources == ["net/describe-subnets.json"])
        #expect(finding.hint?.contains("Re-export it") == true)

        let text = CheckRun(result: result, format: .text, fail: [], verbose: false)
        #expect(text.status == 1, "an unreadable export is an error")
        #expect(!text.stdout.contains("Findings: none") && text.stdout.contains("Findings: 1 error"))
        #expect(text.stdout.contains("✗ [incomplete-input] 1 file could not be read"))
        let json = try Self.json(CheckRun(result: result, format: .json, fail: [], verbose: false).stdout)
        let summary = try #require((json["summary"] as? [String: Any])?["findings"] as? [String: Int])
        #expect(summary == ["error": 1, "warning": 0, "info": 0])
        let first = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(first["rule"] as? String == "incomplete-input" && first["severity"] as? String == "error")
        #expect(first["resources"] as? [String] == ["net/describe-subnets.json"])
    }

    @Test func unreadableFilesAreErrorsToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.vpcs.write(to: dir.appendingPathComponent("describe-vpcs.json"), atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("missing.json").path
        let findings = LoadFindings.findings(for: Importer.load(paths: [dir.path, missing]).report)
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .error && findings.first?.resources == [missing])
        #expect(findings.first?.message.contains("no such file or directory") == true)
    }

    @Test func skippedResourcesInLoadedFilesAreAWarning() throws {
        let bad =
            #"{"Vpcs": [{"VpcId": "vpc-0123456789abcdef0", "CidrBlock": "10.10.0.0/16"}, {"VpcId": 5}, {"CidrBlock": "10.20.0.0/16"}]}"#
        let result = Self.load([("describe-vpcs.json", bad)])
        let findings = LoadFindings.findings(for: result.report)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "incomplete-input" && finding.severity == .warning)
        #expect(finding.message.hasPrefix("2 resources in 1 loaded file were skipped (describe-vpcs.json $.Vpcs[1]"))
        #expect(finding.message.hasSuffix("what they held is missing from this analysis"))
        #expect(finding.resources == ["describe-vpcs.json"])
        let run = CheckRun(result: result, format: .text, fail: [], verbose: false)
        #expect(run.status == 0, "a warning does not fail check")
        #expect(run.stdout.contains("Findings: 1 warning") && run.stdout.contains("! [incomplete-input] 2 resources"))
    }

    @Test func filesThatAreNotExportsDoNotCount() {
        let result = Self.load([
            ("describe-vpcs.json", Self.vpcs), ("notes.txt", "meeting notes"), ("logo.png", "\u{0}\u{1}PNG"),
            ("empty.json", ""), ("package.json", #"{"name": "x", "version": "1.0.0"}"#),
            ("numbers.json", "[1, 2, 3]"),
        ])
        #expect(LoadFindings.findings(for: result.report).isEmpty)
        let run = CheckRun(result: result, format: .text, fail: [], verbose: false)
        #expect(run.status == 0 && run.stdout.contains("Findings: none."))
    }

    @Test func theSkippedHeadingCountsResourcesAndFilesApart() {
        let result = Self.load([
            ("notes.json", #"{"foo": 1}"#), ("numbers.json", "[1, 2, 3]"), ("describe-vpcs.json", Self.vpcs),
        ])
        let text = CheckRun(result: result, format: .text, fail: [], verbose: false).stdout
        #expect(text.contains("4 resources (1 loaded, 3 skipped)"))
        #expect(text.contains("Skipped (3 resources, 1 file):"))
        #expect(text.contains("= 4."))
        #expect(text.contains("numbers.json $[0]: unknown skipped: not an object"))
        #expect(!text.contains("keys: )"))
        let invalid = Self.load([("describe-vpcs.json", Self.vpcs), ("cut.json", #"{"Vpcs": ["#)])
        #expect(CheckRun(result: invalid, format: .text, fail: [], verbose: false).stdout.contains("Skipped (1 file):"))
    }

    @Test func argumentsParse() throws {
        let command = try TunnelscopeCommand.parseAsRoot([
            "check", "--format", "json", "--fail", "aws-tunnel-0", "--fail", "to-gcp-if1",
        ])
        let check = try #require(command as? CheckCommand)
        #expect(check.whatIf.names == ["aws-tunnel-0", "to-gcp-if1"] && check.format == .json)
    }
}
