import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

/// `Analysis(model:report:)`: what the load report says is missing is an `incomplete-input`
/// finding among the rules' findings, in the one order every consumer lists them.
@Suite struct LoadFindingsTests {
    @Test func aTruncatedFileIsAnErrorFindingOfTheAnalysis() throws {
        let result = Variants.load([
            ("aws-111122223333/describe-subnets.json", { _ in #"{"Subnets": [{"SubnetId": "subnet-1","# })
        ])
        let bare = Analysis(model: result.model)
        #expect(!bare.findings.contains { $0.rule == LoadFindings.rule }, "without a report the analysis cannot tell")
        let analysis = Analysis(model: result.model, report: result.report)
        let load = analysis.findings.filter { $0.rule == LoadFindings.rule }
        #expect(load.count == 1 && load.first?.severity == .error)
        #expect(load.first?.resources == ["example/aws-111122223333/describe-subnets.json"])
        #expect(
            analysis.findings.first?.rule == LoadFindings.rule, "every other finding is only as complete as the input")
        #expect(analysis.findings == Finding.ordered(LoadFindings.findings(for: result.report) + bare.findings))
        #expect(analysis.hasErrors && analysis.count(.error) == bare.count(.error) + 1)
    }

    @Test func anUnlistableFolderIsAnErrorNamedAsAFolder() throws {
        var report = LoadReport()
        report.files.append(
            .init(
                file: "net/gcp", outcome: .unreadable, documents: [], resources: 0,
                reason: "a folder that cannot be listed (permission denied): what it holds is not read"))
        let finding = try #require(LoadFindings.findings(for: report).first)
        #expect(finding.severity == .error)
        #expect(finding.message.hasPrefix("1 folder could not be read (net/gcp: a folder that cannot be listed"))
        #expect(finding.hint?.hasPrefix("Make it readable (check the permissions)") == true)
    }

    @Test func skippedResourcesAreAWarningAfterTheErrors() {
        let result = Variants.load([
            (
                "aws-444455556666/describe-vpcs.json",
                { $0.replacingOccurrences(of: #""Vpcs": ["#, with: #""Vpcs": [{"VpcId": 5}, "#) }
            )
        ])
        let analysis = Analysis(model: result.model, report: result.report)
        let load = analysis.findings.filter { $0.rule == LoadFindings.rule }
        #expect(load.map(\.severity) == [.warning])
        let firstWarning = analysis.findings.firstIndex { $0.severity == .warning }
        #expect(firstWarning != nil && analysis.findings[firstWarning!].rule == LoadFindings.rule)
    }

    @Test func aCompleteLoadAddsNothing() {
        let result = ExampleNetwork.load()
        #expect(LoadFindings.findings(for: result.report).isEmpty)
        #expect(Analysis(model: result.model, report: result.report).findings == Analysis(model: result.model).findings)
    }
}
