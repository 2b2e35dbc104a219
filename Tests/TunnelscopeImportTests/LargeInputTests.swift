import Foundation
import Testing
import TunnelscopeModel

@testable import TunnelscopeImport

/// Input built to make the importer's memory or its report grow out of proportion to what it
/// holds: a list of tiny values, a million broken items, a field wrong in every resource.
@Suite struct LargeInputTests {
    static func load(_ name: String, _ text: String) -> LoadResult {
        Importer.load(files: [InputFile(name: name, bytes: Array(text.utf8))], origin: "test")
    }

    @Test func aListOfTinyValuesIsRefusedWithItsReason() throws {
        let text = "[" + String(repeating: "1,", count: 200_000) + "1]"
        let result = Self.load("tiny.json", text)
        let file = try #require(result.report.files.first)
        #expect(file.outcome == .notJSON)
        #expect(file.reason?.contains("a list of tiny values") == true, "\(file.reason ?? "")")
        #expect(file.reason?.contains("line 1, column") == true)
    }

    @Test func aListOfObjectsAsDenseAsRealExportsIsRead() {
        // {"a":1} is 7 bytes for 3 values: denser than any export, still under the limit.
        let items = (0..<50_000).map { _ in #"{"SubnetId":"s","VpcId":"v"}"# }.joined(separator: ",")
        let result = Self.load("dense.json", #"{"Subnets": ["# + items + "]}")
        #expect(result.report.files.first?.outcome == .loaded)
        #expect(result.report.kinds["aws:Subnet"]?.seen == 50_000)
    }

    @Test func manyBrokenItemsGetAHundredLinesAndACount() throws {
        let text = #"{"Vpcs": ["# + (0..<5_000).map(String.init).joined(separator: ",") + "]}"
        let result = Self.load("broken.json", text)
        let counts = try #require(result.report.kinds["aws:Vpc"])
        #expect(counts.seen == 5_000 && counts.skipped == 5_000)
        #expect(result.report.reconciles)
        let lines = result.report.skipped.filter { $0.file == "broken.json" }
        #expect(lines.count == ImportState.maxListedSkips + 1)
        #expect(lines.last?.text == "… and 4900 more Vpc skipped in this file (the first 100 are listed)")
        #expect(lines.first?.path == "$.Vpcs[0]")
    }

    @Test func aFieldWrongInEveryResourceGivesBoundedWarnings() throws {
        let items = (0..<3_000).map { #"{"SubnetId": "subnet-\#($0)", "VpcId": "vpc-1", "CidrBlock": "x\#($0)"}"# }
        let result = Self.load("odd.json", #"{"Subnets": ["# + items.joined(separator: ",") + "]}")
        #expect(result.report.kinds["aws:Subnet"]?.loaded == 3_000)
        let warnings = result.report.warnings.filter { $0.file == "odd.json" }
        #expect(warnings.count == DecodeContext.maxWarnings + 1)
        #expect(warnings.first?.path == "$.Subnets[0].CidrBlock")
        #expect(warnings.last?.text == "… and 2500 more warnings in this file (the first 500 are listed)")
    }
}
