import Foundation

/// Copying text to the clipboard of the terminal the explorer runs in, with OSC 52
/// (`ESC ] 52 ; c ; base64 ST`): xterm, kitty, iTerm2, WezTerm, Alacritty, foot, Windows Terminal
/// and others set their clipboard from it, also over ssh; a terminal that does not know it
/// ignores it. It goes through the terminal, so it works on a remote host with no X or Wayland.
///
/// Inside tmux the sequence reaches tmux, not the outer terminal. tmux takes it when
/// `set-clipboard` is `on` (it then keeps a paste buffer and passes it on to the outer terminal);
/// its default, `external`, ignores it from programs. So inside tmux it is sent twice: as is (for
/// `set-clipboard on`) and wrapped in tmux's DCS passthrough (`ESC P tmux; …ESC\`, every ESC inside
/// doubled), which tmux 3.3+ hands to the outer terminal when `allow-passthrough` is `on`.
public enum Clipboard {
    /// Why copying cannot work in this environment, or nil when it can be tried.
    public static func unavailable(environment: [String: String]) -> String? {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return "TERM=\(term.isEmpty ? "(unset)" : term) has no clipboard" }
        if term == "linux" || term.hasPrefix("vt") { return "the \(term) console has no clipboard sequence" }
        return nil
    }

    /// True inside tmux (its clients set `TMUX`).
    public static func insideTmux(environment: [String: String]) -> Bool { !(environment["TMUX"] ?? "").isEmpty }

    /// `ESC ] 52 ; c ; base64(text) ESC \`: set the clipboard ("c") to the text's UTF-8.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{1B}\\"
    }

    /// A sequence wrapped for tmux's passthrough: `ESC P tmux;` + the sequence with each ESC
    /// doubled + `ESC \`.
    public static func tmuxPassthrough(_ sequence: String) -> String {
        "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }

    /// Inside tmux: whether tmux passes a program's OSC 52 on, from its options (`set-clipboard
    /// on`, or `allow-passthrough on` for the wrapped form); nil when tmux cannot be asked.
    public static func tmuxTakesIt() -> Bool? {
        guard let clipboard = tmuxOption(["-gv", "set-clipboard"]) else { return nil }
        if clipboard == "on" { return true }
        // The pane's own value (empty when not set there), else the global window option.
        let pane = tmuxOption(["-pv", "allow-passthrough"]).flatMap { $0.isEmpty ? nil : $0 }
        let passthrough = pane ?? tmuxOption(["-gwv", "allow-passthrough"])
        return passthrough == "on" || passthrough == "all"
    }

    /// `tmux show-options ARGS`, trimmed, or nil (no tmux on PATH, an error, more than a second).
    static func tmuxOption(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "show-options"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        guard process.terminationStatus == 0 else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The bytes to write for a copy in this environment (nil: not possible, see `unavailable`).
    public static func sequence(for text: String, environment: [String: String]) -> String? {
        guard unavailable(environment: environment) == nil else { return nil }
        let plain = osc52(text)
        return insideTmux(environment: environment) ? plain + tmuxPassthrough(plain) : plain
    }
}
