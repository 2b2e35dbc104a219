import TunnelscopeCanvas
import TunnelscopeText

/// `?`: every binding of the keymap, grouped by scope (the modes that take the keyboard, help
/// and prompts, too). Generated from the table, never by hand; a help text longer than the box
/// continues on the next line (nothing is cut), and the box scrolls.
enum HelpOverlay {
    static let keyColumn = 20

    /// The help's lines for a box whose inside is `width` columns wide.
    static func lines(width: Int = 200) -> [[Span]] {
        let room = max(10, width - keyColumn - 3)
        var lines: [[Span]] = []
        for scope in Binding.Scope.allCases {
            let bindings = Keymap.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(scope.rawValue, Style(.title, bold: true))])
            for binding in bindings {
                let keys = binding.keys.map(\.description).joined(separator: " ")
                for (i, part) in Wrap.lines(binding.help, width: room).enumerated() {
                    lines.append([
                        Span(
                            "  " + DisplayWidth.pad(i == 0 ? keys : "", to: keyColumn) + " ", Style(.accent, bold: true)
                        ),
                        Span(part, .normal),
                    ])
                }
            }
        }
        return lines
    }

    /// The box on a body rectangle, and the rectangle its lines are drawn in.
    static func frame(_ body: Rect) -> (box: Rect, inner: Rect, lines: [[Span]]) {
        let width = min(body.width - 4, 100)
        let all = lines(width: width - 4)
        let height = min(body.height, all.count + 2)
        let box = Rect(
            x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        return (box, box.inset(dx: 2, dy: 1), all)
    }

    /// How far the help scrolls at the state's size.
    static func maxScroll(_ state: AppState) -> Int {
        let body = Layout(width: state.width, height: state.height, screen: state.screen).body
        let (_, inner, all) = frame(body)
        return max(0, all.count - inner.height)
    }

    static func draw(_ buffer: inout CellBuffer, _ body: Rect, _ state: AppState) {
        let (box, inner, all) = frame(body)
        buffer.fill(box)
        let scroll = max(0, min(state.navigation.helpScroll, all.count - inner.height))
        var title = [Span("Keys · ? or Esc closes", Style(.title, bold: true))]
        if all.count > inner.height {
            title.append(Span(" · j/k/PgDn scroll · \(scroll + 1)-\(scroll + inner.height) of \(all.count)", .dim))
        }
        buffer.box(box, title: title, style: Style(.accent))
        for (i, line) in all.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.writeFitted(line, x: inner.x, y: inner.y + i, width: inner.width)
        }
    }
}
