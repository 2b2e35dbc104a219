import Testing
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeRender

/// Diff mode: the loaded snapshot (AFTER) compared with BEFORE (`--before`, `:diff PATH`). The
/// views read the analysis' `SnapshotDiff`: marks and notes on changed elements, the Changes
/// screen, the header's count, and the side by side's before/after panes.
@Suite struct DiffModeTests {
    static let connectionA = "vpn-0aa11bb22cc33dd44"
    static let vgw = "vgw-0f1e2d3c4b5a69788"
    static let tgw = "tgw-0a1b2c3d4e5f60718"

    /// The VGW → TGW migration: AFTER (the example) compared with BEFORE.
    static func migration(width: Int = 80, height: Int = 24, screen: Screen = .topology) -> AppState {
        var state = Screens.state(DiffCases.load("vgw-to-tgw", "after"), width: width, height: height, screen: screen)
        let before = DiffCases.load("vgw-to-tgw", "before")
        Reducer.reduce(&state, .compared(Comparison(before: before, after: state.analysis)))
        return state
    }

    static func text(_ rows: some Sequence<Row>) -> String { rows.map(\.text).joined(separator: "\n") }

    @Test func diffModeScreens() {
        for (w, h) in [(80, 24), (160, 48)] {
            var state = Self.migration(width: w, height: h)
            Snapshot.assert(Screens.frame(state), named: "diff-topology-\(w)x\(h)")
            Screens.apply(&state, keys: [.character("8")])
            Snapshot.assert(Screens.frame(state), named: "diff-changes-\(w)x\(h)")
            Screens.apply(&state, keys: [.character("4"), .character("b")])
            Snapshot.assert(Screens.frame(state), named: "diff-before-after-\(w)x\(h)")
            Snapshot.assert(
                IncidentSnapshotTests.styles(ScreenRenderer.render(state)), named: "diff-before-after-styles-\(w)x\(h)")
        }
    }

    @Test func everyViewMarksWhatChanged() throws {
        var state = Self.migration(width: 160, height: 48)
        // The header counts what the diff found.
        let total = state.compare.comparison!.diff.changes.count + state.compare.comparison!.diff.findings.count
        #expect(total > 0)
        #expect(Screens.frame(state).split(separator: "\n")[0].contains("Δ"))
        // The map: the TGW box carries the change on its border.
        #expect(Screens.frame(state).contains("~ changed"))
        // AWS view: both GCP connections moved from the VGW to the TGW.
        let aws = Self.text(state.content.aws)
        #expect(aws.contains("VPN to-gcp-if0  → moved: \(Self.vgw) → \(Self.tgw)"))
        #expect(aws.contains("VPN to-gcp-if1  → moved: \(Self.vgw) → \(Self.tgw)"))
        // GCP view: the routes each tunnel learns changed.
        let gcp = Self.text(state.content.gcp)
        #expect(gcp.contains("~ changed"))
        // The detail of a moved connection says where from and where to, field by field.
        Screens.apply(&state, keys: [.character("2")])
        Reducer.reduce(&state, .select(Self.connectionA))
        Screens.apply(&state, keys: [.character("d")])
        let detail = Self.text(state.rows(for: state.screen))
        #expect(detail.contains("Since before: moved: \(Self.vgw) → \(Self.tgw)"))
        #expect(detail.contains("attached to  \(Self.vgw) → \(Self.tgw)"))
    }

    @Test func changesScreenGroupsLikeTheViewsAndOpensTheElement() throws {
        var state = Self.migration(width: 120, height: 40)
        Screens.apply(&state, keys: [.character("8")])
        let rows = Array(state.rows(for: .changes))
        let headings = rows.filter { $0.kind == .heading }.map(\.text)
        let hub = try #require(headings.firstIndex { $0.hasPrefix("Hub (Transit Gateway)") })
        let connections = try #require(headings.firstIndex { $0.hasPrefix("VPN connections") })
        let tunnels = try #require(headings.firstIndex { $0.hasPrefix("Tunnels") })
        #expect(hub < connections && connections < tunnels)
        // A removed (or no longer exported) element is listed but cannot be opened: AFTER has no such element.
        let vgwRow = try #require(rows.first { $0.text.contains(Self.vgw) && $0.text.contains("not exported after") })
        #expect(vgwRow.elementId == nil)
        // Enter on a moved connection opens its detail.
        let index = try #require(rows.firstIndex { $0.elementId == Self.connectionA })
        Reducer.reduce(&state, .select(Self.connectionA))
        #expect(state.listMemory(.changes).selected == index)
        Screens.apply(&state, keys: [.enter])
        #expect(state.screen == .detail(Self.connectionA))
    }

    @Test func beforeAndAfterKeepTheSelectionOnTheSameElement() throws {
        var state = Self.migration(width: 160, height: 48, screen: .split)
        Screens.apply(&state, keys: [.character("b")])
        #expect(state.compare.beforeAfter)
        Reducer.reduce(&state, .select(Self.connectionA))
        #expect(state.selectedElement == Self.connectionA)
        // BEFORE's pane shows the same connection on the selected line (under the VGW there).
        let frame = Screens.frame(state).split(separator: "\n").map(String.init)
        let line = try #require(frame.first { $0.contains("▌") })
        let halves = line.components(separatedBy: "│")
        #expect(halves.count >= 2)
        #expect(halves[0].contains("VPN to-gcp-if0"))
        #expect(halves[1].contains("VPN to-gcp-if0"))
        // The lower part lists the connection's change.
        #expect(frame.joined(separator: "\n").contains("attached to  \(Self.vgw) → \(Self.tgw)"))
        // Tab: the GCP perspective of both, then back; b again: AWS and GCP, on the same tunnel's row.
        Screens.apply(&state, keys: [.tab])
        #expect(state.navigation.focusedPane == .gcp)
        #expect(Self.text(Array(state.rows(for: .split))) == Self.text(state.content.gcp))
        Screens.apply(&state, keys: [.tab])
        Reducer.reduce(&state, .select(Self.connectionA))
        let tunnelRow = try #require(state.content.aws.firstIndex { $0.elementId == Self.connectionA }) + 1
        let tunnel = try #require(state.content.aws[tunnelRow].elementId)
        Reducer.reduce(&state, .select(tunnel))
        Screens.apply(&state, keys: [.character("b")])
        #expect(!state.compare.beforeAfter)
        #expect(state.rows(for: .split).tunnelId(at: state.listMemory(.split).selected) == tunnel)
    }

    @Test func identicalSnapshotsSaySoAndDiffOffLeavesTheMode() {
        var state = Screens.state(DiffCases.load("vgw-to-tgw", "after"), width: 120, height: 40)
        Reducer.reduce(
            &state, .compared(Comparison(before: DiffCases.load("vgw-to-tgw", "after"), after: state.analysis)))
        #expect(Screens.frame(state).split(separator: "\n")[0].contains("Δ none"))
        Screens.apply(&state, keys: [.character("8")])
        #expect(Screens.frame(state).contains("The two snapshots report the same network."))

        var migration = Self.migration(width: 120, height: 40, screen: .aws)
        #expect(Self.text(migration.content.aws).contains("(vs before)"))
        Screens.apply(&migration, keys: [.character(":")] + Screens.type("diff off") + [.enter])
        #expect(migration.compare.comparison == nil)
        #expect(!Self.text(migration.content.aws).contains("(vs before)"))
        #expect(!Screens.frame(migration).split(separator: "\n")[0].contains("Δ"))
        Screens.apply(&migration, keys: [.character("8")])
        #expect(Screens.frame(migration).contains("Nothing to compare with"))
    }

    @Test func aReloadComparesTheNewSnapshotWithTheSameBefore() {
        var state = Self.migration(width: 120, height: 40)
        #expect(!state.compare.comparison!.diff.isEmpty)
        // Reloaded with exports identical to BEFORE: nothing differs any more.
        Reducer.reduce(&state, .reloaded(Reload(DiffCases.load("vgw-to-tgw", "before"), for: state)))
        #expect(state.compare.comparison?.diff.isEmpty == true)
        #expect(Screens.frame(state).split(separator: "\n")[0].contains("Δ none"))
    }

    @Test func diffCommandIsParsedAndAsksTheAppToReadBefore() {
        #expect(PromptCommand.parse("diff /a /b") == .diff(["/a", "/b"]))
        #expect(PromptCommand.parse("diff off") == .diffOff)
        if case .invalid(let message) = PromptCommand.parse("diff") {
            #expect(message.contains("usage: :diff PATH"))
        } else {
            Issue.record("`:diff` alone should say how to use it")
        }
        var state = Screens.state()
        var effects: [Effect] = []
        for key in [Key.character(":")] + Screens.type("diff /tmp/before") {
            if let action = Reducer.action(for: key, in: state) { effects += Reducer.reduce(&state, action) }
        }
        effects += Reducer.reduce(&state, .inputSubmit)
        #expect(effects == [.compare(["/tmp/before"])])
        #expect(state.compare.loading == "/tmp/before")
        // A second one while the first is read is refused; a failure is said and clears it.
        Screens.apply(&state, keys: [.character(":")] + Screens.type("diff /tmp/other"))
        #expect(Reducer.reduce(&state, .inputSubmit).isEmpty)
        Reducer.reduce(&state, .compareFailed("Nothing loadable in /tmp/before"))
        #expect(state.compare.loading == nil)
        #expect(state.prompt.message?.text.contains("Nothing loadable") == true)
    }
}
