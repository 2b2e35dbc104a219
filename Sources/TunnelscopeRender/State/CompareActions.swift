import TunnelscopeCanvas

/// Diff mode's steps: entering it with BEFORE compared, leaving it, and the side by side's
/// before/after panes.
extension Reducer {
    static func compared(_ state: inout AppState, _ comparison: Comparison?) {
        state.compare.loading = nil
        state.compare.set(comparison)
        guard let comparison else {
            state.prompt.message = Span("Diff mode off.", .info)
            if state.screen == .changes { state.navigation.stack = [.topology] }
            return
        }
        state.prompt.message = Span(
            "Compared with \(comparison.before.origin): \(comparison.summary). 8 lists the changes; b in the side by side shows before and after.",
            .info)
    }

    /// `b` in the side by side: BEFORE and AFTER of the focused perspective in the two panes.
    static func toggleBeforeAfter(_ state: inout AppState) {
        guard state.compare.comparison != nil else {
            state.prompt.message = Span("Nothing to compare with: :diff PATH reads the exports from before.", .warning)
            return
        }
        keepingSelection(&state) { $0.compare.beforeAfter.toggle() }
    }

    /// Changes what the side by side lists (before/after on or off, the pane in before/after)
    /// and selects the same element in the new rows (its tunnel in the AWS/GCP panes).
    static func keepingSelection(_ state: inout AppState, _ change: (inout AppState) -> Void) {
        let element = state.selectedElement
        let tunnel = state.navigation.followedTunnel
        change(&state)
        state.derive()
        guard state.screen == .split else { return }
        if let element, state.rows(for: .split).index(ofElement: element) != nil {
            select(&state, elementId: element)
        } else if let tunnel {
            follow(&state, tunnel: tunnel)
        }
    }
}
