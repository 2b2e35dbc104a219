import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeText

/// One line of a list screen. Builders produce rows once per model (and what-if); views draw
/// only the visible ones, so a keystroke costs the same for 10 rows or 100,000.
public struct Row: Sendable {
    public enum Kind: Sendable { case heading, item, blank }

    public var kind: Kind
    public var spans: [Span]
    /// The element this row shows (a resource ID); selectable when set.
    public var elementId: String?
    /// The physical tunnel this row belongs to, so selection can follow it across perspectives.
    public var tunnelId: String?
    /// Text a search matches against besides the visible text (IDs, IPs, CIDRs).
    public var searchText: String

    public init(
        kind: Kind = .item, spans: [Span], elementId: String? = nil, tunnelId: String? = nil, searchText: String = ""
    ) {
        self.kind = kind
        self.spans = spans
        self.elementId = elementId
        self.tunnelId = tunnelId
        self.searchText = searchText
    }

    public static func heading(_ text: String, _ role: Role = .title) -> Row {
        Row(kind: .heading, spans: [Span(text, Style(role, bold: true))])
    }
    public static let blank = Row(kind: .blank, spans: [])

    public var isSelectable: Bool { elementId != nil }
    public var text: String { spans.map(\.text).joined() }
}

/// Status marks used everywhere: shape as well as colour, so they read without colour too.
public enum Mark {
    public static let up = Span("●", .ok)
    public static let down = Span("✖", .error)
    public static let warn = Span("▲", .warning)
    public static let unknown = Span("○", .dim)
    /// Failed in the what-if (chosen by the user): not `down`'s ✖, and in the what-if's own colour.
    public static let failed = Span("⊘", .whatIf)
    /// Taken down or cut off by the what-if's failures.
    public static let lost = Span("↯", .whatIf)

    /// The mark of an analysis verdict.
    static func health(_ health: Health) -> Span {
        switch health {
        case .ok: Mark.up
        case .degraded: Mark.warn
        case .down: Mark.down
        case .unknown: Mark.unknown
        }
    }

    /// The style a verdict gives the text that states it.
    static func style(_ health: Health) -> Style {
        switch health {
        case .ok: Style(.ok)
        case .degraded: Style(.warning)
        case .down: Style(.error, bold: true)
        case .unknown: Style(.dim)
        }
    }

    public static func status(up: Bool?, failed: Bool = false) -> Span {
        if failed { return Mark.failed }
        switch up {
        case true?: return Mark.up
        case false?: return Mark.down
        case nil: return Mark.unknown
        }
    }
}

/// Pads a column to a width (display columns, so wide characters line up).
func column(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width) }
