import Foundation
import TunnelscopeModel

/// Just enough XML for the `CustomerGatewayConfiguration` document that AWS embeds in a VPN
/// connection: elements, attributes, text and the five predefined entities. Secret elements
/// (`pre_shared_key`) are dropped while parsing, so they never reach the model.
struct XMLElement {
    var name: String
    var attributes: [String: String] = [:]
    var children: [XMLElement] = []
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
        let trimmed = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

struct XMLParseError: Error { let message: String }

struct MiniXML {
    static let secretElements: Set<String> = ["pre_shared_key", "auth_key", "authKey"]

    static func parse(_ text: String) throws(XMLParseError) -> XMLElement {
        var parser = MiniXML(chars: Array(text.unicodeScalars))
        return try parser.document()
    }

    private let chars: [Unicode.Scalar]
    private var i = 0

    private init(chars: [Unicode.Scalar]) { self.chars = chars }

    private func peek(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        return i + u.count <= chars.count && Array(chars[i..<(i + u.count)]) == u
    }

    private mutating func skip(until end: String) throws(XMLParseError) {
        while i < chars.count, !peek(end) { i += 1 }
        guard i < chars.count else { throw XMLParseError(message: "unterminated markup") }
        i += end.unicodeScalars.count
    }

    private mutating func skipMisc() throws(XMLParseError) {
        while true {
            while i < chars.count, chars[i].properties.isWhitespace { i += 1 }
            if peek("<?") {
                try skip(until: "?>")
            } else if peek("<!--") {
                try skip(until: "-->")
            } else if peek("<!") {
                try skip(until: ">")
            } else {
                return
            }
        }
    }

    private mutating func document() throws(XMLParseError) -> XMLElement {
        try skipMisc()
        guard peek("<") else { throw XMLParseError(message: "no root element") }
        return try parseElement()
    }

    private mutating func name() -> String {
        var s = String.UnicodeScalarView()
        while i < chars.count, !chars[i].properties.isWhitespace, !["/", ">", "=", "<"].contains(chars[i]) {
            s.append(chars[i])
            i += 1
        }
        return String(s)
    }

    private mutating func parseElement() throws(XMLParseError) -> XMLElement {
        i += 1  // <
        var element = XMLElement(name: name())
        guard !element.name.isEmpty else { throw XMLParseError(message: "empty element name") }
        while true {
            while i < chars.count, chars[i].properties.isWhitespace { i += 1 }
            guard i < chars.count else { throw XMLParseError(message: "unterminated <\(element.name)>") }
            if peek("/>") {
                i += 2
                return element
            }
            if chars[i] == ">" {
                i += 1
                break
            }
            let key = name()
            while i < chars.count, chars[i] != "\"", chars[i] != "'" { i += 1 }
            guard i < chars.count else { throw XMLParseError(message: "bad attribute in <\(element.name)>") }
            let quote = chars[i]
            i += 1
            var value = String.UnicodeScalarView()
            while i < chars.count, chars[i] != quote {
                value.append(chars[i])
                i += 1
            }
            i += 1
            element.attributes[key] = Self.decodeEntities(String(value))
        }
        let secret = Self.secretElements.contains(element.name)
        var text = String.UnicodeScalarView()
        while i < chars.count {
            if peek("</") {
                i += 2
                let closing = name()
                guard closing == element.name else {
                    throw XMLParseError(message: "</\(closing)> closes <\(element.name)>")
                }
                try skip(until: ">")
                element.text = secret ? "" : Self.decodeEntities(String(text))
                return element
            } else if peek("<!--") {
                try skip(until: "-->")
            } else if peek("<![CDATA[") {
                i += 9
                while i < chars.count, !peek("]]>") {
                    text.append(chars[i])
                    i += 1
                }
                i += 3
            } else if peek("<") {
                let child = try parseElement()
                element.children.append(child)
            } else {
                text.append(chars[i])
                i += 1
            }
        }
        throw XMLParseError(message: "unterminated <\(element.name)>")
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
