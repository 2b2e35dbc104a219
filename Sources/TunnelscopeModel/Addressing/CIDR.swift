/// An IPv4 prefix such as `10.10.0.0/16`. `address` keeps the host bits as written
/// (a Cloud Router `ipRange` is `169.254.10.2/30`); `network` is the masked base.
public struct CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let address: IPv4Address
    public let prefixLength: Int

    public init(address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength))
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `a.b.c.d/n`. A bare address is not a CIDR (use `IPv4Address`).
    public init?(_ text: some StringProtocol) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        guard let address = IPv4Address(text[text.startIndex..<slash]) else { return nil }
        let lengthText = text[text.index(after: slash)...]
        guard !lengthText.isEmpty, lengthText.count <= 2, lengthText.allSatisfy(\.isASCII),
            let length = Int(lengthText), (0...32).contains(length)
        else { return nil }
        self.init(address: address, prefixLength: length)
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

    public var description: String { "\(address)/\(prefixLength)" }

    public static func < (lhs: CIDR, rhs: CIDR) -> Bool {
        (lhs.network.value, lhs.prefixLength) < (rhs.network.value, rhs.prefixLength)
    }
}
