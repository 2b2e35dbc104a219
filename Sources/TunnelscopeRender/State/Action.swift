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
    case clearFailures
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
}

/// Work the reducer asks the app to do; its result comes back as an action.
public enum Effect: Sendable, Equatable {
    case reload
    case suspend
    case quit
}
