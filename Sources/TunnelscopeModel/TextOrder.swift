/// A text's place in `String`'s order, read once: its first 32 UTF-8 bytes as four numbers, so a
/// sort compares integers where it would compare strings (an AWS ID, `subnet-` and 17 hex digits,
/// fits whole; the texts themselves are not read again).
///
/// The numbers decide only between two ASCII texts (whose `String` order is their bytes' order);
/// when either text is not ASCII, or both are longer than 32 bytes and start alike, the texts
/// themselves are compared.
struct TextOrderKey {
    let text: String
    private let words: (UInt64, UInt64, UInt64, UInt64)
    /// The length in bytes; -1 when the text is not ASCII.
    private let asciiCount: Int

    private static let width = 32

    init(_ text: String) {
        self.text = text
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if count < Self.width {
                let shifted = UInt64(byte) << (56 - 8 * (count % 8))
                switch count / 8 {
                case 0: words.0 |= shifted
                case 1: words.1 |= shifted
                case 2: words.2 |= shifted
                default: words.3 |= shifted
                }
            }
            count += 1
        }
        self.words = words
        asciiCount = ascii ? count : -1
    }

    /// -1, 0 or 1 as `lhs` sorts before, with or after `rhs` (`String`'s `<`).
    static func compare(_ lhs: TextOrderKey, _ rhs: TextOrderKey) -> Int {
        if lhs.asciiCount >= 0 && rhs.asciiCount >= 0 {
            // Bytes past a shorter text read as 0: a difference here is the bytes' difference.
            if lhs.words.0 != rhs.words.0 { return lhs.words.0 < rhs.words.0 ? -1 : 1 }
            if lhs.words.1 != rhs.words.1 { return lhs.words.1 < rhs.words.1 ? -1 : 1 }
            if lhs.words.2 != rhs.words.2 { return lhs.words.2 < rhs.words.2 ? -1 : 1 }
            if lhs.words.3 != rhs.words.3 { return lhs.words.3 < rhs.words.3 ? -1 : 1 }
            // The same first bytes, and one text ends within them: it is the other's beginning.
            if min(lhs.asciiCount, rhs.asciiCount) <= width {
                return lhs.asciiCount == rhs.asciiCount ? 0 : lhs.asciiCount < rhs.asciiCount ? -1 : 1
            }
        }
        if lhs.text == rhs.text { return 0 }
        return lhs.text < rhs.text ? -1 : 1
    }
}

extension Array {
    /// The items in the order of their texts (`sorted { text($0) < text($1) }`, stable), each
    /// text read once; items already in order are returned as they are.
    func inTextOrder(_ text: (Element) -> String) -> [Element] {
        let keys = map { TextOrderKey(text($0)) }
        return inPositionOrder(comparing: { TextOrderKey.compare(keys[$0], keys[$1]) })
    }

    /// The items in the order of two texts (`sorted { (first($0), second($0)) < (first($1),
    /// second($1)) }`, stable), each text read once.
    func inTextOrder(_ first: (Element) -> String, then second: (Element) -> String) -> [Element] {
        let firsts = map { TextOrderKey(first($0)) }
        let seconds = map { TextOrderKey(second($0)) }
        return inPositionOrder(comparing: {
            let order = TextOrderKey.compare(firsts[$0], firsts[$1])
            return order != 0 ? order : TextOrderKey.compare(seconds[$0], seconds[$1])
        })
    }

    /// The items in the order `compare` gives their positions (equal ones keep their order).
    private func inPositionOrder(comparing compare: (Int, Int) -> Int) -> [Element] {
        guard count > 1 else { return self }
        if (1..<count).allSatisfy({ compare($0 - 1, $0) <= 0 }) { return self }
        let order = indices.sorted { a, b in
            let c = compare(a, b)
            return c != 0 ? c < 0 : a < b
        }
        return order.map { self[$0] }
    }
}
