import TunnelscopeCanvas
import TunnelscopeText

/// Header (what is broken, first thing on screen), breadcrumb, message line and footer hints.
enum Chrome {
    static func header(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        buffer.fill(rect, style: Style(.header))
        let pieces = HeaderImpact.pieces(state)
        func width(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 } }
        let name = Span(" Tunnelscope ", Style(.header, bold: true))
        let origin = Span("· \(state.result.origin)  ", Style(.header))
        // Most that fits: every piece long with the origin; then short; then the least important
        // pieces dropped while the origin keeps 20 columns (which export this is matters too);
        // then the origin cut or dropped; then more pieces.
        func short(_ pieces: [HeaderImpact.Piece]) -> [Span] {
            pieces.enumerated().flatMap { i, p in i == 0 ? [p.short] : [Span("·", Style(.header)), p.short] }
        }
        func withOrigin(_ room: Int) -> [Span] {
            room >= 6
                ? [name, Span("· " + DisplayWidth.truncate(state.result.origin, to: room) + " ", Style(.header))]
                : [name]
        }
        let originWidth = DisplayWidth.of(state.result.origin)
        var left = [name, origin]
        var status = pieces.map(\.long)
        var kept = pieces.count
        if width(left) + width(status) > rect.width { status = short(pieces) }
        let keep = min(originWidth, 20)
        while width(withOrigin(keep)) + width(status) > rect.width, kept > 3 {
            kept -= 1
            status = short(Array(pieces.prefix(kept)))
        }
        if width(left) + width(status) > rect.width {
            left = withOrigin(rect.width - width(status) - width([name]) - 4)
        }
        while width(left) + width(status) > rect.width, kept > 1 {
            kept -= 1
            status = short(Array(pieces.prefix(kept)))
        }
        buffer.write(left, x: rect.x, y: rect.y, clip: rect)
        var x = max(rect.x + DisplayWidth.of(left.map(\.text).joined()), rect.maxX - width(status))
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
            buffer.write(
                [
                    Span(" / ", Style(.key)), Span(" " + q, Style(.normal, bold: true)), Span("▏", .accent),
                    Span("   name, ID, IP or CIDR · Enter search · Esc cancel", .dim),
                ], x: rect.x, y: rect.y, clip: rect)
        case .command(let c)?:
            buffer.write(
                [
                    Span(" : ", Style(.key)), Span(" " + c, Style(.normal, bold: true)), Span("▏", .accent),
                    Span("   fail ID · path FROM TO · view NAME · clear · quit · Esc cancel", .dim),
                ], x: rect.x, y: rect.y, clip: rect)
        case nil:
            if let message = state.message {
                buffer.write(" " + message.text, x: rect.x, y: rect.y, style: message.style, clip: rect)
            } else if let reloading = state.reloading {
                buffer.write(
                    [
                        Span(" Reloading… ", Style(.info, bold: true)),
                        Span(reloading.phase + (reloading.seconds > 0 ? " (\(reloading.seconds) s)" : "")),
                        Span("  · showing the model loaded before", .dim),
                    ], x: rect.x, y: rect.y, clip: rect)
            } else if let summary = state.insights.whatIfSummary, !state.failed.isEmpty, state.whatIfPanelRows == 0 {
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
