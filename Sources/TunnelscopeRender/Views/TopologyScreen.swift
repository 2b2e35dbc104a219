import TunnelscopeCanvas
import TunnelscopeText

/// The map screen's parts around the map: the detail of the selection beside it on wide
/// screens (the detail pane's rows, as beside the lists), and the zoomed group's place on the
/// breadcrumb.
extension TopologyView {
    /// The map's own rectangle in `rect` (the screen's body), drawing the detail pane beside it
    /// when the screen is wide enough.
    static func drawDetailPane(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) -> Rect {
        let layout = state.layout
        guard state.screen == .topology, layout.body == rect, let pane = layout.detail else { return rect }
        buffer.vline(x: pane.x - 1, y: pane.y, length: pane.height)
        let inner = pane.inset(dx: 1, dy: 0)
        let node = state.topology.node(state.navigation.topologySelection)
        if let id = node?.elementId {
            ListView.draw(
                &buffer, inner, rows: state.detailPaneRows(id), memory: AppState.ListMemory(selected: -1, scroll: 0),
                focused: false)
        } else if let node {
            // A box that is not one resource (the VPN link, a group): its own lines, and what Enter does.
            var y = inner.y
            for line in node.lines where y < inner.maxY {
                let width = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
                if width < inner.width - 1 {
                    buffer.write([Span(" ")] + line, x: inner.x, y: y, clip: inner)
                    y += 1
                    continue
                }
                // Too long for the pane: wrapped, in the style of its longest part.
                let style = line.max { DisplayWidth.of($0.text) < DisplayWidth.of($1.text) }?.style ?? .plain
                for part in Wrap.lines(line.map(\.text).joined(), width: inner.width - 2) where y < inner.maxY {
                    buffer.write(" " + part, x: inner.x, y: y, style: style, clip: inner)
                    y += 1
                }
            }
            let hint: String =
                if let group = node.group {
                    state.topology.scope.zoomable(group)
                        ? "Enter: zoom into these VPCs · e: expand them here" : "Enter or e: expand or collapse"
                } else {
                    "Enter: open · d: details"
                }
            if y + 1 < inner.maxY { buffer.write(" " + hint, x: inner.x, y: y + 1, style: Style(.dim), clip: inner) }
        } else {
            buffer.write(" Select a box to see its details.", x: inner.x, y: inner.y, style: Style(.dim), clip: inner)
        }
        return layout.list
    }

    /// The breadcrumb's last place while the map is zoomed into a group:
    /// "143 VPCs · acct 111122223333 on TGW hub-tgw (Esc: all groups)".
    static func zoomPlace(_ state: AppState) -> String? {
        let scope = state.topology.scope
        guard state.screen == .topology, scope.mode == .zoom else { return nil }
        let members = scope.vpcs.clusters.first?.vpcs.count ?? 0
        // The hub as its box names it ("TGW hub-tgw").
        let hub = scope.vpcs.clusters.first?.hub.map { id in
            state.topology.node(id).map { $0.lines[0].map(\.text).joined() } ?? id
        }
        let account = scope.accounts.first.flatMap { $0 } ?? "account not exported"
        return "\(members) VPCs · acct \(account)" + (hub.map { " on \($0)" } ?? " (no hub)") + "  (Esc: all groups)"
    }
}
