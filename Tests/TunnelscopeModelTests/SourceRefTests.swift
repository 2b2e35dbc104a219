import Testing
import TunnelscopeModel

/// An item's source shares its array's file and path and reads as the whole path.
@Suite struct SourceRefTests {
    @Test func anItemReadsAsItsWholePath() {
        let array = SourceArray(file: "aws/vpcs.json", path: "$.Vpcs")
        let item = SourceRef(item: 3, of: array)
        #expect(item.file == "aws/vpcs.json" && item.path == "$.Vpcs[3]")
        #expect(item.description == "aws/vpcs.json $.Vpcs[3]")
        let whole = SourceRef(file: "aws/vpcs.json", path: "$.Vpcs[3]")
        #expect(item == whole && whole == item && item.hashValue == whole.hashValue)
        #expect(item != SourceRef(item: 4, of: array))
        #expect(item != SourceRef(item: 3, of: SourceArray(file: "other.json", path: "$.Vpcs")))
        #expect(SourceRef(item: 3, of: SourceArray(file: "aws/vpcs.json", path: "$.Vpcs")) == item)
        #expect(Set([item, whole, SourceRef(item: 0, of: array)]).count == 2)
    }

    @Test func aSourceIsSmall() {
        #expect(MemoryLayout<SourceRef>.stride == 16)
    }
}
