import Testing

@testable import TunnelscopeImport

/// Text that many resources repeat is kept once per file, also when it is found by its bytes.
@Suite struct InterningTests {
    private func address(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func aRepeatedTextIsMadeOnceAndShared() {
        let context = DecodeContext(file: "f.json")
        let bytes = Array("tgw-0a1b2c3d4e5f60718".utf8)
        var made = 0
        let make = {
            made += 1
            return String(decoding: bytes, as: UTF8.self)
        }
        let first = bytes.withUnsafeBufferPointer { context.intern($0, make) }
        let second = bytes.withUnsafeBufferPointer { context.intern($0, make) }
        #expect(first == "tgw-0a1b2c3d4e5f60718" && second == first && made == 1)
        #expect(address(first) != nil && address(first) == address(second))
        #expect(address(context.intern(String(decoding: bytes, as: UTF8.self))) == address(first))
        // Another text of the same length is its own.
        let other = Array("tgw-0a1b2c3d4e5f60719".utf8)
        #expect(
            other.withUnsafeBufferPointer { context.intern($0) { String(decoding: other, as: UTF8.self) } }
                == "tgw-0a1b2c3d4e5f60719")
        // Short text is stored inline anyway.
        let short = Array("local".utf8)
        #expect(short.withUnsafeBufferPointer { context.intern($0) { "local" } } == "local")
    }
}
