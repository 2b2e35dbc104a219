import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeText

@testable import TunnelscopeCLI

/// `PrettyJSON` writes the same text as `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, which `check --format json` used before: escapes, nesting, empty
/// containers, null, numbers, booleans.
@Suite struct PrettyJSONTests {
    struct Item: Encodable, JSONWritable {
        let name: String
        let note: String?
        let count: Int
        let flag: Bool
        let tags: [String]
        let children: [Item]
        let twin: [String: String]?

        func encode(to encoder: Encoder) throws {
            enum Key: String, CodingKey { case children, count, flag, name, note, tags, twin }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(children, forKey: .children)
            try c.encode(count, forKey: .count)
            try c.encode(flag, forKey: .flag)
            try c.encode(name, forKey: .name)
            try c.encodeIfPresent(note, forKey: .note)
            try c.encode(tags, forKey: .tags)
            try c.encode(twin, forKey: .twin)  // null when nil
        }

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.key("children")
                o.array(children) { $1.write(to: &$0) }
                o.field("count", count)
                o.field("flag", flag)
                o.field("name", name)
                o.field(ifPresent: "note", note)
                o.field("tags", tags)
                o.key("twin")
                if let twin {
                    o.object { t in
                        // One key, or none: the order of several would be the caller's to keep.
                        if let value = twin["k"] { t.field("k", value) }
                    }
                } else {
                    o.null()
                }
            }
        }
    }

    static func encoded(_ item: Item) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(item), as: UTF8.self)
    }

    static func written(_ item: Item) -> String {
        var json = PrettyJSON()
        item.write(to: &json)
        return json.text
    }

    @Test func sameTextAsJSONEncoder() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let strings = [
            "", "plain", controls, "quote \" backslash \\ slash / del \u{7F}", "\u{9B}31m \u{202E}evil \u{2028}",
            "決済チーム 👩‍💻 e\u{301}", "\\u0041 \\\"", "\r\n", "tab\tend",
        ]
        let leaf = Item(name: "leaf", note: nil, count: -7, flag: false, tags: [], children: [], twin: [:])
        for (i, text) in strings.enumerated() {
            let item = Item(
                name: text, note: i % 2 == 0 ? text : nil, count: i * 1_000_003, flag: i % 3 == 0,
                tags: [text, "x", text], children: i % 2 == 0 ? [leaf, leaf] : [],
                twin: i % 3 == 0 ? nil : ["k": text])
            #expect(Self.written(item) == (try Self.encoded(item)), "\(text.debugDescription)")
        }
        #expect(Self.written(leaf) == (try Self.encoded(leaf)), "empty array and object")
    }

    @Test func checkDocumentParsesBack() throws {
        let run = CheckRun(result: ExampleNetwork.load(), format: .json, fail: ["to-gcp-if1"], verbose: false)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        #expect((object?["tunnels"] as? [Any])?.isEmpty == false)
        #expect(object?["whatIf"] != nil)
    }

    /// Strings sanitised as they are written give the bytes the sanitiser gives over the whole
    /// document: C0, DEL, C1, bidi and format characters, a combining mark or joiner right after the
    /// opening quote or before the closing one, CR LF, emoji sequences, text that is all escapes.
    @Test func sanitisingEachStringEqualsSanitisingTheDocument() {
        let texts = [
            "plain", "", "\u{0301}starts with a combining mark", "ends with a joiner\u{200D}", "\u{202E}evil\u{202C}",
            "tab\tand\r\nCR LF", "del \u{7F} c1 \u{9B}31m", "caf\u{E9} \u{2192} \u{2026}",
            "\u{1F469}\u{200D}\u{1F4BB} family",
            "\u{FEFF}\u{200B}\u{2066}isolate\u{2069}", "quote \" backslash \\", "\u{0301}", "a\u{0308}\u{0301}\u{202E}",
            "\u{85}next line \u{2028} \u{2029}", "\u{1}\u{1F}", "\u{E000}private \u{FFFD}",
        ]
        func document(_ json: inout PrettyJSON) {
            json.object { json in
                json.field("items", texts)
                json.field("last", texts.joined())
            }
        }
        var plain = PrettyJSON()
        document(&plain)
        var sanitised = PrettyJSON(sanitizing: true)
        document(&sanitised)
        #expect(sanitised.bytes == Sanitizer.json(plain.bytes))
        #expect(sanitised.bytes != plain.bytes)
        #expect(!sanitised.text.contains("\u{202E}"))
    }

    /// An array written in parts on several cores is the array written in one pass, byte for byte:
    /// no element, one, a part exactly full, one more than a part, many parts, nested in an object,
    /// with strings the sanitiser rewrites.
    @Test func arrayWrittenInPartsEqualsOnePass() {
        let texts = ["plain", "\u{202E}evil\u{202C}", "tab\tend \u{9B}", "決済 \u{1F469}\u{200D}\u{1F4BB}", ""]
        let leaf = Item(name: "leaf", note: nil, count: 1, flag: true, tags: [], children: [], twin: nil)
        for count in [0, 1, 2, 3, 4, 5, 7, 8, 9, 40] {
            let items = (0..<count).map { i in
                Item(
                    name: texts[i % texts.count], note: i % 2 == 0 ? "n\(i)" : nil, count: i, flag: i % 3 == 0,
                    tags: [texts[(i + 1) % texts.count]], children: i % 4 == 0 ? [leaf] : [], twin: ["k": "v"])
            }
            for sanitizing in [false, true] {
                func document(_ json: inout PrettyJSON, parts: Bool) {
                    json.object { o in
                        o.key("a")
                        if parts {
                            o.array(concurrently: items, partSize: 4) { $1.write(to: &$0) }
                        } else {
                            o.array(items) { $1.write(to: &$0) }
                        }
                        o.field("b", count)
                    }
                }
                var one = PrettyJSON(sanitizing: sanitizing)
                document(&one, parts: false)
                var inParts = PrettyJSON(sanitizing: sanitizing)
                document(&inParts, parts: true)
                #expect(inParts.text == one.text, "\(count) items, sanitizing: \(sanitizing)")
            }
        }
        // At the top level too, and the same as the encoder's text.
        let top = (0..<9).map {
            Item(name: "i\($0)", note: nil, count: $0, flag: false, tags: [], children: [], twin: nil)
        }
        var json = PrettyJSON()
        json.array(concurrently: top, partSize: 2) { $1.write(to: &$0) }
        var one = PrettyJSON()
        one.array(top) { $1.write(to: &$0) }
        #expect(json.text == one.text && json.text.hasPrefix("[\n  {") && json.text.hasSuffix("}\n]"))
    }
}
