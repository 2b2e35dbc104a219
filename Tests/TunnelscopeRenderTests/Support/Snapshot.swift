import Foundation
import Testing

/// Golden text frames under `Snapshots/`. `SNAPSHOT_RECORD=1 swift test` (re)writes them;
/// in CI (`CI=true`) recording is off, and a missing or different frame fails the test.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var recording: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["SNAPSHOT_RECORD"] == "1" && env["CI"] != "true"
    }

    static func assert(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent("\(name).txt")
        let actual = text.hasSuffix("\n") ? text : text + "\n"
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "No snapshot \(name).txt; record it with SNAPSHOT_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let failed = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.txt")
        try? actual.write(to: failed, atomically: true, encoding: .utf8)
        Issue.record(
            """
            Snapshot \(name) differs at line \(line + 1):
              expected: \(line < e.count ? String(e[line]) : "(end)")
              actual:   \(line < a.count ? String(a[line]) : "(end)")
            The whole frame is in \(failed.path); read the diff, then re-record with SNAPSHOT_RECORD=1.
            """, sourceLocation: sourceLocation)
    }
}
