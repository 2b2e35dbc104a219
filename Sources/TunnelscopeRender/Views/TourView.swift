import TunnelscopeCanvas
import TunnelscopeText

/// The walkthrough: the map with the step's subject highlighted, and the explanation beside it
/// (below it on narrow screens).
enum TourView {
    static func draw(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        let steps = Tour.steps(for: state.model, findings: state.insights.findings, verdicts: state.insights.verdicts)
        let step = steps[min(state.navigation.tourStep, steps.count - 1)]
        let wide = rect.width >= 110
        let panelWidth = wide ? max(44, rect.width * 2 / 5) : rect.width
        // The panel is as tall as its text (the map takes what is left).
        let textLines = step.text.reduce(0) { $0 + Wrap.lines($1, width: panelWidth - 4).count + 1 } + 2
        let (mapRect, panel): (Rect, Rect) =
            wide
            ? rect.takeRight(panelWidth)
            : {
                let (top, bottom) = rect.takeBottom(min(max(8, textLines), max(8, rect.height - 5)))
                return (top, bottom)
            }()
        // Lay the map out for the room it has beside (or above) the panel.
        var mapState = state.drawing(
            map: TopologyLayout(
                model: state.model, insights: state.insights, width: mapRect.width,
                height: mapRect.height, expanded: state.navigation.expandedGroups, health: nil, repeatRows: true,
                boxes: state.topologyBoxes))
        if let focus = step.focus, let node = mapState.topology.node(focus) {
            mapState.navigation.topologySelection = focus
            let visible = mapRect.height
            mapState.navigation.topologyScroll = max(
                0, min(node.rect.y - max(1, visible / 3), max(0, mapState.topology.height - visible)))
        }
        TopologyView.draw(&buffer, mapRect, mapState, highlight: step.focus)
        buffer.fill(panel)
        buffer.box(
            panel,
            title: [
                Span("Tour \(state.navigation.tourStep + 1)/\(steps.count) · \(step.title)", Style(.title, bold: true))
            ],
            style: Style(.accent))
        let inner = panel.inset(dx: 2, dy: 1)
        var y = inner.y
        for paragraph in step.text {
            for line in Wrap.lines(paragraph, width: inner.width) {
                if y >= inner.maxY - 1 { break }
                buffer.write(line, x: inner.x, y: y, style: Style(.normal), clip: inner)
                y += 1
            }
            y += 1
        }
        let nav =
            state.navigation.tourStep + 1 < steps.count
            ? "n/→ next · p/← back · Esc leave" : "last step · p/← back · Esc leave"
        buffer.write(nav, x: inner.x, y: inner.maxY - 1, style: Style(.dim), clip: inner)
    }
}
