import Testing

@testable import TunnelscopeModel

/// The text order read once as numbers orders exactly as `String`'s `<` (stable), whatever the texts.
@Suite struct TextOrderTests {
    /// Texts where the numbers alone would be wrong or could be: equal first 32 bytes, prefixes,
    /// NUL bytes, non-ASCII and canonically equal texts written two ways.
    static let awkward: [String] = [
        "", "a", "a\u{0}", "a\u{0}b", "ab", "b", "subnet-10000000000000000", "subnet-1000000000000000",
        "subnet-10000000000000001", "subnet-1000000000000003c", "vpc-10000000000000001", "vpc-1000000000000001f",
        String(repeating: "x", count: 32), String(repeating: "x", count: 32) + "a",
        String(repeating: "x", count: 32) + "\u{0}",
        String(repeating: "x", count: 31), String(repeating: "x", count: 40) + "b",
        String(repeating: "x", count: 40) + "a",
        "caf\u{E9}", "cafe\u{301}", "cafe", "cafez", "\u{1F600}", "Z", "z", "~", "\u{7F}",
    ]

    @Test func ordersAsStringsDo() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let texts = (0..<40).map { _ in Self.awkward.randomElement(using: &generator)! }
            let items = texts.enumerated().map { (text: $1, position: $0) }
            let expected = items.sorted { ($0.text, $0.position) < ($1.text, $1.position) }
            let actual = items.inTextOrder { $0.text }
            #expect(actual.map(\.position) == expected.map(\.position))
        }
    }

    @Test func ordersPairsAsTuplesDo() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let items = (0..<40).map { i in
                (
                    first: Self.awkward.randomElement(using: &generator)!,
                    second: Self.awkward.randomElement(using: &generator)!, position: i
                )
            }
            let expected = items.sorted {
                ($0.first, $0.second, $0.position) < ($1.first, $1.second, $1.position)
            }
            let actual = items.inTextOrder({ $0.first }, then: { $0.second })
            #expect(actual.map(\.position) == expected.map(\.position))
        }
    }

    @Test func comparesLikeStrings() {
        for a in Self.awkward {
            for b in Self.awkward {
                let expected = a == b ? 0 : a < b ? -1 : 1
                #expect(
                    TextOrderKey.compare(TextOrderKey(a), TextOrderKey(b)) == expected,
                    "\(a.debugDescription) vs \(b.debugDescription)")
            }
        }
    }

    @Test func equalTextsKeepTheirOrderAndOrderedItemsAreKept() {
        let items = [("rtb-2", 0), ("rtb-1", 1), ("rtb-2", 2), ("rtb-1", 3)]
        #expect(items.inTextOrder { $0.0 }.map(\.1) == [1, 3, 0, 2])
        let ordered = ["a", "b", "b", "c"]
        #expect(ordered.inTextOrder { $0 } == ordered)
        #expect([String]().inTextOrder { $0 }.isEmpty)
    }
}
