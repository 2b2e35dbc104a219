import Testing
import TunnelscopeCanvas
import TunnelscopeRender
import TunnelscopeTestSupport
import TunnelscopeText

/// Emoji-laden names (ZWJ sequences, VS16, skin tones, flags, Unicode 14+ emoji) in every screen:
/// no line is wider than the frame, and every wide character holds two cells.
@Suite struct EmojiWidthTests {
    static let result = EmojiNames.load()

    /// The frame's rows as the terminal will draw them, checked cell by cell.
    func check(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let buffer = ScreenRenderer.render(state)
        for (i, line) in buffer.plainText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Independent of DisplayWidth for the names' emoji: each is two columns.
            let width = line.reduce(0) { $0 + (EmojiNames.emoji.contains(String($1)) ? 2 : DisplayWidth.of($1)) }
            #expect(
                width <= buffer.width, "\(name) line \(i + 1) is \(width) wide: \(line)", sourceLocation: sourceLocation
            )
        }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                let next = x + 1 < buffer.width && buffer[x + 1, y].isContinuation
                if cell.isContinuation {
                    #expect(x > 0 && !buffer[x - 1, y].isContinuation, "\(name) (\(x),\(y)): a lone continuation")
                    continue
                }
                let wide = EmojiNames.emoji.contains(cell.text) || DisplayWidth.of(cell.text) == 2
                #expect(
                    wide == next, "\(name) (\(x),\(y)) \(cell.text.debugDescription)", sourceLocation: sourceLocation)
                #expect(
                    cell.text.count <= 1, "\(name) (\(x),\(y)): one grapheme per cell", sourceLocation: sourceLocation)
            }
        }
        return buffer.plainText
    }

    @Test(arguments: ["1", "2", "3", "4", "5", "6", "7", "?"])
    func everyScreenFitsItsFrame(key: Character) {
        for (w, h) in [(120, 40), (80, 24), (161, 47)] {
            var state = Screens.state(Self.result, width: w, height: h)
            Screens.apply(&state, keys: [.character(key)])
            var frames = [check(state, "\(key) \(w)x\(h)")]
            for step in 0..<5 {
                Screens.apply(&state, keys: [key == "7" ? .character("n") : step % 2 == 0 ? .down : .pageDown])
                frames.append(check(state, "\(key) \(w)x\(h) step \(step)"))
            }
            if w == 120, "1234".contains(key) {
                #expect(frames.contains { $0.contains("👩\u{200D}💻") && $0.contains("❤\u{FE0F}") }, "the names show")
            }
        }
    }

    @Test func everyDetailFitsItsFrame() {
        var state = Screens.state(Self.result, width: 120, height: 40)
        for entry in state.analysis.directory.entries {
            Reducer.reduce(&state, .show(.detail(entry.id)))
            _ = check(state, "detail of \(entry.id)")
            Reducer.reduce(&state, .back)
        }
    }

    @Test func snapshotsAt120Columns() {
        var state = Screens.state(Self.result, width: 120, height: 40)
        Snapshot.assert(check(state, "topology"), named: "emoji-topology-120x40")
        Screens.apply(&state, keys: [.character("2")])
        Snapshot.assert(check(state, "aws"), named: "emoji-aws-120x40")
        Screens.apply(&state, keys: [.character("5")])
        // Every rule unfolded (from the last up), back at the top: the findings' emoji names.
        Screens.apply(&state, keys: [.end])
        for _ in 0..<state.analysis.findings.count { Screens.apply(&state, keys: [.right, .up]) }
        Snapshot.assert(check(state, "findings"), named: "emoji-findings-120x40")
    }
}
