import TunnelscopeCanvas
import TunnelscopeText

/// The what-if panel, under the view while elements are failed: what failed, what fails with it,
/// what survives, each link's next single points of failure, the prefixes that lose every path
/// and what is cut off (the analysis' impact, as `WhatIfReport` words it). `w` hides it, `F` clears.
enum WhatIfPanel {
    /// From this height the first screen shows the incident summary in the panel.
    static let incidentHeight = 36

    /// Rows the panel wants on a screen of this height: a title and its lines, at most two fifths of the body.
    static func height(lines: Int, screenHeight: Int) -> Int {
        let body = screenHeight - 4
        return min(lines + 1, max(4, body * 2 / 5))
    }

    static func draw(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        guard rect.height > 0 else { return }
        let whatIf = state.insights.whatIfReport
        guard let lines = whatIf?.lines ?? state.insights.incidentReport?.lines else { return }
        let report = (lines: lines, title: whatIf == nil ? " Incident summary " : " What-if ")
        let style = whatIf == nil ? Style(.title) : Style(.whatIf)
        buffer.fill(rect)
        buffer.hline(x: rect.x, y: rect.y, length: rect.width, style: whatIf == nil ? Style(.border) : style)
        let hint = whatIf == nil ? " w hides · 5 findings · f what-if " : " F clears · w hides · 6 routes "
        _ = buffer.write(report.title, x: rect.x + 1, y: rect.y, style: style.bolded)
        if DisplayWidth.of(hint) + 12 < rect.width {
            _ = buffer.write(
                hint, x: rect.maxX - DisplayWidth.of(hint) - 1, y: rect.y, style: style)
        }
        let rows = rect.height - 1
        let overflow = report.lines.count > rows
        for (i, line) in report.lines.prefix(overflow ? max(0, rows - 1) : rows).enumerated() {
            _ = buffer.writeFitted([Span(" ")] + line, x: rect.x, y: rect.y + 1 + i, width: rect.width)
        }
        if overflow, rows > 0 {
            let hidden = report.lines.count - (rows - 1)
            _ = buffer.writeFitted(
                [Span(" … \(hidden) more line\(hidden == 1 ? "" : "s") · 6 routes and paths for the whole list", .dim)],
                x: rect.x, y: rect.maxY - 1, width: rect.width)
        }
    }
}
