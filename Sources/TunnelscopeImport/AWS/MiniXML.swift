/// Just enough XML for the `CustomerGatewayConfiguration` document that AWS embeds in a VPN
/// connection: elements, attributes (checked, not kept), text, comments, CDATA and the five
/// predefined entities.
///
/// Hostile or damaged input is expected (the document is pasted, cut and edited by hand, and it
/// holds the pre-shared keys), so:
/// - only the text of the elements the caller asks for is kept (`keepingTextOf`); the content of
///   secret elements (`Secrets.xmlElements`) and everything below them is never kept, whatever
///   their names ask for;
/// - messages never quote the document: they give a line and column, and name an element only when
///   its name is one of the known names of AWS configuration documents (`knownNames`);
/// - the parser is iterative, with limits on size (`maxBytes`), nesting (`maxDepth`) and element
///   count (`maxElements`), and its cost is linear in the size of the text.
struct XMLElement {
    var name: String
    var children: [XMLElement] = []
    /// The element's own text, kept only for the names the caller asked for (else empty).
    var text = ""

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func all(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }
    /// Text at a slash-separated path below this element: `vpn_gateway/tunnel_outside_address/ip_address`.
    func value(_ path: String) -> String? {
        var element = self
        for part in path.split(separator: "/") {
            guard let next = element.child(String(part)) else { return nil }
            element = next
        }
        let trimmed = element.text.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}

struct XMLParseError: Error {
    /// Never quotes the document: a position, and known element names only.
    let message: String
}

struct MiniXML {
    /// Largest document read (AWS configuration documents are a few KiB).
    static let maxBytes = 1 << 20
    /// Deepest nesting read (AWS configuration documents nest 5 levels).
    static let maxDepth = 64
    static let maxElements = 100_000
    /// Longest text kept for one element (the kept values are addresses and numbers).
    static let maxKeptText = 256

    /// Element names that messages may quote: the vocabulary of the VPN and Direct Connect
    /// configuration documents. Any other name (a damaged one may have a secret glued to it) is
    /// "an element".
    static let knownNames: Set<String> = [
        "vpn_connection", "vpn_connection_id", "vpn_connection_type", "customer_gateway_id", "vpn_gateway_id",
        "transit_gateway_id", "ipsec_tunnel", "customer_gateway", "vpn_gateway", "tunnel_outside_address",
        "tunnel_inside_address", "tunnel_inside_ipv6_address", "ip_address", "ipv6_address", "network_mask",
        "network_cidr", "prefix_length", "bgp", "asn", "hold_time", "ike", "ipsec", "authentication_protocol",
        "encryption_protocol", "lifetime", "perfect_forward_secrecy", "mode", "protocol", "clear_df_bit",
        "fragmentation_before_encryption", "tcp_mss_adjustment", "dead_peer_detection", "interval", "retries",
        "next_hop", "static_routes", "logical_connection", "vlan", "customer_address", "amazon_address", "bgp_asn",
        "amazon_bgp_asn", "connection_type",
    ]

    /// Parses `text`. Only the elements named in `keep` keep their text.
    static func parse(_ text: String, keepingTextOf keep: Set<String>) throws(XMLParseError) -> XMLElement {
        let count = text.utf8.count
        guard count <= maxBytes else {
            throw XMLParseError(
                message: "\(Importer.mebibytes(count)), more than the \(Importer.mebibytes(maxBytes)) read")
        }
        var parser = MiniXML(bytes: Array(text.utf8), keep: keep)
        return try parser.document()
    }

    private let bytes: [UInt8]
    private let keep: Set<String>
    private var i = 0

    private init(bytes: [UInt8], keep: Set<String>) {
        self.bytes = bytes
        self.keep = keep
    }

    /// An element being read: what it will hold, and whether its text is kept.
    private struct Open {
        var element: XMLElement
        var keepsText: Bool
        /// Inside a secret element: neither text nor children are kept.
        var secret: Bool
        var text: [UInt8] = []
        var textOverflow = false
        let start: Int
    }

    // MARK: messages

    private func error(_ message: String, at offset: Int? = nil) -> XMLParseError {
        XMLParseError(message: "\(position(offset ?? i)): \(message)")
    }

    /// `line 3, column 17` (columns count characters).
    private func position(_ offset: Int) -> String {
        var line = 1
        var column = 1
        for b in bytes[0..<min(offset, bytes.count)] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "line \(line), column \(column)"
    }

    /// `<ike>` for a known name, else "an element": a damaged name may hold anything.
    private static func show(_ name: String) -> String { knownNames.contains(name) ? "<\(name)>" : "an element" }

    // MARK: scanning

    private func peek(_ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return s.withUTF8Buffer { word in
            for k in 0..<count where bytes[i + k] != word[k] { return false }
            return true
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x3A || b >= 0x80
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
    }

    private mutating func skipSpace() { while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 } }

    /// Skips past `end`; `what` names the construct in the message when `end` never comes.
    private mutating func skip(past end: StaticString, what: String) throws(XMLParseError) {
        let start = i
        while i < bytes.count, !peek(end) { i += 1 }
        guard i < bytes.count else { throw error("\(what) is not closed (the text ends first)", at: start) }
        i += end.utf8CodeUnitCount
    }

    /// Comments, processing instructions and declarations before the root element.
    private mutating func skipProlog() throws(XMLParseError) {
        while true {
            skipSpace()
            if peek("<?") {
                try skip(past: "?>", what: "a <? ?> declaration")
            } else if peek("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if peek("<!") {
                try skip(past: ">", what: "a <! > declaration")
            } else {
                return
            }
        }
    }

    /// A name at `i`, or nil when there is none (the caller reports where).
    private mutating func name() -> String? {
        guard i < bytes.count, Self.isNameStart(bytes[i]) else { return nil }
        let start = i
        while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    // MARK: the document

    private mutating func document() throws(XMLParseError) -> XMLElement {
        try skipProlog()
        guard peek("<") else { throw error("no root element: the text does not start with an XML element") }
        var stack: [Open] = []
        var elements = 0
        while i < bytes.count {
            if peek("</") {
                let start = i
                i += 2
                guard let closing = name() else { throw error("a closing tag without a valid name", at: start) }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else {
                    throw error("a closing tag is not ended by '>'", at: start)
                }
                i += 1
                guard var open = stack.popLast() else { throw error("a closing tag with no open element", at: start) }
                guard closing == open.element.name else {
                    let what = Self.knownNames.contains(closing) ? "</\(closing)>" : "a closing tag"
                    throw error(
                        "\(what) does not close \(Self.show(open.element.name)) (opened at \(position(open.start)))",
                        at: start)
                }
                if open.keepsText, !open.textOverflow { open.element.text = Self.decodeEntities(open.text) }
                if stack.isEmpty { return open.element }
                if !open.secret { stack[stack.count - 1].element.children.append(open.element) }
            } else if peek("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if peek("<![CDATA[") {
                let start = i
                i += 9
                while i < bytes.count, !peek("]]>") {
                    if !stack.isEmpty { append(bytes[i], to: &stack[stack.count - 1]) }
                    i += 1
                }
                guard i < bytes.count else {
                    throw error("a CDATA section is not closed (the text ends first)", at: start)
                }
                i += 3
            } else if peek("<?") {
                try skip(past: "?>", what: "a <? ?> instruction")
            } else if peek("<!") {
                try skip(past: ">", what: "a <! > declaration")
            } else if peek("<") {
                let start = i
                i += 1
                guard let elementName = name() else { throw error("an element without a valid name", at: start) }
                let selfClosing = try attributes(start: start)
                elements += 1
                guard elements <= Self.maxElements else {
                    throw error("more than \(Self.maxElements) elements", at: start)
                }
                guard stack.count < Self.maxDepth else {
                    throw error("elements nested deeper than \(Self.maxDepth) levels", at: start)
                }
                let secret = (stack.last?.secret ?? false) || Secrets.xmlElements.contains(elementName)
                let open = Open(
                    element: XMLElement(name: elementName), keepsText: !secret && keep.contains(elementName),
                    secret: secret, start: start)
                if selfClosing {
                    if stack.isEmpty { return open.element }
                    if !secret { stack[stack.count - 1].element.children.append(open.element) }
                } else {
                    stack.append(open)
                }
            } else {
                if !stack.isEmpty { append(bytes[i], to: &stack[stack.count - 1]) }
                i += 1
            }
        }
        let innermost = stack.last.map { Self.show($0.element.name) } ?? "an element"
        throw error("the text ends inside \(innermost) (cut short?)")
    }

    private func append(_ byte: UInt8, to open: inout Open) {
        guard open.keepsText, !open.textOverflow else { return }
        if open.text.count >= Self.maxKeptText {
            open.textOverflow = true
            open.text = []
        } else {
            open.text.append(byte)
        }
    }

    /// The attributes of a start tag, checked and dropped. Returns true for `/>`.
    private mutating func attributes(start: Int) throws(XMLParseError) -> Bool {
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("the text ends inside a start tag (cut short?)", at: start) }
            if peek("/>") {
                i += 2
                return true
            }
            if bytes[i] == UInt8(ascii: ">") {
                i += 1
                return false
            }
            let attributeStart = i
            guard name() != nil else { throw error("a start tag holds something that is not an attribute", at: i) }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
                throw error("an attribute without '=' and a quoted value", at: attributeStart)
            }
            i += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw error("an attribute value is not quoted", at: attributeStart)
            }
            let quote = bytes[i]
            i += 1
            while i < bytes.count, bytes[i] != quote {
                // '<' cannot appear in an attribute value: a quote is missing.
                guard bytes[i] != UInt8(ascii: "<") else {
                    throw error("an attribute value is not closed before the next tag", at: attributeStart)
                }
                i += 1
            }
            guard i < bytes.count else { throw error("an attribute value is not closed", at: attributeStart) }
            i += 1
        }
    }

    /// The five predefined entities and character references; anything else is left as it is.
    static func decodeEntities(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after.dropFirst()
                continue
            }
            let entity = after[after.index(after: amp)..<semi]
            var decoded: String?
            switch entity {
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(v).map { String($0) }
                } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst(), radix: 10) {
                    decoded = Unicode.Scalar(v).map { String($0) }
                }
            }
            if let decoded {
                result += decoded
                rest = after[after.index(after: semi)...]
            } else {
                result += "&"
                rest = after.dropFirst()
            }
        }
        return result + rest
    }
}
