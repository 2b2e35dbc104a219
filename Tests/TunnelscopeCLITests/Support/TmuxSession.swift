import Foundation
import Testing

/// Drives the real binary in a detached tmux session of a fixed size: type with `send`,
/// read the screen with `capture`. Each session has its own tmux server socket, so tests can
/// run in parallel. The server is killed when the session is released.
final class TmuxSession {
    let socket = "tunnelscope-e2e-\(UUID().uuidString.prefix(8))"
    let tmux: URL

    init(width: Int, height: Int) throws {
        guard let tmux = BinaryRunner.which("tmux") else {
            throw BinaryRunner.Failure.launch(
                command: "tmux", reason: "tmux is not installed (CI installs it; apt-get install tmux)")
        }
        self.tmux = tmux
        // A plain shell, so the test can see what the terminal is like after the explorer exits.
        try run([
            "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e",
            "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='$ ' bash --norc --noprofile",
        ])
        try run(["set-option", "-t", "e2e", "status", "off"])
        serverPid = pid_t(try run(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The tmux server. It inherits the test runner's signal mask (SIGTERM blocked), and
    /// `kill-server` alone was seen to leave it running: so it is also sent SIGKILL.
    private var serverPid: pid_t?

    deinit {
        _ = try? run(["kill-server"])
        if let serverPid, serverPid > 1 { kill(serverPid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: "/tmp/tmux-\(getuid())/\(socket)")
    }

    /// Runs tmux with every inherited descriptor above stderr closed first: the tmux server
    /// forks from the first client and would otherwise keep Foundation's process-exit socket
    /// open, so `Process` would never see the client end.
    static let closeFDsThenExec =
        #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec "$0" "$@""#

    @discardableResult
    func run(_ args: [String]) throws -> String {
        let result = try BinaryRunner.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", Self.closeFDsThenExec, tmux.path, "-L", socket] + args,
            timeout: 10)
        guard result.status == 0 else {
            throw BinaryRunner.Failure.launch(command: "tmux \(args.joined(separator: " "))", reason: result.stderr)
        }
        return result.stdout
    }

    /// Types a line into the shell and presses Enter.
    func type(_ line: String) throws {
        try run(["send-keys", "-t", "e2e", "-l", line])
        try run(["send-keys", "-t", "e2e", "Enter"])
    }

    /// tmux key names: "Tab", "Escape", "Down", "C-c", or literal characters.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", "e2e"] + keys) }

    /// One capture of the pane, as it is at this instant: possibly mid-redraw. Tests read the
    /// screen only through `wait`, which polls until the whole expected screen holds.
    private func capture() throws -> String { try run(["capture-pane", "-p", "-t", "e2e"]) }

    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls a tmux format (`#{alternate_on}` …) until it reads `expected`, or records an issue
    /// after `timeout`; returns what it last read.
    @discardableResult
    func wait(
        display format: String, toBe expected: String, timeout: TimeInterval = 10,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try display(format)
            if last == expected { return last }
            usleep(50_000)
        }
        Issue.record("\(format) is \(last), not \(expected)", sourceLocation: sourceLocation)
        return last
    }

    /// What tmux puts in `TMUX` for its panes (the session's shell starts with an empty
    /// environment): for a program that must know it runs inside tmux, and reach this server.
    func tmuxVariable() throws -> String { try display("#{socket_path},#{pid},0") }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds over the whole capture and the screen has stopped
    /// changing (the same capture twice, 50 ms apart, both satisfying it), then returns that
    /// capture. So a test never reads a frame that is half drawn: put everything the screen must
    /// show in the predicate. Times out (an issue, and the last capture) after `timeout`.
    @discardableResult
    func wait(
        timeout: TimeInterval = 10, for description: String, _ predicate: (String) -> Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        var holding: String?
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) {
                if holding == screen { return screen }
                holding = screen
            } else {
                holding = nil
            }
            usleep(50_000)
        }
        Issue.record("Timed out waiting for \(description). Screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// `wait` until the screen holds every one of `texts`.
    @discardableResult
    func wait(
        for texts: String..., timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        try wait(
            timeout: timeout, for: texts.map { "\"\($0)\"" }.joined(separator: " and "),
            { screen in texts.allSatisfy { screen.contains($0) } }, sourceLocation: sourceLocation)
    }

    /// The screen once it has changed from `before` (or `change` seconds passed without a change:
    /// some keys leave the screen as it was) and then stopped changing: the same capture twice,
    /// 100 ms apart. For comparing frames after a key whose screen is not known in advance.
    func settled(after before: String, change: TimeInterval = 3, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let changeDeadline = Date().addingTimeInterval(change)
        var last = try capture()
        while last == before, Date() < changeDeadline {
            usleep(30_000)
            last = try capture()
        }
        for _ in 0..<100 {
            usleep(100_000)
            let now = try capture()
            if now == last { return now }
            last = now
        }
        Issue.record("The screen never stopped changing:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// The pane's scrollback and screen (for output longer than the pane), once it holds `text`.
    func history(once text: String, lines: Int = 500) throws -> String {
        try wait(for: text)
        return try run(["capture-pane", "-p", "-S", "-\(lines)", "-t", "e2e"])
    }

    /// The line of the screen the selection bar is on.
    static func selectedLine(_ screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains("▌") }.map(String.init)
    }

    /// The pid of the process below the pane's shell whose executable is `path`.
    func processRunning(_ path: String) throws -> pid_t? {
        var queue = [pid_t(try display("#{pane_pid}")) ?? 0]
        while let pid = queue.popLast() {
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
            if exe == path { return pid }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").compactMap { pid_t($0) }
        }
        return nil
    }
}
