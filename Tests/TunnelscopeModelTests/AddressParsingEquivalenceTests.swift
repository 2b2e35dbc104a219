import Testing
import TunnelscopeModel

/// The byte parsers of `IPv4Address` and `CIDR` accept exactly what the character-based parsers
/// they replaced accepted (kept here as the reference), on edge cases and random near-misses.
@Suite struct AddressParsingEquivalenceTests {
    /// The reference: the parser as it was, over Characters and `Int(_:)`.
    static func referenceIPv4(_ text: String) -> UInt32? {
        var parts: [UInt32] = []
        var current: UInt32 = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = current * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 3 || current > 255 { return nil }
            case UInt8(ascii: "."):
                if digits == 0 || parts.count == 3 { return nil }
                parts.append(current)
                current = 0
                digits = 0
            default: return nil
            }
        }
        if digits == 0 || parts.count != 3 { return nil }
        parts.append(current)
        return parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]
    }

    static func referenceCIDR(_ text: String) -> String? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        guard let address = referenceIPv4(String(text[..<slash])) else { return nil }
        let lengthText = text[text.index(after: slash)...]
        guard !lengthText.isEmpty, lengthText.count <= 2, lengthText.allSatisfy(\.isASCII),
            let length = Int(lengthText), (0...32).contains(length)
        else { return nil }
        return "\(IPv4Address(address))/\(length)"
    }

    static let edges = [
        "", "/", "1.2.3.4/", "1.2.3.4/0", "1.2.3.4/32", "1.2.3.4/33", "1.2.3.4/+8", "1.2.3.4/-0", "1.2.3.4/-1",
        "1.2.3.4/+", "1.2.3.4/08", "1.2.3.4/008", "1.2.3.4/8 ", "1.2.3.4/\r\n", "1.2.3.4/1\u{301}", "1.2.3.4/\u{301}8",
        "01.002.3.4/8", "1.2.3.4//8", "1.2.3/8", "1.2.3.4.5/8", "256.0.0.0/8", "1.2.3.4/٣", "１.2.3.4/8", "1.2.3.4",
        "0.0.0.0/0", "255.255.255.255/32", " 1.2.3.4/8", "1.2.3.4/8/8", "fd00::/8", "1.2.3.4/2\u{0}",
    ]

    @Test func edgeCasesMatchTheReference() {
        for text in Self.edges {
            #expect(CIDR(text)?.description == Self.referenceCIDR(text), "\(text.debugDescription)")
            #expect(IPv4Address(text)?.value == Self.referenceIPv4(text), "\(text.debugDescription)")
            #expect(CIDR(text[...])?.description == Self.referenceCIDR(text), "substring \(text.debugDescription)")
        }
    }

    @Test func randomNearMissesMatchTheReference() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = "0123456789./+- :a\u{301}٣".map(String.init) + ["255", "256", "32", "33", "/2", "\r\n"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(CIDR(text)?.description == Self.referenceCIDR(text), "\(text.debugDescription)")
            #expect(IPv4Address(text)?.value == Self.referenceIPv4(text), "\(text.debugDescription)")
        }
    }
}
