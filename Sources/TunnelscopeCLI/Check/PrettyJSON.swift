import Dispatch
import TunnelscopeText

/// JSON text exactly as `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indents, `"key" : value`, an empty container as an open
/// and a close bracket with an empty line between them, `"` `\` and C0 controls escaped, nothing
/// else), written straight into bytes instead of through the encoder's intermediate values:
/// `check --format json` on a large network is megabytes of it.
///
/// The caller writes each object's keys in sorted (UTF-8) order, as the encoder sorts them; a
/// debug build checks that it does.
///
/// `sanitizing`: each string is written as `Sanitizer.json` would leave it in the whole document
/// (C1, bidi and invisible format characters as `\uXXXX` too), so the document needs no pass of
/// its own. The same bytes: everything outside strings is ASCII, and a string is sanitised with its
/// quotes, which sit between ASCII bytes where the sanitiser's parts always end.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private let sanitizing: Bool
    private var depth = 0
    private var first = true
    #if DEBUG
        private var lastKeys: [String?] = []
    #endif

    init(capacity: Int = 1 << 16, sanitizing: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.sanitizing = sanitizing
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    /// `{ … }`: `body` writes the members with `field` or `key` + a value.
    mutating func object(_ body: (inout PrettyJSON) -> Void) {
        open(UInt8(ascii: "{"))
        #if DEBUG
            lastKeys.append(nil)
        #endif
        body(&self)
        #if DEBUG
            lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    /// `[ … ]`, one element per item.
    mutating func array<S: Sequence>(_ items: S, _ element: (inout PrettyJSON, S.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            separate()
            element(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    mutating func array(_ items: [String]) { array(items) { $0.string($1) } }

    /// `[ … ]` exactly as `array` writes it, its elements written in parts on the available cores
    /// and joined in order (for the thousands of findings of a large network). Each part is
    /// written at this depth as if the elements before it were there: it starts with the `,` and
    /// line break that follow an element, except the first.
    mutating func array<T: Sendable>(
        concurrently items: [T], partSize: Int = 512, _ element: @escaping @Sendable (inout PrettyJSON, T) -> Void
    ) {
        let parts = (items.count + partSize - 1) / partSize
        guard parts > 1 else {
            array(items, element)
            return
        }
        open(UInt8(ascii: "["))
        let written = Parts(count: parts)
        let depth = self.depth
        let sanitizing = self.sanitizing
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            var json = PrettyJSON(sanitizing: sanitizing)
            json.depth = depth
            json.first = p == 0
            for item in items[(p * partSize)..<min(items.count, (p + 1) * partSize)] {
                json.separate()
                element(&json, item)
            }
            written.set(p, json.bytes)
        }
        for p in 0..<parts { bytes.append(contentsOf: written[p]) }
        first = false
        close(UInt8(ascii: "]"))
    }

    // MARK: Members

    /// The key of the next member; its value follows.
    mutating func key(_ key: StaticString) {
        #if DEBUG
            let name = key.description
            if let last = lastKeys[lastKeys.count - 1] {
                assert(last.utf8.lexicographicallyPrecedes(name.utf8), "keys out of order: \(last), \(name)")
            }
            lastKeys[lastKeys.count - 1] = name
        #endif
        separate()
        append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        append("\" : ")
    }

    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: StaticString, _ value: [String]) {
        key(name)
        array(value)
    }

    /// A member that is left out when the value is nil (what `encodeIfPresent` does).
    mutating func field(ifPresent name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    mutating func field(ifPresent name: StaticString, _ value: Int?) {
        if let value { field(name, value) }
    }

    // MARK: Values

    mutating func string(_ value: String) {
        let start = bytes.count
        append(UInt8(ascii: "\""))
        var value = value
        var plain = true  // printable ASCII once escaped: nothing the sanitiser would change
        value.withUTF8 { utf8 in
            var run = 0  // start of the bytes not written yet
            for (i, byte) in utf8.enumerated() where byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x7F {
                if byte >= 0x7F {
                    plain = false
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                run = i + 1
                switch byte {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    append("\\u00")
                    append(Self.hexDigit(byte >> 4))
                    append(Self.hexDigit(byte & 0xF))
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        append(UInt8(ascii: "\""))
        if sanitizing && !plain {
            let written = Array(bytes[start...])
            bytes.removeSubrange(start...)
            bytes.append(contentsOf: Sanitizer.json(written))
        }
    }

    mutating func int(_ value: Int) { append(String(value)) }

    mutating func bool(_ value: Bool) { append(value ? "true" : "false") }

    mutating func null() { append("null") }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        append(bracket)
        append(UInt8(ascii: "\n"))
        depth += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        append(UInt8(ascii: "\n"))
        depth -= 1
        indent()
        append(bracket)
        first = false
    }

    /// Before an element or a member: `,` and a line break after the one before it, then the indent.
    private mutating func separate() {
        if first {
            first = false
        } else {
            append(",\n")
        }
        indent()
    }

    private mutating func indent() {
        for _ in 0..<depth { append("  ") }
    }

    private mutating func append(_ byte: UInt8) { bytes.append(byte) }

    private mutating func append(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
}

/// A part of `check`'s JSON document.
protocol JSONWritable {
    func write(to json: inout PrettyJSON)
}

/// The text of each part of a concurrently written array, each set by exactly one part, read
/// after all have been written.
private final class Parts: @unchecked Sendable {
    private var texts: UnsafeMutableBufferPointer<[UInt8]>

    init(count: Int) {
        texts = .allocate(capacity: count)
        texts.initialize(repeating: [])
    }

    deinit {
        _ = texts.deinitialize()
        texts.deallocate()
    }

    func set(_ part: Int, _ text: [UInt8]) { texts[part] = text }

    subscript(part: Int) -> [UInt8] { texts[part] }
}
