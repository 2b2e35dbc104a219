import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeText

/// Diff mode's side by side (`b`): BEFORE and AFTER of one perspective (the focused pane's:
/// Tab switches AWS ⇄ GCP). AFTER's pane holds the selection; BEFORE's pane is scrolled so the
/// selected element stands on the same line in both. Rows carry the diff's notes (`~ changed`,
/// `→ moved`, `+ added`, `− removed`); on a tall screen the lower part lists the selected
/// element's changes field by field.
enum BeforeAfterView {
    static func draw(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState, before: BeforeRows) {
        guard let comparison = state.compare.comparison else { return }
        let pane = state.navigation.focusedPane
        let after = state.rows(for: .split)
        let memory = state.listMemory(.split)
        let selected = after.elementId(at: memory.selected)
        var rect = rect
        if let lower = state.layout.detail {
            rect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - lower.height)
            drawChanges(&buffer, lower, selected.flatMap { comparison.diff.change(of: $0) }, selected: selected)
        }
        let (head, body) = rect.takeTop(2)
        let half = (rect.width - 3) / 2
        let left = Rect(x: rect.x, y: body.y, width: half, height: body.height)
        let mid = rect.x + half + 1
        let right = Rect(x: mid + 2, y: body.y, width: rect.maxX - mid - 2, height: body.height)
        let side = pane == .aws ? Span("AWS", Style(.aws, bold: true)) : Span("GCP", Style(.gcp, bold: true))
        buffer.writeFitted(
            [
                Span(" BEFORE ", Style(.change, bold: true)), Span(" "), side,
                Span(" · " + comparison.before.origin, .dim),
            ],
            x: rect.x, y: head.y, width: half)
        buffer.writeFitted(
            [Span(" AFTER ", Style(.change, bold: true)), Span(" "), side, Span(" · " + state.result.origin, .dim)],
            x: right.x, y: head.y, width: right.width)
        buffer.hline(x: rect.x, y: head.y + 1, length: rect.width)
        buffer.write("┬", x: mid, y: head.y + 1, style: Style(.border))

        let scroll = after.clamped(memory.scroll)
        let beforeRows = before.rows(pane)
        // BEFORE's pane: the selected element on the line where AFTER shows it; an element AFTER
        // alone has (added) leaves BEFORE's pane where AFTER's scroll puts it.
        // (Aligned, BEFORE's pane may start above its first row or end past its last: blank lines.)
        var beforeScroll = max(0, min(scroll, beforeRows.count - body.height))
        if let id = selected, let row = before.row(of: id, pane) { beforeScroll = row - (memory.selected - scroll) }
        for line in 0..<body.height {
            let y = body.y + line
            buffer.write("│", x: mid, y: y, style: Style(.border))
            let b = beforeScroll + line
            if beforeRows.indices.contains(b) {
                let row = beforeRows[b]
                buffer.writeFitted(row.spans, x: left.x + 1, y: y, width: left.width - 1)
                if let id = selected, row.elementId == id {
                    buffer.restyle(Rect(x: left.x, y: y, width: left.width, height: 1)) { $0.underline = true }
                }
            }
            let a = scroll + line
            guard after.contains(index: a) else { continue }
            let row = after[a]
            buffer.writeFitted(row.spans, x: right.x, y: y, width: right.width)
            if a == memory.selected, row.isSelectable {
                buffer.restyle(Rect(x: right.x - 1, y: y, width: right.width + 1, height: 1)) { $0.reverse = true }
                buffer.write("▌", x: right.x - 1, y: y, style: Style(.accent, bold: true, reverse: true))
            }
        }
    }

    /// The lower part: how the selected element differs from BEFORE, field by field.
    static func drawChanges(_ buffer: inout CellBuffer, _ rect: Rect, _ change: ElementChange?, selected: String?) {
        buffer.hline(x: rect.x, y: rect.y, length: rect.width)
        _ = buffer.write(" Selected element since before ", x: rect.x + 2, y: rect.y, style: Style(.title, bold: true))
        let rows: [Row] =
            change.map { ChangesRows.rows($0) }
            ?? [
                Row(
                    kind: .blank,
                    spans: [Span(selected == nil ? "  Nothing selected." : "  The same in both snapshots.", .dim)])
            ]
        for (i, row) in rows.prefix(rect.height - 1).enumerated() {
            buffer.writeFitted(row.spans, x: rect.x + 1, y: rect.y + 1 + i, width: rect.width - 2)
        }
    }
}
