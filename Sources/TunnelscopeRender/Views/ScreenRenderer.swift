import TunnelscopeCanvas
import TunnelscopeText

/// Draws the whole explorer screen for a state into a cell buffer. The interactive terminal,
/// `tunnelscope render` and the snapshot tests all use this.
public enum ScreenRenderer {
    public static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let layout = state.layout
        if layout.tooSmall {
            drawTooSmall(&buffer, state)
            return buffer
        }
        Chrome.header(&buffer, layout.header, state)
        switch state.screen {
        case .topology: TopologyView.draw(&buffer, layout.body, state, highlight: nil)
        case .tour: TourView.draw(&buffer, layout.body, state)
        case .split: SplitView.draw(&buffer, layout.body, state)
        default:
            ListView.draw(
                &buffer, layout.list, rows: state.rows(for: state.screen), memory: state.listMemory(state.screen),
                focused: true)
            if let pane = layout.detail {
                buffer.vline(x: pane.x - 1, y: pane.y, length: pane.height)
                if let id = state.selectedElement, let rule = FindingsFilter.rule(ofGroup: id) {
                    ListView.draw(
                        &buffer, pane.inset(dx: 1, dy: 0), rows: FindingsRows.ruleRows(rule, state: state),
                        memory: AppState.ListMemory(selected: -1, scroll: 0), focused: false)
                } else if let id = state.selectedElement {
                    let rows = state.detailPaneRows(id)
                    ListView.draw(
                        &buffer, pane.inset(dx: 1, dy: 0), rows: rows,
                        memory: AppState.ListMemory(selected: -1, scroll: 0), focused: false)
                } else {
                    buffer.write("Select an element to see its details.", x: pane.x + 1, y: pane.y, style: Style(.dim))
                }
            }
        }
        // After the body: the map puts its scroll hint at the right of the breadcrumb line, and
        // the breadcrumb takes the room left of it (or the whole line, when where you are would
        // not fit beside it).
        Chrome.breadcrumb(&buffer, layout.breadcrumb, state, reserved: usedOnTheRight(buffer, layout.breadcrumb))
        if let panel = layout.panel { WhatIfPanel.draw(&buffer, panel, state) }
        if case .search? = state.prompt.input {
            SearchList.draw(&buffer, layout.body, state)
            // The list covers the screen under it: its marks on the breadcrumb line ("more below") go too.
            buffer.fill(layout.breadcrumb)
            Chrome.breadcrumb(&buffer, layout.breadcrumb, state, reserved: 0)
        }
        Chrome.message(&buffer, layout.message, state)
        Chrome.footer(&buffer, layout.footer, state)
        if state.navigation.helpVisible { HelpOverlay.draw(&buffer, layout.body, state) }
        return buffer
    }

    /// Columns at the right of a line that something is already drawn in (from the first one).
    static func usedOnTheRight(_ buffer: CellBuffer, _ rect: Rect) -> Int {
        for x in rect.x..<rect.maxX where buffer[x, rect.y].text != " " { return rect.maxX - x }
        return 0
    }

    static func drawTooSmall(_ buffer: inout CellBuffer, _ state: AppState) {
        let lines = [
            "Terminal too small",
            "\(state.width)×\(state.height); needs \(Layout.minimumWidth)×\(Layout.minimumHeight)",
            "Enlarge the window, or q to quit",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, to: state.width)
            buffer.write(
                text, x: max(0, (state.width - DisplayWidth.of(text)) / 2), y: top + i,
                style: i == 0 ? Style(.warning, bold: true) : Style(.normal))
        }
    }
}
