import Foundation
import Testing

/// `r` in the real binary: the exports are read and analysed in the background while the screen
/// keeps answering keys and says what the reload is doing; a second `r` does not start another;
/// the new model comes in with the selection kept; quitting during a reload restores the terminal.
@Suite(.serialized) struct ReloadEndToEndTests {
    let binary = BinaryRunner.tunnelscopeURL()

    /// A generated network with a few thousand rows to move through while it reloads.
    func generate() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tunnelscope-reload-\(UUID().uuidString)", isDirectory: true)
        let run = try BinaryRunner.run(
            binary, ["generate", "-o", folder.path, "--vpcs", "400", "--gcp-subnets", "50"], timeout: 120)
        #expect(run.status == 0, "generate: \(run.stderr)")
        return folder
    }

    /// Starts the explorer with its reloads held until `gate` exists (`TUNNELSCOPE_RELOAD_GATE`),
    /// so the screen can be watched mid-reload however fast this machine reads the exports.
    func start(_ folder: URL, gate: URL) throws -> TmuxSession {
        let session = try TmuxSession(width: 100, height: 30)
        try session.type(
            "TUNNELSCOPE_RELOAD_GATE='\(gate.path)' \(binary.path) --view aws '\(folder.path)'; echo EXITED=$?")
        try session.wait(timeout: 120, for: "the AWS view of the generated network") {
            $0.contains("AWS view") && TmuxSession.selectedLine($0) != nil
        }
        return session
    }

    @Test func keysAnswerWhileReloadingAndTheSelectionIsKept() throws {
        let folder = try generate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gate = folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent).gate")
        defer { try? FileManager.default.removeItem(at: gate) }
        let session = try start(folder, gate: gate)
        try session.send("j", "j", "j")
        var screen = try session.wait(for: "the fourth row selected") {
            TmuxSession.selectedLine($0) != nil && $0.contains("AWS view")
        }
        let selected = try #require(TmuxSession.selectedLine(screen))

        try session.send("r")
        try session.wait(for: "Reloading…", timeout: 30)
        // A second r while the first runs says so and starts nothing.
        try session.send("r")
        try session.wait(for: "Already reloading", timeout: 30)
        // Keys answer on the model already loaded, and the progress is drawn again after them.
        try session.send("j")
        screen = try session.wait(timeout: 30, for: "the selection moved down, the reload still under way") {
            TmuxSession.selectedLine($0).map { $0 != selected } == true && $0.contains("Reloading…")
        }
        try session.send("k")
        try session.wait(timeout: 30, for: "the selection back, the reload still under way") {
            TmuxSession.selectedLine($0) == selected && $0.contains("Reloading…")
        }
        // The reload keeps the selection.
        #expect(FileManager.default.createFile(atPath: gate.path, contents: Data()))
        try session.wait(timeout: 120, for: "Reloaded, the same row selected") {
            $0.contains("Reloaded") && $0.contains("AWS view") && !$0.contains("Reloading…")
                && TmuxSession.selectedLine($0) == selected
        }
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func quittingDuringAReloadRestoresTheTerminal() throws {
        let folder = try generate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gate = folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent).gate")
        let session = try start(folder, gate: gate)
        try session.send("r")
        try session.wait(for: "Reloading…", timeout: 30)
        try session.send("q")
        try session.wait(for: "EXITED=0")
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(try session.display("#{cursor_flag}") == "1")
        try session.type("echo restored-$((40+2))")
        try session.wait(for: "echo restored-$((40+2))", "\nrestored-42")
    }
}
