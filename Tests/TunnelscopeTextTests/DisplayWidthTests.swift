import Testing
import TunnelscopeCanvas
import TunnelscopeText

/// The one width function, against the widths terminals with current Unicode tables use (the
/// expected values agree with the `wcwidth` 0.7 package, Unicode 17).
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("決", 2), ("한", 2), ("Ａ", 2), ("ｱ", 1), ("─", 1), ("│", 1), ("●", 1), ("▲", 1), ("✖", 1),
        ("✓", 1), ("⇄", 1), ("≠", 1), ("…", 1), ("→", 1),
        // Emoji presentation by default: two cells.
        ("🫠", 2), ("🪿", 2), ("🫎", 2), ("\u{1FAE9}", 2), ("✅", 2), ("⌚", 2), ("⌛", 2), ("⚡", 2), ("❌", 2),
        ("😀", 2), ("🌐", 2),
        // Text presentation by default: one cell, two with VS16, one with VS15.
        ("❤", 1), ("❤\u{FE0F}", 2), ("☺", 1), ("☺\u{FE0F}", 2), ("⚠", 1), ("⚠\u{FE0F}", 2), ("✔\u{FE0F}", 2),
        ("⌚\u{FE0E}", 2), ("❤\u{FE0E}", 1),
        // Sequences: one wide glyph.
        ("👩\u{200D}💻", 2), ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2), ("🏳\u{FE0F}\u{200D}🌈", 2), ("❤\u{FE0F}\u{200D}🔥", 2),
        ("👍🏽", 2), ("☝🏽", 2), ("🏽", 2), ("🇯🇵", 2), ("🇯", 2),
        ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2), ("1\u{FE0F}\u{20E3}", 2),
        ("#\u{FE0F}\u{20E3}", 2),
        // Combining marks and Hangul jamo join their base.
        ("e\u{301}", 1), ("\u{1100}\u{1161}\u{11A8}", 2), ("क\u{93F}", 2),
    ])
    func width(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func escapedCharactersAreAsWideAsTheirEscape() {
        #expect(DisplayWidth.of("\u{1B}") == 6)
        #expect(DisplayWidth.of("a\u{1B}]0;x\u{7}") == DisplayWidth.of(#"a\u{1b}]0;x\u{07}"#))
        #expect(DisplayWidth.of("\u{202E}") == 8)
        #expect(DisplayWidth.of("\r\n") == 12)
    }

    @Test func stringsSumTheirCharacters() {
        let name = "🫠✅⌚👩\u{200D}💻🇯🇵❤️👍🏽app-vpc"
        #expect(DisplayWidth.of(name) == 14 + 7)
        #expect(DisplayWidth.truncate(name, to: 8) == "🫠✅⌚…")
        #expect(DisplayWidth.of(DisplayWidth.pad(name, to: 9)) == 9)
        #expect(DisplayWidth.pad("✅x", to: 4) == "✅x ")
    }

    @Test func tableColumnsLineUpWithEmojiAndEscapes() {
        var table = TextTable(headers: ["name", "ip"])
        table.add(["👩\u{200D}💻dev", "10.0.0.1"])
        table.add(["x\u{1B}]0;T\u{7}", "10.0.0.2"])
        table.add(["plain", "10.0.0.3"])
        let lines = table.render().split(separator: "\n").map(String.init)
        let column = lines.dropFirst().map { line in DisplayWidth.of(line[..<line.range(of: "10.0.0.")!.lowerBound]) }
        #expect(Set(column).count == 1, "\(lines)")
        #expect(lines[2].contains(#"x\u{1b}]0;T\u{07}"#))
    }

    @Test func cellBufferHoldsWideCharactersAsTwoCellsAndNoControls() {
        var buffer = CellBuffer(width: 40, height: 2)
        let end = buffer.write("✅⌚👩\u{200D}💻🇯🇵❤️👍🏽🫠|", x: 0, y: 0)
        #expect(end == 15)
        for x in stride(from: 0, to: 14, by: 2) {
            #expect(!buffer[x, 0].isContinuation && buffer[x + 1, 0].isContinuation, "column \(x)")
        }
        #expect(buffer[14, 0].text == "|")
        buffer.write("A\u{1B}]0;PWNED\u{7}\u{202E}\u{9B}Z", x: 0, y: 1)
        let row = (0..<40).map { buffer[$0, 1].text }.joined()
        #expect(row.hasPrefix(#"A\u{1b}]0;PWNED\u{07}\u{202e}\u{9b}Z"#))
        #expect(!buffer.cells.contains { $0.text.unicodeScalars.contains(where: SanitizerTests.isForbidden) })
        #expect(
            !buffer.ansiText.unicodeScalars.contains { SanitizerTests.isForbidden($0) && $0 != "\u{1B}" && $0 != "\n" })
    }

    @Test func aWideCharacterCutAtTheEdgeLeavesASpace() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.write("ab✅✅", x: 0, y: 0)
        #expect(buffer.plainText == "ab✅")
        buffer.write("x", x: 3, y: 0)
        #expect(buffer.plainText == "ab x", "overwriting half a wide character blanks the other half")
    }
}
