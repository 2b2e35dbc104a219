import TunnelscopeCanvas
import TunnelscopeText

/// Draws the visible window of a row list with the selection bar and a scroll position mark.
/// Only the rows on screen are touched, whatever the list's length.
enum ListView {
    static func draw(_ buffer: inout CellBuffer, _ rect: Rect, rows: [Row], memory: AppState.ListMemory, focused: Bool)
    {
        draw(&buffer, rect, rows: RowList(rows), memory: memory, focused: focused)
    }

    static func draw(
        _ buffer: inout CellBuffer, _ rect: Rect, rows: RowList, memory: AppState.ListMemory, focused: Bool
    ) {
        guard !rect.isEmpty else { return }
        let scroll = rows.clamped(memory.scroll)
        // More rows than the window holds: a scroll mark (asked without laying a lazy list out whole).
        let overflows = rows.contains(index: rect.height) && rect.height > 2
        for line in 0..<rect.height where rows.contains(index: scroll + line) {
            let index = scroll + line
            let y = rect.y + line
            let row = rows[index]
            let scrollbar = overflows ? 1 : 0
            buffer.writeFitted(row.spans, x: rect.x + 1, y: y, width: rect.width - 1 - scrollbar)
            if index == memory.selected, row.isSelectable {
                let bar = Rect(x: rect.x, y: y, width: rect.width - 1, height: 1)
                buffer.write(focused ? "▌" : " ", x: rect.x, y: y, style: Style(.accent, bold: true))
                if focused { buffer.restyle(bar) { $0.reverse = true } }
            }
        }
        if overflows {
            // A position mark on the right edge: where this window is in the list.
            let position = rect.y + Int(rows.scrollFraction(scroll, height: rect.height) * Double(rect.height - 1))
            for y in rect.y..<rect.maxY { buffer.write("│", x: rect.maxX - 1, y: y, style: Style(.border)) }
            buffer.write("┃", x: rect.maxX - 1, y: min(rect.maxY - 1, position), style: Style(.accent, bold: true))
        }
    }
}
