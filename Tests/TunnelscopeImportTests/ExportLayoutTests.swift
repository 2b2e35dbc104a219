import Foundation
import Testing
import TunnelscopeModel

@testable import TunnelscopeImport
@testable import TunnelscopeSynthetic

/// The generator writes its files as the CLIs print them (what `bench` and `generate` measure):
/// the same documents, laid out line by line, read into the same network.
@Suite struct ExportLayoutTests {
    @Test func indentsAsTheAWSCLIPrints() {
        let compact = #"{"Vpcs": [{"VpcId": "vpc-1", "Tags": [], "Note": "a, b: {c} [d] \"e\" \\"}], "Empty": {}}"#
        let expected = """
            {
                "Vpcs": [
                    {
                        "VpcId": "vpc-1",
                        "Tags": [],
                        "Note": "a, b: {c} [d] \\"e\\" \\\\"
                    }
                ],
                "Empty": {}
            }

            """
        #expect(String(decoding: CLIFormatting.indented(Array(compact.utf8), indent: 4), as: UTF8.self) == expected)
        #expect(
            String(decoding: CLIFormatting.indented(Array("[1,[ ],true]".utf8), indent: 2), as: UTF8.self)
                == "[\n  1,\n  [],\n  true\n]\n")
    }

    @Test func bothLayoutsHoldTheSameDocuments() throws {
        let network = SyntheticNetwork(vpcs: 60, accounts: 3, routesPerTable: 3, gcpSubnets: 8, realistic: true)
        var cli = network
        cli.layout = .cli
        let compactFiles = network.files()
        let cliFiles = cli.files()
        #expect(compactFiles.map(\.name) == cliFiles.map(\.name))
        for (a, b) in zip(compactFiles, cliFiles) {
            let left = try JSONSerialization.jsonObject(with: Data(a.bytes)) as? NSObject
            let right = try JSONSerialization.jsonObject(with: Data(b.bytes)) as? NSObject
            #expect(left == right, "\(a.name)")
        }
        let generated = cliFiles.filter { $0.name.hasPrefix("synthetic/") }
        #expect(generated.allSatisfy { $0.bytes.count > 0 })
        // The generated files really are laid out differently (and larger), the example's are kept.
        let changed = zip(compactFiles, cliFiles).filter { $0.0.bytes != $0.1.bytes }.map(\.0.name)
        #expect(Set(changed) == Set(generated.map(\.name)))
        let size = { (files: [InputFile]) in
            files.filter { $0.name.hasPrefix("synthetic/") }.reduce(0) { $0 + $1.bytes.count }
        }
        #expect(size(cliFiles) > size(compactFiles) * 3 / 2)
        let gcp = try #require(cliFiles.first { $0.name.contains("/gcp-") })
        #expect(String(decoding: gcp.bytes.prefix(8), as: UTF8.self) == "[\n  {\n  ")
        let aws = try #require(
            cliFiles.first { $0.name.hasSuffix("describe-vpcs.json") && $0.name.hasPrefix("synthetic/") })
        #expect(String(decoding: aws.bytes.prefix(16), as: UTF8.self) == "{\n    \"Vpcs\": [\n")
    }

    @Test func bothLayoutsLoadIntoTheSameNetwork() {
        var network = SyntheticNetwork(vpcs: 80, accounts: 4, routesPerTable: 4, gcpSubnets: 10, realistic: true)
        let compact = Importer.load(files: network.files(), origin: "t", report: LoadReport(), parallel: false)
        network.layout = .cli
        let cli = Importer.load(files: network.files(), origin: "t", report: LoadReport(), parallel: false)
        #expect(compact.report.resourcesLoaded > 500)
        // The same model and the same report, but for the bytes read.
        let same =
            ParallelLoadTests.canonical(compact.model) == ParallelLoadTests.canonical(cli.model)
            && ParallelLoadTests.canonical(compact.report.kinds) == ParallelLoadTests.canonical(cli.report.kinds)
            && compact.report.skipped.isEmpty && cli.report.skipped.isEmpty
            && compact.report.warnings.isEmpty && cli.report.warnings.isEmpty
        #expect(same)
        #expect(cli.report.bytesRead > compact.report.bytesRead)
    }
}
