import Foundation
import Testing

/// The real binary in tmux: first screen, perspectives, search, what-if, resize, quit, and the
/// terminal restored after quit and after SIGTERM.
@Suite(.serialized) struct ExplorerEndToEndTests {
    let binary = BinaryRunner.tunnelscopeURL().path

    func start(width: Int = 80, height: Int = 24, args: String = "") throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height)
        try session.type("\(binary) \(args); echo EXITED=$?")
        try session.wait(for: "Tunnelscope · built-in example")
        return session
    }

    @Test func firstScreenSaysWhatIsBroken() throws {
        let session = try start()
        let screen = try session.capture()
        #expect(screen.contains("✖ 1 tunnel down"))
        #expect(screen.contains("✖ 1 BGP down"))
        #expect(screen.contains("AWS ⇄ GCP VPN"))
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count == 24)
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func switchPerspectiveKeepsTheTunnel() throws {
        let session = try start()
        try session.send("2")
        try session.wait(for: "AWS view  what the AWS console shows")
        try session.send("j", "j", "j")
        var screen = try session.wait(for: "the AWS tunnel 52.1.20.22 selected") {
            TmuxSession.selectedLine($0)?.contains("52.1.20.22") == true
        }
        try session.send("Tab")
        // The AWS view's selected row names aws-tunnel-1 too: wait for the GCP view itself.
        screen = try session.wait(for: "the GCP view with aws-tunnel-1 selected") {
            $0.contains("GCP view") && TmuxSession.selectedLine($0)?.contains("aws-tunnel-1") == true
        }
        #expect(screen.contains("GCP view"))
        try session.send("4")
        // Poll until the whole side-by-side screen holds: its title, the selection and the verdict line.
        screen = try session.wait(for: "Side by side with the selection and the ≠ verdict line") {
            $0.contains("Side by side") && TmuxSession.selectedLine($0)?.contains("52.1.20.22") == true
                && $0.contains("≠ IPsec AWS DOWN")
        }
        #expect(TmuxSession.selectedLine(screen)?.contains("52.1.20.22") == true)
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func searchAndFailAnElement() throws {
        let session = try start()
        try session.send("/")
        try session.wait(for: "name, ID, IP or CIDR")
        try session.send("-l", "aws-tunnel-3")
        try session.send("Enter")
        var screen = try session.wait(for: "Result 1 of 2 matches:")
        #expect(TmuxSession.selectedLine(screen)?.contains("54.80.40.44") == true)
        #expect(screen.contains("Side by side"))
        try session.send("f")
        screen = try session.wait(for: "What-if")
        #expect(screen.contains("FAILED (what-if)"))
        #expect(screen.contains("what-if"))
        try session.send("F")
        screen = try session.wait(for: "What-if cleared")
        #expect(!screen.contains("FAILED (what-if)"))
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func resizeRedrawsAndSmallSaysSo() throws {
        let session = try start()
        try session.resize(width: 140, height: 44)
        var screen = try session.wait(for: "a 44-line redraw") { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 44 && screen.contains("? help")
        }
        #expect(screen.contains("Tunnelscope"))
        try session.resize(width: 50, height: 12)
        screen = try session.wait(for: "Terminal too small")
        try session.resize(width: 80, height: 24)
        screen = try session.wait(for: "AWS ⇄ GCP VPN")
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func terminalIsRestoredAfterQuit() throws {
        let session = try start()
        #expect(try session.display("#{alternate_on}") == "1")
        try session.send("q")
        try session.wait(for: "EXITED=0")
        try expectRestored(session)
    }

    @Test func terminalIsRestoredAfterSIGTERM() throws {
        let session = try start()
        let pid = try #require(try session.processRunning(binary), "the explorer's process")
        #expect(kill(pid, SIGTERM) == 0)
        try session.wait(for: "EXITED=143")
        try expectRestored(session)
    }

    @Test func ctrlCQuits() throws {
        let session = try start()
        try session.send("C-c")
        try session.wait(for: "EXITED=0")
        try expectRestored(session)
    }

    /// Normal screen, cursor visible, and the tty echoes and cooks input again.
    func expectRestored(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try session.display("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try session.display("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
        try session.type("echo restored-$((40+2))")
        let screen = try session.wait(for: "restored-42", sourceLocation: sourceLocation)
        #expect(
            screen.contains("echo restored-$((40+2))"), "typed input is echoed again", sourceLocation: sourceLocation)
    }
}
