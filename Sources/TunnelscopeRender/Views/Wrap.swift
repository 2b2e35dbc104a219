import TunnelscopeText

/// Word wrapping by display width (wide characters count two).
enum Wrap {
    /// How many lines `lines(text, width:)` gives.
    static func count(_ text: String, width: Int) -> Int { lines(text, width: width).count }

    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [text] }
        var lines: [String] = []
        var current = ""
        // The width of `current`, and whether a space may follow it without joining its last
        // character: then the line's width is the sum of its words' and spaces' widths (no grapheme
        // cluster spans a join), and the growing line is not measured again for every word.
        var currentWidth = 0
        var currentEndsCleanly = true
        for piece in words(text) {
            let word = String(piece)
            let candidateWidth =
                current.isEmpty
                ? measure(word)
                : currentEndsCleanly && startsCleanly(word.unicodeScalars.first)
                    ? currentWidth + 1 + measure(word) : DisplayWidth.of(current + " " + word)
            if candidateWidth <= width {
                current = current.isEmpty ? word : current + " " + word
                currentWidth = candidateWidth
                currentEndsCleanly = endsCleanly(current.unicodeScalars.last)
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            while DisplayWidth.of(rest) > width {
                let cut = DisplayWidth.truncate(rest, to: width)
                // A character wider than the line on its own (a wide character at width 2, an
                // escape): it gets a line of its own rather than looping forever.
                let kept = cut.count > 1 ? String(cut.dropLast()) : String(rest.prefix(1))
                lines.append(kept)
                rest = String(rest.dropFirst(kept.count))
            }
            current = rest
            currentWidth = DisplayWidth.of(rest)
            currentEndsCleanly = endsCleanly(rest.unicodeScalars.last)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The text split at its space characters, as `split(separator: " ")` would split it (empty
    /// words kept), by code points rather than grapheme clusters where that gives the same words:
    /// when no space joins a cluster with its neighbours.
    static func words(_ text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var result: [Substring] = []
        var start = scalars.startIndex
        var previous: Unicode.Scalar?
        var i = scalars.startIndex
        while i != scalars.endIndex {
            let scalar = scalars[i]
            let next = scalars.index(after: i)
            if scalar == " " {
                guard endsCleanly(previous), startsCleanly(next == scalars.endIndex ? nil : scalars[next]) else {
                    return text.split(separator: " ", omittingEmptySubsequences: false)
                }
                result.append(text[start..<i])
                start = next
            }
            previous = scalar
            i = next
        }
        result.append(text[start..<scalars.endIndex])
        return result
    }

    /// Display width, without the generic call for plain ASCII.
    static func measure(_ word: String) -> Int {
        var count = 0
        for byte in word.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return DisplayWidth.of(word) }
            count += 1
        }
        return count
    }

    /// Whether a space before this code point starts a new grapheme cluster and the code point
    /// another: it is not one that joins what precedes it (extending marks, joiners, spacing
    /// marks, emoji modifiers, tags, Hangul vowels and finals). Conservative: anything unsure is
    /// measured in place.
    static func startsCleanly(_ first: Unicode.Scalar?) -> Bool {
        guard let first else { return true }
        if first.value < 0x300 { return true }
        if first.properties.isGraphemeExtend || first.value == 0x200D { return false }
        return first.properties.generalCategory != .spacingMark && !(0x1F3FB...0x1F3FF).contains(first.value)
            && !(0xE0020...0xE007F).contains(first.value) && !(0x1160...0x11FF).contains(first.value)
            && !(0xD7B0...0xD7FF).contains(first.value)
    }

    /// Whether a space after this code point starts a new grapheme cluster (it is not a prepended
    /// mark; conservatively, nothing in the scripts that have them, nor a carriage return).
    static func endsCleanly(_ last: Unicode.Scalar?) -> Bool {
        guard let last else { return true }
        if last.value < 0x600 { return last != "\r" }
        return !((0x600...0xD4F).contains(last.value) || (0x11000...0x11FFF).contains(last.value))
    }
}
