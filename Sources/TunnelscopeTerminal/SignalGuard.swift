import Foundation

/// Restores the terminal on every exit path. SIGTERM, SIGINT and SIGHUP set a flag the event
/// loop reads (so teardown happens on the main thread); crashes restore the saved terminal
/// modes with async-signal-safe calls only, then re-raise.
enum SignalGuard {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false

    static func install() {
        if tcgetattr(STDIN_FILENO, &saved) == 0 { hasSaved = true }
        // A parent may have left these blocked (the mask is inherited across exec).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            Foundation.signal(signal) { number in SignalGuard.received = number }
        }
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            Foundation.signal(signal) { number in
                SignalGuard.restoreTerminal()
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// The signal that arrived, once.
    static func pending() -> Int32? {
        let value = received
        guard value != 0 else { return nil }
        received = 0
        return value
    }

    /// Async-signal-safe: saved tty modes back, leave the alternate screen, show the cursor,
    /// reset attributes and mouse reporting.
    static func restoreTerminal() {
        if hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        let reset = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
        reset.utf8CString.withUnsafeBufferPointer { buffer in
            _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count - 1)
        }
    }
}
