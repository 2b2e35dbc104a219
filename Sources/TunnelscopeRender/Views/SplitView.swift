import TunnelscopeCanvas
import TunnelscopeText

/// Side by side: the AWS pane and the GCP pane, rows aligned by physical tunnel, the join
/// drawn in the middle column (⇄ agree, ≠ disagree, ✕ failed in the what-if).
enum SplitView {
    static func draw(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        guard rect.height > 2 else { return }
        if state.compare.beforeAfter, let before = state.beforeRows {
            BeforeAfterView.draw(&buffer, rect, state, before: before)
            return
        }
        // On a tall screen the lower half shows the selected tunnel, field by field (the layout's detail).
        var rect = rect
        if let lower = state.layout.detail {
            rect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - lower.height)
            let rows = state.content.splitRows
            let memory = state.listMemory(.split)
            let selected = rows.indices.contains(memory.selected) ? rows[memory.selected].tunnelId : nil
            let detail = selected.map { SplitDetail.lines(state, tunnel: $0) } ?? []
            drawDetail(&buffer, lower, detail)
        }
        let (head, body) = rect.takeTop(2)
        let half = (rect.width - 3) / 2
        let left = Rect(x: rect.x, y: body.y, width: half, height: body.height)
        let mid = rect.x + half + 1
        let right = Rect(x: mid + 2, y: body.y, width: rect.maxX - mid - 2, height: body.height)
        let focus = state.navigation.focusedPane
        let narrow = half < 50
        buffer.writeFitted(
            [
                Span(" AWS", Style(.aws, bold: true)),
                Span(narrow ? " · connections, tunnels" : " · VPN connections and their tunnels", .dim),
            ],
            x: rect.x, y: head.y, width: half)
        buffer.writeFitted(
            [
                Span("GCP", Style(.gcp, bold: true)),
                Span(narrow ? " · HA interfaces, tunnels" : " · HA interfaces and vpn-tunnels", .dim),
            ],
            x: right.x, y: head.y, width: right.width)
        buffer.hline(x: rect.x, y: head.y + 1, length: rect.width)
        buffer.write("┬", x: mid, y: head.y + 1, style: Style(.border))
        if focus == .aws {
            buffer.restyle(Rect(x: rect.x, y: head.y, width: half, height: 1)) { $0.underline = true }
        } else {
            buffer.restyle(Rect(x: right.x, y: head.y, width: right.width, height: 1)) { $0.underline = true }
        }

        let lines = state.content.split
        let rows = state.content.splitRows
        let memory = state.listMemory(.split)
        let scroll = max(0, min(memory.scroll, max(0, lines.count - 1)))
        let selectedTunnel = rows.indices.contains(memory.selected) ? rows[memory.selected].tunnelId : nil
        for i in 0..<body.height {
            let y = body.y + i
            let index = scroll + i
            guard index < lines.count else {
                buffer.write("│", x: mid, y: y, style: Style(.border))
                continue
            }
            let line = lines[index]
            buffer.writeFitted(line.left, x: left.x + 1, y: y, width: left.width - 1)
            buffer.writeFitted(line.right, x: right.x, y: y, width: right.width)
            buffer.write(line.joiner.text, x: mid, y: y, style: line.joiner.style)
            if line.isHeading {
                buffer.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1)) { $0.bold = true }
            }
            if let tunnel = line.tunnelId, tunnel == selectedTunnel {
                let pane =
                    focus == .aws
                    ? Rect(x: left.x, y: y, width: left.width, height: 1)
                    : Rect(x: right.x - 1, y: y, width: right.width + 1, height: 1)
                buffer.restyle(pane) { $0.reverse = true }
                buffer.write(
                    "▌", x: focus == .aws ? left.x : right.x - 1, y: y, style: Style(.accent, bold: true, reverse: true)
                )
            }
        }
        if lines.count > body.height, scroll + body.height < lines.count {
            // On the rule under the titles, right-aligned: never over a pane's title.
            let text = " ↓ \(lines.count - scroll - body.height) more lines "
            buffer.write(
                text, x: rect.maxX - DisplayWidth.of(text) - 1, y: head.y + 1, style: Style(.dim), clip: rect)
        }
    }

    static func drawDetail(_ buffer: inout CellBuffer, _ rect: Rect, _ lines: [SplitPerspective.Line]) {
        let half = (rect.width - 3) / 2
        let mid = rect.x + half + 1
        buffer.hline(x: rect.x, y: rect.y, length: rect.width)
        buffer.write("┴", x: mid, y: rect.y, style: Style(.border))
        _ = buffer.write(" Selected tunnel ", x: rect.x + 2, y: rect.y, style: Style(.title, bold: true))
        for (i, line) in lines.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + i
            if line.right.isEmpty {
                buffer.writeFitted(line.left, x: rect.x + 1, y: y, width: rect.width - 1)
                continue
            }
            buffer.writeFitted(line.left, x: rect.x + 1, y: y, width: half - 1)
            buffer.write(line.joiner.text, x: mid, y: y, style: line.joiner.style)
            buffer.writeFitted(line.right, x: mid + 1, y: y, width: rect.maxX - mid - 1)
        }
    }
}
