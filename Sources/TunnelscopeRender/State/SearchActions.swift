import TunnelscopeAnalysis
import TunnelscopeCanvas

/// `/`: the results list narrowed as the query is typed, opened with Enter; `n`/`N` step
/// through the last results without adding a breadcrumb per step.
extension Reducer {
    /// The results for the query as typed, narrowing the ones listed for the query before it.
    static func setSearchText(_ state: inout AppState, _ query: String) {
        state.prompt.input = .search(query)
        guard state.prompt.searchTyping?.query != query else { return }
        state.prompt.searchTyping = SearchResults(query, in: state.content.search, previous: state.prompt.searchTyping)
    }

    /// Moving in the results while the query is typed.
    static func moveInResults(_ state: inout AppState, by delta: Int) {
        guard var results = state.prompt.searchTyping else { return }
        results.move(by: delta, visible: SearchList.visibleRows(state), in: state.content.search)
        state.prompt.searchTyping = results
    }

    /// Rows a page of results moves by.
    static func resultsPage(_ state: AppState) -> Int { max(1, SearchList.visibleRows(state) - 1) }

    /// Opens the result at `position` of `results` (an index entry): on its screen (its detail
    /// when no screen lists it), selected. `navigation`: a step of `n`/`N` replaces a detail on
    /// top of the stack rather than adding one.
    static func openResult(_ state: inout AppState, _ results: SearchResults, stepping: Bool) {
        let match = state.content.search.entries[results.matches[results.selected]]
        // Stay where the element is already shown; else go to its screen, and when that screen has
        // no row for it (a BGP session, a route table …), to its detail, so the selection (and `f`)
        // is always the element found.
        func shows(_ screen: Screen) -> Bool {
            switch screen {
            case .topology: state.topology.node(match.elementId) != nil
            case .tour: false
            case .detail(let id): id == match.elementId
            default: state.rows(for: screen).index(ofElement: match.elementId) != nil
            }
        }
        if !shows(state.screen) {
            let target = shows(match.screen) ? match.screen : .detail(match.elementId)
            if case .detail = target {
                if stepping, case .detail = state.screen {
                    // The last step's detail gives way to this one: breadcrumbs record opening things.
                    state.navigation.stack.removeLast()
                    push(&state, target)
                } else {
                    push(&state, target)
                }
            } else {
                state.navigation.stack = [.topology, target]
                state.derive()
            }
        }
        if state.model.tunnel(match.elementId) != nil {
            state.navigation.followedTunnel = match.elementId
            follow(&state, tunnel: match.elementId)
        }
        select(&state, elementId: match.elementId)
        state.prompt.message = Span(
            "Result \(CountText.of(results.selected + 1)) of \(results.countText): \(match.label) · n/N next/previous",
            .info)
    }
}
