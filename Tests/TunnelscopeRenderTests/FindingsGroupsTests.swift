import Testing
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeImport
import TunnelscopeSynthetic

@testable import TunnelscopeRender

/// The findings screen grouped by rule: one row per rule until it is expanded, a filter typed
/// after `/` combined with the severity and a rule, the selection kept through all of it, a
/// reload and a what-if.
@Suite struct FindingsGroupsTests {
    /// Hundreds of findings, most of two rules (blackhole routes, overlapping ranges).
    static let result = Importer.load(
        files: SyntheticNetwork(vpcs: 400, realistic: true).files(), origin: "synthetic 400 VPCs")

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        AppState(result: result, width: width, height: height, screen: .findings)
    }

    /// The rule of each group row listed, in order, and the rows' text.
    static func groupRows(_ state: AppState) -> [Row] {
        state.rows(for: .findings).filter { $0.elementId?.hasPrefix("group:rule:") == true }
    }

    static func byRule(_ findings: [Finding]) -> [String: Int] {
        Dictionary(grouping: findings, by: \.rule).mapValues(\.count)
    }

    @Test func oneRowPerRuleWithItsCountWorstFirst() throws {
        let state = Self.state()
        let counts = Self.byRule(state.analysis.findings)
        let biggest = try #require(counts.max { $0.value < $1.value })
        #expect(biggest.value > 100, "the network has many findings of one rule")
        let rows = state.rows(for: .findings)
        let groups = Self.groupRows(state)
        #expect(groups.count == counts.count, "one row per rule")
        #expect(rows.count == 1 + counts.count, "collapsed: the heading and the rules, not one row per finding")
        let row = try #require(groups.first { $0.elementId == "group:rule:\(biggest.key)" })
        #expect(row.text.contains(" \(CountText.of(biggest.value))  \(biggest.key)"))
        // Worst severity first, then the largest group.
        let worst = groups.map { g -> Severity in
            let rule = String(g.elementId!.dropFirst("group:rule:".count))
            return state.analysis.findings.filter { $0.rule == rule }.map(\.severity).min()!
        }
        #expect(worst == worst.sorted())
        #expect(
            rows[0].text.contains("\(CountText.of(state.analysis.findings.count)) findings · \(counts.count) rules"))
    }

    @Test func enterExpandsAndLeftCollapsesBackToTheRule() throws {
        var state = Self.state()
        let first = try #require(Self.groupRows(state).first?.elementId)
        let rule = String(first.dropFirst("group:rule:".count))
        let members = state.analysis.findings.filter { $0.rule == rule }
        #expect(state.selectedElement == first)
        Screens.apply(&state, keys: [.enter])
        #expect(state.filters.findings.expanded == [rule])
        #expect(state.selectedElement == first, "the rule's row stays selected")
        let selectable = state.rows(for: .findings).filter(\.isSelectable)
        #expect(selectable.count == Self.groupRows(state).count + members.filter { !$0.resources.isEmpty }.count)
        Screens.apply(&state, keys: [.down])
        #expect(state.selectedElement == members[0].resources.first)
        #expect(Screens.frame(state).contains("▾ "))
        // ← from a finding folds its rule and goes back to the rule's row; → and e unfold it again.
        Screens.apply(&state, keys: [.left])
        #expect(state.filters.findings.expanded.isEmpty && state.selectedElement == first)
        Screens.apply(&state, keys: [.right])
        #expect(state.filters.findings.expanded == [rule])
        Screens.apply(&state, keys: [.character("e")])
        #expect(state.filters.findings.expanded.isEmpty)
        // Enter on a finding still jumps to its element.
        Screens.apply(&state, keys: [.character("e"), .down, .enter])
        #expect(state.screen != .findings)
    }

    /// A few findings are read at once: every rule opens by itself; one can still be closed.
    @Test func fewFindingsOpenEveryRule() throws {
        var state = Screens.state(screen: .findings)
        let findings = state.analysis.findings
        #expect(findings.count <= FindingsFilter.openAllUpTo)
        let rows = state.rows(for: .findings)
        #expect(rows.filter { $0.text.hasPrefix("▾ ") }.count == Set(findings.map(\.rule)).count)
        #expect(rows.filter { $0.text.hasPrefix("▸ ") }.isEmpty)
        #expect(rows.filter(\.isSelectable).count == Set(findings.map(\.rule)).count + findings.count)
        let rule = try #require(Reducer.selectedRule(state)?.rule)
        Screens.apply(&state, keys: [.character("e")])
        #expect(state.filters.findings.collapsed == [rule])
        #expect(state.rows(for: .findings).filter { $0.text.hasPrefix("▸ ") }.count == 1)
        // Many findings: one row per rule until one is opened.
        let many = Self.state()
        #expect(many.rows(for: .findings).filter { $0.text.hasPrefix("▾ ") }.isEmpty)
    }

    @Test func filterAsYouTypeCombinesTextSeverityAndRule() throws {
        var state = Self.state()
        let findings = state.analysis.findings
        let vpc = try #require(state.model.vpcs.dropFirst(7).first)
        let text = String(vpc.id.prefix(10))
        Screens.apply(&state, keys: [.character("/")] + Screens.type(text))
        #expect(state.prompt.input == .filter(text))
        let expected = findings.filter { f in
            f.message.lowercased().contains(text) || f.resources.contains { $0.lowercased().contains(text) }
                || f.resources.contains { state.analysis.directory.entry($0)?.name.lowercased().contains(text) == true }
                || f.rule.contains(text)
        }
        #expect(state.derived.findingsMatches?.positions.count == expected.count)
        #expect(expected.count < findings.count && !expected.isEmpty)
        let heading = state.rows(for: .findings)[0].text
        #expect(
            heading.contains(
                "\(CountText.of(expected.count)) of \(CountText.of(findings.count)) findings · "))
        #expect(heading.contains("'\(text)'"))
        // Each key narrows: one character fewer lists at least as many.
        Screens.apply(&state, keys: [.backspace])
        #expect((state.derived.findingsMatches?.positions.count ?? 0) >= expected.count)
        Screens.apply(&state, keys: Screens.type(String(text.last!)) + [.enter])
        #expect(state.prompt.input == nil && state.filters.findings.text == text, "Enter keeps the filter")
        // The severity and a rule combine with the text.
        Screens.apply(&state, keys: [.character("s")])
        #expect(state.derived.findingsMatches?.positions.count == expected.filter { $0.severity == .error }.count)
        let rule = try #require(Reducer.selectedRule(state)?.rule)
        Screens.apply(&state, keys: [.character("o")])
        #expect(state.filters.findings.rule == rule)
        #expect(
            state.derived.findingsMatches?.positions.count
                == expected.filter { $0.severity == .error && $0.rule == rule }.count)
        #expect(state.rows(for: .findings)[0].text.contains("errors only · rule \(rule) · '\(text)'"))
        // Esc clears the text and the rule (the severity is its own filter), then goes back.
        Screens.apply(&state, keys: [.escape])
        #expect(!state.filters.findings.isActive && state.screen == .findings)
        #expect(state.derived.findingsMatches?.positions.count == findings.filter { $0.severity == .error }.count)
        Screens.apply(&state, keys: [.escape])
        #expect(state.screen == .topology)
    }

    @Test func escWhileTypingClearsTheFilter() {
        var state = Self.state()
        Screens.apply(&state, keys: [.character("/")] + Screens.type("zzz-nothing"))
        #expect(state.derived.findingsMatches?.positions.isEmpty == true)
        #expect(Screens.frame(state).contains("Nothing matches the filter. Esc clears it."))
        Screens.apply(&state, keys: [.escape])
        #expect(state.prompt.input == nil && state.filters.findings.text.isEmpty)
        #expect(state.derived.findingsMatches?.positions.count == state.analysis.findings.count)
        #expect(state.screen == .findings)
    }

    /// A filter that grows narrows the last matches: the same answer as filtering from scratch.
    @Test func narrowingEqualsFilteringAgain() {
        let state = Self.state()
        let index = state.derived.findingsText.value
        var last: FindingsMatches?
        for query in ["b", "bl", "bla", "blackhole", "blackhole ", "10.", "10.1", "vpc-0", "vpc-00"] {
            var filter = FindingsFilter()
            filter.text = query
            let narrowed = FindingsMatches.of(filter, severity: .all, index: index, last: last)
            #expect(narrowed.positions == index.matches(filter, severity: .all), "\(query)")
            last = narrowed
        }
    }

    @Test func selectionSurvivesAReloadAndAWhatIf() throws {
        var state = Self.state()
        Screens.apply(&state, keys: [.enter, .down, .down])
        let selected = try #require(state.selectedElement)
        let expanded = state.filters.findings.expanded
        Screens.apply(&state, keys: [.character("/")] + Screens.type("a") + [.enter])
        #expect(state.selectedElement == selected)
        Reducer.reduce(&state, .reloaded(Reload(Self.result, for: state)))
        #expect(state.selectedElement == selected)
        #expect(state.filters.findings.expanded == expanded && state.filters.findings.text == "a")
        let line = state.listMemory(.findings).selected
        let tunnel = try #require(state.model.tunnels.first).id
        Screens.apply(&state, keys: [.character(":")] + Screens.type("fail \(tunnel)") + [.enter])
        #expect(state.whatIf.failed == [tunnel])
        #expect(state.selectedElement == selected && state.listMemory(.findings).selected == line)
    }

    @Test func aRulesRowIsNotAnElement() {
        var state = Self.state(width: 160, height: 48)
        #expect(state.selectedElement?.hasPrefix("group:rule:") == true)
        Screens.apply(&state, keys: [.character("f"), .character("d")])
        #expect(state.whatIf.failed.isEmpty && state.screen == .findings)
        // Wide: the pane beside the list tells what the rule checks and counts its findings.
        #expect(Screens.frame(state).contains("Enter or e lists them · o only this rule"))
        Screens.apply(&state, keys: [.enter])
        #expect(Screens.frame(state).contains("Enter or e folds them · o only this rule"))
    }

    @Test func keysOnTheFindingsScreen() {
        #expect(Keymap.footer(for: .findings).contains { $0.keys == "/" && $0.label == "filter" })
        #expect(!Keymap.footer(for: .findings).contains { $0.label == "search" }, "/ filters here")
        #expect(Keymap.footer(for: .aws).contains { $0.keys == "/" && $0.label == "search" })
    }
}
