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

    func capture() throws -> String { try run(["capture-pane", "-p", "-t", "e2e"]) }

    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds (bounded), returning the last capture.
    @discardableResult
    func wait(
        timeout: TimeInterval = 10, for description: String, _ predicate: (String) -> Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            usleep(50_000)
        }
        Issue.record("Timed out waiting for \(description). Screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    func wait(for text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> String
    {
        try wait(timeout: timeout, for: "\"\(text)\"", { $0.contains(text) }, sourceLocation: sourceLocation)
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
