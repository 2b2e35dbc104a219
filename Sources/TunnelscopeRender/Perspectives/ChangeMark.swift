import TunnelscopeAnalysis
import TunnelscopeCanvas

/// The marks of diff mode: a glyph per kind of change (readable without colour), in the role
/// `.change`, never a health colour or glyph.
extension ElementChange {
    /// In one snapshot only: its fields are its values, not changes.
    var isOneSided: Bool { kind != .changed && kind != .moved }
}

enum ChangeMark {
    /// The order summaries and lists name the kinds in.
    static let order: [ElementChange.Kind] = [
        .moved, .changed, .added, .removed, .notExportedBefore, .notExportedAfter,
    ]

    /// How many changes of each kind, in `order` (kinds with none left out).
    static func counts(_ changes: some Sequence<ElementChange>) -> [(kind: ElementChange.Kind, count: Int)] {
        var counts: [ElementChange.Kind: Int] = [:]
        for change in changes { counts[change.kind, default: 0] += 1 }
        return order.compactMap { kind in counts[kind].map { (kind, $0) } }
    }

    static func glyph(_ kind: ElementChange.Kind) -> String {
        switch kind {
        case .added: "+"
        case .removed: "−"
        case .changed: "~"
        case .moved: "→"
        case .notExportedBefore, .notExportedAfter: "?"
        }
    }

    static func span(_ kind: ElementChange.Kind) -> Span { Span(glyph(kind), Style(.change)) }

    /// What a row appends for a changed element: `  ~ changed: status, BGP (vs before)`,
    /// `  → moved: vgw-… → tgw-…`, `  + added`, `  ? not exported before`.
    static func note(_ change: ElementChange) -> Span {
        var text = "  \(glyph(change.kind)) \(change.summary)"
        if change.kind == .changed, !change.fields.isEmpty {
            let names = change.fields.prefix(3).map(\.field)
            text += ": " + names.joined(separator: ", ") + (change.fields.count > 3 ? ", …" : "")
        }
        return Span(text + " (vs before)", Style(.change))
    }
}
