/// An IPv4 prefix such as `10.10.0.0/16`. `address` keeps the host bits as written
/// (a Cloud Router `ipRange` is `169.254.10.2/30`); `network` is the masked base.
public struct CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let address: IPv4Address
    /// The length in one byte: a CIDR is 5 bytes, not 16 (there are hundreds of thousands).
    private let length: UInt8
    public var prefixLength: Int { Int(length) }

    public init(address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength))
        self.address = address
        self.length = UInt8(prefixLength)
    }

    /// Parses `a.b.c.d/n`. A bare address is not a CIDR (use `IPv4Address`).
    public init?(_ text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Self.parse($0) } ?? Self.parse(Array(text.utf8)[...])
        guard let parsed else { return nil }
        self.init(address: IPv4Address(parsed.address), prefixLength: parsed.length)
    }

    /// Parses `a.b.c.d/n` from UTF-8 bytes (a decoder's, read in place), as `init?(_:)` parses
    /// the same text.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Self.parse(bytes) else { return nil }
        self.init(address: IPv4Address(parsed.address), prefixLength: parsed.length)
    }

    /// `a.b.c.d/n` from UTF-8 bytes; the length is one or two characters that `Int` reads
    /// (digits, or a sign and a digit), from 0 to 32.
    static func parse<C: Collection<UInt8>>(_ bytes: C) -> (address: UInt32, length: Int)? {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")),
            let address = IPv4Address.parse(bytes[bytes.startIndex..<slash])
        else { return nil }
        let lengthBytes = bytes[bytes.index(after: slash)...]
        guard (1...2).contains(lengthBytes.count) else { return nil }
        var sign = 1
        var length = 0
        var digits = 0
        for (offset, byte) in lengthBytes.enumerated() {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                length = length * 10 + Int(digit)
                digits += 1
            } else if offset == 0, lengthBytes.count == 2, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                sign = byte == UInt8(ascii: "-") ? -1 : 1
            } else {
                return nil
            }
        }
        length *= sign
        guard digits > 0, (0...32).contains(length) else { return nil }
        return (address, length)
    }

    public var mask: UInt32 { prefixLength == 0 ? 0 : UInt32.max << (32 - UInt32(prefixLength)) }
    public var network: IPv4Address { IPv4Address(address.value & mask) }
    public var lastAddress: IPv4Address { IPv4Address(network.value | ~mask) }
    /// The same prefix with host bits cleared.
    public var normalized: CIDR { CIDR(address: network, prefixLength: prefixLength) }
    public var hasHostBits: Bool { address.value & ~mask != 0 }
    public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }

    public func contains(_ ip: IPv4Address) -> Bool { ip.value & mask == network.value }
    /// True when `other` lies wholly inside this prefix.
    public func contains(_ other: CIDR) -> Bool {
        other.prefixLength >= prefixLength && contains(other.network)
    }
    public func overlaps(_ other: CIDR) -> Bool { contains(other.network) || other.contains(network) }

    public var description: String {
        String(unsafeUninitializedCapacity: Self.maxWritten) { write(into: $0) }
    }

    /// The longest prefix as written: `255.255.255.255/32`.
    private static let maxWritten = IPv4Address.maxWritten + 3

    /// Writes `description` into `buffer`; returns its length.
    private func write(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let slash = address.write(into: buffer, at: 0)
        buffer[slash] = UInt8(ascii: "/")
        return IPv4Address.writeDecimal(length, into: buffer, at: slash + 1)
    }

    /// Whether `text` is this prefix's `description` (`10.0.0.0/8`, not `010.0.0.0/8` or
    /// `10.0.0.0/08`), without making the description.
    public func isWritten(as text: String) -> Bool {
        guard text.utf8.count <= Self.maxWritten else { return false }
        return text.utf8.withContiguousStorageIfAvailable { isWritten(asBytes: $0) } ?? (text == description)
    }

    /// Whether the UTF-8 `bytes` are `description`'s (as `isWritten(as:)` for their text).
    public func isWritten(asUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= Self.maxWritten && isWritten(asBytes: bytes)
    }

    /// Whether `bytes` are `description`'s, compared number by number (nothing is written).
    private func isWritten(asBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        for part in 0..<5 {
            if part > 0 {
                guard i < bytes.count, bytes[i] == UInt8(ascii: part < 4 ? "." : "/") else { return false }
                i += 1
            }
            let n = part < 4 ? UInt8(truncatingIfNeeded: address.value >> (24 - 8 * UInt32(part))) : length
            i = Self.afterDecimal(n, in: bytes, at: i)
            if i < 0 { return false }
        }
        return i == bytes.count
    }

    /// The index past `n` written in decimal at `start` in `bytes`, or -1 when it is not there.
    private static func afterDecimal(_ n: UInt8, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var i = start
        var divisor: UInt8 = n >= 100 ? 100 : n >= 10 ? 10 : 1
        while divisor > 0 {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "0") + n / divisor % 10 else { return -1 }
            i += 1
            divisor /= 10
        }
        return i
    }

    public static func < (lhs: CIDR, rhs: CIDR) -> Bool {
        (lhs.network.value, lhs.prefixLength) < (rhs.network.value, rhs.prefixLength)
    }
}
