import Foundation
import Testing

/// `render` makes frames for tickets and pipes: a size below what the views draw is a usage
/// error (exit 2, said on stderr), never the explorer's "enlarge the window, or q to quit".
@Suite struct RenderSizeTests {
    let binary = BinaryRunner.tunnelscopeURL()

    @Test(arguments: ["59x16", "60x15", "30x8", "20x5"])
    func belowTheMinimumExits2WithAMessage(size: String) throws {
        let run = try BinaryRunner.run(binary, ["render", "--size", size], timeout: 60)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        #expect(
            run.stderr.contains("--size \(size) is below the smallest frame the views draw, 60x16"), "\(run.stderr)")
        #expect(!run.stderr.contains("q to quit") && !run.stdout.contains("q to quit"))
    }

    @Test func theMinimumRenders() throws {
        let run = try BinaryRunner.run(binary, ["render", "--size", "60x16", "--view", "split"], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 16)
        #expect(lines[2].contains("AWS ·") && lines[2].contains("GCP ·"), "the pane titles are whole: \(lines[2])")
        #expect(!run.stdout.contains("q to quit"))
    }
}
