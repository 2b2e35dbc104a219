import TunnelscopeText

/// The frame every view draws into. Views never touch the terminal; tests read the buffer's
/// text; the terminal layer copies it to the screen.
public struct CellBuffer: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text at (x, y), clipped to `clip` (and the buffer). Wide characters that would be
    /// cut in half at the right edge are replaced by a space. Returns the column after the text.
    /// The text passes the sanitiser first: no control, bidi or invisible format character from
    /// the data ever reaches a cell (they show as `\u{1b}`, `\u{202e}`, …, and are measured so).
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let text = Sanitizer.line(text)
        let area = clip ?? bounds
        guard y >= max(0, area.y), y < min(height, area.maxY) else { return x + DisplayWidth.of(text) }
        let right = min(width, area.maxX)
        let left = max(0, area.x)
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // Nothing sanitised is zero-width on its own; never draw onto text written before.
                if column > x, column - 1 >= left, column - 1 < right { self[column - 1, y].text.append(character) }
                continue
            }
            if column >= right { break }
            if column >= left {
                if w == 2 && column + 1 >= right {
                    self[column, y] = Cell(sanitized: " ", style: style)
                } else {
                    clearWide(at: column, y: y)
                    self[column, y] = Cell(sanitized: String(character), style: style)
                    if w == 2 {
                        clearWide(at: column + 1, y: y)
                        self[column + 1, y] = Cell(sanitized: "", style: style, isContinuation: true)
                    }
                }
            }
            column += w
        }
        return column
    }

    /// Overwriting half of a wide character blanks its other half, so nothing is left dangling.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y] = Cell(" ", style: self[x + 1, y].style) }
    }

    /// Writes spans one after another; returns the column after them.
    @discardableResult
    public mutating func write(_ spans: [Span], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for span in spans { column = write(span.text, x: column, y: y, style: span.style, clip: clip) }
        return column
    }

    /// Writes spans into `width` columns from (x, y); when they do not fit, the last column
    /// shows `…` so a cut is never mistaken for the end of a value.
    @discardableResult
    public mutating func writeFitted(_ spans: [Span], x: Int, y: Int, width: Int) -> Int {
        guard width > 0 else { return x }
        let total = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        guard total > width else { return write(spans, x: x, y: y, clip: Rect(x: x, y: y, width: width, height: 1)) }
        var column = x
        var room = width - 1
        for span in spans {
            guard room > 0 else { break }
            let text =
                DisplayWidth.of(span.text) <= room
                ? span.text : String(DisplayWidth.truncate(span.text, to: room + 1).dropLast())
            column = write(text, x: column, y: y, style: span.style, clip: Rect(x: x, y: y, width: width, height: 1))
            room = width - 1 - (column - x)
        }
        let style = spans.last(where: { !$0.text.isEmpty })?.style ?? .plain
        write("…", x: x + width - 1, y: y, style: Style(.dim, reverse: style.reverse))
        return x + width
    }

    public mutating func fill(_ rect: Rect, style: Style = .plain, character: String = " ") {
        let cell = Cell(character, style: style)
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = cell }
        }
    }

    /// Restyles a rectangle, keeping its text (selection bars, highlights).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { change(&cells[y * width + x].style) }
        }
    }

    public mutating func box(_ rect: Rect, title: [Span] = [], style: Style = Style(.border), heavy: Bool = false) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br) = heavy ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "┌", "┐", "└", "┘")
        for x in rect.x + 1..<rect.maxX - 1 {
            write(h, x: x, y: rect.y, style: style)
            write(h, x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            write(v, x: rect.x, y: y, style: style)
            write(v, x: rect.maxX - 1, y: y, style: style)
        }
        write(tl, x: rect.x, y: rect.y, style: style)
        write(tr, x: rect.maxX - 1, y: rect.y, style: style)
        write(bl, x: rect.x, y: rect.maxY - 1, style: style)
        write(br, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if !title.isEmpty, rect.width > 4 {
            let clip = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
            var spans = [Span(" ", style)] + title + [Span(" ", style)]
            let available = rect.width - 4
            if spans.reduce(0, { $0 + DisplayWidth.of($1.text) }) > available + 2 {
                let joined = title.map(\.text).joined()
                spans = [
                    Span(" ", style), Span(DisplayWidth.truncate(joined, to: available), title.first?.style ?? style),
                    Span(" ", style),
                ]
            }
            write(spans, x: rect.x + 1, y: rect.y, clip: clip)
        }
    }

    public mutating func hline(x: Int, y: Int, length: Int, style: Style = Style(.border), character: String = "─") {
        for i in 0..<max(0, length) { write(character, x: x + i, y: y, style: style) }
    }

    public mutating func vline(x: Int, y: Int, length: Int, style: Style = Style(.border), character: String = "│") {
        for i in 0..<max(0, length) { write(character, x: x, y: y + i, style: style) }
    }

    public func character(x: Int, y: Int) -> String { self[x, y].text }
}
