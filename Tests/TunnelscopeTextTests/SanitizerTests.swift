import Foundation
import Testing
import TunnelscopeText

/// The output sanitiser: what is escaped, what is kept, and that it cannot be undone by the
/// context a field lands in.
@Suite struct SanitizerTests {
    /// Scalars that must never reach a terminal raw, whatever surrounds them.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v == 0x2028 || v == 0x2029 || v == 0x061C || v == 0x200E || v == 0x200F { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        return v == 0xFEFF || v == 0x200B || v == 0x00AD || v == 0x2060
    }

    @Test(arguments: [
        ("\u{1B}]0;PWNED\u{7}", #"\u{1b}]0;PWNED\u{07}"#),
        ("\u{1B}]52;c;UFdORUQ=\u{7}", #"\u{1b}]52;c;UFdORUQ=\u{07}"#),
        ("ok\r\nFORGED", #"ok\u{0d}\u{0a}FORGED"#),
        ("a\nb\rc\td", #"a\u{0a}b\u{0d}c\u{09}d"#),
        ("\u{202E}evil", #"\u{202e}evil"#),
        ("\u{9B}31m", #"\u{9b}31m"#),
        ("del\u{7F}", #"del\u{7f}"#),
        ("nel\u{85}", #"nel\u{85}"#),
        ("a\u{2028}b\u{2029}c", #"a\u{2028}b\u{2029}c"#),
        ("\u{2066}x\u{2069}\u{2067}\u{2068}", #"\u{2066}x\u{2069}\u{2067}\u{2068}"#),
        (
            "\u{200E}\u{200F}\u{061C}\u{202A}\u{202B}\u{202C}\u{202D}",
            #"\u{200e}\u{200f}\u{61c}\u{202a}\u{202b}\u{202c}\u{202d}"#
        ),
        ("ad\u{200B}min", #"ad\u{200b}min"#),
        ("\u{FEFF}bom", #"\u{feff}bom"#),
        ("soft\u{AD}hyphen", #"soft\u{ad}hyphen"#),
        ("a\u{200D}b", #"a\u{200d}b"#),
        ("x\u{E0041}\u{E0042}", #"x\u{e0041}\u{e0042}"#),
        ("\u{301}accent first", #"\u{301}accent first"#),
        ("\u{3164}", #"\u{3164}"#),
    ])
    func escapes(input: String, expected: String) {
        #expect(Sanitizer.line(input) == expected)
        #expect(!Sanitizer.line(input).unicodeScalars.contains(where: Self.isForbidden))
    }

    @Test(arguments: [
        "plain ascii: vpc-0a11aa11aa11aa110 10.10.0.0/16 'quoted' \"double\" \\backslash",
        "決済チーム", "Frankfurt DC", "e\u{301}te\u{301}", "┌─┐│└┘━┃┏┓┗┛├┤┬┴┼╭╮╯╰", "✖▲●⇄≠→…✓✗·▌",
        "👩\u{200D}💻", "❤️", "🇯🇵", "👍🏽", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        "क्\u{200D}ष", "می\u{200C}خواهم", "1️⃣", "Ａｂｃ", "한국어", "ｱｲｳ",
    ])
    func keeps(text: String) {
        #expect(Sanitizer.line(text) == text)
        #expect(Sanitizer.text(text) == text)
    }

    @Test func textKeepsItsOwnLineBreaksOnly() {
        #expect(Sanitizer.text("one\ntwo\u{1B}[2J\n\nthree\r\n") == #"one\#ntwo\u{1b}[2J\#n\#nthree\u{0d}\u{0a}"#)
        #expect(Sanitizer.line("one\ntwo") == #"one\u{0a}two"#)
    }

    @Test func jsonEscapesWhatTheEncoderLeaves() throws {
        let value = "n\u{202E}x\u{9B}y\u{2028}z\u{7F}w a\u{200D}b x\u{E0041} 👩\u{200D}💻 決済"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let raw = String(decoding: try encoder.encode(["name\u{202E}": value, "plain": "ok\u{1B}"]), as: UTF8.self)
        let json = Sanitizer.json(raw)
        #expect(json.contains(#"n\u202ex\u009by\u2028z\u007fw a\u200db x\udb40\udc41"#), "\(json)")
        #expect(json.contains(#""name\u202e""#))
        #expect(json.contains("👩\u{200D}💻 決済"), "emoji and CJK stay readable")
        #expect(!json.unicodeScalars.contains { Self.isForbidden($0) && $0 != "\n" })
        let back = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        #expect(back == ["name\u{202E}": value, "plain": "ok\u{1B}"], "a JSON reader gets the exact values back")
    }

    @Test func idempotentAndNothingForbiddenSurvives() {
        let pieces: [String] = [
            "a", "é", "e", "\u{301}", "\u{1B}", "[", "\u{7}", "\r", "\n", "\t", "\u{9B}", "\u{202E}", "\u{2066}",
            "\u{200D}", "\u{200C}", "\u{FE0F}", "👩", "💻", "❤", "🇯", "決", "│", "\u{E0041}", "🏴", "\u{2028}", " ",
            "'", "\\", "\u{1160}", "ᄀ",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            let clean = Sanitizer.line(text)
            #expect(!clean.unicodeScalars.contains(where: Self.isForbidden), "\(text.debugDescription)")
            #expect(Sanitizer.line(clean) == clean, "\(text.debugDescription)")
            #expect(DisplayWidth.of(text) == DisplayWidth.of(clean), "measured as drawn: \(text.debugDescription)")
        }
    }

    /// The sanitiser as it was before the ASCII fast path: every character (grapheme cluster) of
    /// the whole text judged on its own.
    enum Reference {
        static func line(_ text: String) -> String {
            var out = ""
            for character in text {
                if Sanitizer.needsEscape(character) {
                    out += Sanitizer.escaped(character)
                } else {
                    out.append(character)
                }
            }
            return out
        }

        static func text(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(
                separator: "\n")
        }

        static func json(_ encoded: String) -> String {
            var out = ""
            for character in encoded {
                guard Sanitizer.needsEscape(character) else {
                    out.append(character)
                    continue
                }
                var first = true
                for scalar in character.unicodeScalars {
                    if scalar == "\n" || (first && !Sanitizer.needsEscape(Character(scalar))) {
                        out.unicodeScalars.append(scalar)
                    } else {
                        for unit in String(scalar).utf16 {
                            let hex = String(unit, radix: 16)
                            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        }
                    }
                    first = false
                }
            }
            return out
        }
    }

    /// Plain ASCII runs are copied whole; what is around them must come out exactly as if every
    /// character had been judged: marks and joiners after an ASCII letter, prepended marks before
    /// one, CR LF, regional indicators, emoji sequences, controls at either end.
    @Test func fastPathEqualsJudgingEveryCharacter() {
        let pieces: [String] = [
            "a", "bc", "vpc-0a1", " ", "\"", "\\", "\n", "\r", "\r\n", "\t", "\u{1B}", "\u{7F}", "\u{9B}", "\u{301}",
            "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{20E3}", "\u{0600}", "\u{0903}", "\u{094D}", "\u{202E}", "\u{2028}",
            "\u{AD}", "\u{3164}", "\u{1160}", "ᄀ", "é", "—", "⇄", "✗", "決", "👩", "💻", "🇯", "🇵", "🏴", "\u{E0067}",
            "\u{E007F}", "क", "1", "#",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            #expect(Sanitizer.line(text) == Reference.line(text), "\(text.debugDescription)")
            #expect(Sanitizer.text(text) == Reference.text(text), "\(text.debugDescription)")
            #expect(Sanitizer.json(text) == Reference.json(text), "\(text.debugDescription)")
            // Over bytes (what `check --format json` writes): the same text, as UTF-8.
            #expect(Sanitizer.json(Array(text.utf8)) == Array(Reference.json(text).utf8), "\(text.debugDescription)")
        }
        let long = String(repeating: "plain ascii run, ", count: 200)
        for middle in ["", "\u{301}x", "—", "\u{0600}", "\r\n", "👩\u{200D}💻"] {
            let text = middle + long + middle + long + middle
            #expect(Sanitizer.line(text) == Reference.line(text))
            #expect(Sanitizer.text(text) == Reference.text(text))
            #expect(Sanitizer.json(text) == Reference.json(text))
            #expect(Sanitizer.json(Array(text.utf8)) == Array(Reference.json(text).utf8))
        }
    }
}
