import TunnelscopeModel

/// Everything that can happen to the explorer. Keys map to actions through the keymap; effects
/// (a reload from disk) come back as actions too.
public enum Action: Sendable {
    case moveUp, moveDown, pageUp, pageDown, home, end
    case moveLeft, moveRight
    case open
    case back
    case switchPerspective
    case switchPerspectiveBack
    case show(Screen)
    case showDetail
    case toggleHelp
    case startSearch
    case searchNext, searchPrevious
    case startCommand
    case input(Character)
    case inputBackspace
    case inputSubmit
    case inputCancel
    case failSelected
    /// Fail an element by ID or name (`:fail`, `render --fail`).
    case fail(String)
    /// Select an element by ID on the current screen, or go where a search for it leads
    /// (`render --select`).
    case select(String)
    case clearFailures
    case toggleWhatIfPanel
    case cycleSeverity
    case toggleGroup
    /// Findings: expand or collapse the selected rule's group (from one of its findings:
    /// collapse it and select its row).
    case expandGroup, collapseGroup
    /// Findings: start typing the filter (`/` there), show only the selected rule, clear both.
    case startFilter
    case filterRule
    case clearFilter
    case tourNext, tourPrevious
    case reload
    /// What a reload under way is doing (shown until it is done), and for how long it has.
    case reloadProgress(String, seconds: Int)
    /// A reload built off the main thread (`Reload`), swapped in; the selection is kept.
    case reloaded(Reload)
    case resize(width: Int, height: Int)
    case click(x: Int, y: Int)
    case scroll(Int)
    /// Ctrl-Z: the app restores the terminal and stops until `fg`.
    case suspend
    case quit
    /// Ctrl-C: quit as an interrupted program does (exit status 130).
    case interrupt
    /// `y`: copy the selected element's read-only live-state command (`LiveCommand`).
    case copyCommand
    /// What the terminal did with a copy: the app reports it back (OSC 52 sent, or why not).
    case copied(String, CopyOutcome)
    /// Diff mode: BEFORE read and compared (off the main thread for `:diff PATH`), or nil to leave it.
    case compared(Comparison?)
    /// A `:diff PATH` that could not be used: why (the paths, what was wrong).
    case compareFailed(String)
    /// The side by side: BEFORE and AFTER of the focused perspective, or AWS and GCP again.
    case toggleBeforeAfter
}

/// Work the reducer asks the app to do; its result comes back as an action.
public enum Effect: Sendable, Equatable {
    case reload
    case suspend
    case quit
    /// Quit as on an interrupt: the app exits 130.
    case interrupt
    /// Put this text on the clipboard (OSC 52); the outcome comes back as `.copied`.
    case copy(String)
    /// Read these exports as BEFORE and compare the loaded ones with them; comes back as
    /// `.compared` or `.compareFailed`.
    case compare([String])
}

/// How the terminal took a copy to the clipboard.
public enum CopyOutcome: Sendable, Equatable {
    /// Sent as OSC 52 (inside tmux, also wrapped for tmux's passthrough).
    case sent(viaTmux: Bool)
    /// Not sent: the reason, said to the user with where to select the command by hand.
    case unavailable(String)
}
