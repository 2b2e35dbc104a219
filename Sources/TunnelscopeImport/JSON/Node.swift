import TunnelscopeModel

/// A JSON value with the path that leads to it (`$.VpnConnections[2].Options`), and typed
/// accessors that tell the decoder what was wrong and where.
///
/// Optional fields of the wrong type are reported as warnings and read as missing; a required
/// field that is missing or of the wrong type throws, and the resource is skipped with that reason.
struct Node {
    let value: JSONValue
    let path: String
    let context: DecodeContext

    func child(_ key: String) -> Node? {
        guard case .object(let members) = value, let member = members[key] else { return nil }
        if case .null = member { return nil }
        return Node(value: member, path: path + Self.keyPath(key), context: context)
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

    var isObject: Bool { if case .object = value { true } else { false } }
    var isArray: Bool { if case .array = value { true } else { false } }
    var keys: [String] { if case .object(let m) = value { m.keys.sorted() } else { [] } }

    private func wrongType(_ key: String, _ node: Node, expected: String) {
        context.warn(node.path, "expected \(expected), found \(node.value.typeName); ignored")
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
    func kept(_ text: String, at path: String) -> String {
        guard text.utf8.count > Self.maxText else { return text }
        context.warn(path, "\(text.utf8.count) bytes of text, cut to the first \(Self.maxText >> 10) KiB")
        return Self.cut(text)
    }

    /// A string field as it is, however long: only for text that is parsed with its own limits
    /// (the configuration XML).
    func longString(_ key: String) -> String? {
        guard let node = child(key) else { return nil }
        if case .string(let s) = node.value { return s }
        return string(key)
    }

    func string(_ key: String) -> String? {
        guard let node = child(key) else { return nil }
        switch node.value {
        case .string(let s): return kept(s, at: node.path)
        case .int(let i): return String(i)
        default:
            wrongType(key, node, expected: "a string")
            return nil
        }
    }

    /// Integers, also when written as strings (`CustomerGateway.BgpAsn` is `"65000"`).
    func int(_ key: String) -> Int? {
        guard let node = child(key) else { return nil }
        switch node.value {
        case .int(let i): return Int(exactly: i)
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        case .string(let s) where Int(s) != nil: return Int(s)
        default:
            wrongType(key, node, expected: "a whole number")
            return nil
        }
    }

    /// Booleans, also `"TRUE"`/`"FALSE"` (Cloud Router `bgpPeers[].enable`).
    func bool(_ key: String) -> Bool? {
        guard let node = child(key) else { return nil }
        switch node.value {
        case .bool(let b): return b
        case .string(let s) where ["true", "false"].contains(s.lowercased()): return s.lowercased() == "true"
        default:
            wrongType(key, node, expected: "true or false")
            return nil
        }
    }

    func array(_ key: String) -> [Node] {
        guard let node = child(key) else { return [] }
        guard case .array(let items) = node.value else {
            wrongType(key, node, expected: "an array")
            return []
        }
        return items.enumerated().map { Node(value: $1, path: node.path + "[\($0)]", context: context) }
    }

    func object(_ key: String) -> Node? {
        guard let node = child(key) else { return nil }
        guard node.isObject else {
            wrongType(key, node, expected: "an object")
            return nil
        }
        return node
    }

    func strings(_ key: String) -> [String] {
        array(key).compactMap { item in
            if case .string(let s) = item.value { return kept(s, at: item.path) }
            context.warn(item.path, "expected a string, found \(item.value.typeName); ignored")
            return nil
        }
    }

    /// A CIDR field; an unparsable value is a warning (IPv6 ranges are skipped quietly).
    func cidr(_ key: String) -> CIDRField {
        guard let text = string(key) else { return CIDRField(text: nil, cidr: nil) }
        let cidr = CIDR(text)
        if cidr == nil, !text.contains(":") {
            context.warn(path + Self.keyPath(key), "\(Self.quoted(text)) is not an IPv4 CIDR; ignored")
        }
        return CIDRField(text: text, cidr: cidr)
    }

    func ipv4(_ key: String) -> IPv4Address? {
        guard let text = string(key), !text.isEmpty else { return nil }
        let ip = IPv4Address(text)
        if ip == nil, !text.contains(":") {
            context.warn(path + Self.keyPath(key), "\(Self.quoted(text)) is not an IPv4 address; ignored")
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
        if let labels = object("labels"), case .object(let members) = labels.value {
            for (k, v) in members {
                if case .string(let s) = v {
                    let path = labels.path + Self.keyPath(k)
                    result[kept(k, at: path)] = kept(s, at: path)
                }
            }
        }
        return result
    }

    // MARK: required fields

    func required(_ key: String) throws(DecodeError) -> String {
        guard let node = child(key) else { throw DecodeError(path: path, message: "missing \(key)") }
        guard case .string(let s) = node.value, !s.isEmpty else {
            throw DecodeError(
                path: node.path, message: "\(key) should be a non-empty string, found \(node.value.typeName)")
        }
        return kept(s, at: node.path)
    }

    func requireObject() throws(DecodeError) {
        guard isObject else { throw DecodeError(path: path, message: "expected an object, found \(value.typeName)") }
    }

    var source: SourceRef { SourceRef(file: context.file, path: path) }
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

    /// Records a warning once (a field read twice warns once).
    func warn(_ path: String, _ message: String) {
        let warning = LoadMessage(file: file, path: path, text: message)
        if said.insert(warning).inserted { warnings.append(warning) }
    }
}
