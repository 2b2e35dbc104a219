import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeModel

@testable import TunnelscopeImport

/// The export manifest (`tunnelscope-manifest.json`) is recognised, kept as the export's
/// provenance, and a broken one is named with its file and JSON path while the rest loads; without
/// one the files' modification times give an estimate.
@Suite struct ManifestTests {
    static let good = """
        {"tunnelscopeManifest": 1, "cloud": "aws", "tool": "export-aws.sh",
         "startedAt": "2026-11-29T18:02:11Z", "finishedAt": "2026-11-29T18:03:40Z",
         "cli": {"name": "aws", "version": "aws-cli/2.15.0 Python/3.11.6 Linux/6.1"},
         "accounts": ["111122223333"], "projects": [], "regions": ["us-east-1"],
         "commands": [
           {"command": "aws ec2 describe-vpcs --region us-east-1 --output json", "exitCode": 0,
            "file": "describe-vpcs.json", "error": null},
           {"command": "aws directconnect describe-virtual-interfaces --region us-east-1 --output json",
            "exitCode": 254, "file": null, "error": "An error occurred (AccessDenied) when calling the operation"},
           {"command": "aws ec2 describe-vpn-gateways", "exitCode": 1, "optional": true, "error": "expected"}
         ]}
        """

    static func load(_ documents: [String: String]) -> LoadResult {
        Fixtures.load(documents.merging(["aws/describe-vpcs.json": #"{"Vpcs": []}"#]) { a, _ in a })
    }

    @Test func aManifestIsReadAsTheExportsProvenance() throws {
        let result = Self.load(["aws/tunnelscope-manifest.json": Self.good])
        let entry = try #require(result.report.files.first { $0.file == "aws/tunnelscope-manifest.json" })
        #expect(entry.outcome == .loaded && entry.documents == ["tunnelscope:manifest"])
        #expect(result.report.warnings.isEmpty, "\(result.report.warnings)")
        let manifest = try #require(result.provenance.manifests.first)
        #expect(manifest.cloud == .aws && manifest.tool == "export-aws.sh")
        #expect(manifest.cli == "aws aws-cli/2.15.0 Python/3.11.6 Linux/6.1")
        #expect(manifest.accounts == ["111122223333"] && manifest.regions == ["us-east-1"])
        #expect(Provenance.iso8601(manifest.startedAt) == "2026-11-29T18:02:11Z")
        #expect(manifest.finishedAt - manifest.startedAt == 89)
        #expect(manifest.commands.count == 3)
        // The optional command's failure loses nothing; the other one is reported.
        #expect(result.provenance.failedCommands.map(\.command.exitCode) == [254])
        let export = try #require(result.provenance.exports.first)
        #expect(export.cloud == .aws && !export.estimated && result.provenance.exports.count == 1)
        #expect(result.provenance.ageText(now: manifest.startedAt + 3 * 3600 + 10) == "exported 3 h ago")
        #expect(result.provenance.gap == nil && !result.provenance.isMixedTime)
    }

    @Test(arguments: [
        (#""cloud": "aws","#, #""cloud": "azure","#, "$.cloud", "\"azure\" is not a cloud it knows"),
        (#""cloud": "aws","#, "", "$.cloud", "it does not say which cloud"),
        (#""startedAt": "2026-11-29T18:02:11Z""#, #""startedAt": "yesterday""#, "$.startedAt", "not an ISO 8601 time"),
        (#""finishedAt": "2026-11-29T18:03:40Z","#, "", "$.finishedAt", "finishedAt is missing"),
        (
            #""finishedAt": "2026-11-29T18:03:40Z""#, #""finishedAt": "2026-11-29T17:00:00Z""#, "$.finishedAt",
            "before startedAt"
        ),
    ])
    func aBrokenManifestIsNamedAndTheRestLoads(find: String, replace: String, path: String, reason: String) throws {
        #expect(Self.good.contains(find))
        let result = Self.load([
            "aws/tunnelscope-manifest.json": Self.good.replacingOccurrences(of: find, with: replace),
            "aws/describe-vpcs-2.json": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"#,
        ])
        let warning = try #require(result.report.warnings.first { $0.file == "aws/tunnelscope-manifest.json" })
        #expect(warning.path == path, "\(warning)")
        #expect(warning.text.contains(reason) && warning.text.contains("export manifest not used"), "\(warning)")
        #expect(result.provenance.manifests.isEmpty)
        // Recognised all the same (not an unknown file), and the exports beside it load.
        #expect(result.report.files.allSatisfy { $0.outcome == .loaded }, "\(result.report.files)")
        #expect(result.model.vpcs.map(\.id) == ["vpc-1"])
        #expect(result.report.skipped.isEmpty)
    }

    @Test func aBadCommandEntryIsSkippedWithItsPath() throws {
        let text = Self.good.replacingOccurrences(of: #""exitCode": 254"#, with: #""exitCode": "failed""#)
        let result = Self.load(["m.json": text])
        let manifest = try #require(result.provenance.manifests.first)
        #expect(manifest.commands.count == 2)
        #expect(result.report.warnings.contains { $0.path == "$.commands[1].exitCode" }, "\(result.report.warnings)")
    }

    @Test func invalidJSONInAManifestIsAnInvalidFile() {
        let result = Self.load(["aws/tunnelscope-manifest.json": String(Self.good.dropLast(20))])
        #expect(result.report.files.contains { $0.file == "aws/tunnelscope-manifest.json" && $0.outcome == .notJSON })
        #expect(result.provenance.manifests.isEmpty)
        #expect(result.report.loadedFiles.count == 1)
    }

    @Test func twoCloudsFarApartAreAMixedTimeSnapshot() {
        let gcp = Self.good.replacingOccurrences(of: #""cloud": "aws""#, with: #""cloud": "gcp""#)
            .replacingOccurrences(of: "2026-11-29T18:02:11Z", with: "2026-11-29T18:40:00Z")
            .replacingOccurrences(of: "2026-11-29T18:03:40Z", with: "2026-11-29T18:41:00Z")
        let result = Self.load(["aws/tunnelscope-manifest.json": Self.good, "gcp/tunnelscope-manifest.json": gcp])
        #expect(result.provenance.exports.map(\.cloud) == [.aws, .gcp])
        #expect(result.provenance.gap.map { Int($0) } == 36 * 60 + 20)
        #expect(result.provenance.isMixedTime)
        #expect(result.provenance.mixedTimeText?.hasPrefix("AWS and GCP were exported 36 min apart") == true)
        let close = gcp.replacingOccurrences(of: "2026-11-29T18:40:00Z", with: "2026-11-29T18:30:00Z")
        let near = Self.load(["aws/tunnelscope-manifest.json": Self.good, "gcp/tunnelscope-manifest.json": close])
        #expect(near.provenance.gap.map { Int($0) } == 26 * 60 + 20 && !near.provenance.isMixedTime)
    }

    @Test func timesParseAndPrint() {
        #expect(Provenance.parseISO8601("1970-01-01T00:00:00Z") == 0)
        #expect(Provenance.parseISO8601("2026-11-29T19:48:58Z") == 1_795_981_738)
        #expect(Provenance.parseISO8601("2026-11-29T20:48:58+01:00") == 1_795_981_738)
        #expect(Provenance.parseISO8601("2026-11-29T19:48:58.500Z") == 1_795_981_738.5)
        #expect(Provenance.iso8601(1_795_981_738) == "2026-11-29T19:48:58Z")
        #expect(Provenance.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
        for bad in ["", "2026-11-29", "2026-13-01T00:00:00Z", "2026-11-29T19:48:58", "2026-11-29T19:48:58Zjunk"] {
            #expect(Provenance.parseISO8601(bad) == nil, "\(bad)")
        }
        #expect(Provenance.age(30) == "just now")
        #expect(Provenance.age(25 * 60) == "25 min ago")
        #expect(Provenance.age(3 * 3600 + 20 * 60) == "3 h 20 min ago")
        #expect(Provenance.age(3 * 86400) == "3 d ago")
        #expect(Provenance.age(-600) == "10 min in the future")
    }

    /// Without a manifest, the loaded files' modification times give an estimate per cloud.
    @Test func fileTimesGiveAnEstimate() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let aws = root.appendingPathComponent("aws-1.json")
        let gcp = root.appendingPathComponent("gcp-1.json")
        let notes = root.appendingPathComponent("notes.txt")
        try Data(#"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"#.utf8).write(to: aws)
        try Data(
            #"[{"kind": "compute#network", "name": "n", "selfLink": "https://www.googleapis.com/compute/v1/projects/p/global/networks/n", "autoCreateSubnetworks": false}]"#
                .utf8
        ).write(to: gcp)
        try Data("not an export".utf8).write(to: notes)
        let awsTime = Date(timeIntervalSince1970: 1_795_970_000)
        let gcpTime = Date(timeIntervalSince1970: 1_795_970_000 + 2 * 3600)
        try FileManager.default.setAttributes([.modificationDate: awsTime], ofItemAtPath: aws.path)
        try FileManager.default.setAttributes([.modificationDate: gcpTime], ofItemAtPath: gcp.path)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: notes.path)
        let result = Importer.load(paths: [root.path])
        let exports = result.provenance.exports
        #expect(exports.map(\.cloud) == [.aws, .gcp])
        #expect(exports.allSatisfy { $0.estimated })
        #expect(exports.map(\.start) == [1_795_970_000, 1_795_970_000 + 2 * 3600])
        #expect(result.provenance.isMixedTime)
        #expect(
            result.provenance.ageText(now: 1_795_970_000 + 3 * 3600)
                == "exported AWS ≈ 3 h ago, GCP ≈ 1 h ago, from file times")
        #expect(result.provenance.shortAgeText(now: 1_795_970_000 + 3 * 3600) == "≈3 h old")
    }

    /// The built-in example (files in memory) has neither a manifest nor file times.
    @Test func theExampleHasNoProvenance() {
        let result = ExampleNetwork.load()
        #expect(result.provenance.exports.isEmpty)
        #expect(result.provenance.ageText(now: 0) == nil)
    }
}
