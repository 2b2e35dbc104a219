import Testing

@testable import TunnelscopeImport

/// The parser skips plain string bytes eight at a time: a word has special bytes exactly when one
/// of its bytes is a quote, a backslash, a control character or not ASCII, and the first flagged
/// byte is the first of them.
@Suite struct StringScanTests {
    static func special(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 }

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    @Test func everyByteAtEveryPlace() {
        for place in 0..<8 {
            for byte in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[place] = byte
                let special = JSONParser.specialBytes(Self.word(bytes))
                #expect((special != 0) == Self.special(byte), "\(byte) at \(place)")
                if special != 0 { #expect(JSONParser.firstSpecialByte(special) == place) }
            }
        }
    }

    @Test func randomWordsAgreeWithTheBytes() {
        // Bytes near the edges (0x1F/0x20, 0x21/0x22/0x23, 0x5B/0x5C/0x5D, 0x7F/0x80, 0x00, 0xFF) mixed.
        let edges: [UInt8] = [
            0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xA2, 0xFF,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in edges.randomElement(using: &generator)! }
            let special = JSONParser.specialBytes(Self.word(bytes))
            let first = bytes.firstIndex(where: Self.special)
            #expect((special != 0) == (first != nil), "\(bytes)")
            if let first, special != 0 { #expect(JSONParser.firstSpecialByte(special) == first, "\(bytes)") }
        }
    }

    @Test func stringsAroundWordEdgesParseAsBefore() throws {
        // Strings of every length up to 40 with a special byte at every place: the same text back.
        for length in 0...40 {
            for place in -1..<length {
                var text = String(repeating: "x", count: length)
                if place >= 0 {
                    var scalars = Array(text.unicodeScalars)
                    scalars[place] = place % 3 == 0 ? "é" : place % 3 == 1 ? "\u{1F600}" : "a"
                    text = String(String.UnicodeScalarView(scalars))
                }
                let json = #"{"k": "\#(text)", "e": "a\"b\\c"}"#
                let bytes = Array(json.utf8)
                let values = try bytes.withUnsafeBufferPointer { buffer in
                    let document = try JSONParser.parse(buffer)
                    let root = Node(root: document, context: DecodeContext(file: "t"))
                    return (root.string("k"), root.string("e"))
                }
                #expect(values.0 == text)
                #expect(values.1 == "a\"b\\c")
            }
        }
    }

    @Test func aControlCharacterAnywhereIsStillAnError() {
        for place in 0..<24 {
            var bytes = Array(#"{"k": ""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 24) + Array(#""}"#.utf8)
            bytes[7 + place] = 0x01
            let parsed = bytes.withUnsafeBufferPointer { buffer in (try? JSONParser.parse(buffer)) != nil }
            #expect(!parsed, "a raw control character at \(place)")
        }
    }
}
