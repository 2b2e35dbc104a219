import Testing
import TunnelscopeAnalysis
import TunnelscopeCanvas

@testable import TunnelscopeRender

/// The reducer and the keymap: navigation, the selection following the physical tunnel, search,
/// what-if, the help generated from the keymap.
@Suite struct ReducerTests {
    @Test func selectionStaysOnTheSameTunnelAcrossPerspectives() {
        var state = Screens.state(screen: .aws)
        // TGW → VPN to-gcp-if0 → tunnel 1 → tunnel 2 (52.1.20.22).
        Screens.apply(&state, keys: [.down, .down, .down])
        #expect(state.selectedElement == "tunnel/52.1.20.22")
        Screens.apply(&state, keys: [.tab])
        #expect(state.screen == .gcp)
        #expect(state.selectedElement == "tunnel/52.1.20.22")
        #expect(state.rows(for: .gcp)[state.listMemory(.gcp).selected].text.contains("aws-tunnel-1"))
        Screens.apply(&state, keys: [.character("4")])
        #expect(state.screen == .split && state.selectedElement == "tunnel/52.1.20.22")
        #expect(state.navigation.focusedPane == .gcp, "coming from the GCP view, the GCP pane has the focus")
        Screens.apply(&state, keys: [.tab])
        #expect(state.navigation.focusedPane == .aws && state.selectedElement == "tunnel/52.1.20.22")
        Screens.apply(&state, keys: [.down])
        #expect(state.selectedElement == "tunnel/3.220.30.33")
        Screens.apply(&state, keys: [.character("2")])
        #expect(state.screen == .aws && state.selectedElement == "tunnel/3.220.30.33")
        Screens.apply(&state, keys: [.tab, .tab])
        #expect(state.screen == .aws && state.selectedElement == "tunnel/3.220.30.33")
    }

    @Test func escapeWalksBackTheNavigationStack() {
        var state = Screens.state()
        Screens.apply(&state, keys: [.enter])
        #expect(state.navigation.stack == [.topology, .split], "the map opens on the VPN link")
        Screens.apply(&state, keys: [.enter])
        #expect(state.navigation.stack.count == 3)
        guard case .detail(let id) = state.screen else {
            Issue.record("expected a detail screen")
            return
        }
        #expect(id.hasPrefix("tunnel/"))
        Screens.apply(&state, keys: [.escape, .escape])
        #expect(state.navigation.stack == [.topology])
        Screens.apply(&state, keys: [.escape])
        #expect(state.navigation.stack == [.topology], "Esc on the first screen stays")
    }

    @Test func topologyMovesBetweenBoxes() {
        var state = Screens.state()
        #expect(state.navigation.topologySelection == "link")
        Screens.apply(&state, keys: [.up])
        #expect(state.navigation.topologySelection?.hasPrefix("vpc-") == true)
        Screens.apply(&state, keys: [.up])
        #expect(state.navigation.topologySelection == "tgw-0a1b2c3d4e5f60718")
        Screens.apply(&state, keys: [.enter])
        #expect(state.screen == .aws && state.selectedElement == "tgw-0a1b2c3d4e5f60718")
    }

    @Test func searchFindsByNameIPAndCIDR() {
        var state = Screens.state()
        Screens.apply(&state, keys: [.character("/")] + Screens.type("aws-tunnel-3") + [.enter])
        #expect(state.selectedElement == "tunnel/54.80.40.44")
        Screens.apply(&state, keys: [.character("/")] + Screens.type("10.20.1.7") + [.enter])
        #expect(
            state.selectedElement == "subnet-0b2b2b2b2b2b2b2b1" || state.selectedElement?.hasPrefix("subnet-") == true
                || state.selectedElement == "vpc-0b22bb22bb22bb220",
            "an address finds the subnet (most specific) that contains it")
        Screens.apply(&state, keys: [.character("/")] + Screens.type("35.220.2.20") + [.enter])
        #expect(state.selectedElement != nil)
        Screens.apply(&state, keys: [.character("/")] + Screens.type("no-such-thing") + [.enter])
        #expect(state.prompt.message?.text.contains("Nothing matches") == true)
        Screens.apply(&state, keys: [.character("/")] + Screens.type("10.30.0.0/29") + [.enter])
        let first = state.selectedElement
        Screens.apply(&state, keys: [.character("n")])
        #expect(state.selectedElement != first, "n goes to the next match (the VPC and the Memorystore range overlap)")
    }

    @Test func failAndClearWhatIf() {
        var state = Screens.state(screen: .aws)
        Screens.apply(&state, keys: [.down, .down])
        let tunnel = state.selectedElement
        #expect(tunnel == "tunnel/3.210.10.11")
        Screens.apply(&state, keys: [.character("f")])
        #expect(state.whatIf.failed == ["tunnel/3.210.10.11"])
        // The what-if panel opens and says it; hidden (`w`), the message line sums it up.
        #expect(state.layout.panel != nil)
        #expect(Screens.frame(state).contains("Fails with it"))
        Screens.apply(&state, keys: [.character("w")])
        #expect(state.layout.panel == nil)
        Screens.apply(&state, keys: [.character("F")])
        Screens.apply(&state, keys: [.character("f")])
        #expect(state.prompt.message?.text.contains("What-if") == true)
        Screens.apply(&state, keys: [.character("w")])
        #expect(state.layout.panel != nil)
        #expect(state.selectedElement == tunnel, "the selection stays on the failed element")
        Screens.apply(&state, keys: [.character("F")])
        #expect(state.whatIf.failed.isEmpty)
        Screens.apply(&state, keys: [.character(":")] + Screens.type("fail vpn-0bb22cc33dd44ee55") + [.enter])
        #expect(state.whatIf.failed.contains("vpn-0bb22cc33dd44ee55"))
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = Screens.state(width: 160, height: 48, screen: .aws)
        Screens.apply(&state, keys: [.end])
        let selected = state.listMemory(.aws).selected
        Reducer.reduce(&state, .resize(width: 80, height: 16))
        let memory = state.listMemory(.aws)
        #expect(memory.selected == selected)
        #expect(
            memory.selected >= memory.scroll
                && memory.selected < memory.scroll + Layout(width: 80, height: 16, screen: .aws).listHeight)
        Reducer.reduce(&state, .resize(width: 30, height: 8))
        #expect(ScreenRenderer.render(state).plainText.contains("Terminal too small"))
    }

    @Test func pagingAndEnds() {
        var state = Screens.state(width: 80, height: 16, screen: .aws)
        Screens.apply(&state, keys: [.pageDown])
        #expect(state.listMemory(.aws).selected > 3)
        Screens.apply(&state, keys: [.home])
        #expect(state.listMemory(.aws).selected == 1, "the first selectable row (row 0 is the heading)")
    }

    @Test func inputModesTakeCharactersNotCommands() {
        var state = Screens.state()
        Screens.apply(&state, keys: [.character("/"), .character("q"), .character("2")])
        #expect(state.prompt.input == .search("q2"))
        #expect(state.screen == .topology)
        Screens.apply(&state, keys: [.backspace, .escape])
        #expect(state.prompt.input == nil)
        #expect(
            Reducer.action(for: .character("q"), in: state).map { if case .quit = $0 { true } else { false } } == true)
    }
}

/// The keymap is data: help and footer come from it, and it is consistent.
@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInOneScope() {
        for scope in Binding.Scope.allCases {
            let keys = Keymap.bindings.filter { $0.scope == scope }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(scope.rawValue)")
        }
    }

    @Test func helpListsEveryBinding() {
        var state = Screens.state(width: 120, height: 80)
        Screens.apply(&state, keys: [.character("?")])
        // Every page of the help, down to the last.
        var frame = Screens.frame(state)
        var pages = [frame]
        for _ in 0..<10 {
            Screens.apply(&state, keys: [.pageDown])
            let next = Screens.frame(state)
            if next == frame { break }
            frame = next
            pages.append(next)
        }
        let all = pages.joined(separator: "\n")
        for binding in Keymap.bindings {
            #expect(all.contains(binding.help), "help is missing \"\(binding.help)\"")
        }
        Screens.apply(&state, keys: [.escape])
        #expect(!Screens.frame(state).contains(Keymap.bindings[0].help))
    }

    @Test func footerHintsComeFromTheKeymap() {
        let hints = Keymap.footer(for: .aws)
        #expect(hints.first?.keys == "?")
        #expect(hints.contains { $0.label == "fail" && $0.keys == "f" })
        #expect(Keymap.footer(for: .tour).allSatisfy { $0.label != "open" }, "tour has no Enter→open hint")
    }

    @Test func everyKeyOfTheBriefIsBound() {
        let required: [(Key, Screen)] = [
            (.character("?"), .aws), (.character("/"), .aws), (.character(":"), .aws), (.tab, .aws),
            (.escape, .aws), (.character("q"), .aws), (.control("c"), .aws), (.character("j"), .aws),
            (.character("k"), .aws), (.pageDown, .aws), (.pageUp, .aws), (.home, .aws), (.end, .aws),
            (.character("f"), .aws), (.character("F"), .aws), (.character("r"), .aws), (.character("t"), .aws),
        ]
        for (key, screen) in required { #expect(Keymap.action(for: key, on: screen) != nil, "\(key) is not bound") }
    }
}

@Suite struct ReloadAndMouseTests {
    @Test func reloadKeepsTheSelectionAndTheWhatIf() {
        var state = Screens.state(screen: .gcp)
        Screens.apply(&state, keys: [.down, .down, .down, .down, .down])
        let selected = state.selectedElement
        #expect(selected != nil)
        Screens.apply(&state, keys: [.character("f")])
        let effects = Reducer.reduce(&state, .reload)
        #expect(effects == [.reload])
        Reducer.reduce(&state, .reloaded(Reload(Screens.example, for: state)))
        #expect(state.selectedElement == selected)
        #expect(state.whatIf.failed.contains(selected!))
        #expect(state.prompt.message?.text.hasPrefix("Reloaded") == true)
    }

    @Test func aReloadRunsOnceAndItsProgressIsDrawn() {
        var state = Screens.state(screen: .aws)
        Screens.apply(&state, keys: [.down, .down])
        let selected = state.selectedElement
        #expect(Reducer.reduce(&state, .reload) == [.reload])
        #expect(Screens.frame(state).contains("Reloading… reading the exports"))
        // A second r while the first runs starts nothing.
        #expect(Reducer.reduce(&state, .reload) == [])
        #expect(Screens.frame(state).contains("Already reloading"))
        Reducer.reduce(&state, .reloadProgress("analysing 40 resources", seconds: 3))
        Screens.apply(&state, keys: [.down])
        // Keys still move on the model loaded before; the progress comes back after the key's message.
        #expect(state.selectedElement != selected)
        #expect(Screens.frame(state).contains("Reloading… analysing 40 resources (3 s)"))
        // A what-if started while the reload ran is applied to the new model at the swap.
        let prepared = Reload(Screens.example, for: state)
        Screens.apply(&state, keys: [.up, .character("f")])
        #expect(state.whatIf.failed == [selected!])
        Reducer.reduce(&state, .reloaded(prepared))
        #expect(state.prompt.reloading == nil)
        #expect(state.selectedElement == selected)
        #expect(state.whatIf.failed == [selected!])
        #expect(state.insights.failed == [selected!] && state.insights.whatIf != nil)
        #expect(!Screens.frame(state).contains("Reloading…"))
        #expect(Reducer.reduce(&state, .reload) == [.reload], "a new reload can start once it is done")
    }

    /// While a reload runs, the old state lets go of its search index, directory and what-if
    /// simulator (memory): search, `:fail` and `:path` still answer, making them again.
    @Test func searchAndWhatIfAnswerWhileAReloadRuns() {
        let keys: [Key] =
            [.character("/")] + Screens.type("vpn-0bb22cc33dd44ee55") + [.enter, .character(":")]
            + Screens.type("fail aws-tunnel-3") + [.enter]
        var quiet = Screens.state(screen: .aws)
        Screens.apply(&quiet, keys: keys)
        var reloading = Screens.state(screen: .aws)
        #expect(Reducer.reduce(&reloading, .reload) == [.reload])
        Screens.apply(&reloading, keys: keys)
        #expect(reloading.prompt.reloading != nil)
        #expect(reloading.selectedElement != nil && reloading.selectedElement == quiet.selectedElement)
        #expect(!reloading.whatIf.failed.isEmpty && reloading.whatIf.failed == quiet.whatIf.failed)
        #expect(reloading.insights.whatIf?.summary == quiet.insights.whatIf?.summary)
        #expect(reloading.insights.whatIf != nil)
    }

    @Test func clickSelectsARowAndABox() {
        var state = Screens.state(screen: .aws)
        let layout = Layout(width: 80, height: 24, screen: .aws)
        let rows = state.rows(for: .aws)
        let target = rows.firstIndex { $0.elementId == "tunnel/54.80.40.44" }!
        Reducer.reduce(&state, .click(x: 10, y: layout.list.y + target))
        #expect(state.selectedElement == "tunnel/54.80.40.44")
        var map = Screens.state()
        let tgw = map.topology.node("tgw-0a1b2c3d4e5f60718")!
        Reducer.reduce(
            &map, .click(x: tgw.rect.x + 2, y: Layout(width: 80, height: 24, screen: .topology).body.y + tgw.rect.y + 1)
        )
        #expect(map.navigation.topologySelection == "tgw-0a1b2c3d4e5f60718")
    }

    @Test func findingsFilterAndJump() {
        var state = Screens.state(screen: .findings)
        let all = state.derived.findingsMatches?.positions.count
        #expect(all == state.analysis.findings.count)
        Screens.apply(&state, keys: [.character("s")])
        let errors = state.derived.findingsMatches?.positions.count ?? 0
        #expect(errors < all! && errors == state.analysis.count(.error))
        Screens.apply(&state, keys: [.home, .down, .enter])
        #expect(state.screen != .findings, "Enter on a finding jumps to the finding's element")
    }
}
