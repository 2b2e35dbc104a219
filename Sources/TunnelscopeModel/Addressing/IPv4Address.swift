/// An IPv4 address as a 32-bit value. Parses dotted quads only (no leading zeros tricks, no shortcuts).
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init?(_ text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Self.parse($0) } ?? Self.parse(Array(text.utf8)[...])
        guard let parsed else { return nil }
        value = parsed
    }

    /// A dotted quad from UTF-8 bytes: four parts of one to three digits, each at most 255.
    static func parse<C: Collection<UInt8>>(_ bytes: C) -> UInt32? {
        var value: UInt32 = 0
        var current: UInt32 = 0
        var digits = 0
        var parts = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                current = current * 10 + UInt32(digit)
                digits += 1
                if digits > 3 || current > 255 { return nil }
            } else if byte == UInt8(ascii: "."), digits > 0, parts < 3 {
                value = value << 8 | current
                parts += 1
                current = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, parts == 3 else { return nil }
        return value << 8 | current
    }

    public var description: String {
        String(unsafeUninitializedCapacity: Self.maxWritten) { write(into: $0, at: 0) }
    }

    /// The longest dotted quad: `255.255.255.255`.
    static let maxWritten = 15

    /// Writes the dotted quad as `description` does into `buffer` from `start`; returns the index
    /// past it (at most `maxWritten` bytes).
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var end = start
        for shift in stride(from: 24, through: 0, by: -8) {
            if shift != 24 {
                buffer[end] = UInt8(ascii: ".")
                end += 1
            }
            end = Self.writeDecimal(UInt8(truncatingIfNeeded: value >> shift), into: buffer, at: end)
        }
        return end
    }

    /// Writes `n` in decimal (no leading zeros) from `start`; returns the index past it.
    static func writeDecimal(_ n: UInt8, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var end = start
        if n >= 100 {
            buffer[end] = UInt8(ascii: "0") + n / 100
            end += 1
        }
        if n >= 10 {
            buffer[end] = UInt8(ascii: "0") + n / 10 % 10
            end += 1
        }
        buffer[end] = UInt8(ascii: "0") + n % 10
        return end + 1
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    /// The address `n` places further on (wrapping is the caller's concern; /30 arithmetic never wraps).
    public func advanced(by n: Int) -> IPv4Address { IPv4Address(UInt32(truncatingIfNeeded: Int(value) + n)) }
}
