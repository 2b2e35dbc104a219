import TunnelscopeCanvas

/// The keymap as data: the help overlay, the footer hints and the reducer all read this table,
/// and tests check it (every action has a key, no key is bound twice in one scope).
public struct Binding: Sendable {
    public enum Scope: String, Sendable, CaseIterable {
        case global = "Everywhere"
        case lists = "Lists and maps"
        case split = "Side by side"
        case findings = "Findings"
        case topology = "Topology"
        case tour = "Tour"
        case help = "While this help is open"
        case input = "While typing a search or a command (other keys type)"
        case search = "While typing a search (/)"
        case filter = "While typing a findings filter (/ on Findings)"
    }

    public let keys: [Key]
    public let action: Action
    public let help: String
    public let scope: Scope
    /// Shown in the footer, in this order (lower first); nil: only in the help overlay.
    public let footer: Int?
    public let footerLabel: String?

    init(_ keys: [Key], _ action: Action, _ help: String, _ scope: Scope, footer: Int? = nil, label: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.scope = scope
        self.footer = footer
        self.footerLabel = label
    }
}

public enum Keymap {
    public static let bindings: [Binding] = [
        Binding([.character("?")], .toggleHelp, "Show or hide this help", .global, footer: 0, label: "help"),
        Binding([.character("q")], .quit, "Quit", .global, footer: 9, label: "quit"),
        Binding([.control("c")], .interrupt, "Quit at once (exit status 130, as an interrupt)", .global),
        Binding([.control("z")], .suspend, "Suspend to the shell (fg comes back)", .global),
        Binding(
            [.escape], .back, "Back (close help, cancel input, previous screen)", .global, footer: 8, label: "back"),
        Binding(
            [.tab], .switchPerspective, "Switch perspective: AWS ⇄ GCP (keeps the same tunnel)", .global, footer: 1,
            label: "AWS⇄GCP"),
        Binding([.backTab], .switchPerspectiveBack, "Switch perspective backwards", .global),
        Binding([.character("/")], .startSearch, "Search by name, ID, IP or CIDR", .global, footer: 2, label: "search"),
        Binding([.character("n")], .searchNext, "Next search match", .global),
        Binding([.character("N")], .searchPrevious, "Previous search match", .global),
        Binding(
            [.character(":")], .startCommand, "Command: :fail ID · :path FROM TO · :view NAME · :clear · :quit", .global
        ),
        Binding(
            [.character("f")], .failSelected, "Mark the selected element as failed (what-if)", .global, footer: 4,
            label: "fail"),
        Binding([.character("F")], .clearFailures, "Clear every what-if failure", .global),
        Binding(
            [.character("w")], .toggleWhatIfPanel, "Show or hide the what-if panel (and the incident summary)", .global),
        Binding(
            [.character("y")], .copyCommand,
            "Copy the selected element's read-only aws/gcloud status command (OSC 52)", .global),
        Binding([.character("r")], .reload, "Reload the exports from disk (keeps the selection)", .global),
        Binding([.character("1")], .show(.topology), "Topology map", .global),
        Binding([.character("2")], .show(.aws), "AWS perspective", .global),
        Binding([.character("3")], .show(.gcp), "GCP perspective", .global),
        Binding([.character("4")], .show(.split), "Side by side", .global, footer: 3, label: "views"),
        Binding([.character("5")], .show(.findings), "Findings", .global),
        Binding([.character("6")], .show(.routes), "Routes and paths", .global),
        Binding([.character("7"), .character("t")], .show(.tour), "Guided tour", .global),
        Binding(
            [.character("8")], .show(.changes), "Changes since BEFORE (diff mode: --before OLD, :diff PATH)", .global),
        Binding([.scrollUp], .scroll(-3), "Mouse wheel: scroll up (--no-mouse turns the mouse off)", .global),
        Binding([.scrollDown], .scroll(3), "Mouse wheel: scroll down", .global),
        Binding([.mouseClick(x: 0, y: 0)], .click(x: 0, y: 0), "Mouse click: select a row or a box", .global),
        Binding([.character("k"), .up], .moveUp, "Move up", .lists),
        Binding([.character("j"), .down], .moveDown, "Move down", .lists),
        Binding([.character("h"), .left], .moveLeft, "Move left (map), AWS pane (side by side)", .lists),
        Binding([.character("l"), .right], .moveRight, "Move right (map), GCP pane (side by side)", .lists),
        Binding([.pageUp, .control("b")], .pageUp, "Page up", .lists),
        Binding([.pageDown, .control("f"), .character(" ")], .pageDown, "Page down", .lists),
        Binding([.home, .character("g")], .home, "First row", .lists),
        Binding([.end, .character("G")], .end, "Last row", .lists),
        Binding(
            [.enter], .open, "Open the selected element (on the map, a group of VPCs: zoom into it)", .lists, footer: 5,
            label: "open"),
        Binding([.character("d")], .showDetail, "Details of the selected element", .lists, footer: 6, label: "detail"),
        Binding([.character("s")], .cycleSeverity, "Filter by severity: all → errors → warnings+", .findings),
        Binding(
            [.character("/")], .startFilter, "Filter the findings as you type: rule, title, name, ID, message",
            .findings, footer: 2, label: "filter"),
        Binding([.character("o")], .filterRule, "Only the selected rule's findings (again: every rule)", .findings),
        Binding(
            [.enter], .open, "Expand a rule's findings, or go to the selected finding's element", .findings, footer: 5,
            label: "open"),
        Binding([.character("e")], .toggleGroup, "Expand or collapse the selected rule's findings", .findings),
        Binding([.character("l"), .right], .expandGroup, "Expand the selected rule's findings", .findings),
        Binding(
            [.character("h"), .left], .collapseGroup, "Collapse the rule's findings (from a finding: to its rule)",
            .findings),
        Binding(
            [.escape], .clearFilter, "Clear the filter and the rule (with neither: back)", .findings, footer: 8,
            label: "clear/back"),
        Binding([.character("e")], .toggleGroup, "Expand or collapse a group of VPCs", .topology),
        Binding(
            [.character("b")], .toggleBeforeAfter,
            "Diff mode: before and after of the focused perspective, or AWS and GCP",
            .split),
        Binding([.character("n"), .right, .enter, .character(" ")], .tourNext, "Next step", .tour),
        Binding([.character("p"), .left, .backspace], .tourPrevious, "Previous step", .tour),
        Binding([.character("?"), .escape], .toggleHelp, "Close the help", .help),
        Binding([.character("j"), .down, .scrollDown], .moveDown, "Scroll the help down", .help),
        Binding([.character("k"), .up, .scrollUp], .moveUp, "Scroll the help up", .help),
        Binding([.pageDown, .control("f"), .character(" ")], .pageDown, "Scroll the help a page down", .help),
        Binding([.pageUp, .control("b")], .pageUp, "Scroll the help a page up", .help),
        Binding([.character("q")], .quit, "Quit", .help),
        Binding([.control("c")], .interrupt, "Quit at once (exit status 130)", .help),
        Binding([.control("z")], .suspend, "Suspend to the shell (fg comes back)", .help),
        Binding([.enter], .inputSubmit, "Search, or run the command", .input),
        Binding([.escape], .inputCancel, "Cancel", .input),
        Binding([.backspace], .inputBackspace, "Delete the last character", .input),
        Binding([.control("c")], .interrupt, "Quit at once (exit status 130)", .input),
        Binding([.control("z")], .suspend, "Suspend to the shell (fg comes back)", .input),
        Binding([.up, .control("p")], .moveUp, "Previous result", .search),
        Binding([.down, .control("n")], .moveDown, "Next result", .search),
        Binding([.pageUp], .pageUp, "A page of results up", .search),
        Binding([.pageDown], .pageDown, "A page of results down", .search),
        Binding([.enter], .inputSubmit, "Open the selected result (then n/N step through the results)", .search),
        Binding([.escape], .inputCancel, "Cancel the search", .search),
        Binding([.backspace], .inputBackspace, "Delete the last character", .search),
        Binding([.up, .control("p")], .moveUp, "Previous row of the filtered findings", .filter),
        Binding([.down, .control("n")], .moveDown, "Next row of the filtered findings", .filter),
        Binding([.enter], .inputSubmit, "Keep the filter and go back to the list", .filter),
        Binding([.escape], .inputCancel, "Clear the filter", .filter),
        Binding([.backspace], .inputBackspace, "Delete the last character of the filter", .filter),
    ]

    /// The bindings of a mode that takes over the keyboard (help open, a prompt), or nil.
    public static func action(for key: Key, in scope: Binding.Scope) -> Action? {
        bindings.first { $0.scope == scope && $0.keys.contains(key) }?.action
    }

    /// The scopes that apply on a screen, most specific first.
    static func scopes(for screen: Screen) -> [Binding.Scope] {
        switch screen {
        case .tour: [.tour, .global]
        case .findings: [.findings, .lists, .global]
        case .split: [.split, .lists, .global]
        case .topology: [.topology, .lists, .global]
        default: [.lists, .global]
        }
    }

    /// The action for a key on a screen, or nil.
    public static func action(for key: Key, on screen: Screen) -> Action? { binding(for: key, on: screen)?.action }

    /// The action for a key while text is typed (a key that is not text: moving in the results,
    /// opening, cancelling), or nil (the key is typed or handled as in any input).
    static func inputAction(for key: Key, in input: AppState.Input) -> Action? {
        let scope: Binding.Scope
        switch input {
        case .search: scope = .search
        case .filter: scope = .filter
        case .command: return nil
        }
        return bindings.first { $0.scope == scope && $0.keys.contains(key) }?.action
    }

    /// The binding a key reaches on a screen (the most specific scope's).
    static func binding(for key: Key, on screen: Screen) -> Binding? {
        for scope in scopes(for: screen) {
            if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return binding }
        }
        return nil
    }

    /// Footer hints for a screen, in footer order (a key a more specific scope takes is not hinted
    /// for its global meaning: on Findings, `/` filters).
    public static func footer(for screen: Screen) -> [(keys: String, label: String)] {
        let scopes = scopes(for: screen)
        return bindings.filter { b in
            b.footer != nil && scopes.contains(b.scope)
                && b.keys.first.map { binding(for: $0, on: screen)?.scope == b.scope } == true
        }
        .sorted { $0.footer! < $1.footer! }
        .map { (keyLabel($0), $0.footerLabel ?? $0.help) }
    }

    static func keyLabel(_ binding: Binding) -> String {
        if binding.footerLabel == "views" { return "1-8" }
        return binding.keys.first.map(\.description) ?? ""
    }
}
