import TunnelscopeAnalysis
import TunnelscopeCanvas

/// The findings screen: groups by rule opened and closed, the filter typed, a rule chosen.
extension Reducer {
    enum GroupChange { case toggle, expand, collapse }

    /// Builds the findings rows again after the filter or the groups changed, keeping the
    /// selection on `keep` (an element ID, a rule's row) when it is still listed, else the first row.
    static func refreshFindings(_ state: inout AppState, keep: String?) {
        state.derive()
        let rows = state.rows(for: .findings)
        var memory = state.listMemory(.findings)
        if let keep, let i = rows.index(ofElement: keep) {
            memory.selected = i
        } else {
            memory.selected = rows.firstSelectable ?? 0
            memory.scroll = 0
        }
        memory.elementId = rows.elementId(at: memory.selected)
        state.navigation.memory[Screen.findings.memoryKey] = memory
        if state.screen == .findings { reveal(&state) }
    }

    /// The rule of the selected row of the findings screen, and whether the row is the rule's own.
    static func selectedRule(_ state: AppState) -> (rule: String, isGroup: Bool)? {
        let rows = state.rows(for: .findings)
        let selected = state.listMemory(.findings).selected
        return rows.findingsRule(at: selected).map { ($0, rows.isFindingsGroup(at: selected)) }
    }

    static func changeGroup(_ state: inout AppState, _ change: GroupChange) {
        guard state.screen == .findings, let (rule, isGroup) = selectedRule(state) else { return }
        let expanded = state.filters.findings.isOpen(rule, listed: state.derived.findingsMatches?.positions.count ?? 0)
        // From a finding, only collapsing means anything: it goes back to its rule's row.
        let expand: Bool
        switch change {
        case .toggle: expand = isGroup ? !expanded : false
        case .expand:
            guard isGroup else { return }
            expand = true
        case .collapse: expand = false
        }
        if expand == expanded, isGroup { return }
        state.filters.findings.set(rule, open: expand)
        refreshFindings(&state, keep: FindingsFilter.groupId(rule))
    }

    /// `o`: only the selected rule's findings; again (or on no rule): every rule.
    static func filterRule(_ state: inout AppState) {
        guard state.screen == .findings else { return }
        let keep = state.selectedElement
        if state.filters.findings.rule != nil {
            state.filters.findings.rule = nil
        } else if let (rule, _) = selectedRule(state) {
            state.filters.findings.rule = rule
            state.filters.findings.set(rule, open: true)
        } else {
            return
        }
        refreshFindings(&state, keep: keep)
    }

    /// Esc on the findings screen: clears the filter's text and rule; with neither, goes back.
    static func clearFilter(_ state: inout AppState) {
        guard state.filters.findings.isActive else {
            back(&state)
            return
        }
        let keep = state.selectedElement
        state.filters.findings.text = ""
        state.filters.findings.rule = nil
        refreshFindings(&state, keep: keep)
        state.prompt.message = Span("Filter cleared: every finding is listed.", .info)
    }

    /// The filter's text as it is typed: the list narrows with each key.
    static func setFilterText(_ state: inout AppState, _ text: String) {
        state.prompt.input = .filter(text)
        guard state.filters.findings.text != text else { return }
        let keep = state.selectedElement
        state.filters.findings.text = text
        refreshFindings(&state, keep: keep)
    }

    /// `/` on the findings screen: edits the filter in place.
    static func startFilter(_ state: inout AppState) {
        state.derived.findingsText.value.prepareText()
        state.prompt.input = .filter(state.filters.findings.text)
    }
}
