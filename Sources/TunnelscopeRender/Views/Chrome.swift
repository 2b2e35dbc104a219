import TunnelscopeCanvas
import TunnelscopeText

/// Header (what is broken, first thing on screen), breadcrumb, message line and footer hints.
enum Chrome {
    static func header(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        buffer.fill(rect, style: Style(.header))
        let down = state.insights.tunnelsDown
        let bgpDown = state.insights.bgpSessionsDown
        let errors = state.insights.errorCount
        let warnings = state.insights.warningCount
        func statuses(short: Bool) -> [Span] {
            var status: [Span] = []
            if down > 0 {
                status.append(
                    Span(
                        short
                            ? "✖ \(down) tunnel\(down == 1 ? "" : "s") down"
                            : " ✖ \(down) tunnel\(down == 1 ? "" : "s") down ", Style(.failed, bold: true)))
            }
            if bgpDown > 0 {
                status.append(
                    Span(short ? "✖ \(bgpDown) BGP down" : " ✖ \(bgpDown) BGP down ", Style(.failed, bold: true)))
            }
            let noRoutes = state.insights.verdicts.carryNoRoutes
            if noRoutes > 0 {
                status.append(
                    Span(
                        short
                            ? "✖ \(noRoutes) no routes"
                            : " ✖ \(noRoutes) carr\(noRoutes == 1 ? "ies" : "y") no routes ",
                        Style(.failed, bold: true)))
            }
            let oneWay = state.insights.verdicts.oneWay
            if oneWay > 0 {
                status.append(
                    Span(short ? "▲ \(oneWay) one-way" : " ▲ \(oneWay) one-way ", Style(.mismatch, bold: true)))
            }
            let total = state.insights.verdicts.tunnels.count
            if down == 0 && bgpDown == 0 && noRoutes == 0 && oneWay == 0 && total > 0 {
                status.append(
                    Span(short ? "● \(total) up" : " ● all \(total) tunnels up ", Style(.header, bold: true)))
            }
            if errors > 0 {
                status.append(
                    Span(short ? "\(errors) err" : " \(errors) error\(errors == 1 ? "" : "s") ", Style(.failed)))
            }
            if warnings > 0 {
                status.append(
                    Span(
                        short ? "\(warnings) warn" : " \(warnings) warning\(warnings == 1 ? "" : "s") ",
                        Style(.mismatch)))
            }
            if !state.failed.isEmpty {
                status.append(
                    Span(short ? "what-if" : " what-if: \(state.failed.count) failed ", Style(.mismatch, bold: true)))
            }
            return status
        }
        func width(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 } }
        let name = Span(" Tunnelscope ", Style(.header, bold: true))
        let origin = Span("· \(state.result.origin)  ", Style(.header))
        // Most detail that fits: long statuses with the origin, short ones with it, then without it.
        var left = [name, origin]
        var status = statuses(short: false)
        if width(left) + width(status) > rect.width { status = statuses(short: true) }
        if width(left) + width(status) > rect.width {
            let room = rect.width - width(status) - 16
            left =
                room >= 6
                ? [name, Span("· " + DisplayWidth.truncate(state.result.origin, to: room) + " ", Style(.header))]
                : [name]
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
                    Span("   name, ID, IP or CIDR · ↑↓ select · Enter open · Esc cancel", .dim),
                ], x: rect.x, y: rect.y, clip: rect)
        case .filter(let q)?:
            buffer.write(
                [
                    Span(" / ", Style(.key)), Span(" " + q, Style(.normal, bold: true)), Span("▏", .accent),
                    Span("   filter findings: rule, title, name, ID, message · Enter keep · Esc clear", .dim),
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
