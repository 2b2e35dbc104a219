import Foundation
import Testing
import TunnelscopeTestSupport

/// The real binary in tmux, sent signals: the terminal is restored (normal screen, cursor shown,
/// mouse reporting and keypad mode off, input echoed) on every catchable one, the exit status is
/// 128 + the signal, Ctrl-Z suspends and `fg` comes back, a crash prints Swift's backtrace on the
/// normal screen; and hostile names never reach the terminal.
@Suite(.serialized) struct SignalEndToEndTests {
    let binary = BinaryRunner.tunnelscopeURL().path

    func start(_ command: String? = nil, ready: String = "Tunnelscope · built-in example") throws -> TmuxSession {
        let session = try TmuxSession(width: 100, height: 30)
        try session.type(command ?? "\(binary); echo EXITED=$?")
        try session.wait(for: ready)
        return session
    }

    func send(_ signal: Int32, to session: TmuxSession) throws {
        let pid = try #require(try session.processRunning(binary), "the explorer's process")
        #expect(kill(pid, signal) == 0)
    }

    /// Polls until the pane is the normal shell screen with the terminal modes restored.
    func expectRestored(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // Alternate screen off, cursor shown, keypad and cursor keys modes off, mouse reporting off.
        let flags = "#{alternate_on}#{cursor_flag}#{keypad_flag}#{keypad_cursor_flag}#{mouse_any_flag}"
        try session.wait(display: flags, toBe: "01000", sourceLocation: sourceLocation)
        try session.type("echo restored-$((40+2))")
        // The typed line is echoed, and the shell runs it.
        try session.wait(for: "echo restored-$((40+2))", "\nrestored-42", sourceLocation: sourceLocation)
    }

    @Test(arguments: [("USR1", SIGUSR1), ("USR2", SIGUSR2), ("PIPE", SIGPIPE), ("QUIT", SIGQUIT), ("HUP", SIGHUP)])
    func endingSignalRestoresAndExits(name: String, signal: Int32) throws {
        let session = try start()
        #expect(try session.display("#{alternate_on}#{mouse_any_flag}") == "11", "curses mode with the mouse on")
        try send(signal, to: session)
        let screen = try session.wait(for: "EXITED=\(128 + signal)")
        #expect(!screen.contains("Backtrace") && !screen.contains("Press space"), "SIG\(name): no crash handler")
        #expect(try session.processRunning(binary) == nil, "SIG\(name): the process is gone")
        try expectRestored(session)
    }

    /// A terminal that goes away (window closed, tmux killed) while SIGHUP is ignored (`nohup`,
    /// `trap '' HUP`): the explorer sees the hang-up on its input and ends, instead of spinning
    /// on reads that fail at once, unseen, forever.
    @Test func aTerminalGoneWithSIGHUPIgnoredEndsTheExplorer() throws {
        var session: TmuxSession? = try start("trap '' HUP; \(binary); echo EXITED=$?")
        let pid = try #require(try session?.processRunning(binary), "the explorer's process")
        session = nil  // kills the tmux server: the pane's terminal is gone
        let deadline = Date().addingTimeInterval(10)
        var state = ""
        while Date() < deadline {
            state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            // Gone, or a zombie (exited; its parent shell, hung up too, may not have reaped it).
            if state.isEmpty || state.split(separator: " ").dropFirst(2).first == "Z" { break }
            usleep(50_000)
        }
        let ended = state.isEmpty || state.split(separator: " ").dropFirst(2).first == "Z"
        if !ended { kill(pid, SIGKILL) }
        #expect(ended, "the explorer still runs without its terminal: \(state)")
    }

    @Test func crashPrintsTheBacktraceOnTheNormalScreen() throws {
        let session = try start("SWIFT_BACKTRACE=interactive=no \(binary); echo EXITED=$?")
        try send(SIGSEGV, to: session)
        try session.wait(timeout: 20, for: "EXITED=139") { $0.contains("EXITED=139") }
        // The backtrace lists every thread (the loader's idle dispatch workers too, when they are
        // still there): its first line may have scrolled off the screen, so read the scrollback.
        let screen = try session.history(once: "EXITED=139")
        #expect(screen.contains("Program crashed"), "Swift's backtracer ran, after the restore")
        try expectRestored(session)
    }

    @Test func ctrlZSuspendsAndFgComesBack() throws {
        let session = try start("\(binary)")
        try session.send("2")
        try session.wait(for: "AWS view")
        try session.send("C-z")
        try session.wait(for: "Stopped")
        try expectRestored(session)
        try session.type("fg")
        // The whole frame is redrawn: header, the view, footer.
        try session.wait(for: "the AWS view again, whole") {
            $0.contains("AWS view") && $0.contains("Tunnelscope · built-in example") && $0.contains("? help")
                && !$0.contains("Stopped") && !$0.contains("restored-42")
        }
        #expect(try session.display("#{alternate_on}#{cursor_flag}") == "10")
        try session.send("3")
        try session.wait(for: "GCP view")
        try session.send("q")
        try waitForNormalScreen(session)
        try session.type("echo EXITED=$?")
        try session.wait(for: "EXITED=0")
        try expectRestored(session)
    }

    func waitForNormalScreen(_ session: TmuxSession) throws {
        try session.wait(display: "#{alternate_on}", toBe: "0")
    }

    @Test func sigtstpSuspendsToo() throws {
        let session = try start("\(binary)")
        try send(SIGTSTP, to: session)
        try session.wait(for: "Stopped")
        try expectRestored(session)
        try session.type("fg")
        try session.wait(for: "the explorer again") { $0.contains("Tunnelscope · built-in example") }
        try session.send("q")
        try waitForNormalScreen(session)
        try session.type("echo EXITED=$?")
        try session.wait(for: "EXITED=0")
    }

    func settled(_ session: TmuxSession, after before: String) throws -> String {
        try session.settled(after: before)
    }

    @Test func emojiNamesLeaveNoStrayCells() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emoji-e2e-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try EmojiNames.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try TmuxSession(width: 120, height: 40)
        try session.type("\(binary) \(directory.path); echo EXITED=$?")
        var screen = try session.wait(for: "Tunnelscope ·")
        // Each screen drawn over the previous one (only changed cells are sent) must equal the
        // same screen drawn from scratch (after a resize away and back).
        for key in ["2", "j", "3", "4", "5", "6", "1", "7", "2", "G"] {
            try session.send(key)
            let incremental = try settled(session, after: screen)
            try session.resize(width: 119, height: 40)
            let narrower = try settled(session, after: incremental)
            try session.resize(width: 120, height: 40)
            screen = try settled(session, after: narrower)
            #expect(incremental == screen, "after \(key): stray cells\n\(incremental)\n---\n\(screen)")
            #expect(incremental.contains("? help"), "the whole frame is there")
        }
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func hostileNamesDoNotReachTheTerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-e2e-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try Hostile.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try start("\(binary) \(directory.path); echo EXITED=$?", ready: "Tunnelscope ·")
        let title = try session.display("#{pane_title}")
        var screens: [String] = []
        var screen = try session.wait(for: "Tunnelscope ·", "? help")
        for key in ["1", "2", "3", "4", "5", "6", "7", "/"] {
            try session.send(key)
            screen = key == "1" ? screen : try session.settled(after: screen)
            screens.append(screen)
        }
        try session.send("-l", "aws-tunnel-1")
        try session.send("Enter")
        try session.wait(for: "Result 1 of ")
        try session.send("d")
        screens.append(try session.wait(for: #"\u{1b}]0;PWNED"#))
        #expect(try session.display("#{pane_title}") == title, "OSC 0 did not retitle the pane")
        #expect(!title.contains("PWNED"))
        #expect(screens.contains { $0.contains(#"\u{1b}]0;PWNED\u{07}"#) }, "the names show, escaped")
        try session.send("q")
        try session.wait(for: "EXITED=0")
        try expectRestored(session)
    }
}
