import TunnelscopeCanvas
import TunnelscopeText

/// Draws the topology map: bands of boxes joined by a trunk line, coloured by health, the
/// selected box in heavy lines. Only the rows inside the window are drawn.
enum TopologyView {
    static func draw(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState, highlight: String?) {
        let layout = state.topology
        let scroll = state.topologyScroll
        let selected = highlight ?? state.topologySelection
        // Map coordinates → screen: (x + rect.x, y - scroll + rect.y), clipped to rect.
        func screenY(_ y: Int) -> Int { y - scroll + rect.y }
        for (b, band) in layout.bands.enumerated() {
            // Band label in the left margin.
            let labelY = screenY((band.nodes.first?.rect.y ?? band.y) + (band.nodes.first?.rect.height ?? 3) / 2)
            if labelY >= rect.y, labelY < rect.maxY {
                buffer.write(band.label, x: rect.x + 1, y: labelY, style: Style(band.role, bold: true), clip: rect)
            }
            // The bus row joins the bottoms of the band above to the tops of this band.
            if b > 0 {
                let previous = layout.bands[b - 1]
                let lastRowY = previous.nodes.map(\.rect.y).max() ?? 0
                let ups = Set(previous.nodes.filter { $0.rect.y == lastRowY }.map { rect.x + $0.rect.x + $0.rect.width / 2 })
                let firstRowY = band.nodes.map(\.rect.y).min() ?? 0
                let downs = Set(band.nodes.filter { $0.rect.y == firstRowY }.map { rect.x + $0.rect.x + $0.rect.width / 2 })
                drawBus(&buffer, y: screenY(band.y), ups: ups, downs: downs, clip: rect)
            }
            // Later rows of a band hang off a line that runs down the gap after the first box.
            let rowYs = Array(Set(band.nodes.map(\.rect.y))).sorted()
            if b > 0, rowYs.count > 1, let first = band.nodes.first(where: { $0.rect.y == rowYs[0] }) {
                let gapX = rect.x + first.rect.maxX
                let busY = screenY(band.y)
                if busY >= rect.y, busY < rect.maxY { buffer.write("┬", x: gapX, y: busY, style: Style(.border), clip: rect) }
                for (i, rowY) in rowYs.enumerated() where i > 0 {
                    let rowBus = screenY(rowY - 1)
                    let from = screenY(rowYs[i - 1]), to = rowBus
                    for y in max(from, busY + 1)..<max(max(from, busY + 1), to) where y >= rect.y && y < rect.maxY {
                        buffer.write("│", x: gapX, y: y, style: Style(.border))
                    }
                    let downs = Set(band.nodes.filter { $0.rect.y == rowY }.map { rect.x + $0.rect.x + $0.rect.width / 2 })
                    let continues = i < rowYs.count - 1
                    drawBus(&buffer, y: rowBus, ups: [gapX], downs: continues ? downs.union([gapX]) : downs, clip: rect)
                }
            }
            for node in band.nodes {
                let r = Rect(x: node.rect.x + rect.x, y: screenY(node.rect.y), width: node.rect.width, height: node.rect.height)
                guard r.maxY > rect.y, r.y < rect.maxY else { continue }
                drawBox(&buffer, r, node: node, selected: node.id == selected, clip: rect)
                let cx = r.x + r.width / 2
                let firstRowY = band.nodes.map(\.rect.y).min() ?? 0
                let lastRowY = band.nodes.map(\.rect.y).max() ?? 0
                if b > 0 { buffer.write("┴", x: cx, y: r.y, style: Style(.border), clip: rect) }
                if b < layout.bands.count - 1, node.rect.y == lastRowY { buffer.write("┬", x: cx, y: r.maxY - 1, style: Style(.border), clip: rect) }
            }
        }
        // Where the window is: on the breadcrumb line, right-aligned.
        var hints: [String] = []
        if scroll > 0 { hints.append("↑ more above") }
        if layout.height - scroll > rect.height { hints.append("↓ more below") }
        if !hints.isEmpty, rect.y > 0 {
            let text = hints.joined(separator: " · ") + " (PgUp/PgDn) "
            buffer.write(text, x: rect.maxX - DisplayWidth.of(text), y: rect.y - 1, style: Style(.dim))
        }
    }

    /// A horizontal bus: ┴ where a line comes from above, ┬ where one goes down, ┼ for both.
    static func drawBus(_ buffer: inout CellBuffer, y: Int, ups: Set<Int>, downs: Set<Int>, clip: Rect) {
        guard y >= clip.y, y < clip.maxY else { return }
        let all = ups.union(downs)
        guard let from = all.min(), let to = all.max() else { return }
        let style = Style(.border)
        if from == to {
            buffer.write("│", x: from, y: y, style: style, clip: clip)
            return
        }
        buffer.hline(x: from, y: y, length: to - from + 1, style: style)
        for x in all {
            let up = ups.contains(x), down = downs.contains(x)
            let character: String
            switch (x == from, x == to, up, down) {
            case (true, _, true, true), (_, true, true, true): character = x == from ? "├" : "┤"
            case (true, _, true, false): character = "└"
            case (true, _, false, true): character = "┌"
            case (_, true, true, false): character = "┘"
            case (_, true, false, true): character = "┐"
            default: character = up && down ? "┼" : up ? "┴" : "┬"
            }
            buffer.write(character, x: x, y: y, style: style, clip: clip)
        }
    }

    static func drawBox(_ buffer: inout CellBuffer, _ r: Rect, node: TopologyLayout.Node, selected: Bool, clip: Rect) {
        let role: Role = switch node.health {
        case .down: .error
        case .failed: .failed
        case .degraded: .warning
        case .ok: node.role
        case .neutral: .border
        }
        // Drawn through the clip: rows outside it are skipped by write().
        let style = Style(role, bold: selected)
        let heavy = selected
        let (h, v, tl, tr, bl, br) = heavy ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "╭", "╮", "╰", "╯")
        for x in r.x + 1..<r.maxX - 1 {
            buffer.write(h, x: x, y: r.y, style: style, clip: clip)
            buffer.write(h, x: x, y: r.maxY - 1, style: style, clip: clip)
        }
        for y in r.y + 1..<r.maxY - 1 {
            buffer.write(v, x: r.x, y: y, style: style, clip: clip)
            buffer.write(v, x: r.maxX - 1, y: y, style: style, clip: clip)
        }
        buffer.write(tl, x: r.x, y: r.y, style: style, clip: clip)
        buffer.write(tr, x: r.maxX - 1, y: r.y, style: style, clip: clip)
        buffer.write(bl, x: r.x, y: r.maxY - 1, style: style, clip: clip)
        buffer.write(br, x: r.maxX - 1, y: r.maxY - 1, style: style, clip: clip)
        let mark: Span = switch node.health {
        case .down: Mark.down
        case .failed: Mark.failed
        case .degraded: Mark.warn
        case .ok: Mark.up
        case .neutral: Span(" ", .dim)
        }
        let inner = Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: r.height)
        // Compact boxes have one text line: the first two lines joined.
        var lines = node.lines
        if r.height == 3, lines.count > 1 { lines = [lines[0] + [Span(" · ", .dim)] + lines[1]] }
        for (i, line) in lines.prefix(r.height - 2).enumerated() {
            let y = r.y + 1 + i
            let rowClip = Rect(x: inner.x, y: max(clip.y, y), width: inner.width, height: y >= clip.y && y < clip.maxY ? 1 : 0)
            let spans = i == 0 ? [mark, Span(" ")] + line : [Span("  ")] + line
            buffer.write(fitted(spans, width: inner.width - 1), x: inner.x + 1, y: y, clip: rowClip)
        }
        if selected, r.y >= clip.y, r.y < clip.maxY {
            buffer.restyle(Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: 1).intersect(clip)) { $0.reverse = true }
        }
    }

    /// Cuts spans to a width, ending with … where something was cut (never mid-character).
    static func fitted(_ spans: [Span], width: Int) -> [Span] {
        var result: [Span] = []
        var used = 0
        for span in spans {
            let w = DisplayWidth.of(span.text)
            if used + w <= width { result.append(span); used += w; continue }
            let room = width - used
            if room > 0 { result.append(Span(DisplayWidth.truncate(span.text, to: room), span.style)) }
            break
        }
        return result
    }
}

extension Rect {
    func intersect(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }
}
