/// A parsed JSON document as a flat tape (after simdjson's): one 16-byte entry per value, in
/// document order, with objects and arrays holding the index just past their last value. Strings
/// are not copied: an entry points at its bytes in the file (or, for the few strings with
/// escapes, in `unescaped`). Decoders read fields in place; a Swift `String` is made only for a
/// field that is read, and a JSON path only for a message.
///
/// Immutable once parsed. Secrets (`Secrets.jsonKeys`) are replaced by `null` as they are parsed.
///
/// The tape and the unescaped text are buffers of its own and the file's bytes are borrowed (not
/// arrays), so reading a field costs no reference counting: a document lives only inside
/// `JSONParser.withDocument`, while the bytes it reads are there.
final class JSONDocument {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let unescaped: UnsafeMutableBufferPointer<UInt8>
    private let tape: UnsafeMutableBufferPointer<TapeEntry>

    /// Takes ownership of `unescaped` and `tape` (allocated by the parser).
    init(
        bytes: UnsafeBufferPointer<UInt8>, unescaped: UnsafeMutableBufferPointer<UInt8>,
        tape: UnsafeMutableBufferPointer<TapeEntry>
    ) {
        self.bytes = bytes
        self.unescaped = unescaped
        self.tape = tape
    }

    deinit {
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
        let source = entry.kind == .escapedString ? UnsafeBufferPointer(unescaped) : bytes
        return length == 0 || memcmp(source.baseAddress! + start, wanted.baseAddress!, length) == 0
    }

    /// The string at `index` (a string entry).
    func string(_ index: Int) -> String {
        let entry = tape[index]
        let start = Int(entry.payload >> 32)
        let length = Int(entry.payload & 0xFFFF_FFFF)
        let source = entry.kind == .escapedString ? UnsafeBufferPointer(unescaped) : bytes
        return String(decoding: UnsafeBufferPointer(rebasing: source[start..<(start + length)]), as: UTF8.self)
    }

    /// The UTF-8 bytes of the string at `index` (a string entry), read in place.
    func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = tape[index]
        let start = Int(entry.payload >> 32)
        let length = Int(entry.payload & 0xFFFF_FFFF)
        let source = entry.kind == .escapedString ? UnsafeBufferPointer(unescaped) : bytes
        return body(UnsafeBufferPointer(rebasing: source[start..<(start + length)]))
    }

    /// The number of items of the array (or members of the object) at `index`.
    func count(_ index: Int) -> Int { Int(tape[index].count) }

    func int(_ index: Int) -> Int64 { Int64(bitPattern: tape[index].payload) }
    func double(_ index: Int) -> Double { Double(bitPattern: tape[index].payload) }
    func bool(_ index: Int) -> Bool { tape[index].payload != 0 }
    /// The fingerprint the parser left in place of a secret string (`Secrets`), if this entry is one.
    func secretFingerprint(_ index: Int) -> UInt64? {
        tape[index].kind == .null && tape[index].count == 1 ? tape[index].payload : nil
    }
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

/// A growable buffer of plain values (tape entries, bytes) handed over to the document without a
/// copy. Values are trivial, so nothing needs deinitialising.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var storage: UnsafeMutableBufferPointer<Element>
    private(set) var count = 0

    init(capacity: Int) { storage = .allocate(capacity: max(16, capacity)) }

    @inline(__always) mutating func append(_ value: Element) {
        if count == storage.count { grow(count + 1) }
        storage[count] = value
        count += 1
    }

    mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        if count + values.count > storage.count { grow(count + values.count) }
        if !values.isEmpty {
            (storage.baseAddress! + count).update(from: values.baseAddress!, count: values.count)
        }
        count += values.count
    }

    subscript(index: Int) -> Element {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Forgets the values from `index` on.
    mutating func truncate(to index: Int) { count = min(count, index) }

    private mutating func grow(_ needed: Int) {
        let bigger = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(needed, storage.count * 2))
        if count > 0 { bigger.baseAddress!.update(from: storage.baseAddress!, count: count) }
        storage.deallocate()
        storage = bigger
    }

    /// The buffer, cut to its count, for its new owner (this one must not be used after).
    mutating func take() -> UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(rebasing: storage[0..<count])
    }

    /// Frees the buffer (when it is not taken).
    func free() { storage.deallocate() }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
