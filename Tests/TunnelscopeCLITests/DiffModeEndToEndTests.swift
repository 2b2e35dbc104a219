import Foundation
import Testing
import TunnelscopeTestSupport

/// Diff mode in the real binary: `--before OLD NEW`, and `:diff PATH` read off the main thread.
@Suite(.serialized) struct DiffModeEndToEndTests {
    let binary = BinaryRunner.tunnelscopeURL()

    /// The VGW → TGW migration's two sides as folders of export files.
    func sides() throws -> (before: String, after: String, root: URL) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("tunnelscope-diffmode-\(UUID().uuidString)", isDirectory: true)
        return (
            try DiffCases.folder("vgw-to-tgw", "before", in: root),
            try DiffCases.folder("vgw-to-tgw", "after", in: root),
            root
        )
    }

    @Test func beforeOptionMarksTheChangesAndListsThem() throws {
        let (before, after, root) = try sides()
        defer { try? FileManager.default.removeItem(at: root) }
        let session = try TmuxSession(width: 120, height: 40)
        try session.type("\(binary.path) --before '\(before)' '\(after)'; echo EXITED=$?")
        try session.wait(for: "Δ 18", "~ changed", "VPN", "? help")
        try session.send("8")
        try session.wait(
            for: "Topology › Changes", "Changes since BEFORE", "VPN connections · 2 moved",
            "moved: vgw-0f1e2d3c4b5a69788 → tgw-0a1b2c3d4e5f60718")
        try session.send("4")
        try session.send("b")
        try session.wait(for: "BEFORE  AWS", "AFTER  AWS", "Virtual private gateway app-vgw")
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func diffCommandComparesInTheBackgroundAndOffLeavesIt() throws {
        let (before, after, root) = try sides()
        defer { try? FileManager.default.removeItem(at: root) }
        let session = try TmuxSession(width: 120, height: 40)
        try session.type("\(binary.path) --view aws '\(after)'; echo EXITED=$?")
        try session.wait(for: "AWS view", "VPN to-gcp-if0", "? help")
        try session.send(":")
        try session.run(["send-keys", "-t", "e2e", "-l", "diff \(before)"])
        try session.send("Enter")
        try session.wait(for: "Compared with", "Δ 18", "→ moved: vgw-0f1e2d3c4b5a69788")
        // Something that cannot be read is said, and diff mode stays as it was.
        try session.send(":")
        try session.run(["send-keys", "-t", "e2e", "-l", "diff /nonexistent-before"])
        try session.send("Enter")
        try session.wait(for: "Nothing loadable in /nonexistent-before", "Δ 18")
        try session.send(":")
        try session.run(["send-keys", "-t", "e2e", "-l", "diff off"])
        try session.send("Enter")
        try session.wait(for: "diff mode off") {
            $0.contains("Diff mode off.") && !$0.contains("Δ") && !$0.contains("moved")
        }
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func aBeforeWithNothingLoadableExitsTwo() throws {
        let run = try BinaryRunner.run(binary, ["render", "--before", "/nonexistent-before"], timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--before: nothing loadable in /nonexistent-before"))
    }
}
