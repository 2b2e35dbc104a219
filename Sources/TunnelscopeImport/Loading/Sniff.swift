/// Judging a file by its first bytes: JSON (UTF-8 or UTF-16), blank, or not JSON with a reason.
extension Importer {
    enum Sniff: Equatable {
        /// The first non-blank byte is `{` or `[`.
        case json
        /// UTF-16 text (a byte order mark, or every other byte NUL) whose first non-blank
        /// character is `{` or `[`: what Windows PowerShell 5's `>` writes.
        case jsonUTF16(bigEndian: Bool)
        /// Nothing but blanks (and a byte order mark) so far.
        case blank
        case notJSON(String)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// What the first bytes of a file say (`head` starts at the file's first byte).
    static func sniff(_ head: ArraySlice<UInt8>) -> Sniff {
        if let utf16 = sniffUTF16(head) { return utf16 }
        var start = head.startIndex
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        guard let first = head[start...].firstIndex(where: { !isBlank($0) }) else { return .blank }
        if head[first] == UInt8(ascii: "{") || head[first] == UInt8(ascii: "[") { return .json }
        return .notJSON(looksBinary(head.prefix(512)) ? "not JSON (binary or not UTF-8)" : "not JSON")
    }

    /// UTF-16 JSON: a byte order mark (`FF FE` little-endian, `FE FF` big-endian), or none and a
    /// NUL beside each of the first ASCII characters; nil when the head is not that.
    private static func sniffUTF16(_ head: ArraySlice<UInt8>) -> Sniff? {
        let bytes = Array(head.prefix(512))
        let bigEndian: Bool
        var start = 0
        if bytes.starts(with: [0xFF, 0xFE]) {
            bigEndian = false
            start = 2
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            bigEndian = true
            start = 2
        } else if bytes.count >= 2, bytes[0] == 0, bytes[1] != 0 {
            bigEndian = true
        } else if bytes.count >= 2, bytes[0] != 0, bytes[1] == 0 {
            bigEndian = false
        } else {
            return nil
        }
        var i = start
        while i + 1 < bytes.count {
            let unit = utf16Unit(bytes, at: i, bigEndian: bigEndian)
            if unit < 0x80, isBlank(UInt8(unit)) {
                i += 2
                continue
            }
            return unit == 0x7B || unit == 0x5B ? .jsonUTF16(bigEndian: bigEndian) : nil
        }
        return nil
    }

    /// The UTF-16 code unit of the two bytes at `i`.
    private static func utf16Unit(_ bytes: [UInt8], at i: Int, bigEndian: Bool) -> UInt16 {
        let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
        return UInt16(high) << 8 | UInt16(low)
    }

    /// UTF-16 bytes as UTF-8 (a byte order mark dropped; a lone surrogate read as U+FFFD, as `\u`
    /// escapes are; an odd last byte dropped).
    static func utf8(fromUTF16 bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(utf16Unit(bytes, at: i, bigEndian: bigEndian))
            i += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        var out: [UInt8] = []
        out.reserveCapacity(units.count + units.count / 4)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { out.append($0) }
            case .error: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput: break loop
            }
        }
        return out
    }

    /// NUL bytes, or bytes that are not UTF-8 (a character cut by the end of the slice is fine).
    private static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.contains(0) { return true }
        for cut in 0...min(3, bytes.count) where String(validating: bytes.dropLast(cut), as: UTF8.self) != nil {
            return false
        }
        return true
    }
}
