import Testing
import TunnelscopeCanvas
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeSynthetic

@testable import TunnelscopeRender

/// The derive step: after any reducer step, every derived part (insights, rows, map, findings,
/// detail pane) is what a state built from scratch with the same inputs shows; a step that
/// changes no input of a part keeps it as it was (no rebuild per keystroke).
@Suite struct DeriveStepTests {
    static let grouped = Importer.load(
        files: SyntheticNetwork(vpcs: 300, accounts: 4, routesPerTable: 1, gcpSubnets: 2).files(),
        origin: "synthetic 300")

    /// A named step: an action for the state as it is (or several, or a reload swapped in).
    struct Step: Sendable {
        let name: String
        let run: @Sendable (inout AppState, inout SeededGenerator) -> Void
    }

    static func action(_ name: String, _ make: @escaping @Sendable (AppState, inout SeededGenerator) -> Action?) -> Step
    {
        Step(name: name) { state, random in
            if let action = make(state, &random) { Reducer.reduce(&state, action) }
        }
    }

    static func typing(_ name: String, _ start: Action, _ text: String, submit: Bool) -> Step {
        Step(name: name) { state, _ in
            Reducer.reduce(&state, start)
            for c in text { Reducer.reduce(&state, .input(c)) }
            if submit { Reducer.reduce(&state, .inputSubmit) }
        }
    }

    static let steps: [Step] = [
        action("fail a cross-cloud tunnel") { state, random in
            state.model.tunnels.filter(\.isCrossCloud).randomElement(using: &random).map { .fail($0.id) }
        },
        action("fail the selection") { _, _ in .failSelected },
        action("clear the what-if") { _, _ in .clearFailures },
        action("resize") { _, random in
            let sizes = [(80, 24), (200, 60), (120, 40), (60, 20), (160, 48)]
            let (w, h) = sizes.randomElement(using: &random)!
            return .resize(width: w, height: h)
        },
        action("show a screen") { _, random in
            .show([Screen.topology, .aws, .gcp, .split, .findings, .routes].randomElement(using: &random)!)
        },
        action("move down") { _, _ in .moveDown },
        action("page down") { _, _ in .pageDown },
        action("move right") { _, _ in .moveRight },
        action("open") { _, _ in .open },
        action("back") { _, _ in .back },
        action("detail") { _, _ in .showDetail },
        action("toggle a group") { _, _ in .toggleGroup },
        action("expand a group") { _, _ in .expandGroup },
        action("severity") { _, _ in .cycleSeverity },
        action("rule only") { _, _ in .filterRule },
        Step(name: "select a map group") { state, random in
            guard state.screen == .topology,
                let group = state.topology.nodes.filter({ $0.group != nil }).randomElement(using: &random)
            else { return }
            Reducer.reduce(&state, .select(group.id))
            Reducer.reduce(&state, [.open, .toggleGroup].randomElement(using: &random)!)
        },
        typing("filter findings", .startFilter, "vpc", submit: false),
        action("cancel input") { _, _ in .inputCancel },
        typing("search", .startSearch, "tun", submit: true),
        typing("path", .startCommand, "path 10.0.0.10 10.100.16.5", submit: true),
        Step(name: "reload swap") { state, _ in
            let reload = Reload(state.result, for: state.reloadContext)
            Reducer.reduce(&state, .reloaded(reload))
        },
        Step(name: "reload swap after a resize and a failure") { state, _ in
            let reload = Reload(state.result, for: state.reloadContext)
            Reducer.reduce(&state, .resize(width: state.width == 80 ? 200 : 80, height: state.width == 80 ? 60 : 24))
            if let tunnel = state.model.tunnels.first(where: \.isCrossCloud) {
                Reducer.reduce(&state, .fail(tunnel.id))
            }
            Reducer.reduce(&state, .reloaded(reload))
        },
    ]

    /// The state built from scratch for the inputs of `state`.
    static func fresh(_ state: AppState) -> AppState {
        var fresh = AppState(result: state.result, width: state.width, height: state.height)
        fresh.navigation = state.navigation
        fresh.prompt = state.prompt
        fresh.whatIf = state.whatIf
        fresh.filters = state.filters
        fresh.derive()
        return fresh
    }

    static func text(_ rows: RowList) -> [String] { rows.map { "\($0.elementId ?? "-") \($0.text)" } }

    static func map(_ map: TopologyLayout) -> [String] {
        ["\(map.width)×\(map.height)"]
            + map.nodes.map { node in
                "\(node.id) \(node.rect.x),\(node.rect.y) \(node.rect.width)×\(node.rect.height) \(node.health) "
                    + node.lines.map { $0.map(\.text).joined() }.joined(separator: "|")
            }
    }

    /// Compares every derived part of `state` with a state built from scratch for its inputs.
    static func expectDerived(_ state: AppState, after history: [String]) {
        let fresh = fresh(state)
        let context = Comment(rawValue: "after " + history.suffix(6).joined(separator: " → "))
        #expect(state.insights.failed == fresh.insights.failed, context)
        #expect(state.insights.whatIfSummary == fresh.insights.whatIfSummary, context)
        #expect(state.insights.lostTunnels == fresh.insights.lostTunnels, context)
        for screen in [Screen.aws, .gcp, .split] + state.navigation.stack.filter(\.isList) {
            #expect(text(state.rows(for: screen)) == text(fresh.rows(for: screen)), "\(screen) rows \(context)")
        }
        #expect(map(state.topology) == map(fresh.topology), "map \(context)")
        if state.navigation.stack.contains(.findings) {
            #expect(
                state.derived.findingsMatches?.positions == fresh.derived.findingsMatches?.positions,
                "findings matches \(context)")
        }
        if let id = state.selectedElement {
            #expect(
                state.detailPaneRows(id).map(\.text) == fresh.detailPaneRows(id).map(\.text), "detail pane \(context)")
        }
        #expect(Screens.frame(state) == Screens.frame(fresh), "frame \(context)")
    }

    @Test(arguments: [(1, 0), (2, 1), (3, 2)])
    func everyDerivedPartMatchesAFreshStateAfterEveryStep(seed: UInt64, network: Int) {
        var generator = SeededGenerator(seed: seed)
        let result = network == 1 ? Self.grouped : Screens.example
        var state = AppState(result: result, width: 120, height: 40)
        var history: [String] = []
        for _ in 0..<(network == 1 ? 40 : 90) {
            let step = Self.steps.randomElement(using: &generator)!
            history.append(step.name)
            step.run(&state, &generator)
            Self.expectDerived(state, after: history)
        }
    }

    /// Steps that change no input of a part keep it: the map, its boxes and the detail pane
    /// across moves; the findings rows across a what-if.
    @Test func stepsThatChangeNoInputKeepTheParts() throws {
        var state = AppState(result: Self.grouped, width: 120, height: 40, screen: .aws)
        _ = state.topology
        let map = state.derived.topology.value
        let pane = state.derived.detailPane.value
        let content = state.content.aws.count
        for action in [Action.moveDown, .pageDown, .moveUp, .home, .end] { Reducer.reduce(&state, action) }
        #expect(state.derived.topology.value === map)
        #expect(state.derived.detailPane.value === pane)
        #expect(state.content.aws.count == content)

        Reducer.reduce(&state, .show(.findings))
        let findings = try #require(state.derived.findings)
        guard case .findings(let list) = findings.value.rows.source else {
            Issue.record("the findings rows are a findings list")
            return
        }
        let tunnel = try #require(state.model.tunnels.first { $0.isCrossCloud })
        Reducer.reduce(&state, .fail(tunnel.id))
        #expect(state.insights.failed == [tunnel.id])
        #expect(state.derived.topology.value !== map, "a what-if lays the map out again")
        #expect(state.derived.detailPane.value !== pane, "a what-if makes the detail pane again")
        guard case .findings(let kept) = state.derived.findings?.value.rows.source else {
            Issue.record("the findings rows are a findings list")
            return
        }
        #expect(kept === list, "a what-if keeps the findings rows")
        Reducer.reduce(&state, .cycleSeverity)
        guard case .findings(let filtered) = state.derived.findings?.value.rows.source else {
            Issue.record("the findings rows are a findings list")
            return
        }
        #expect(filtered !== list, "the severity filter builds the findings rows again")
    }

    /// A reload prepared for the state as it is swaps in its own parts, not new ones.
    @Test func aReloadPreparedForTheStateIsUsedAsItIs() {
        var state = AppState(result: Screens.example, width: 120, height: 40)
        let reload = Reload(Screens.example, for: state.reloadContext)
        Reducer.reduce(&state, .reloaded(reload))
        #expect(state.derived.topology.value === reload.topology)
        var moved = AppState(result: Screens.example, width: 120, height: 40)
        let early = Reload(Screens.example, for: moved.reloadContext)
        Reducer.reduce(&moved, .resize(width: 200, height: 60))
        Reducer.reduce(&moved, .reloaded(early))
        #expect(moved.derived.topology.value !== early.topology, "the size changed since: the map is laid out again")
        #expect(moved.topology.width == Self.fresh(moved).topology.width)
    }
}

/// A small deterministic generator (SplitMix64), so a failing sequence can be run again.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
