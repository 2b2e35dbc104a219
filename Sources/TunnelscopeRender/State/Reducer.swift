import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The one place state changes: (state, action) → state, plus effects for the app to run.
public enum Reducer {
    /// Translates a key into an action for the current state (input modes take characters).
    public static func action(for key: Key, in state: AppState) -> Action? {
        // Modes that take the keyboard read their own scope of the keymap (so `?` lists them): a
        // search's or a findings filter's keys first, then any input's (Enter, Esc, Backspace, Ctrl-C).
        if let input = state.prompt.input {
            if let action = Keymap.inputAction(for: key, in: input) { return action }
            if let action = Keymap.action(for: key, in: .input) { return action }
            if case .character(let c) = key { return .input(c) }
            return nil
        }
        if state.navigation.helpVisible { return Keymap.action(for: key, in: .help) }
        switch key {
        // The keymap lists the click (as "click"); the action takes where it was.
        case .mouseClick(let x, let y): return .click(x: x, y: y)
        default: return Keymap.action(for: key, on: state.screen)
        }
    }

    /// One step: the action changes the state's inputs (navigation, prompt, what-if, filters,
    /// size), then the derive step builds again what they changed (rows, map, insights).
    @discardableResult
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(&state, action)
        state.derive()
        return effects
    }

    private static func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .input, .resize, .reloadProgress: break
        default: state.prompt.message = nil
        }
        if state.navigation.helpVisible {
            switch action {
            case .toggleHelp: state.navigation.helpVisible = false
            case .moveDown, .pageDown, .moveUp, .pageUp:
                let page = max(1, bodyHeight(state) - 3)
                let delta = action.isDown ? (action.isPage ? page : 1) : (action.isPage ? -page : -1)
                state.navigation.helpScroll = max(
                    0, min(HelpOverlay.maxScroll(state), state.navigation.helpScroll + delta))
            case .quit: return [.quit]
            case .interrupt: return [.interrupt]
            case .suspend: return [.suspend]
            case .resize(let w, let h):
                // Applied under the help too (the screen behind it is laid out again).
                state.navigation.helpVisible = false
                reduce(&state, .resize(width: w, height: h))
                state.navigation.helpVisible = true
                state.navigation.helpScroll = min(state.navigation.helpScroll, HelpOverlay.maxScroll(state))
            default: break
            }
            return []
        }
        if case .search? = state.prompt.input, action.isMove {
            let step = action.isPage ? resultsPage(state) : 1
            moveInResults(&state, by: action.isDown ? step : -step)
            return []
        }
        switch action {
        case .quit: return [.quit]
        case .interrupt: return [.interrupt]
        case .suspend: return [.suspend]
        case .copyCommand: return copyCommand(&state)
        case .copied(let command, let outcome): state.prompt.message = LiveCommand.message(command, outcome)
        case .compared(let comparison): compared(&state, comparison)
        case .compareFailed(let why):
            state.compare.loading = nil
            state.prompt.message = Span(why, .warning)
        case .toggleBeforeAfter: toggleBeforeAfter(&state)
        case .toggleHelp:
            state.navigation.helpVisible = true
            state.navigation.helpScroll = 0
        case .resize(let w, let h):
            state.width = w
            state.height = h
            state.derive()
            clampAll(&state)
        case .moveUp: move(&state, by: -1)
        case .moveDown: move(&state, by: 1)
        case .pageUp: move(&state, by: -max(1, bodyHeight(state) - 1))
        case .pageDown: move(&state, by: max(1, bodyHeight(state) - 1))
        case .home: move(&state, by: -Int.max / 2)
        case .end: move(&state, by: Int.max / 2)
        case .moveLeft, .moveRight:
            let dx = action.isLeft ? -1 : 1
            if state.screen == .topology {
                state.navigation.topologySelection = state.topology.neighbour(
                    of: state.navigation.topologySelection, dx: dx, dy: 0)
                revealTopology(&state)
            } else if state.screen == .split {
                if state.compare.beforeAfter {
                    keepingSelection(&state) { $0.navigation.focusedPane = dx < 0 ? .aws : .gcp }
                } else {
                    state.navigation.focusedPane = dx < 0 ? .aws : .gcp
                }
            }
        case .scroll(let n): move(&state, by: n)
        case .open: open(&state)
        case .showDetail:
            if state.screen == .topology || state.screen == .tour {
                // Boxes that are not one resource (the VPN link, a group) open like Enter.
                if let node = state.topology.node(state.navigation.topologySelection), let element = node.elementId {
                    push(&state, .detail(element))
                } else {
                    open(&state)
                }
            } else if let id = state.selectedElement, !id.hasPrefix("group:") {
                push(&state, .detail(id))
            }
        case .back: back(&state)
        case .switchPerspective, .switchPerspectiveBack: switchPerspective(&state)
        case .show(let screen):
            if state.screen == screen { break }
            let tunnel = selectedTunnel(state)
            if screen == .topology {
                state.navigation.stack = [.topology]
            } else {
                state.navigation.stack = [.topology, screen]
            }
            state.derive()
            follow(&state, tunnel: tunnel)
        case .startSearch:
            state.prompt.input = .search("")
            state.prompt.searchTyping = nil
        case .startCommand: state.prompt.input = .command("")
        case .startFilter: startFilter(&state)
        case .input(let c):
            switch state.prompt.input {
            case .search(let q)?: setSearchText(&state, q + String(c))
            case .command(let q)?: state.prompt.input = .command(q + String(c))
            case .filter(let q)?: setFilterText(&state, q + String(c))
            case nil: break
            }
        case .inputBackspace:
            switch state.prompt.input {
            case .search(let q)?: setSearchText(&state, String(q.dropLast()))
            case .command(let q)?: state.prompt.input = .command(String(q.dropLast()))
            case .filter(let q)?: setFilterText(&state, String(q.dropLast()))
            case nil: break
            }
        case .inputCancel:
            if case .filter? = state.prompt.input { setFilterText(&state, "") }
            state.prompt.input = nil
            state.prompt.searchTyping = nil
        case .inputSubmit:
            let input = state.prompt.input
            state.prompt.input = nil
            switch input {
            case .search(let q)?: search(&state, q, step: 0)
            case .command(let c)?: return command(&state, c)
            case .filter?, nil: break
            }
        case .searchNext: if let q = state.prompt.lastSearch { search(&state, q, step: 1) }
        case .searchPrevious: if let q = state.prompt.lastSearch { search(&state, q, step: -1) }
        case .fail(let name): fail(&state, named: name)
        case .select(let id): selectElement(&state, id)
        case .failSelected:
            guard let id = state.focusElement, !id.hasPrefix("group:") else {
                state.prompt.message = Span(
                    "Select a tunnel, interface, connection, gateway or router to fail it.", .warning)
                break
            }
            // Only what the what-if can fail is failed; anything else says why and what to fail instead.
            if id != "link", !state.whatIf.failed.contains(id) {
                if case .found = state.analysis.resolve(id) {
                } else {
                    state.prompt.message = Span(state.analysis.resolve(id).description, .warning)
                    break
                }
            }
            fail(&state, id == "link" ? nil : id)
        case .toggleWhatIfPanel:
            if state.whatIfPanelRows == 0, !state.whatIf.panelHidden {
                state.prompt.message = Span(
                    "No panel here: f fails the selected element (what-if); the incident summary shows on the map of a tall terminal.",
                    .dim)
                return []
            }
            state.whatIf.panelHidden.toggle()
            reveal(&state)
            return []
        case .clearFailures:
            state.whatIf.failed = []
            state.prompt.message = Span("What-if cleared: everything is back as exported.", .ok)
        case .cycleSeverity:
            state.filters.severity = state.filters.severity.next
            state.derive()
            clampAll(&state)
        case .toggleGroup where state.screen == .findings: changeGroup(&state, .toggle)
        case .toggleGroup:
            if let id = state.navigation.topologySelection, id.hasPrefix("group:") {
                toggleGroup(&state, String(id.dropFirst(6)))
            }
        case .expandGroup: changeGroup(&state, .expand)
        case .collapseGroup: changeGroup(&state, .collapse)
        case .filterRule: filterRule(&state)
        case .clearFilter: clearFilter(&state)
        case .tourNext:
            state.navigation.tourStep = min(state.navigation.tourStep + 1, Tour.steps(for: state.model).count - 1)
            state.navigation.topologySelection =
                Tour.steps(for: state.model)[state.navigation.tourStep].focus ?? state.navigation.topologySelection
        case .tourPrevious:
            state.navigation.tourStep = max(0, state.navigation.tourStep - 1)
            state.navigation.topologySelection =
                Tour.steps(for: state.model)[state.navigation.tourStep].focus ?? state.navigation.topologySelection
        case .reload:
            if state.prompt.reloading != nil {
                state.prompt.message = Span("Already reloading: the exports are being read and analysed.", .info)
                return []
            }
            state.prompt.reloading = ("reading the exports", 0)
            // What can be made again (the search index, the element directory, the what-if
            // simulator) is let go while the new state is built beside this one; a search or a
            // what-if during the reload makes it again.
            state.releaseDerived()
            return [.reload]
        case .reloadProgress(let phase, let seconds):
            state.prompt.reloading = (phase, seconds)
        case .reloaded(let reload):
            let result = reload.result
            let selected = state.selectedElement
            state.prompt.reloading = nil
            state.replace(reload)
            if let selected { select(&state, elementId: selected) }
            state.prompt.message = Span(
                "Reloaded \(result.report.loadedFiles.count) files: \(result.report.resourcesLoaded) resources, \(result.report.skipped.count) skipped.",
                .ok)
        case .click(let x, let y): click(&state, x: x, y: y)
        }
        return []
    }

    // MARK: - Navigation

    static func bodyHeight(_ state: AppState) -> Int { max(1, state.height - 4) }

    /// `y`: the selected element's live-state command goes to the app to copy, or a message says
    /// which elements have one.
    static func copyCommand(_ state: inout AppState) -> [Effect] {
        var id = state.focusElement
        if state.screen == .topology || state.screen == .tour {
            id = state.topology.node(state.navigation.topologySelection)?.elementId
        }
        let side: LiveCommand.Cloud? =
            state.screen == .gcp || (state.screen == .split && state.navigation.focusedPane == .gcp) ? .gcp : nil
        guard let id, let command = LiveCommand.preferred(for: id, in: state.model, side: side) else {
            state.prompt.message = Span(
                "No live command for this: select a tunnel, VPN connection, gateway or Cloud Router", .warning)
            return []
        }
        return [.copy(command.line)]
    }

    static func move(_ state: inout AppState, by delta: Int) {
        switch state.screen {
        case .topology:
            if abs(delta) == 1 {
                state.navigation.topologySelection = state.topology.neighbour(
                    of: state.navigation.topologySelection, dx: 0, dy: delta)
            } else if abs(delta) >= Int.max / 4 {
                // Home / End: the first or last box.
                let corner = delta < 0 ? state.topology.firstNode : state.topology.lastNode
                state.navigation.topologySelection = corner?.id ?? state.navigation.topologySelection
            } else {
                state.navigation.topologyScroll = max(
                    0, min(state.navigation.topologyScroll + delta, max(0, state.topology.height - bodyHeight(state))))
                return
            }
            revealTopology(&state)
        case .tour:
            if delta > 0 {
                state.navigation.tourStep = min(state.navigation.tourStep + 1, Tour.steps(for: state.model).count - 1)
            } else {
                state.navigation.tourStep = max(0, state.navigation.tourStep - 1)
            }
        default:
            let rows = state.rows(for: state.screen)
            var memory = state.listMemory(state.screen)
            let next = rows.nextSelectable(from: memory.selected, delta: delta)
            let visible = state.layout.listHeight
            if next == memory.selected || (delta > 0 && next < memory.selected) || (delta < 0 && next > memory.selected)
            {
                // No selectable row that way: scroll the text instead, so every row can be read.
                let step = abs(delta) == 1 ? 1 : max(1, visible - 1)
                let wanted = max(0, memory.scroll + (delta > 0 ? step : -step))
                // The last scroll position shows a full window (a lazy list is laid out that far).
                let lastScroll = rows.contains(index: wanted + visible - 1) ? wanted : max(0, rows.count - visible)
                memory.scroll = max(0, min(lastScroll, wanted))
                state.navigation.memory[state.screen.memoryKey] = memory
                return
            }
            memory.selected = next
            memory.elementId = rows.elementId(at: memory.selected)
            state.navigation.memory[state.screen.memoryKey] = memory
            if let tunnel = rows.tunnelId(at: memory.selected) {
                state.navigation.followedTunnel = tunnel
            }
            reveal(&state)
        }
    }

    /// Keeps the selected row inside the visible body.
    static func reveal(_ state: inout AppState) {
        var memory = state.listMemory(state.screen)
        let visible = state.layout.listHeight
        if memory.selected < memory.scroll + 1 { memory.scroll = max(0, memory.selected - 1) }
        // A tunnel's block in the side by side (its lines after the selected one) is shown whole when it fits.
        var last = memory.selected
        if state.screen == .split {
            let rows = state.rows(for: .split)
            if let tunnel = rows.tunnelId(at: memory.selected) {
                while last - memory.selected < 5, rows.contains(index: last + 1), rows.tunnelId(at: last + 1) == tunnel
                {
                    last += 1
                }
            }
            if last - memory.selected >= visible { last = memory.selected }
        }
        if last >= memory.scroll + visible { memory.scroll = last - visible + 1 }
        state.navigation.memory[state.screen.memoryKey] = memory
    }

    static func revealTopology(_ state: inout AppState) {
        guard let node = state.topology.node(state.navigation.topologySelection) else { return }
        let visible = bodyHeight(state)
        if node.rect.y - 1 < state.navigation.topologyScroll {
            state.navigation.topologyScroll = max(0, node.rect.y - 2)
        }
        if node.rect.maxY + 1 > state.navigation.topologyScroll + visible {
            state.navigation.topologyScroll = node.rect.maxY + 1 - visible
        }
    }

    static func clampAll(_ state: inout AppState) {
        for screen in state.navigation.stack where screen.isList {
            let rows = state.rows(for: screen)
            var memory = state.listMemory(screen)
            if let id = memory.elementId, let i = rows.index(ofElement: id) { memory.selected = i }
            memory.selected = rows.clamped(memory.selected)
            if rows.contains(index: memory.selected), !rows.isSelectable(memory.selected) {
                memory.selected = rows.nextSelectable(from: memory.selected, delta: 1)
            }
            memory.scroll = rows.clamped(memory.scroll)
            state.navigation.memory[screen.memoryKey] = memory
        }
        if state.screen.isList { reveal(&state) }
        if state.topology.node(state.navigation.topologySelection) == nil {
            state.navigation.topologySelection = state.topology.firstNode?.id
        }
        state.navigation.topologyScroll = max(
            0, min(state.navigation.topologyScroll, state.topology.height - bodyHeight(state)))
        revealTopology(&state)
    }

    static func push(_ state: inout AppState, _ screen: Screen) {
        let tunnel = selectedTunnel(state)
        if state.screen == screen { return }
        state.navigation.stack.append(screen)
        state.derive()
        follow(&state, tunnel: tunnel)
        if case .detail = screen {
            // Start on the first link in the detail, or at the top.
            var memory = state.listMemory(screen)
            let rows = state.rows(for: screen)
            memory.selected = rows.firstSelectable ?? 0
            state.navigation.memory[screen.memoryKey] = memory
        }
    }

    static func back(_ state: inout AppState) {
        if state.screen == .topology, state.navigation.mapZoom != nil { return zoomOut(&state) }
        if state.navigation.stack.count > 1 {
            let tunnel = selectedTunnel(state)
            state.navigation.stack.removeLast()
            follow(&state, tunnel: tunnel)
        }
    }

    /// The physical tunnel under the selection, if any.
    static func selectedTunnel(_ state: AppState) -> String? {
        switch state.screen {
        case .topology, .tour: return state.navigation.followedTunnel
        default:
            let rows = state.rows(for: state.screen)
            let m = state.listMemory(state.screen)
            guard rows.contains(index: m.selected) else { return state.navigation.followedTunnel }
            return rows.tunnelId(at: m.selected) ?? state.navigation.followedTunnel
        }
    }

    /// On the new screen, select the row of the followed tunnel (the tunnel row itself if possible).
    static func follow(_ state: inout AppState, tunnel: String?) {
        state.navigation.followedTunnel = tunnel ?? state.navigation.followedTunnel
        guard state.screen.isList else { return }
        let rows = state.rows(for: state.screen)
        var memory = state.listMemory(state.screen)
        if let tunnel = state.navigation.followedTunnel,
            let i = rows.index(ofElement: tunnel) ?? rows.index(ofTunnel: tunnel)
        {
            memory.selected = i
        } else if !rows.isSelectable(memory.selected) {
            memory.selected = rows.firstSelectable ?? 0
        }
        memory.elementId = rows.elementId(at: memory.selected)
        state.navigation.memory[state.screen.memoryKey] = memory
        reveal(&state)
    }

    static func switchPerspective(_ state: inout AppState) {
        switch state.screen {
        case .aws: replaceTop(&state, .gcp)
        case .gcp: replaceTop(&state, .aws)
        case .split where state.compare.beforeAfter:
            keepingSelection(&state) { $0.navigation.focusedPane = $0.navigation.focusedPane == .aws ? .gcp : .aws }
        case .split: state.navigation.focusedPane = state.navigation.focusedPane == .aws ? .gcp : .aws
        default:
            if state.navigation.followedTunnel == nil, state.screen == .topology,
                state.navigation.topologySelection == "link"
            {
                state.navigation.followedTunnel = state.model.tunnels.first(where: \.isCrossCloud)?.id
            }
            if state.screen == .findings, let id = state.selectedElement, state.model.tunnel(id) != nil {
                state.navigation.followedTunnel = id
            }
            push(&state, state.navigation.focusedPane == .gcp ? .gcp : .aws)
        }
        state.navigation.focusedPane =
            state.screen == .gcp ? .gcp : state.screen == .aws ? .aws : state.navigation.focusedPane
    }

    static func replaceTop(_ state: inout AppState, _ screen: Screen) {
        let tunnel = selectedTunnel(state)
        state.navigation.stack[state.navigation.stack.count - 1] = screen
        follow(&state, tunnel: tunnel)
    }

    static func open(_ state: inout AppState) {
        switch state.screen {
        case .topology:
            guard let node = state.topology.node(state.navigation.topologySelection) else { return }
            if let group = node.group {
                if state.topology.scope.zoomable(group) { return zoom(&state, into: group) }
                toggleGroup(&state, group)
                return
            }
            if node.id == "link" {
                state.navigation.followedTunnel =
                    state.navigation.followedTunnel ?? state.model.tunnels.first(where: \.isCrossCloud)?.id
            }
            if let screen = node.opens {
                push(&state, screen)
                if let element = node.elementId, screen == .aws || screen == .gcp { select(&state, elementId: element) }
            }
        case .tour:
            reduce(&state, .tourNext)
        case .findings:
            guard let id = state.selectedElement else { return }
            if FindingsFilter.rule(ofGroup: id) != nil { return changeGroup(&state, .toggle) }
            jump(&state, to: id)
        default:
            guard let id = state.selectedElement else { return }
            if case .detail(let current) = state.screen, current == id { return }
            push(&state, .detail(id))
        }
    }

    /// Goes to the screen that best shows an element and selects it there.
    static func jump(_ state: inout AppState, to id: String) {
        if state.model.tunnel(id)?.isCrossCloud == true {
            state.navigation.followedTunnel = id
            push(&state, .split)
            return
        }
        if let entry = state.content.search.entries.first(where: { $0.elementId == id }) {
            push(&state, entry.screen)
            select(&state, elementId: id)
        } else {
            push(&state, .detail(id))
        }
    }

    static func select(_ state: inout AppState, elementId: String) {
        if state.screen == .topology {
            if let box = mapBox(showing: elementId, in: state) {
                state.navigation.topologySelection = box
                revealTopology(&state)
            }
            return
        }
        let rows = state.rows(for: state.screen)
        guard let i = rows.index(ofElement: elementId) else { return }
        var memory = state.listMemory(state.screen)
        memory.selected = i
        memory.elementId = elementId
        state.navigation.memory[state.screen.memoryKey] = memory
        if let tunnel = rows.tunnelId(at: i) { state.navigation.followedTunnel = tunnel }
        reveal(&state)
    }

    static func toggleGroup(_ state: inout AppState, _ group: String) {
        if state.navigation.expandedGroups.contains(group) {
            state.navigation.expandedGroups.remove(group)
        } else {
            state.navigation.expandedGroups.insert(group)
        }
        state.derive()
        state.navigation.topologySelection = "group:\(group)"
        if state.topology.node(state.navigation.topologySelection) == nil {
            state.navigation.topologySelection = state.topology.lastNode?.id
        }
        revealTopology(&state)
    }

    static func fail(_ state: inout AppState, _ id: String?) {
        guard let id else {
            let all = Set(state.model.tunnels.filter(\.isCrossCloud).map(\.id))
            state.whatIf.failed.formUnion(all)
            applyFailures(&state, named: "the whole VPN link")
            return
        }
        if state.whatIf.failed.contains(id) {
            state.whatIf.failed.remove(id)
            applyFailures(&state, named: nil)
            state.prompt.message = Span("\(id) is no longer failed.", .ok)
            return
        }
        state.whatIf.failed.insert(id)
        applyFailures(&state, named: id)
    }

    static func applyFailures(_ state: inout AppState, named: String?) {
        let selected = state.selectedElement
        state.derive()
        if let selected { select(&state, elementId: selected) }
        // The panel says it all; without it (hidden, or nothing failed any more) the message line sums it up.
        if let named, state.whatIfPanelRows == 0 {
            state.prompt.message = Span(
                "What-if: \(state.insights.whatIfSummary.map { $0.hasPrefix("Failing ") ? String($0.dropFirst(8)) : $0 } ?? named)  (6: details · F clears)",
                .whatIf)
        }
    }

    /// Opens a search result: with `step` 0 the one selected in the list typed (the first for a
    /// query submitted at once), else the one `step` away in the last results (n/N).
    static func search(_ state: inout AppState, _ query: String, step: Int) {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return }
        let index = state.content.search
        var results: SearchResults
        if step == 0 {
            results = state.prompt.searchTyping.flatMap { $0.isFor(q) ? $0 : nil } ?? SearchResults(q, in: index)
        } else {
            results = state.prompt.searchResults.flatMap { $0.isFor(q) ? $0 : nil } ?? SearchResults(q, in: index)
        }
        state.prompt.searchTyping = nil
        state.prompt.lastSearch = q
        guard !results.isEmpty else {
            state.prompt.searchResults = nil
            state.prompt.message = Span("Nothing matches \"\(q)\".", .warning)
            return
        }
        if step != 0 { _ = results.step(step, in: index) }
        state.prompt.searchResults = results
        state.prompt.searchPosition = results.selected
        openResult(&state, results, stepping: step != 0)
    }

    static func command(_ state: inout AppState, _ text: String) -> [Effect] {
        guard let command = PromptCommand.parse(text) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .fail(let name): reduce(&state, .fail(name))
        case .path(let from, let to):
            state.whatIf.pathQuery = AppState.PathQuery(
                from: from, to: to,
                lines: PathLines.spans(state.analysis, from: from, to: to, failing: state.whatIf.failed))
            state.navigation.stack = [.topology, .routes]
        case .view(let screen): reduce(&state, .show(screen))
        case .clear: reduce(&state, .clearFailures)
        case .diff(let paths):
            guard state.compare.loading == nil else {
                state.prompt.message = Span(
                    "Already reading \(state.compare.loading ?? ""): one :diff at a time.", .info)
                return []
            }
            state.compare.loading = paths.joined(separator: " ")
            state.prompt.message = Span("Reading \(state.compare.loading ?? "") as BEFORE…", .info)
            return [.compare(paths)]
        case .diffOff: reduce(&state, .compared(nil))
        case .invalid(let message): state.prompt.message = Span(message, .warning)
        }
        return []
    }

    /// `.fail(name)`: resolves the name (ID, name, IP) to an element that can fail and fails it.
    static func fail(_ state: inout AppState, named name: String) {
        switch state.analysis.resolve(name) {
        case .found(let element): fail(&state, element.id)
        case let other: state.prompt.message = Span(other.description, .warning)
        }
    }

    /// `.select(id)`: selects the element on the current screen when it is there; else goes
    /// where a search for it leads (its perspective row or its detail).
    static func selectElement(_ state: inout AppState, _ id: String) {
        if state.screen == .topology, state.topology.node(id) != nil {
            select(&state, elementId: id)
            return
        }
        if state.screen != .topology, state.screen != .tour, state.rows(for: state.screen).index(ofElement: id) != nil {
            select(&state, elementId: id)
            return
        }
        search(&state, id, step: 0)
    }

    static func click(_ state: inout AppState, x: Int, y: Int) {
        let layout = state.layout
        switch state.screen {
        case .topology:
            if let node = state.topology.node(
                at: x - layout.body.x, y - layout.body.y + state.navigation.topologyScroll)
            {
                state.navigation.topologySelection = node.id
            }
        case .tour: break
        default:
            guard layout.list.contains(x: x, y: y) else { return }
            let memory = state.listMemory(state.screen)
            let row = memory.scroll + (y - layout.list.y)
            let rows = state.rows(for: state.screen)
            guard rows.isSelectable(row) else { return }
            move(&state, by: 0)
            var m = state.listMemory(state.screen)
            m.selected = row
            m.elementId = rows.elementId(at: row)
            state.navigation.memory[state.screen.memoryKey] = m
            if state.screen == .split {
                state.navigation.focusedPane = x < layout.list.x + layout.list.width / 2 ? .aws : .gcp
            }
        }
    }
}

extension Action {
    var isLeft: Bool { if case .moveLeft = self { true } else { false } }
    var isDown: Bool {
        switch self {
        case .moveDown, .pageDown: true
        default: false
        }
    }
    /// Up, down, a page up or down: in the search results while a search is typed.
    var isMove: Bool {
        switch self {
        case .moveUp, .moveDown, .pageUp, .pageDown: true
        default: false
        }
    }
    var isPage: Bool {
        switch self {
        case .pageDown, .pageUp: true
        default: false
        }
    }
}
