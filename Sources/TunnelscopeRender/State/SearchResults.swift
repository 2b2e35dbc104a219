/// The results of `/` while it is typed, and of the last search (which `n`/`N` step through):
/// the element whose ID or name is the query first, then those that start with it, then the rest.
///
/// A keystroke costs the same on 100 elements or 100,000: a query that extends the last one
/// narrows its matches; text matches are gathered only up to `batch` at a time (the list shows
/// "1,000+ matches" until the rest is asked for, by scrolling or stepping), and the scan goes on
/// where it stopped. Addresses and ranges are answered whole (a cheap comparison per entry).
struct SearchResults: Sendable {
    /// Matches gathered per step: many screens of rows, a bounded amount of work.
    static let batch = 1000

    let query: String
    private let parsed: SearchIndex.Query
    /// Positions in `SearchIndex.entries`, in the order listed.
    private(set) var matches: [Int] = []
    /// Entries looked at so far (text queries); every entry when `complete`.
    private var next = 0
    private(set) var complete = true
    /// The selected result and the first one shown.
    var selected = 0
    var scroll = 0

    /// The results of `query`, narrowing `previous` when the query extends it.
    init(_ query: String, in index: SearchIndex, previous: SearchResults? = nil) {
        self.query = query
        parsed = SearchIndex.Query(query)
        switch parsed {
        case .empty: break
        case .address, .range: matches = index.addressMatches(parsed)
        case .text(let needle):
            if let previous, case .text(let before) = previous.parsed, needle.starts(with: before) {
                // Whatever did not match the shorter query cannot match this one.
                matches = index.textMatches(needle, among: previous.matches)
                next = previous.next
                complete = previous.complete
                if !complete { gather(in: index, until: Self.batch) }
            } else {
                complete = false
                gather(in: index, until: Self.batch)
            }
            matches = index.ranked(matches, needle)
        }
    }

    var isEmpty: Bool { matches.isEmpty }

    /// Whether these are the results of `query` (as typed or trimmed).
    func isFor(_ query: String) -> Bool {
        self.query.trimmingCharacters(in: .whitespaces) == query.trimmingCharacters(in: .whitespaces)
    }

    /// "37 matches", "1,000+ matches" while more may follow.
    var countText: String {
        let n = CountText.of(matches.count)
        return complete ? "\(n) match\(matches.count == 1 ? "" : "es")" : "\(n)+ matches"
    }

    /// Gathers text matches until there are `count` or every entry was looked at.
    mutating func gather(in index: SearchIndex, until count: Int) {
        guard !complete, case .text(let needle) = parsed else { return }
        let found = index.textMatches(needle, from: next, limit: max(0, count - matches.count))
        matches += found.matches
        next = found.next
        complete = next >= index.entries.count
    }

    /// Makes sure result `position` is gathered if it exists (scrolling or stepping past the batch).
    mutating func reach(_ position: Int, in index: SearchIndex) {
        while !complete, position >= matches.count { gather(in: index, until: matches.count + Self.batch) }
    }

    /// Moves the selection by `delta`, keeping it inside a window of `visible` rows.
    mutating func move(by delta: Int, visible: Int, in index: SearchIndex) {
        let target = max(0, selected + delta)
        reach(target + visible, in: index)
        guard !matches.isEmpty else { return }
        selected = min(target, matches.count - 1)
        if selected < scroll { scroll = selected }
        if selected >= scroll + visible { scroll = selected - visible + 1 }
    }

    /// The entry `step` results from the selection, wrapping around (gathering what it needs).
    mutating func step(_ step: Int, in index: SearchIndex) -> Int? {
        guard !matches.isEmpty else { return nil }
        if step > 0, selected + step >= matches.count { reach(selected + step, in: index) }
        if step < 0, selected + step < 0 { reach(Int.max - 1, in: index) }
        selected = ((selected + step) % matches.count + matches.count) % matches.count
        return matches[selected]
    }
}

/// A count as a person reads it: 24,700.
enum CountText {
    static func of(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
