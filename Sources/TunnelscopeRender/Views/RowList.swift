import Foundation

/// The rows of a list screen: built up front (the perspectives, routes, details), or built when
/// shown (the findings: a finding's rows are wrapped only when they are drawn or a position
/// past it is asked for). The navigation and the views ask it for what they need by index, so
/// a keystroke on a lazy list touches the rows around the selection, not the whole list.
///
/// As a collection it is every row, in order (tests and one-shot renders read it so); `count`
/// on a lazy list lays every row out, so the explorer's hot paths use `contains(index:)`,
/// `elementId(at:)`, `nextSelectable` and the other queries below instead.
public struct RowList: RandomAccessCollection, Sendable {
    enum Source: Sendable {
        case rows([Row])
        case findings(FindingsList)
    }
    let source: Source

    public init(_ rows: [Row]) { source = .rows(rows) }
    init(findings: FindingsList) { source = .findings(findings) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch source {
        case .rows(let rows): rows.count
        case .findings(let list): list.lineCount
        }
    }
    public subscript(i: Int) -> Row {
        switch source {
        case .rows(let rows): rows[i]
        case .findings(let list): list.row(i)
        }
    }
    public var isEmpty: Bool { !contains(index: 0) }

    /// Whether row `i` exists (a lazy list lays out only as far as `i`).
    public func contains(index i: Int) -> Bool {
        guard i >= 0 else { return false }
        switch source {
        case .rows(let rows): return i < rows.count
        case .findings(let list): return list.hasLine(i)
        }
    }

    /// `i` if it is a row, else the last row (0 for an empty list).
    func clamped(_ i: Int) -> Int { contains(index: Swift.max(0, i)) ? Swift.max(0, i) : Swift.max(0, count - 1) }

    public func elementId(at i: Int) -> String? {
        guard contains(index: i) else { return nil }
        switch source {
        case .rows(let rows): return rows[i].elementId
        case .findings(let list): return list.elementId(at: i)
        }
    }

    public func tunnelId(at i: Int) -> String? {
        guard contains(index: i) else { return nil }
        switch source {
        case .rows(let rows): return rows[i].tunnelId
        case .findings: return nil
        }
    }

    public func isSelectable(_ i: Int) -> Bool { elementId(at: i) != nil }

    /// On the findings screen: the rule of the group row `i` is, or whose finding it shows.
    func findingsRule(at i: Int) -> String? {
        if case .findings(let list) = source { return list.rule(at: i) }
        return nil
    }

    /// On the findings screen: whether row `i` is a rule's group row.
    func isFindingsGroup(at i: Int) -> Bool {
        if case .findings(let list) = source { return list.isGroup(at: i) }
        return false
    }

    /// The first selectable row showing `elementId`.
    public func index(ofElement id: String) -> Int? {
        switch source {
        case .rows(let rows): return rows.firstIndex { $0.elementId == id }
        case .findings(let list): return list.firstLine(ofElement: id)
        }
    }

    /// The first selectable row of a physical tunnel.
    func index(ofTunnel id: String) -> Int? {
        switch source {
        case .rows(let rows): return rows.firstIndex { $0.tunnelId == id && $0.isSelectable }
        case .findings: return nil
        }
    }

    var firstSelectable: Int? {
        switch source {
        case .rows(let rows): return rows.firstIndex(where: \.isSelectable)
        case .findings(let list): return list.nextSelectable(from: -1, delta: 1)
        }
    }

    /// The selectable row `delta` steps away (a page jump lands on the nearest selectable row);
    /// with none that way, the last (or first) selectable row, as `Reducer.move` expects.
    public func nextSelectable(from index: Int, delta: Int) -> Int {
        switch source {
        case .rows(let rows): return Self.nextSelectable(rows, from: index, delta: delta)
        case .findings(let list): return list.nextSelectable(from: index, delta: delta) ?? 0
        }
    }

    static func nextSelectable(_ rows: [Row], from index: Int, delta: Int) -> Int {
        guard !rows.isEmpty else { return 0 }
        let selectable = rows.indices.filter { rows[$0].isSelectable }
        guard !selectable.isEmpty else { return Swift.max(0, Swift.min(index + delta, rows.count - 1)) }
        if abs(delta) == 1 {
            if delta > 0 { return selectable.first { $0 > index } ?? selectable.last! }
            return selectable.last { $0 < index } ?? selectable.first!
        }
        let target = Swift.max(
            0, Swift.min(rows.count - 1, index + Swift.max(Swift.min(delta, rows.count), -rows.count)))
        return selectable.min { abs($0 - target) < abs($1 - target) }!
    }

    /// Where a window starting at row `scroll` is in the list, from 0 (top) to 1 (bottom), for
    /// the scroll mark. A lazy list answers by the finding at the top of the window.
    func scrollFraction(_ scroll: Int, height: Int) -> Double {
        switch source {
        case .rows(let rows): return Double(scroll) / Double(Swift.max(1, rows.count - height))
        case .findings(let list): return list.fraction(ofLine: scroll)
        }
    }
}
