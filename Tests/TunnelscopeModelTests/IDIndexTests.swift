import Testing

@testable import TunnelscopeModel

/// Keys that carry their hash, and the position tables built from them.
@Suite struct IDIndexTests {
    @Test func hashedKeysAreEqualExactlyWhenTheirTextsAre() {
        let texts = ["vpc-0a1b2c3d4e5f60718", "vpc-0a1b2c3d4e5f60719", "", "é", "e\u{301}", "subnet-1"]
        for a in texts {
            for b in texts {
                #expect((HashedKey(a) == HashedKey(b)) == (a == b), "\(a) \(b)")
                if a == b { #expect(HashedKey(a).hashValue == HashedKey(b).hashValue) }
            }
        }
        // A table finds every key it holds and none it does not, whatever the table's size.
        var table: [HashedKey: Int] = [:]
        for i in 0..<20_000 { table[HashedKey("subnet-" + String(i))] = i }
        #expect((0..<20_000).allSatisfy { (i: Int) in table[HashedKey("subnet-" + String(i))] == i })
        #expect(table[HashedKey("subnet-20000")] == nil && table.count == 20_000)
    }

    @Test func anIndexKeepsTheFirstOrTheLastPositionOfAnID() {
        var first = IDIndex()
        var last = IDIndex(minimumCapacity: 4)
        for (i, id) in ["a", "b", "a", "c", "b"].enumerated() {
            first.keepFirst(id, i)
            last.keepLast(id, i)
        }
        #expect(first["a"] == 0 && first["b"] == 1 && first["c"] == 3 && first["d"] == nil)
        #expect(last["a"] == 2 && last["b"] == 4 && last["c"] == 3 && last["d"] == nil)
        #expect(first.count == 3 && last.count == 3)
    }
}
