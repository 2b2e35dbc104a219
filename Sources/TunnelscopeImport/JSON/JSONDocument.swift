/// A parsed JSON document as a flat tape (after simdjson's): one 16-byte entry per value, in
/// document order, with objects and arrays holding the index just past their last value. Strings
/// are not copied: an entry points at its bytes in the file (or, for the few strings with
/// escapes, in `unescaped`). Decoders read fields in place; a Swift `String` is made only for a
/// field that is read, and a JSON path only for a message.
///
/// Immutable once parsed. Secrets (`Secrets.jsonKeys`) are replaced by `null` as they are parsed.
///
/// The bytes and the tape are held in buffers of its own (not arrays), so reading a field costs no
/// reference counting.
final class JSONDocument: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let unescaped: UnsafeMutableBufferPointer<UInt8>
    private let tape: UnsafeMutableBufferPointer<TapeEntry>

    init(bytes: UnsafeBufferPointer<UInt8>, unescaped: [UInt8], tape: [TapeEntry]) {
        self.bytes = .allocate(capacity: bytes.count)
        _ = self.bytes.initialize(from: bytes)
        self.unescaped = .allocate(capacity: unescaped.count)
        _ = self.unescaped.initialize(from: unescaped)
        self.tape = .allocate(capacity: tape.count)
        _ = self.tape.initialize(from: tape)
    }

    deinit {
        bytes.deallocate()
        unescaped.deallocate()
        tape.deallocate()
    }

    /// The index of the value after the one at `index` (skipping a container's contents).
    @inline(__always) func next(_ index: Int) -> Int {
        let entry = tape[index]
        return entry.kind.isContainer ? Int(entry.payload) : index + 1
    }

    @inline(__always) func kind(_ index: Int) -> TapeKind { tape[index].kind }

    /// Members of the object at `index`: (key entry, value entry), in document order.
    func forEachMember(_ index: Int, _ body: (_ key: Int, _ value: Int) -> Void) {
        let entry = tape[index]
        guard entry.kind == .object else { return }
        var i = index + 1
        let end = Int(entry.payload)
        while i < end {
            body(i, i + 1)
            i = next(i + 1)
        }
    }

    /// The value entry of member `key` of the object at `index`; the last one when a key is
    /// written twice (as a dictionary would keep it). Nil when there is none.
    func member(_ index: Int, _ key: String) -> (key: Int, value: Int)? {
        let entry = tape[index]
        guard entry.kind == .object else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            var found: (Int, Int)?
            var i = index + 1
            let end = Int(entry.payload)
            while i < end {
                if equals(i, wanted) { found = (i, i + 1) }
                i = next(i + 1)
            }
            return found
        }
    }

    /// Whether the string at `index` is `wanted`.
    @inline(__always) func equals(_ index: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = tape[index]
        let length = Int(entry.payload & 0xFFFF_FFFF)
        guard length == wanted.count else { return false }
        let start = Int(entry.payload >> 32)
        let source = entry.kind == .escapedString ? unescaped : bytes
        return length == 0 || memcmp(source.baseAddress! + start, wanted.baseAddress!, length) == 0
    }

    /// The string at `index` (a string entry).
    func string(_ index: Int) -> String {
        let entry = tape[index]
        let start = Int(entry.payload >> 32)
        let length = Int(entry.payload & 0xFFFF_FFFF)
        let source = entry.kind == .escapedString ? unescaped : bytes
        return String(decoding: UnsafeBufferPointer(rebasing: source[start..<(start + length)]), as: UTF8.self)
    }

    /// The number of items of the array (or members of the object) at `index`.
    func count(_ index: Int) -> Int { Int(tape[index].count) }

    func int(_ index: Int) -> Int64 { Int64(bitPattern: tape[index].payload) }
    func double(_ index: Int) -> Double { Double(bitPattern: tape[index].payload) }
    func bool(_ index: Int) -> Bool { tape[index].payload != 0 }
}

enum TapeKind: UInt8, Sendable {
    case null, bool, int, double, string, escapedString, array, object

    var isContainer: Bool { self == .array || self == .object }
    var isString: Bool { self == .string || self == .escapedString }

    /// The JSON type name used in messages: "string", "number", "object", …
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string, .escapedString: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One value: its kind; for containers the number of members or items and (payload) the index
/// just past the last one; for strings the offset (high 32 bits) and length of its bytes; for
/// numbers and booleans their bits.
struct TapeEntry: Sendable {
    var kind: TapeKind
    var count: UInt32
    var payload: UInt64
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
