import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeText

/// Draws the topology map: the model's edges as lines (those of the selected box highlighted),
/// the boxes coloured by health, the selected box in heavy lines. Only the rows inside the
/// window are drawn, and only their boxes and lines are asked of the layout (see `TopologyRows`).
enum TopologyView {
    static func draw(_ buffer: inout CellBuffer, _ body: Rect, _ state: AppState, highlight: String?) {
        let rect = drawDetailPane(&buffer, body, state)
        let layout = state.topology
        let scroll = state.navigation.topologyScroll
        let selected = highlight ?? state.navigation.topologySelection
        // Map coordinates → screen: (x + rect.x, y - scroll + rect.y), clipped to rect.
        func screenY(_ y: Int) -> Int { y - scroll + rect.y }
        let visible = scroll..<(scroll + rect.height)
        var lit = Set<MapRouter.Point>()
        let connectors = layout.routing?.connectors(in: visible) ?? []
        if let routing = layout.routing {
            if let selected { lit = layout.litCells(selected, within: visible) }
            drawLines(
                &buffer, routing.segments(near: visible), connectors: connectors, lit: lit, visible: visible,
                origin: (rect.x, rect.y - scroll), clip: rect)
        }
        let rows = layout.rows(in: visible)
        for (b, band) in layout.laidBands.enumerated() {
            // Band label in the left margin.
            let labelY = screenY((band.nodes.first?.rect.y ?? band.y) + (band.nodes.first?.rect.height ?? 3) / 2)
            if labelY >= rect.y, labelY < rect.maxY {
                buffer.write(band.label, x: rect.x + 1, y: labelY, style: Style(band.role, bold: true), clip: rect)
            }
            for row in rows where layout.rowInfo[row.row].band == b {
                for node in layout.nodes(of: row) {
                    let r = Rect(
                        x: node.rect.x + rect.x, y: screenY(node.rect.y), width: node.rect.width,
                        height: node.rect.height)
                    guard r.maxY > rect.y, r.y < rect.maxY else { continue }
                    drawBox(&buffer, r, node: node, selected: node.id == selected, clip: rect)
                    if let change = changeLabel(node, state.insights) {
                        drawChange(&buffer, r, change, clip: rect)
                    }
                }
            }
        }
        if layout.routing != nil {
            let selectedRect = layout.node(selected)?.rect
            for connector in connectors {
                let heavy = selectedRect?.contains(x: connector.at.x, y: connector.at.y) ?? false
                let character = connector.down ? (heavy ? "┯" : "┬") : (heavy ? "┷" : "┴")
                buffer.write(
                    character, x: rect.x + connector.at.x, y: screenY(connector.at.y),
                    style: Style(lit.contains(connector.at) ? .accent : .border, bold: lit.contains(connector.at)),
                    clip: rect)
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

    /// Directions a line leaves a cell in.
    private static let north: UInt8 = 1, south: UInt8 = 2, east: UInt8 = 4, west: UInt8 = 8

    /// Lines: each cell gets the directions of the lines through it, per owner (net). Lines of
    /// one owner join (┬ ├ ┼ …); where two owners' lines only cross, the vertical one is drawn
    /// through, so no junction suggests a connection that is not there.
    static func drawLines(
        _ buffer: inout CellBuffer, _ segments: [MapRouter.Segment], connectors: [MapRouter.Connector],
        lit: Set<MapRouter.Point>, visible: Range<Int>, origin: (x: Int, y: Int), clip: Rect
    ) {
        var cells: [MapRouter.Point: [(owner: Int, bits: UInt8)]] = [:]
        func mark(_ p: MapRouter.Point, _ owner: Int, _ bits: UInt8) {
            guard visible.contains(p.y) else { return }
            if let i = cells[p]?.firstIndex(where: { $0.owner == owner }) {
                cells[p]![i].bits |= bits
            } else {
                cells[p, default: []].append((owner, bits))
            }
        }
        for segment in segments {
            let (a, b) = (segment.from, segment.to)
            if a.x == b.x {
                let (y0, y1) = (min(a.y, b.y), max(a.y, b.y))
                guard y1 > y0, y1 >= visible.lowerBound, y0 < visible.upperBound else { continue }
                for y in max(y0, visible.lowerBound - 1)...min(y1, visible.upperBound) {
                    mark(MapRouter.Point(x: a.x, y: y), segment.owner, (y > y0 ? north : 0) | (y < y1 ? south : 0))
                }
            } else if a.y == b.y, visible.contains(a.y) {
                let (x0, x1) = (min(a.x, b.x), max(a.x, b.x))
                for x in x0...x1 {
                    mark(MapRouter.Point(x: x, y: a.y), segment.owner, (x > x0 ? west : 0) | (x < x1 ? east : 0))
                }
            }
        }
        let connectors = Set(connectors.map(\.at))
        for (p, owners) in cells where !connectors.contains(p) {
            let vertical = north | south
            let horizontal = east | west
            let bits: UInt8
            if owners.count > 1, owners.allSatisfy({ $0.bits & horizontal == 0 || $0.bits & vertical == 0 }),
                owners.contains(where: { $0.bits & horizontal == 0 })
            {
                bits = vertical  // a crossing: the vertical line goes through
            } else {
                bits = owners.reduce(0) { $0 | $1.bits }
            }
            let on = lit.contains(p)
            buffer.write(
                character(bits), x: origin.x + p.x, y: origin.y + p.y, style: Style(on ? .accent : .border, bold: on),
                clip: clip)
        }
    }

    static func character(_ bits: UInt8) -> String {
        let n = bits & north != 0
        let s = bits & south != 0
        let e = bits & east != 0
        let w = bits & west != 0
        switch (n, s, e, w) {
        case (true, true, true, true): return "┼"
        case (true, true, true, false): return "├"
        case (true, true, false, true): return "┤"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        case (false, true, true, false): return "┌"
        case (false, true, false, true): return "┐"
        case (true, false, true, false): return "└"
        case (true, false, false, true): return "┘"
        case (_, _, false, false): return "│"
        default: return "─"
        }
    }

    /// The cells of a path (a polyline of straight pieces) inside the visible rows.
    static func cells(_ path: [MapRouter.Point], within visible: Range<Int>) -> [MapRouter.Point] {
        var result: [MapRouter.Point] = []
        for (a, b) in zip(path, path.dropFirst()) {
            if a.x == b.x {
                let (y0, y1) = (min(a.y, b.y), max(a.y, b.y))
                guard y1 >= visible.lowerBound, y0 < visible.upperBound else { continue }
                for y in max(y0, visible.lowerBound)...min(y1, visible.upperBound - 1) {
                    result.append(MapRouter.Point(x: a.x, y: y))
                }
            } else if visible.contains(a.y) {
                for x in min(a.x, b.x)...max(a.x, b.x) { result.append(MapRouter.Point(x: x, y: a.y)) }
            }
        }
        return result
    }

    static func drawBox(_ buffer: inout CellBuffer, _ r: Rect, node: TopologyLayout.Node, selected: Bool, clip: Rect) {
        let role: Role =
            switch node.health {
            case .down: .error
            case .failed, .lost: .whatIf
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
        let mark: Span =
            switch node.health {
            case .down: Mark.down
            case .failed: Mark.failed
            case .lost: Mark.lost
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
            let rowClip = Rect(
                x: inner.x, y: max(clip.y, y), width: inner.width, height: y >= clip.y && y < clip.maxY ? 1 : 0)
            let spans = i == 0 ? [mark, Span(" ")] + line : [Span("  ")] + line
            buffer.write(fitted(spans, width: inner.width - 1), x: inner.x + 1, y: y, clip: rowClip)
        }
        if selected, r.y >= clip.y, r.y < clip.maxY {
            buffer.restyle(Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: 1).intersect(clip)) {
                $0.reverse = true
            }
        }
    }

    /// Diff mode: how the box's element differs from BEFORE (`~ changed`, `→ moved`, `+ added`);
    /// the link box counts its connections' and tunnels' changes. As the diff says, nothing judged here.
    static func changeLabel(_ node: TopologyLayout.Node, _ insights: Insights) -> (ElementChange.Kind, String)? {
        guard let comparison = insights.comparison else { return nil }
        if let id = node.elementId, let change = comparison.diff.change(of: id) {
            return (change.kind, change.kind.word)
        }
        guard node.id == "link" else { return nil }
        let count = comparison.diff.changes.filter { $0.group == .tunnels || $0.group == .connections }.count
        return count == 0 ? nil : (.changed, "\(count) changed")
    }

    /// The change on the box's top border, right-aligned: `╭──── ~ changed ╮` (just the glyph when narrow).
    static func drawChange(
        _ buffer: inout CellBuffer, _ r: Rect, _ change: (ElementChange.Kind, String), clip: Rect
    ) {
        guard r.y >= clip.y, r.y < clip.maxY, r.width >= 7 else { return }
        var text = " \(ChangeMark.glyph(change.0)) \(change.1) "
        // Right of the border's middle, where the lines to other boxes join it.
        if r.maxX - 2 - DisplayWidth.of(text) <= r.x + r.width / 2 + 1 { text = " \(ChangeMark.glyph(change.0)) " }
        buffer.write(text, x: r.maxX - 2 - DisplayWidth.of(text), y: r.y, style: Style(.change, bold: true), clip: clip)
    }

    /// Cuts spans to a width, ending with … where something was cut (never mid-character).
    static func fitted(_ spans: [Span], width: Int) -> [Span] {
        var result: [Span] = []
        var used = 0
        for span in spans {
            let w = DisplayWidth.of(span.text)
            if used + w <= width {
                result.append(span)
                used += w
                continue
            }
            let room = width - used
            if room > 0 { result.append(Span(DisplayWidth.truncate(span.text, to: room), span.style)) }
            break
        }
        return result
    }
}

extension Rect {
    func intersect(_ other: Rect) -> Rect {
        let x0 = max(x, other.x)
        let y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }
}
