import TunnelscopeText

/// What a cell means, not how it looks: the terminal layer (and `--color`) maps roles to colours,
/// and to bold/reverse/underline when there is no colour (`NO_COLOR`, monochrome terminals).
public enum Role: Int, Sendable, CaseIterable {
    case normal
    case dim
    case title
    case border
    case accent
    case ok
    case warning
    case error
    case info
    case aws
    case gcp
    case onPrem
    case selection
    case header
    case footer
    case key
    case failed
    case mismatch
    /// What a what-if failed or took down: never drawn like what the exports report as down.
    case whatIf
    /// What differs from the snapshot the explorer compares with (diff mode): added, removed,
    /// changed, moved. Its own colour, never a health colour; the glyph (`+ − ~ →`) says which.
    case change
}

public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static func role(_ role: Role) -> Style { Style(role) }

    public var bolded: Style {
        var s = self
        s.bold = true
        return s
    }
    public var reversed: Style {
        var s = self
        s.reverse = true
        return s
    }
}

/// One terminal cell: a grapheme cluster and its style. A wide character occupies its cell and
/// a `continuation` cell to its right. Its text has passed the sanitiser, however it was made.
public struct Cell: Hashable, Sendable {
    public internal(set) var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.init(sanitized: Sanitizer.line(text), style: style, isContinuation: isContinuation)
    }

    /// For text the buffer has sanitised already.
    init(sanitized text: String, style: Style, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A run of text with one style, the unit views compose lines from.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public init(_ text: String, _ role: Role) {
        self.text = text
        self.style = Style(role)
    }
}
