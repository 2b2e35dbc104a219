import Testing
import TunnelscopeCanvas
import TunnelscopeRender
import TunnelscopeTestSupport

/// The explorer's frames on the example with hostile names: every screen, every element's
/// detail, search and commands. No cell holds a control, C1, bidi or invisible format character;
/// the names show as escapes.
@Suite struct HostileFramesTests {
    static let result = Hostile.load()

    func check(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let buffer = ScreenRenderer.render(state)
        let bad = buffer.cells.filter { $0.text.unicodeScalars.contains(where: Hostile.isForbidden) }
        #expect(bad.isEmpty, "\(name): cells \(bad.prefix(3).map(\.text))", sourceLocation: sourceLocation)
        #expect(Hostile.violations(in: buffer.plainText).isEmpty, "\(name)", sourceLocation: sourceLocation)
        #expect(Hostile.violations(in: buffer.ansiText, sgr: true).isEmpty, "\(name)", sourceLocation: sourceLocation)
        return buffer.plainText
    }

    @Test(arguments: [
        ("topology", "1"), ("aws", "2"), ("gcp", "3"), ("split", "4"), ("findings", "5"), ("routes", "6"),
        ("tour", "7"), ("help", "?"),
    ])
    func everyScreen(name: String, key: Character) {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            var state = Screens.state(Self.result, width: w, height: h)
            Screens.apply(&state, keys: [.character(key)])
            var frames = [check(state, "\(name) \(w)x\(h)")]
            if name == "findings" {
                // The findings are grouped by rule: unfold every rule (from the last up) to read them.
                Screens.apply(&state, keys: [.end])
                for _ in 0..<state.analysis.findings.count { Screens.apply(&state, keys: [.right, .up]) }
                frames.append(check(state, "\(name) \(w)x\(h) unfolded"))
            }
            for _ in 0..<6 {
                Screens.apply(&state, keys: [name == "tour" ? .character("n") : .pageDown])
                frames.append(check(state, "\(name) \(w)x\(h) paged"))
            }
            if name != "help" && name != "tour" && w >= 120 {
                #expect(frames.contains { $0.contains(#"\u{1b}"#) }, "\(name) \(w)x\(h) shows the names, escaped")
            }
        }
    }

    @Test func everyElementsDetail() {
        var state = Screens.state(Self.result, width: 120, height: 40)
        var shown = 0
        for entry in state.analysis.directory.entries {
            Reducer.reduce(&state, .show(.detail(entry.id)))
            if check(state, "detail of \(entry.id)").contains(#"\u{1b}]0;PWNED"#) { shown += 1 }
            Reducer.reduce(&state, .back)
        }
        #expect(shown > 10, "the hostile names show in the details, escaped")
    }

    @Test func searchCommandsAndTypedControls() {
        var state = Screens.state(Self.result, width: 120, height: 40)
        Screens.apply(&state, keys: [.character("/")] + Screens.type("aws-tunnel-1") + [.enter])
        _ = check(state, "search")
        Screens.apply(&state, keys: [.character("d")])
        _ = check(state, "search, detail")
        Screens.apply(&state, keys: [.escape, .character("f")])
        _ = check(state, "what-if")
        Screens.apply(&state, keys: [.character(":")] + Screens.type("path 10.10.1.5 172.16.0.10") + [.enter])
        #expect(check(state, ":path").contains(#"\u{1b}]0;PWNED"#))
        // Pasted text is typed input: a C1 CSI and a bidi override show as escapes in the prompt.
        Screens.apply(&state, keys: [.character("/")] + Screens.type("x\u{9B}2J\u{202E}y"))
        #expect(check(state, "typed controls").contains(#"x\u{9b}2J\u{202e}y"#))
    }
}
