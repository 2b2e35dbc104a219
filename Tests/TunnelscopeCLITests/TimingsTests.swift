import Foundation
import Testing

/// `check --timings` adds its phases to stderr; the report on stdout and the exit status are the
/// same as without it.
@Suite struct TimingsTests {
    @Test func timingsGoToStderrAndChangeNothingElse() throws {
        let binary = BinaryRunner.tunnelscopeURL()
        let plain = try BinaryRunner.run(binary, ["check", "--format", "json"], timeout: 60)
        let timed = try BinaryRunner.run(binary, ["check", "--format", "json", "--timings"], timeout: 60)
        #expect(timed.stdout == plain.stdout)
        #expect(timed.status == plain.status)
        let lines = timed.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "timings:")
        for phase in ["load", "analysis", "output", "write", "total"] {
            #expect(lines.contains { $0.hasPrefix(phase + " ") && $0.contains(" ms") }, "\(phase): \(timed.stderr)")
        }
        #expect(lines.contains { $0.hasPrefix("total") && $0.contains("MB/s") })
        #expect(lines.contains { $0.hasPrefix("peak memory ") && $0.contains("MiB") })
    }
}
