import Testing

@testable import TunnelscopeText

@Suite struct MarkdownTests {
    @Test func textEscapesSyntaxAndHTML() {
        #expect(Markdown.text("a|b") == "a\\|b")
        #expect(Markdown.text("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;")
        #expect(Markdown.text("[link](http://x)") == "\\[link\\]\\(http://x\\)")
        #expect(Markdown.text("# not a heading") == "\\# not a heading")
        #expect(Markdown.text("plain name 42") == "plain name 42")
    }

    @Test func textCannotEndTheRowOrReachTheTerminal() {
        let hostile = "vpn\n| x | y |\u{1b}[31m"
        let cell = Markdown.text(hostile)
        #expect(!cell.contains("\n"))
        #expect(!cell.contains("\u{1b}"))
        // Every pipe is escaped: none would split the cell.
        let characters = Array(cell)
        let bare = characters.indices.filter { characters[$0] == "|" && ($0 == 0 || characters[$0 - 1] != "\\") }
        #expect(bare.isEmpty)
        #expect(cell.components(separatedBy: "\\|").count == 4)
    }

    @Test func codeFencesAroundBackticks() {
        #expect(Markdown.code("10.0.0.0/16") == "`10.0.0.0/16`")
        #expect(Markdown.code("a`b") == "``a`b``")
        #expect(Markdown.code("`x") == "`` `x ``")
        #expect(Markdown.code("a|b") == "`a\\|b`")
        #expect(Markdown.code("") == "")
    }

    @Test func tableHasDelimiterRowAndFillsShortRows() {
        let table = Markdown.table(["Rule", "Count"], [["a", "1"], ["b"]], alignment: [.left, .right])
        #expect(table == "| Rule | Count |\n| --- | ---: |\n| a | 1 |\n| b |   |\n")
    }
}
