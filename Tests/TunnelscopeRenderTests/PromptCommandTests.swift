import Testing

@testable import TunnelscopeRender

/// `:` commands are parsed in one unit, and render/tests drive the explorer with actions that say
/// what they mean (`.fail(id)`, `.select(id)`), not typed characters.
@Suite struct PromptCommandTests {
    @Test func parsesEveryCommandAndSaysWhatIsWrong() {
        #expect(PromptCommand.parse("") == nil)
        #expect(PromptCommand.parse("   ") == nil)
        #expect(PromptCommand.parse("q") == .quit && PromptCommand.parse("quit") == .quit)
        #expect(PromptCommand.parse("fail to-gcp-if0") == .fail("to-gcp-if0"))
        #expect(PromptCommand.parse("fail  52.1.20.22 ") == .fail("52.1.20.22"))
        #expect(PromptCommand.parse("path 10.10.1.5 10.100.16.9") == .path(from: "10.10.1.5", to: "10.100.16.9"))
        #expect(PromptCommand.parse("view gcp") == .view(.gcp) && PromptCommand.parse("view map") == .view(.topology))
        #expect(PromptCommand.parse("clear") == .clear)
        for bad in ["fail", "fail a b", "path x", "view", "view nowhere", "clear all", "frobnicate"] {
            guard case .invalid(let message)? = PromptCommand.parse(bad) else {
                Issue.record("\(bad) parsed as a command")
                continue
            }
            #expect(!message.isEmpty)
        }
        if case .invalid(let message)? = PromptCommand.parse("frobnicate") {
            #expect(message.contains("Unknown command frobnicate"))
        }
    }

    @Test func failAndSelectActionsDoWhatTheSay() {
        var state = Screens.state(screen: .aws)
        Reducer.reduce(&state, .fail("to-gcp-if0"))
        #expect(state.whatIf.failed == ["vpn-0aa11bb22cc33dd44"], "the name resolves to the connection")
        Reducer.reduce(&state, .fail("no-such-thing"))
        #expect(state.whatIf.failed == ["vpn-0aa11bb22cc33dd44"] && state.prompt.message != nil)
        Reducer.reduce(&state, .select("tunnel/54.80.40.44"))
        #expect(state.screen == .aws && state.selectedElement == "tunnel/54.80.40.44")
        // Not on this screen: where a search for it leads.
        Reducer.reduce(&state, .select("projects/net-host-prj/regions/us-east4/routers/cr-aws"))
        #expect(state.selectedElement == "projects/net-host-prj/regions/us-east4/routers/cr-aws")
    }

    @Test func wordsSplitAsAShellWould() {
        #expect(PromptCommand.words("diff  /a\t/b ") == ["diff", "/a", "/b"])
        #expect(PromptCommand.words("diff '/my exports/before' \"x y\"") == ["diff", "/my exports/before", "x y"])
        #expect(PromptCommand.words(#"fail my\ tunnel"#) == ["fail", "my tunnel"])
        #expect(PromptCommand.words(#"fail "a \"q\" b""#) == ["fail", #"a "q" b"#])
        #expect(PromptCommand.words("fail ''") == ["fail", ""])
        #expect(PromptCommand.parse("diff '/my exports/before'") == .diff(["/my exports/before"]))
    }
}
