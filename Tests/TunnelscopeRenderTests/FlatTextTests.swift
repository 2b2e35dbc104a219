import Testing

@testable import TunnelscopeRender

/// The texts searched in one buffer answer as a search of each text would, in batches.
@Suite struct FlatTextTests {
    static let texts: [String] = (0..<300).map { i in
        i % 17 == 0 ? "" : i % 5 == 0 ? "本番-\(i) ネットワーク vpc-\(i)" : "vpc-\(String(i, radix: 16)) svc-\(i % 9) x\(i)y"
    }

    @Test(arguments: ["v", "vpc-1", "svc-3 x", "x29", "9y", "本番", "ネット", "zz", "y", "-"])
    func scanFindsWhatEachTextContains(query: String) {
        let flat = FlatText(Self.texts.map { Array($0.utf8) })
        let needle = Array(query.utf8)
        let expected = Self.texts.indices.filter { Self.texts[$0].contains(query) }
        #expect(flat.scan(needle, from: 0, limit: .max).matches == expected)
        #expect(Self.texts.indices.allSatisfy { flat.contains($0, needle) == Self.texts[$0].contains(query) })
        // In batches of 7: each goes on where the last stopped, and together they are the whole.
        var gathered: [Int] = []
        var next = 0
        while next < flat.count {
            let batch = flat.scan(needle, from: next, limit: 7)
            #expect(batch.matches.count <= 7)
            #expect(batch.next > next || batch.matches.isEmpty)
            gathered += batch.matches
            if batch.matches.count < 7 { #expect(batch.next == flat.count) }
            next = batch.next
        }
        #expect(gathered == expected)
    }

    @Test func noMatchSpansTwoTexts() {
        let flat = FlatText([Array("abc".utf8), Array("def".utf8)])
        #expect(flat.scan(Array("cd".utf8), from: 0, limit: .max).matches.isEmpty)
        #expect(flat.scan(Array("c".utf8), from: 1, limit: .max).matches.isEmpty)
        #expect(flat.scan(Array("".utf8), from: 0, limit: .max).matches == [0, 1])
    }
}
