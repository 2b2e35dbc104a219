import TunnelscopeCanvas
import TunnelscopeText

/// `?`: every binding of the keymap, grouped by scope. Generated from the table, never by hand.
enum HelpOverlay {
    static func lines() -> [[Span]] {
        var lines: [[Span]] = []
        for scope in Binding.Scope.allCases {
            let bindings = Keymap.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(scope.rawValue, Style(.title, bold: true))])
            for binding in bindings {
                let keys = binding.keys.map(\.description).joined(separator: " ")
                lines.append([
                    Span("  " + DisplayWidth.pad(keys, to: 20) + " ", Style(.accent, bold: true)),
                    Span(binding.help, .normal),
                ])
            }
        }
        return lines
    }

    static func draw(_ buffer: inout CellBuffer, _ body: Rect, _ state: AppState) {
        let all = lines()
        let width = min(body.width - 4, 100)
        let height = min(body.height, all.count + 2)
        let box = Rect(
            x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        buffer.fill(box)
        buffer.box(
            box, title: [Span("Keys · ? or Esc closes · j/k/PgDn scroll", Style(.title, bold: true))],
            style: Style(.accent))
        let inner = box.inset(dx: 2, dy: 1)
        let scroll = max(0, min(state.helpScroll, all.count - inner.height))
        for (i, line) in all.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.writeFitted(line, x: inner.x, y: inner.y + i, width: inner.width)
        }
    }
}
