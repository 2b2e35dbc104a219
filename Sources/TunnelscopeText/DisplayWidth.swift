/// Terminal column widths, the one width function: the cell buffer, word wrapping, text tables
/// and `render` all measure with it. East Asian Wide and Fullwidth characters (Unicode
/// `unicodeVersion`, `UnicodeWidthTable.swift`) and emoji presentation sequences take two cells;
/// combining marks and joiners none. A character the sanitiser escapes is as wide as its escape
/// (`\u{1b}` is six cells), so what is measured is what is drawn.
public enum DisplayWidth {
    /// The width of one code point on its own (controls 0; see `of(_: Character)` for clusters).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return v == 0xAD ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the syllable's initial consonant.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// The width of a grapheme cluster, as terminals with current Unicode tables draw it.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        if Sanitizer.needsEscape(character) { return of(Sanitizer.escaped(character)) }
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(first) }
        let v = first.value
        // A flag: two regional indicators.
        if (0x1F1E6...0x1F1FF).contains(v) { return 2 }
        if v > 0x7F, first.properties.isEmoji {
            var rest = [second]
            while let next = iterator.next() { rest.append(next) }
            // Text presentation asked for: the symbol's own width.
            if rest.first?.value == 0xFE0E { return of(first) }
            // VS16 makes a text-default symbol (❤, ☺, ⚠) an emoji, as does joining (ZWJ sequences),
            // a skin-tone modifier or a tag sequence after an emoji base.
            if of(first) == 2
                || rest.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D || $0.properties.isEmojiModifier })
            {
                return 2
            }
        } else if second.value == 0xFE0F, first.properties.isEmoji {
            return 2  // keycaps: 1️⃣ #️⃣ *️⃣
        }
        // Anything else: what each code point takes (marks none, spacing marks one).
        var width = 0
        for scalar in scalars { width += of(scalar) }
        return width
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else {
                width = 0
                for character in text { width += of(character) }
                return width
            }
            width += 1
        }
        return width
    }

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Cuts `text` to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads (or truncates) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? fill + cut : cut + fill
    }
}

/// A plain-text table whose columns line up whatever the characters' widths. Cells are
/// single-line fields: each passes the sanitiser.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []
    public var rightAligned: Set<Int> = []

    public init(headers: [String]) { self.headers = headers }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render(indent: String = "  ") -> String {
        let headers = headers.map(Sanitizer.line)
        let rows = rows.map { $0.map(Sanitizer.line) }
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, cell in
                i == cells.count - 1 && !rightAligned.contains(i)
                    ? cell : DisplayWidth.pad(cell, to: widths[i], alignRight: rightAligned.contains(i))
            }
            return indent + padded.joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
