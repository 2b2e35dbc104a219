import CNcursesw
import Foundation
import TunnelscopeCanvas

/// The only code that talks to ncurses. One instance, on the main actor (ncurses is not
/// thread-safe). `start` / `stop` bracket every use; signals and crashes restore the terminal too.
@MainActor
public final class Terminal {
    public struct Options: Sendable {
        public var color: Bool
        public var mouse: Bool
        public init(color: Bool = true, mouse: Bool = true) {
            self.color = color
            self.mouse = mouse
        }
    }

    private var window: UnsafeMutablePointer<WINDOW>?
    private var colorPairs: [Role: Int32] = [:]
    private var useColor = false
    private var previous: CellBuffer?
    private var glyphCache: [String: (width: Int, pieces: [(offset: Int, scalars: [wchar_t])])] = [:]
    private let options: Options

    public init(options: Options) { self.options = options }

    public var size: (width: Int, height: Int) {
        guard let window else { return (80, 24) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public func start() {
        setlocale(LC_ALL, "")
        SignalGuard.install()
        window = initscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 100)
        if options.mouse {
            mousemask(mmask_t(ts_all_mouse_events()), nil)
            mouseinterval(0)
        }
        useColor = options.color && has_colors()
        if useColor { setUpColors() }
        previous = nil
    }

    /// Leaves curses mode and restores the terminal. Safe to call twice.
    public func stop() {
        guard window != nil else { return }
        leaveCursesMode()
        window = nil
        SignalGuard.uninstall()
    }

    /// Ctrl-Z or SIGTSTP: restores the terminal, stops (the shell's `fg` continues it), and
    /// re-enters curses mode. The caller redraws.
    public func suspend() {
        guard window != nil else { return }
        leaveCursesMode()
        SignalGuard.stopProcessGroup()
        _ = SignalGuard.takeContinued()
        enterCursesModeAgain()
    }

    private func leaveCursesMode() {
        if options.mouse { mousemask(0, nil) }
        curs_set(1)
        endwin()
        SignalGuard.restoreTerminal()
    }

    /// After a stop: the next refresh re-enters curses mode (alternate screen, keypad mode);
    /// the tty modes, the cursor and mouse reporting are set again and everything is repainted.
    private func enterCursesModeAgain() {
        guard let window else { return }
        reset_prog_mode()
        keypad(window, true)
        curs_set(0)
        if options.mouse {
            mousemask(mmask_t(ts_all_mouse_events()), nil)
            mouseinterval(0)
        }
        invalidate()
    }

    private func setUpColors() {
        start_color()
        use_default_colors()
        let grey: Int16 = ts_colors() >= 16 ? 8 : Int16(COLOR_WHITE)
        for (i, role) in Role.allCases.enumerated() {
            let c = Palette.colors(role)
            let fg: Int16 = c.fg == 8 ? grey : Int16(c.fg)
            let bg: Int16 = c.bg == 8 ? grey : Int16(c.bg)
            init_pair(Int16(i + 1), fg, bg)
            colorPairs[role] = Int32(i + 1)
        }
    }

    private func attributes(_ style: Style) -> (Int32, Int32) {
        var attrs: Int32 = ts_a_normal()
        if useColor {
            let c = Palette.colors(style.role)
            if c.bold || style.bold { attrs |= ts_a_bold() }
            if c.fg == 8 && ts_colors() < 16 { attrs |= ts_a_dim() }
            if style.reverse { attrs |= ts_a_reverse() }
            if style.underline { attrs |= ts_a_underline() }
            return (attrs, colorPairs[style.role] ?? 0)
        }
        let m = Palette.monochrome(style.role)
        if m.bold || style.bold { attrs |= ts_a_bold() }
        if m.reverse != style.reverse { attrs |= ts_a_reverse() }
        if m.underline || style.underline { attrs |= ts_a_underline() }
        if style.role == .dim || style.role == .border { attrs |= ts_a_dim() }
        return (attrs, 0)
    }

    /// Copies the buffer to the screen; only changed cells are sent.
    public func draw(_ buffer: CellBuffer) {
        guard let window else { return }
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { werase(window) }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                let wide = x + 1 < buffer.width && buffer[x + 1, y].isContinuation
                if !full, let previous, previous[x, y] == cell, !wide || previous[x + 1, y] == buffer[x + 1, y] {
                    continue
                }
                let (attrs, pair) = attributes(cell.style)
                for piece in pieces(cell.text, width: wide ? 2 : 1) {
                    // The bottom-right cell cannot be written without scrolling on some terminals.
                    if y == buffer.height - 1 && x + piece.offset == buffer.width - 1 { continue }
                    _ = ts_put_cell(
                        window, Int32(y), Int32(x + piece.offset), piece.scalars, Int32(piece.scalars.count), attrs,
                        pair)
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// What ncurses is given for one cell's grapheme, column by column, so that ncurses (which
    /// measures with the C library's `wcwidth`) and the buffer (Unicode 17 widths) agree on the
    /// columns it takes: otherwise a ZWJ sequence, a VS16 emoji, a flag or a character the C
    /// library does not know yet would shift the rest of the line or leave stray cells.
    /// - the grapheme as it is, when `wcwidth` of its code points adds up to the buffer's width
    ///   (each spacing code point in its own column, marks with it);
    /// - else its first code point, when that alone fits (👩 for 👩‍💻, ❤ for ❤️, 👍 for 👍🏽), else
    ///   U+FFFD; blanks fill the rest of the columns.
    private func pieces(_ text: String, width: Int) -> [(offset: Int, scalars: [wchar_t])] {
        if let ascii = text.utf8.first, text.utf8.count == 1 { return [(0, [wchar_t(ascii)])] }
        if text.isEmpty { return [(0, [32])] }
        if let cached = glyphCache[text], cached.width == width { return cached.pieces }
        var units: [(offset: Int, scalars: [wchar_t])] = []
        var columns = 0
        var valid = true
        for scalar in text.unicodeScalars {
            let c = wchar_t(bitPattern: scalar.value)
            let w = Int(ts_wcwidth(Int32(c)))
            if w < 0 || (w == 0 && units.isEmpty) {
                valid = false
                break
            }
            if w == 0 {
                if units[units.count - 1].scalars.count < 4 { units[units.count - 1].scalars.append(c) }
            } else {
                units.append((columns, [c]))
                columns += w
            }
        }
        var result: [(offset: Int, scalars: [wchar_t])]
        if valid && columns == width {
            result = units
        } else {
            let first = text.unicodeScalars.first.map { wchar_t(bitPattern: $0.value) } ?? 32
            let w = Int(ts_wcwidth(Int32(first)))
            result = [(0, (1...width).contains(w) ? [first] : [0xFFFD])]
            let used = (1...width).contains(w) ? w : 1
            for offset in used..<max(used, width) { result.append((offset, [32])) }
        }
        if glyphCache.count > 4096 { glyphCache.removeAll() }
        glyphCache[text] = (width, result)
        return result
    }

    /// Puts text on the terminal's clipboard with OSC 52 (`Clipboard`), written straight to the
    /// terminal after the last frame (it draws nothing, so the screen is unchanged).
    public func copy(_ text: String) -> (sent: Bool, viaTmux: Bool, reason: String?) {
        let environment = ProcessInfo.processInfo.environment
        guard window != nil else { return (false, false, "no terminal") }
        guard let sequence = Clipboard.sequence(for: text, environment: environment) else {
            return (false, false, Clipboard.unavailable(environment: environment))
        }
        let tmux = Clipboard.insideTmux(environment: environment)
        if tmux, Clipboard.tmuxTakesIt() == false {
            return (false, true, "tmux drops it: tmux set -g set-clipboard on")
        }
        let bytes = Array(sequence.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return (false, false, "the terminal did not take it") }
            written += n
        }
        return (true, tmux, nil)
    }

    /// Forces the next draw to repaint everything (after a resize).
    public func invalidate() {
        previous = nil
        if let window { clearok(window, true) }
    }

    public enum Event: Sendable {
        case key(Key)
        case resize(width: Int, height: Int)
        /// A signal that ends the explorer: restore and exit with 128 + it.
        case signal(Int32)
        /// SIGTSTP: call `suspend()`.
        case suspend
        case idle
    }

    /// Waits up to 100 ms for input.
    public func next() -> Event {
        if let signal = SignalGuard.pending() { return .signal(signal) }
        if SignalGuard.takeSuspendRequest() { return .suspend }
        guard let window else { return .idle }
        if SignalGuard.takeContinued() {
            // Continued after a stop that was not ours (SIGSTOP): the shell had the terminal.
            endwin()
            enterCursesModeAgain()
            return .resize(width: size.width, height: size.height)
        }
        var ch: wint_t = 0
        let result = wget_wch(window, &ch)
        if result == ts_err() {
            if inputHungUp() { return .signal(SIGHUP) }
            return sizeChanged() ?? .idle
        }
        if result == KEY_CODE_YES {
            let code = Int32(ch)
            if code == ts_key_resize() {
                invalidate()
                return .resize(width: size.width, height: size.height)
            }
            if code == ts_key_mouse() { return mouseEvent().map { .key($0) } ?? .idle }
            return KeyDecoder.functionKey(code).map { .key($0) } ?? .idle
        }
        return KeyDecoder.character(UInt32(ch)).map { .key($0) } ?? .idle
    }

    /// The terminal is gone (its window closed, its tmux session killed) though no SIGHUP came:
    /// it was ignored (`nohup`, `trap '' HUP`) or lost. Reads then fail at once, and without this
    /// the explorer would spin on a terminal nobody can see; it ends as on SIGHUP instead.
    private func inputHungUp() -> Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) > 0 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// A resize whose SIGWINCH was lost (two in quick succession): compare with the kernel's size.
    private func sizeChanged() -> Event? {
        var rows: Int32 = 0
        var cols: Int32 = 0
        guard ts_winsize(&rows, &cols) == 0, rows > 0, cols > 0 else { return nil }
        guard Int(rows) != size.height || Int(cols) != size.width else { return nil }
        resizeterm(rows, cols)
        invalidate()
        return .resize(width: size.width, height: size.height)
    }

    private func mouseEvent() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == ts_ok() else { return nil }
        let state = UInt(event.bstate)
        if state & UInt(ts_button4_pressed()) != 0 { return .scrollUp }
        if state & UInt(ts_button5_pressed()) != 0 { return .scrollDown }
        if state & UInt(ts_button1_clicked()) != 0 { return .mouseClick(x: Int(event.x), y: Int(event.y)) }
        return nil
    }
}
