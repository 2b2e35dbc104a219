import TunnelscopeText

/// Header (what is broken, first thing on screen), breadcrumb, message line and footer hints.
enum Chrome {
    static func header(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        buffer.fill(rect, style: Style(.header))
        let model = state.model
        let cross = model.tunnels.filter(\.isCrossCloud)
        let down = model.tunnels.filter(\.isDown).count
        let bgpDown = model.tunnels.filter { $0.hasBGP && $0.bgpDown }.count
        var spans: [Span] = [Span(" Tunnelscope ", Style(.header, bold: true)), Span("· \(state.result.origin)  ", Style(.header))]
        var status: [Span] = []
        if down > 0 { status.append(Span(" ✖ \(down) tunnel\(down == 1 ? "" : "s") down ", Style(.failed, bold: true))) }
        if bgpDown > 0 { status.append(Span(" ✖ \(bgpDown) BGP down ", Style(.failed, bold: true))) }
        if down == 0 && bgpDown == 0 && !cross.isEmpty { status.append(Span(" ● all \(cross.count) tunnels up ", Style(.header, bold: true))) }
        let errors = state.insights.errorCount, warnings = state.insights.warningCount
        if errors > 0 { status.append(Span(" \(errors) error\(errors == 1 ? "" : "s") ", Style(.failed))) }
        if warnings > 0 { status.append(Span(" \(warnings) warning\(warnings == 1 ? "" : "s") ", Style(.mismatch))) }
        if !state.failed.isEmpty { status.append(Span(" what-if: \(state.failed.count) failed ", Style(.mismatch, bold: true))) }
        let statusWidth = status.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 }
        let left = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if left + statusWidth > rect.width {
            spans = [Span(" Tunnelscope ", Style(.header, bold: true))]
        }
        buffer.write(spans, x: rect.x, y: rect.y, clip: rect)
        var x = max(rect.x + DisplayWidth.of(spans.map(\.text).joined()), rect.maxX - statusWidth)
        for span in status {
            x = buffer.write(span.text, x: x, y: rect.y, style: span.style, clip: rect) + 1
        }
    }

    static func breadcrumb(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        var spans: [Span] = [Span(" ", .dim)]
        for (i, screen) in state.stack.enumerated() {
            if i > 0 { spans.append(Span(" › ", .dim)) }
            var title = screen.title
            if case .detail(let id) = screen { title = "Detail \(id)" }
            if screen == .split { title += state.focusedPane == .aws ? " (AWS pane)" : " (GCP pane)" }
            spans.append(Span(title, i == state.stack.count - 1 ? Style(.title, bold: true) : Style(.dim)))
        }
        if state.screen == .tour {
            spans.append(Span("  step \(state.tourStep + 1) of \(Tour.steps(for: state.model).count)", .dim))
        }
        buffer.write(spans, x: rect.x, y: rect.y, clip: rect)
    }

    static func message(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        switch state.input {
        case .search(let q)?:
            buffer.write([Span(" / ", Style(.key)), Span(" " + q, Style(.normal, bold: true)), Span("▏", .accent),
                          Span("   name, ID, IP or CIDR · Enter search · Esc cancel", .dim)], x: rect.x, y: rect.y, clip: rect)
        case .command(let c)?:
            buffer.write([Span(" : ", Style(.key)), Span(" " + c, Style(.normal, bold: true)), Span("▏", .accent),
                          Span("   fail ID · path FROM TO · view NAME · clear · quit", .dim)], x: rect.x, y: rect.y, clip: rect)
        case nil:
            if let message = state.message {
                buffer.write(" " + message.text, x: rect.x, y: rect.y, style: message.style, clip: rect)
            } else if let summary = state.insights.whatIfSummary, !state.failed.isEmpty {
                buffer.write(" What-if: " + summary, x: rect.x, y: rect.y, style: Style(.failed), clip: rect)
            }
        }
    }

    static func footer(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        buffer.fill(rect, style: Style(.footer))
        var x = rect.x
        for hint in Keymap.footer(for: state.screen) {
            let needed = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3
            if x + needed > rect.maxX { break }
            x = buffer.write(hint.keys, x: x + 1, y: rect.y, style: Style(.key), clip: rect)
            x = buffer.write(" " + hint.label, x: x, y: rect.y, style: Style(.footer), clip: rect) + 1
        }
    }
}
