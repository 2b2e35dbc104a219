import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeCLI

/// `check --format markdown`: the ticket summary. Tables stay tables whatever the exports hold.
@Suite struct CheckMarkdownTests {
    static func markdown(_ result: LoadResult, fail: [String] = []) -> CheckRun {
        CheckRun(result: result, format: .markdown, fail: fail, verbose: false)
    }

    /// Each table's rows have as many cells as its header (a `|` from the data would add one).
    static func tableProblems(_ text: String) -> [String] {
        func cells(_ line: Substring) -> Int {
            var count = 0
            var previous: Character = " "
            for c in line {
                if c == "|", previous != "\\" { count += 1 }
                previous = c
            }
            return count
        }
        var problems: [String] = []
        var header: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                header = nil
                continue
            }
            if let header {
                if cells(line) != header { problems.append("\(cells(line)) cells, header \(header): \(line)") }
            } else {
                header = cells(line)
            }
        }
        return problems
    }

    @Test func exampleSummaryForATicket() {
        let run = Self.markdown(ExampleNetwork.load())
        let text = run.stdout
        #expect(run.status == ExitStatus.findings, "the same exit status as the text")
        #expect(text.hasPrefix("# Tunnelscope check — built\\-in example\n"))
        #expect(text.contains("| AWS ⇄ GCP tunnels carrying routes | 3 of 4 |"))
        #expect(text.contains("| BGP sessions up | 3 of 4 |"))
        #expect(text.contains("| Prefixes without a path across | 0 |"))
        #expect(text.contains("## Findings (3 errors, 4 warnings)"))
        #expect(
            text.contains(
                "### `tunnel-down` (1)\n\n| severity | element | message |\n| --- | --- | --- |\n| error | `tunnel/52.1.20.22`"
            ))
        #expect(text.contains("### `auto-mode-network` (1)"))
        #expect(text.contains("## Load\n\n29 of 29 files loaded"))
        #expect(!text.contains("Zk3x_example_psk"))
        #expect(Self.tableProblems(text).isEmpty, "\(Self.tableProblems(text))")
        // One table per rule, in the analysis' order: as many headings as rules with findings.
        let rules = Set(run.analysis.findings.map(\.rule))
        #expect(text.components(separatedBy: "\n### ").count - 1 == rules.count)
    }

    @Test func whatIfSection() {
        let text = Self.markdown(ExampleNetwork.load(), fail: ["to-gcp-if1"]).stdout
        #expect(text.contains("## What-if: failing VPN connection to\\-gcp\\-if1 \\(vpn\\-0bb22cc33dd44ee55\\)"))
        #expect(text.contains("| AWS ⇄ GCP tunnels carrying routes | 1 of 4 |"))
        #expect(
            text.contains(
                "| tunnel 3\\.220\\.30\\.33 \\(to\\-gcp\\-if1 \\#1 ⇄ aws\\-tunnel\\-2\\) | VPN connection to\\-gcp\\-if1"
            ))
        #expect(text.contains("- Link hub\\-tgw"))
        #expect(Self.tableProblems(text).isEmpty, "\(Self.tableProblems(text))")
    }

    @Test func hostileInputStaysInItsCells() {
        let text = Self.markdown(Hostile.load()).stdout
        #expect(!text.unicodeScalars.contains { Hostile.isForbidden($0) })
        #expect(Self.tableProblems(text).isEmpty, "\(Self.tableProblems(text))")
        #expect(text.contains("**Skipped** ("), "the load report's skipped items")
        #expect(!text.contains("<script") && !text.contains("\nFORGED"))
    }

    @Test(.timeLimit(.minutes(5))) func largeNetworkFitsATicketUnlessVerbose() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-md-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generate = try BinaryRunner.run(
            BinaryRunner.tunnelscopeURL(), ["generate", "-o", folder.path, "--vpcs", "1000"], timeout: 120)
        #expect(generate.status == 0, "\(generate.stderr)")
        let result = Importer.load(paths: [folder.path])
        let text = Self.markdown(result).stdout
        #expect(text.count < 65_536, "a GitHub issue takes 65,536 characters: \(text.count)")
        let overlaps =
            result.model.vpcs.isEmpty
            ? 0
            : CheckRun(result: result, format: .json, fail: [], verbose: false)
                .analysis.findings.filter { $0.rule == "cidr-overlap" }.count
        #expect(overlaps > 10)
        #expect(text.contains("### `cidr-overlap` (\(overlaps))"), "the heading counts them all")
        #expect(
            text.contains("… and \(overlaps - 10) more (`tunnelscope check --format markdown --verbose` lists them)."))
        let verbose = CheckRun(result: result, format: .markdown, fail: [], verbose: true).stdout
        #expect(!verbose.contains("… and \(overlaps - 10) more"))
        #expect(verbose.count > text.count)
        #expect(Self.tableProblems(text).isEmpty)
    }

    @Test func tableCheckCatchesASplitRow() {
        #expect(!Self.tableProblems("| a | b |\n| --- | --- |\n| x | y | z |\n").isEmpty)
        #expect(Self.tableProblems("| a | b |\n| --- | --- |\n| x \\| y | z |\n").isEmpty)
    }
}
