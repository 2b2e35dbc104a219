import Foundation
import Testing
import TunnelscopeExample

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
}
