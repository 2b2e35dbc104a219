/// The one output sanitiser. Every string read from an export is untrusted: before it reaches a
/// terminal (a cell of the buffer, a line of `check`, `path`, `plan`, an error message) the
/// characters that can change what a terminal does or deceive the reader are made visible as
/// escapes such as `\u{1b}` and `\u{202e}`:
///
/// - C0 controls (ESC, BEL, CR, LF, TAB, …), DEL and C1 controls (U+0080–U+009F, e.g. U+009B CSI);
/// - line and paragraph separators (U+2028, U+2029);
/// - format characters (Unicode category Cf): the bidi controls (U+061C, U+200E/F, U+202A–U+202E,
///   U+2066–U+2069), zero-width space, word joiner, BOM, soft hyphen, invisible operators, tag
///   characters, …, except a zero-width joiner or non-joiner inside a letter or emoji sequence
///   (`👩‍💻`, Indic and Arabic scripts) and the tag characters of an emoji flag sequence;
/// - the invisible Hangul fillers U+3164 and U+FFA0, and a combining mark (or Hangul medial vowel
///   or final consonant) with nothing to combine with: it would draw on whatever precedes the field.
///
/// The tool's own text (box drawing, marks, the ANSI colours of `render --color`) never passes
/// through here: the sanitiser is applied to data, and to text before it is framed.
public enum Sanitizer {
    /// One line (a single-line field, a cell's text): every unsafe character escaped, LF included.
    public static func line(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        return sanitized(text, keepingNewlines: false) { part, out in
            for character in part {
                if needsEscape(character) { out += escaped(character) } else { out.append(character) }
            }
        }
    }

    /// Text of several lines: each line sanitised, the line feeds between them kept (a CR is
    /// escaped, so a CR LF from the data still shows). For whole outputs; single-line fields go
    /// through `line` first, so a line feed inside a name cannot forge a line.
    public static func text(_ text: String) -> String {
        if isPlainASCII(text, allowingNewlines: true) { return text }
        // Each line as `line` would write it, the line feeds between them kept.
        return sanitized(text, keepingNewlines: true) { part, out in
            for character in part {
                if character == "\n" {
                    out.append(character)
                } else if needsEscape(character) {
                    out += escaped(character)
                } else {
                    out.append(character)
                }
            }
        }
    }

    /// Encoded JSON text with every character the text sanitiser would escape written as a JSON
    /// `\uXXXX` escape (a surrogate pair above U+FFFF). `JSONEncoder` escapes C0 controls only;
    /// the values a JSON reader gets back are unchanged.
    public static func json(_ encoded: String) -> String {
        if isPlainASCII(encoded, allowingNewlines: true) { return encoded }
        return sanitized(encoded, keepingNewlines: true) { part, out in
            for character in part {
                guard needsEscape(character) else {
                    out.append(character)
                    continue
                }
                var first = true
                for scalar in character.unicodeScalars {
                    // The encoder's own line breaks (pretty printing) and a safe base (a quote, a letter) stay.
                    if scalar == "\n" || (first && allowedFirst(scalar)) {
                        out.unicodeScalars.append(scalar)
                    } else {
                        for unit in String(scalar).utf16 { out += "\\u" + hex(UInt32(unit), digits: 4) }
                    }
                    first = false
                }
            }
        }
    }

    /// `json(_:)` over UTF-8 bytes: the bytes themselves when they are printable ASCII and line
    /// feeds (no copy, no `String`: `check --format json` on a large network is tens of megabytes).
    public static func json(_ encoded: [UInt8]) -> [UInt8] {
        isPlainASCII(encoded, allowingNewlines: true)
            ? encoded : Array(json(String(decoding: encoded, as: UTF8.self)).utf8)
    }

    /// `text` with its runs of printable ASCII (and line feeds, when kept) copied as they are and
    /// everything else written by `slow`, one character (grapheme cluster) at a time. Each part
    /// given to `slow` starts and ends where a grapheme cluster must end — between two ASCII bytes
    /// other than CR LF, or at an end of `text` — so it takes the ASCII byte on each side of what
    /// is not plain (a combining mark or joiner after it, a prepended mark before it, the LF after
    /// a CR) and sees exactly the characters iterating the whole text would.
    private static func sanitized(
        _ text: String, keepingNewlines: Bool, _ slow: (String, inout String) -> Void
    ) -> String {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> String in
            func plain(_ byte: UInt8) -> Bool { (byte >= 0x20 && byte < 0x7F) || (keepingNewlines && byte == 0x0A) }
            var out = ""
            out.reserveCapacity(bytes.count + 64)
            var part = ""
            let n = bytes.count
            var copied = 0  // bytes before this are written
            var i = 0
            while i < n {
                if plain(bytes[i]) {
                    i += 1
                    continue
                }
                let start = i > copied ? i - 1 : i
                if start > copied {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<start]), as: UTF8.self)
                }
                var end = i + 1
                while end < n, !(plain(bytes[end - 1]) && plain(bytes[end])) { end += 1 }
                part.removeAll(keepingCapacity: true)
                slow(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), &part)
                out += part
                copied = end
                i = end
            }
            if copied < n { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<n]), as: UTF8.self) }
            return out
        }!
    }

    /// True when `character` must not reach a terminal as it is.
    public static func needsEscape(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            // "\r\n" is one Character whose asciiValue is 10.
            return ascii < 0x20 || ascii == 0x7F || character.unicodeScalars.count > 1
        }
        var first: Unicode.Scalar?
        for scalar in character.unicodeScalars {
            if let base = first {
                if !allowed(scalar, after: base) { return true }
            } else {
                if !allowedFirst(scalar) { return true }
                first = scalar
            }
        }
        return false
    }

    /// The visible form of a character that needs escaping: its safe base (if any) kept, every
    /// other scalar as `\u{hex}`.
    public static func escaped(_ character: Character) -> String {
        var out = ""
        var first = true
        for scalar in character.unicodeScalars {
            if first && allowedFirst(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + hex(scalar.value, digits: 2) + "}"
            }
            first = false
        }
        return out
    }

    // MARK: Rules

    private static func isPlainASCII(_ text: String, allowingNewlines: Bool = false) -> Bool {
        isPlainASCII(text.utf8, allowingNewlines: allowingNewlines)
    }

    /// Printable ASCII only (and line feeds, when allowed): nothing the sanitiser would change.
    private static func isPlainASCII<Bytes: Sequence<UInt8>>(_ bytes: Bytes, allowingNewlines: Bool) -> Bool {
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F { continue }
            if allowingNewlines && byte == 0x0A { continue }
            return false
        }
        return true
    }

    /// A scalar that starts a grapheme cluster.
    static func allowedFirst(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
        if v < 0x300 { return v != 0xAD }  // soft hyphen: invisible (Cf)
        if v == 0x3164 || v == 0xFFA0 { return false }  // Hangul fillers: invisible letters
        // A Hangul medial vowel or final consonant with no initial consonant: zero width, like a mark.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control: return false
        // A combining mark with no base would draw on the text before the field.
        case .nonspacingMark, .enclosingMark: return false
        default: return true
        }
    }

    /// A scalar after the first one of a grapheme cluster that starts with `base`.
    static func allowed(_ scalar: Unicode.Scalar, after base: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
        if v < 0x300 { return v != 0xAD }
        if v == 0x3164 || v == 0xFFA0 { return false }
        switch scalar.properties.generalCategory {
        case .lineSeparator, .paragraphSeparator, .control: return false
        case .format:
            // Joiners shape emoji sequences and non-Latin scripts; next to ASCII they only hide.
            if v == 0x200D || v == 0x200C { return base.value > 0x7F }
            // Tag characters spell the subdivision of an emoji flag (🏴 + tags + cancel tag).
            if (0xE0020...0xE007F).contains(v) { return base.properties.isEmoji && base.value > 0x7F }
            return false
        default: return true
        }
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
