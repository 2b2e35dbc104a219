import TunnelscopeModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON value in its document, with the path that leads to it (`$.VpnConnections[2].Options`),
/// and typed accessors that tell the decoder what was wrong and where.
///
/// The path is built only when it is asked for (a message, a resource's source): a node keeps its
/// container's path and its own last step. Reading a field does not build a node or a path.
///
/// Optional fields of the wrong type are reported as warnings and read as missing; a required
/// field that is missing or of the wrong type throws, and the resource is skipped with that reason.
struct Node {
    let document: JSONDocument
    let index: Int
    /// The path of the container this value is in (or the whole path, for `.whole`).
    private let base: String
    private let step: Step
    let context: DecodeContext

    private enum Step {
        case whole
        /// A member: the tape index of its key.
        case key(Int)
        /// An item of an array.
        case item(Int)
    }

    /// The document's root value (`$`).
    init(root document: JSONDocument, context: DecodeContext) {
        self.init(document, 0, base: "$", .whole, context)
    }

    private init(_ document: JSONDocument, _ index: Int, base: String, _ step: Step, _ context: DecodeContext) {
        self.document = document
        self.index = index
        self.base = base
        self.step = step
        self.context = context
    }

    var path: String {
        switch step {
        case .whole: base
        case .key(let key): base + Self.keyPath(document.string(key))
        case .item(let i): base + "[\(i)]"
        }
    }

    var kind: TapeKind { document.kind(index) }
    var typeName: String { kind.typeName }

    /// The member `key` as a node; nil when it is missing or null.
    func child(_ key: String) -> Node? {
        member(key).map { Node(document, $0.value, base: path, .key($0.key), context) }
    }

    /// The path of member `key` (for messages), without making its node.
    private func path(of key: String) -> String { path + Self.keyPath(key) }

    /// The key and value entries of member `key`, nil when it is missing or null.
    private func member(_ key: String) -> (key: Int, value: Int)? {
        guard let member = document.member(index, key), document.kind(member.value) != .null else { return nil }
        return member
    }

    /// The fingerprint of the secret member `key` (a pre-shared key the parser dropped), if any.
    func secretFingerprint(_ key: String) -> SecretFingerprint? {
        document.member(index, key).flatMap { document.secretFingerprint($0.value) }.map(SecretFingerprint.init)
    }

    /// The value entry of member `key`, nil when missing or null.
    private func value(_ key: String) -> Int? { member(key)?.value }

    /// The items of this array as nodes (none when it is not an array).
    var items: [Node] {
        guard kind == .array else { return [] }
        let base = path
        var nodes: [Node] = []
        nodes.reserveCapacity(document.count(index))
        var i = index + 1
        let end = document.next(index)
        while i < end {
            nodes.append(Node(document, i, base: base, .item(nodes.count), context))
            i = document.next(i)
        }
        return nodes
    }

    /// The members of this object, each key once (the last value of a key written twice), in
    /// document order.
    var members: [(key: String, node: Node)] {
        var result: [(key: String, node: Node)] = []
        var position: [String: Int] = [:]
        let base = path
        document.forEachMember(index) { key, value in
            let name = document.string(key)
            let node = Node(document, value, base: base, .key(key), context)
            if let at = position[name] {
                result[at].node = node
            } else {
                position[name] = result.count
                result.append((name, node))
            }
        }
        return result
    }

    /// `.Options`, or `["a key"]` for any other key: escaped and cut, as in `shownKey`.
    static func keyPath(_ key: String) -> String {
        let simple =
            !key.isEmpty && key.utf8.count <= maxShownKey
            && key.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F
            }
        return simple ? ".\(key)" : "[\"\(shownKey(key))\"]"
    }

    /// Input text quoted in a message: `"10.0.0.0/33"`, escaped and cut as keys are.
    static func quoted(_ text: String) -> String { "\"\(shownKey(text))\"" }

    /// The longest key quoted in a path or message (longer ones are cut, with "…").
    static let maxShownKey = 64

    /// A key as quoted in paths and messages: at most `maxShownKey` characters; quotes,
    /// backslashes, control, C1 and bidi characters written as JSON escapes (`\u202e`), so that
    /// no key can forge or hide text.
    static func shownKey(_ key: String) -> String {
        var shown = ""
        for (count, scalar) in key.unicodeScalars.enumerated() {
            if count == maxShownKey {
                shown += "…"
                break
            }
            switch scalar.value {
            case 0x22: shown += "\\\""
            case 0x5C: shown += "\\\\"
            case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069,
                0xFEFF:
                let hex = String(scalar.value, radix: 16)
                shown += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    var isObject: Bool { kind == .object }
    var isArray: Bool { kind == .array }
    var keys: [String] {
        var names = Set<String>()
        document.forEachMember(index) { key, _ in names.insert(document.string(key)) }
        return names.sorted()
    }

    /// The string value of this node, when it is a string.
    var stringValue: String? { kind.isString ? document.string(index) : nil }
    /// The integer value of this node, when it is a number written as an integer.
    var intValue: Int? { kind == .int ? Int(exactly: document.int(index)) : nil }

    private func wrongType(_ key: String, _ value: Int, expected: String) {
        context.warn(path(of: key), "expected \(expected), found \(document.kind(value).typeName); ignored")
    }

    // MARK: optional fields

    /// The longest text the model keeps from one field (names, descriptions, IDs): longer text
    /// is cut, with a warning, so that no later cost (a view, a search, a keystroke) depends on
    /// the length of a string in the input.
    static let maxText = 4096

    /// `text`, or its first `maxText` bytes (whole characters) and "…".
    static func cut(_ text: String) -> String {
        guard text.utf8.count > maxText else { return text }
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > maxText { break }
            kept.append(scalar)
        }
        return String(kept) + "…"
    }

    /// `text` as the model keeps it; a warning at `path` when it is cut.
    func kept(_ text: String, at path: @autoclosure () -> String) -> String {
        guard text.utf8.count > Self.maxText else { return text }
        context.warn(path(), "\(text.utf8.count) bytes of text, cut to the first \(Self.maxText >> 10) KiB")
        return Self.cut(text)
    }

    /// A string field as it is, however long: only for text that is parsed with its own limits
    /// (the configuration XML).
    func longString(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        if document.kind(value).isString { return document.string(value) }
        return string(key)
    }

    func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        switch document.kind(value) {
        case .string, .escapedString: return kept(document.string(value), at: path(of: key))
        case .int: return String(document.int(value))
        default:
            wrongType(key, value, expected: "a string")
            return nil
        }
    }

    /// A string field that many resources repeat (a route's target): the file's one copy of it,
    /// found from the bytes in the file (no string is made when the file had it before).
    func sharedString(_ key: String) -> String? {
        guard let value = value(key), document.kind(value).isString else { return string(key).map(context.intern) }
        return document.withBytes(value) { bytes in
            bytes.count > Self.maxText
                ? string(key).map(context.intern) : context.intern(bytes) { document.string(value) }
        }
    }

    /// Integers, also when written as strings (`CustomerGateway.BgpAsn` is `"65000"`).
    func int(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        switch document.kind(value) {
        case .int: return Int(exactly: document.int(value))
        case .double
        where document.double(value).rounded() == document.double(value)
            && abs(document.double(value)) < 1e15:
            return Int(document.double(value))
        case let kind where kind.isString && Int(document.string(value)) != nil: return Int(document.string(value))
        default:
            wrongType(key, value, expected: "a whole number")
            return nil
        }
    }

    /// Booleans, also `"TRUE"`/`"FALSE"` (Cloud Router `bgpPeers[].enable`).
    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        switch document.kind(value) {
        case .bool: return document.bool(value)
        case let kind where kind.isString && ["true", "false"].contains(document.string(value).lowercased()):
            return document.string(value).lowercased() == "true"
        default:
            wrongType(key, value, expected: "true or false")
            return nil
        }
    }

    func array(_ key: String) -> [Node] {
        guard let node = child(key) else { return [] }
        guard node.kind == .array else {
            wrongType(key, node.index, expected: "an array")
            return []
        }
        return node.items
    }

    func object(_ key: String) -> Node? {
        guard let node = child(key) else { return nil }
        guard node.isObject else {
            wrongType(key, node.index, expected: "an object")
            return nil
        }
        return node
    }

    func strings(_ key: String) -> [String] {
        array(key).compactMap { item in
            if let s = item.stringValue { return kept(s, at: item.path) }
            context.warn(item.path, "expected a string, found \(item.typeName); ignored")
            return nil
        }
    }

    /// A CIDR field; an unparsable value is a warning (IPv6 ranges are skipped quietly).
    func cidr(_ key: String) -> CIDRField {
        guard let text = string(key) else { return CIDRField(text: nil, cidr: nil) }
        let cidr = CIDR(text)
        if cidr == nil, !text.contains(":") {
            context.warn(path(of: key), "\(Self.quoted(text)) is not an IPv4 CIDR; ignored")
        }
        return CIDRField(text: text, cidr: cidr)
    }

    func ipv4(_ key: String) -> IPv4Address? {
        guard let text = string(key), !text.isEmpty else { return nil }
        let ip = IPv4Address(text)
        if ip == nil, !text.contains(":") {
            context.warn(path(of: key), "\(Self.quoted(text)) is not an IPv4 address; ignored")
        }
        return ip
    }

    /// AWS `Tags: [{Key, Value}]`, Direct Connect `tags: [{key, value}]`, GCP `labels: {k: v}`.
    func tags() -> [String: String] {
        var result: [String: String] = [:]
        for item in array("Tags") + array("tags") {
            if let key = item.string("Key") ?? item.string("key") {
                result[key] = item.string("Value") ?? item.string("value") ?? ""
            }
        }
        if let labels = object("labels") {
            for (k, v) in labels.members {
                if let s = v.stringValue {
                    result[kept(k, at: v.path)] = kept(s, at: v.path)
                }
            }
        }
        return result
    }

    // MARK: required fields

    func required(_ key: String) throws(DecodeError) -> String {
        guard let value = value(key) else { throw DecodeError(path: path, message: "missing \(key)") }
        guard document.kind(value).isString, case let s = document.string(value), !s.isEmpty else {
            throw DecodeError(
                path: path(of: key),
                message: "\(key) should be a non-empty string, found \(document.kind(value).typeName)")
        }
        return kept(s, at: path(of: key))
    }

    func requireObject() throws(DecodeError) {
        guard isObject else { throw DecodeError(path: path, message: "expected an object, found \(typeName)") }
    }

    /// Where this value is; an item of an array shares the array's file and path with the
    /// other items (no path is written for it).
    var source: SourceRef {
        if case .item(let i) = step { return SourceRef(item: i, of: context.array(at: base)) }
        return SourceRef(file: context.file, path: path)
    }
}

struct CIDRField {
    let text: String?
    let cidr: CIDR?
}

struct DecodeError: Error {
    let path: String
    let message: String
}

/// Collects warnings for one file. Used from one thread at a time.
final class DecodeContext {
    let file: String
    private(set) var warnings: [LoadMessage] = []

    init(file: String) { self.file = file }

    private var said = Set<LoadMessage>()
    private var interned = Set<String>()

    /// One shared copy of a text that many resources repeat (a route's target, a VPC ID): a long
    /// string is stored once per file instead of once per route (short ones are stored inline).
    func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        return interned.insert(text).memberAfterInsert
    }

    /// The array at `path`, shared by its items' sources (the items of one array are decoded
    /// one after another).
    func array(at path: String) -> SourceArray {
        if let last = lastArray, last.path == path { return last }
        let array = SourceArray(file: file, path: path)
        lastArray = array
        return array
    }

    private var lastArray: SourceArray?

    /// `intern(make())` for the text whose UTF-8 is `bytes`, without making it again when this
    /// file had it before.
    func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ make: () -> String) -> String {
        guard bytes.count > 15 else { return make() }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        if let known = internedByBytes[hash], Self.equal(known, bytes) { return known }
        let text = intern(make())
        internedByBytes[hash] = text
        return text
    }

    /// Whether `text`'s UTF-8 is `bytes` (compared in place, not byte by byte through a view).
    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        var text = text
        return text.withUTF8 { own in
            own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0
        }
    }

    /// Interned texts by the hash of their bytes (the last one of a hash).
    private var internedByBytes: [Int: String] = [:]

    /// Records a warning once (a field read twice warns once).
    func warn(_ path: String, _ message: String) {
        guard warnings.count < Self.maxWarnings else {
            unlisted += 1
            return
        }
        let warning = LoadMessage(file: file, path: path, text: message)
        if said.insert(warning).inserted { warnings.append(warning) }
    }

    /// Warnings listed per file; past them, a count (a file of a million odd fields stays readable).
    static let maxWarnings = 500
    private var unlisted = 0

    /// The warnings, and a line for those past `maxWarnings`.
    var allWarnings: [LoadMessage] {
        unlisted == 0
            ? warnings
            : warnings + [
                LoadMessage(
                    file: file, path: nil,
                    text: "… and \(unlisted) more warnings in this file (the first \(Self.maxWarnings) are listed)")
            ]
    }
}
