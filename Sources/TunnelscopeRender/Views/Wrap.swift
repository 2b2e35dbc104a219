import TunnelscopeText

/// Word wrapping by display width (wide characters count two).
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
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
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
