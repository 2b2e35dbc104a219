import TunnelscopeText

/// Word wrapping by display width (wide characters count two).
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [text] }
        var lines: [String] = []
        var current = ""
        // The width of `current`, and whether it ends in plain ASCII: then a space and an ASCII word
        // add their own widths (no cluster spans the joins), and the line is not measured again.
        var currentWidth = 0
        var currentEndsASCII = true
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let wordIsASCII = word.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            let candidateWidth =
                current.isEmpty
                ? DisplayWidth.of(word)
                : currentEndsASCII && wordIsASCII
                    ? currentWidth + 1 + word.utf8.count : DisplayWidth.of(current + " " + word)
            if candidateWidth <= width {
                current = current.isEmpty ? word : current + " " + word
                currentWidth = candidateWidth
                currentEndsASCII = current.utf8.last.map { $0 >= 0x20 && $0 < 0x7F } ?? true
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
            currentEndsASCII = rest.utf8.last.map { $0 >= 0x20 && $0 < 0x7F } ?? true
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
