import TunnelscopeCanvas
import TunnelscopeText

/// Draws the whole explorer screen for a state into a cell buffer. The interactive terminal,
/// `tunnelscope render` and the snapshot tests all use this.
public enum ScreenRenderer {
    public static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height, screen: state.screen)
        if layout.tooSmall {
            drawTooSmall(&buffer, state)
            return buffer
        }
        Chrome.header(&buffer, layout.header, state)
        Chrome.breadcrumb(&buffer, layout.breadcrumb, state)
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
        if case .search? = state.input {
            SearchList.draw(&buffer, layout.body, state)
            // The list covers the screen under it: its marks on the breadcrumb line ("more below") go too.
            buffer.fill(layout.breadcrumb)
            Chrome.breadcrumb(&buffer, layout.breadcrumb, state)
        }
        Chrome.message(&buffer, layout.message, state)
        Chrome.footer(&buffer, layout.footer, state)
        if state.helpVisible { HelpOverlay.draw(&buffer, layout.body, state) }
        return buffer
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
