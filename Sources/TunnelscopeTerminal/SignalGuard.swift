import Foundation

/// Restores the terminal on every catchable signal while the explorer runs.
///
/// - Signals that end a process by default (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
///   SIGPIPE, SIGALRM, SIGXCPU, …, the real-time signals) set a flag the event loop reads, so
///   teardown (endwin) happens on the main thread; the explorer then exits with 128 + the signal.
///   A second one before the loop got to the first restores the terminal and exits at once.
/// - SIGTSTP asks the loop to suspend: restore, stop, and re-enter when continued (Ctrl-Z is a
///   key in raw mode and does the same). SIGCONT after any stop re-enters curses mode.
/// - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS) restore the terminal
///   with async-signal-safe calls only, on the alternate signal stack (a stack overflow still
///   restores), then run the handler that was there before — Swift's backtracer prints on the
///   normal screen — and die by the default action, so the exit status is 128 + the signal.
enum SignalGuard {
    static let ending: [Int32] =
        [
            SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
            SIGIO, SIGPWR, SIGSTKFLT,
        ] + Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]
    static let handled: [Int32] = ending + crashing + [SIGTSTP, SIGCONT]

    nonisolated(unsafe) private static var received: sig_atomic_t = 0
    nonisolated(unsafe) private static var suspendRequested: sig_atomic_t = 0
    nonisolated(unsafe) private static var continued: sig_atomic_t = 0
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var installed = false
    /// The dispositions found at install, by signal number (read in handlers: no allocation there).
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    static func install() {
        guard !installed else { return }
        installed = true
        // Everything the handlers touch exists before the first signal: they must not allocate.
        received = 0
        suspendRequested = 0
        continued = 0
        _ = resetSequence
        if tcgetattr(STDIN_FILENO, &saved) == 0 { hasSaved = true }
        ensureAlternateStack()
        // A parent may have left these blocked (the mask is inherited across exec).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in handled { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signal in handled {
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            if crashing.contains(signal) {
                action.__sigaction_handler.sa_sigaction = { number, info, context in
                    SignalGuard.crashed(number, info, context)
                }
            } else if signal == SIGTSTP {
                action.__sigaction_handler.sa_sigaction = { _, _, _ in SignalGuard.suspendRequested = 1 }
            } else if signal == SIGCONT {
                action.__sigaction_handler.sa_sigaction = { _, _, _ in SignalGuard.continued = 1 }
            } else {
                action.__sigaction_handler.sa_sigaction = { number, _, _ in SignalGuard.ended(number) }
            }
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    /// The dispositions from before `install` back (the explorer has left curses mode).
    static func uninstall() {
        guard installed else { return }
        installed = false
        for signal in handled { sigaction(signal, previous + Int(signal), nil) }
    }

    /// The ending signal that arrived, once.
    static func pending() -> Int32? {
        let value = received
        guard value != 0 else { return nil }
        received = 0
        return value
    }

    /// True once after SIGTSTP.
    static func takeSuspendRequest() -> Bool {
        guard suspendRequested != 0 else { return false }
        suspendRequested = 0
        return true
    }

    /// True once after SIGCONT.
    static func takeContinued() -> Bool {
        guard continued != 0 else { return false }
        continued = 0
        return true
    }

    /// Stops the process group as Ctrl-Z would (the terminal must be restored first), and
    /// returns when it is continued.
    static func stopProcessGroup() {
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.__sigaction_handler.sa_handler = nil  // SIG_DFL
        var ours = sigaction()
        sigaction(SIGTSTP, &action, &ours)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        kill(0, SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
        suspendRequested = 0
    }

    // MARK: Handlers (async-signal-safe)

    private static func ended(_ number: Int32) {
        if received != 0 {
            // The loop has not got to the first one: do not wait for it.
            restoreTerminal()
            _exit(128 + number)
        }
        received = number
    }

    private static func crashed(
        _ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
    ) {
        restoreTerminal()
        let old = previous[Int(number)]
        if old.sa_flags & SA_SIGINFO != 0 {
            old.__sigaction_handler.sa_sigaction?(number, info, context)
        } else if let handler = old.__sigaction_handler.sa_handler,
            unsafeBitCast(handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self)
        {
            handler(number)
        }
        var fallback = sigaction()
        sigemptyset(&fallback.sa_mask)
        fallback.__sigaction_handler.sa_handler = nil  // SIG_DFL
        sigaction(number, &fallback, nil)
        // Delivered when this handler returns (a fault re-executes and dies the same way).
        raise(number)
    }

    /// Async-signal-safe: saved tty modes back, mouse reporting off, keypad (application cursor
    /// and keypad) mode off, attributes reset, cursor shown, alternate screen left.
    static func restoreTerminal() {
        if hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        _ = write(STDOUT_FILENO, resetSequence.baseAddress, resetSequence.count)
    }

    nonisolated(unsafe) private static let resetSequence: UnsafeBufferPointer<UInt8> = {
        let bytes = Array(
            ("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1005l\u{1B}[?1006l\u{1B}[?1015l"
                + "\u{1B}[?1l\u{1B}>\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l").utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return UnsafeBufferPointer(buffer)
    }()

    /// Handlers run on the alternate signal stack, so a stack overflow can still restore.
    private static func ensureAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }
}
