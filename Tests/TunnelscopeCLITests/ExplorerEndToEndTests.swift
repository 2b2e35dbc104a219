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
        // The impact, at 80 columns: 3 of the 4 AWS⇄GCP tunnels carry, one BGP session down, no prefix lost.
        let screen = try session.wait(for: "the whole first screen, header to footer") {
            $0.contains("▲ 3/4 carry · BGP 3/4 · 0 lost · 3 err") && $0.contains("AWS ⇄ GCP VPN")
                && $0.contains("? help")
        }
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count == 24)
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func switchPerspectiveKeepsTheTunnel() throws {
        let session = try start()
        try session.send("2")
        try session.wait(for: "AWS view  what the AWS console shows", "? help")
        try session.send("j", "j", "j")
        var screen = try session.wait(for: "the AWS tunnel 52.1.20.22 selected") {
            $0.contains("AWS view  what the AWS console shows")
                && TmuxSession.selectedLine($0)?.contains("52.1.20.22") == true
        }
        try session.send("Tab")
        // The AWS view's selected row names aws-tunnel-1 too: wait for the GCP view itself.
        screen = try session.wait(for: "the GCP view with aws-tunnel-1 selected") {
            $0.contains("GCP view") && TmuxSession.selectedLine($0)?.contains("aws-tunnel-1") == true
        }
        try session.send("4")
        // Poll until the whole side-by-side screen holds: its title, the selection and the verdict line.
        screen = try session.wait(for: "Side by side with the selection and the ≠ verdict line") {
            $0.contains("Side by side") && TmuxSession.selectedLine($0)?.contains("52.1.20.22") == true
                && $0.contains("≠ IPsec: DOWN")
        }
        #expect(!screen.contains("GCP view"), "no line of the GCP view left over")
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func searchAndFailAnElement() throws {
        let session = try start()
        try session.send("/")
        try session.wait(for: "name, ID, IP or CIDR")
        try session.send("-l", "aws-tunnel-3")
        try session.send("Enter")
        try session.wait(for: "the side by side on the tunnel found") {
            $0.contains("Result 1 of 2 matches:") && $0.contains("Side by side")
                && TmuxSession.selectedLine($0)?.contains("54.80.40.44") == true
        }
        try session.send("f")
        // The what-if panel, the failed tunnel's mark in both panes and the header's WHAT-IF, all on one screen.
        let screen = try session.wait(for: "the what-if panel, marks and header") {
            $0.contains("─ What-if ─") && $0.contains("⊘ FAILED (what-if)") && $0.contains("WHAT-IF")
                && $0.contains("Fails with it") && $0.contains("⊘ Failed: tunnel 54.80.40.44")
        }
        #expect(screen.contains("Survives: 2 of 4"))
        try session.send("F")
        try session.wait(for: "the what-if cleared everywhere") {
            $0.contains("What-if cleared") && !$0.contains("FAILED (what-if)")
        }
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    @Test func resizeRedrawsAndSmallSaysSo() throws {
        let session = try start()
        try session.resize(width: 140, height: 44)
        let screen = try session.wait(for: "a 44-line redraw") { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 44 && screen.contains("? help")
        }
        #expect(screen.contains("Tunnelscope"))
        try session.resize(width: 50, height: 12)
        try session.wait(for: "Terminal too small", "or q to quit")
        try session.resize(width: 80, height: 24)
        try session.wait(for: "AWS ⇄ GCP VPN", "? help")
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

    /// Ctrl-C is a key in raw mode: it quits as an interrupted program does, with 130, from any
    /// mode (here with a prompt open).
    @Test func ctrlCExitsWith130() throws {
        let session = try start()
        try session.send("/")
        try session.wait(for: "name, ID, IP or CIDR")
        try session.send("C-c")
        try session.wait(for: "EXITED=130")
        try expectRestored(session)
    }

    /// A resize while the help is open is drawn at once (help still open, at the new size), and
    /// the screen behind it is the new size's when the help closes.
    @Test func resizeUnderTheHelpIsApplied() throws {
        let session = try start()
        try session.send("?")
        try session.wait(for: "Keys · ? or Esc closes", "1-18 of")
        try session.resize(width: 120, height: 40)
        let screen = try session.wait(for: "the help redrawn at 120×40") {
            $0.contains("Keys · ? or Esc closes") && $0.split(separator: "\n").contains { $0.count > 100 }
                && $0.contains("1-34 of")
        }
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 40)
        try session.send("Escape")
        try session.wait(for: "the map at 120×40 without the help") {
            !$0.contains("Keys · ?") && $0.contains("AWS ⇄ GCP VPN") && $0.contains("Enter open  d detail  Esc back")
        }
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    /// A resize with the search prompt open and in the tour is applied too.
    @Test func resizeInThePromptAndTheTour() throws {
        let session = try start()
        try session.send("/")
        try session.send("-l", "hub")
        try session.wait(for: " /  hub")
        try session.resize(width: 100, height: 30)
        try session.wait(for: "the prompt at 100 columns") {
            $0.contains(" /  hub") && $0.split(separator: "\n", omittingEmptySubsequences: false).count >= 30
        }
        try session.send("Escape")
        try session.send("t")
        try session.wait(for: "step 1 of")
        try session.resize(width: 80, height: 24)
        try session.wait(for: "the tour at 80×24") {
            $0.contains("step 1 of") && $0.split(separator: "\n").allSatisfy { $0.count <= 80 }
                && $0.split(separator: "\n", omittingEmptySubsequences: false).count <= 25
        }
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    /// The explorer on the AWS view in a tmux with this `set-clipboard` setting, told it runs in tmux.
    func startOnTheAWSView(width: Int, setClipboard: String) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: 30)
        try session.run(["set-option", "-g", "set-clipboard", setClipboard])
        try session.type("TMUX=\(try session.tmuxVariable()) \(binary) --view aws; echo EXITED=$?")
        try session.wait(for: "AWS view  what the AWS console shows")
        return session
    }

    /// `y` on a VPN connection: the message names the command, and the OSC 52 sequence reached
    /// tmux (with set-clipboard on, tmux keeps it as a paste buffer).
    @Test func yCopiesTheLiveCommand() throws {
        let session = try startOnTheAWSView(width: 120, setClipboard: "on")
        try session.send("j")
        try session.wait(for: "VPN to-gcp-if0 selected") {
            TmuxSession.selectedLine($0)?.contains("VPN to-gcp-if0") == true
        }
        try session.send("y")
        let command = "aws ec2 describe-vpn-connections --vpn-connection-ids=vpn-0aa11bb22cc33dd44 --region=us-east-1"
        try session.wait(for: "copied: " + command)
        let buffer = try session.run(["show-buffer"])
        #expect(buffer == command, "the tmux paste buffer: \(buffer.debugDescription)")
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    /// tmux as it comes (set-clipboard external, no passthrough) drops a program's OSC 52: `y`
    /// says so and how to change it, instead of claiming a copy.
    @Test func yInADefaultTmuxSaysItCannotCopy() throws {
        let session = try startOnTheAWSView(width: 160, setClipboard: "external")
        try session.send("y")
        try session.wait(for: "Not copied (tmux drops it: tmux set -g set-clipboard on)", "with the mouse")
        #expect((try? session.run(["show-buffer"])) == nil, "no paste buffer was made")
        try session.send("q")
        try session.wait(for: "EXITED=0")
    }

    /// Normal screen, cursor visible, and the tty echoes and cooks input again.
    func expectRestored(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try session.display("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try session.display("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
        try session.type("echo restored-$((40+2))")
        // The typed line is echoed again, and the shell runs it.
        try session.wait(for: "echo restored-$((40+2))", "\nrestored-42", sourceLocation: sourceLocation)
    }
}
