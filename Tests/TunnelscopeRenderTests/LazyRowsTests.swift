import Testing
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeImport
import TunnelscopeSynthetic
import TunnelscopeTestSupport

@testable import TunnelscopeRender

/// The findings screen, laid out as it is read, gives exactly the rows and the navigation of the
/// list wrapped up front.
@Suite struct LazyRowsTests {
    /// Findings of every severity, some without a resource (not selectable), short and long
    /// messages, wide characters, an empty message and hint.
    static let findings: [Finding] = (0..<60).map { i in
        let words = String(repeating: "word\(i) ", count: i % 7 * 5)
        let message =
            i % 11 == 0 ? "" : i % 5 == 0 ? "本番ネットワーク 東京リージョン \(words)重なっています" : "Finding \(i): \(words)end"
        return Finding(
            rule: i % 13 == 0 ? "" : "rule-\(i % 4)", severity: [.error, .warning, .info][i % 3], message: message,
            resources: i % 4 == 3 ? [] : ["res-\(i % 9)", "other-\(i)"],
            hint: i % 2 == 0 ? "do something about \(words)" : nil)
    }

    static let state = Screens.state(screen: .findings)

    static let head = FindingsRows(insights: state.insights, filter: .all, model: state.model).head()
    static let shown = Array(findings.indices.filter { $0 % 17 != 5 })

    static func lazy(width: Int) -> RowList {
        RowList(findings: FindingsList(head: head, findings: findings, shown: shown, width: width))
    }

    static func lists(width: Int) -> (lazy: RowList, eager: [Row]) {
        (lazy(width: width), head + shown.flatMap { FindingsRows.rows(findings[$0], width: width) })
    }

    @Test(arguments: [24, 60, 76, 156])
    func lazyRowsAreTheEagerRows(width: Int) {
        let (lazy, eager) = Self.lists(width: width)
        // Asked out of order first (a jump far down, then the top), then in full.
        #expect(lazy.contains(index: eager.count - 1))
        #expect(!lazy.contains(index: eager.count))
        #expect(lazy[3].text == eager[3].text)
        #expect(lazy.count == eager.count)
        for i in eager.indices {
            #expect(lazy[i].text == eager[i].text)
            #expect(lazy.elementId(at: i) == eager[i].elementId)
            #expect(lazy[i].elementId == eager[i].elementId)
        }
    }

    @Test(arguments: [24, 76])
    func navigationIsTheEagerListsNavigation(width: Int) {
        let (_, eager) = Self.lists(width: width)
        let all = RowList(eager)
        for delta in [1, -1, 22, -22, 5, Int.max / 2, -Int.max / 2] {
            for i in eager.indices {
                // A fresh lazy list each time: nothing laid out beyond what the step needs.
                let lazy = Self.lazy(width: width)
                #expect(
                    lazy.nextSelectable(from: i, delta: delta) == all.nextSelectable(from: i, delta: delta),
                    "from \(i) by \(delta)")
            }
        }
        for id in ["res-0", "res-4", "res-8", "none"] {
            let lazy = Self.lazy(width: width)
            #expect(lazy.index(ofElement: id) == eager.firstIndex { $0.elementId == id })
        }
    }

    @Test func theFindingsScreenStillScrollsAndSelects() {
        var state = Screens.state(screen: .findings)
        // Every rule unfolded: the rows are the rule rows, each followed by its findings' rows.
        while let i = state.rows(for: .findings).indices.first(where: {
            state.rows(for: .findings)[$0].text.hasPrefix("▸ ")
        }) {
            Reducer.select(&state, elementId: state.rows(for: .findings).elementId(at: i)!)
            Screens.apply(&state, keys: [.character("e")])
        }
        let rows = state.rows(for: .findings)
        let width = Layout(width: 80, height: 24, screen: .findings).list.width - 2
        var eager = [rows[0]]
        for group in FindingGroup.groups(
            Array(state.analysis.findings.indices), index: state.derived.findingsText.value)
        {
            eager.append(
                FindingsRows.groupRow(group, expanded: true, filtered: false, countWidth: 1))
            for i in group.findings {
                eager += FindingsRows.rows(state.analysis.findings[i], width: width, grouped: true)
            }
        }
        #expect(rows.map(\.text) == eager.map(\.text))
        Screens.apply(&state, keys: [.end])
        #expect(state.listMemory(.findings).selected == eager.lastIndex(where: \.isSelectable))
        Screens.apply(&state, keys: [.home, .pageDown])
        let first = eager.firstIndex(where: \.isSelectable)!
        #expect(state.listMemory(.findings).selected == RowList(eager).nextSelectable(from: first, delta: 24 - 4 - 1))
        #expect(state.listMemory(.findings).selected > first)
    }
}

/// The detail of an element with long lists: the lookups by ID give what scanning the model
/// gave, and the pane beside a list shows what fits and says how many more there are.
@Suite struct DetailListsTests {
    static let result = Importer.load(
        files: SyntheticNetwork(vpcs: 120, accounts: 2, routesPerTable: 1, gcpSubnets: 2).files(), origin: "test")

    @Test func aTransitGatewaysAttachments() throws {
        let state = AppState(result: Self.result, width: 160, height: 48)
        let model = Self.result.model
        let tgw = try #require(model.transitGateways.first).id
        let attachments = model.tgwAttachments.filter { $0.transitGatewayId == tgw }
        #expect(attachments.count > 60)
        func rows(limit: Int) -> [String] {
            DetailRows(model: model, insights: state.insights, elementId: tgw, report: Self.result.report, limit: limit)
                .rows().map(\.text)
        }
        let full = rows(limit: .max)
        #expect(full.filter { $0.hasPrefix("→ ") }.count == attachments.count)
        #expect(!full.contains { $0.contains("more: d lists them all") })
        let pane = rows(limit: 48)
        #expect(pane.filter { $0.hasPrefix("→ ") } == Array(full.filter { $0.hasPrefix("→ ") }.prefix(48)))
        #expect(pane.contains("… \(attachments.count - 48) more: d lists them all"))
    }

    @Test func aVPCsSubnetsAttachmentsAndRouteTables() throws {
        let state = AppState(result: Self.result, width: 160, height: 48)
        let model = Self.result.model
        for vpc in model.vpcs.prefix(10) {
            let text = DetailRows(model: model, insights: state.insights, elementId: vpc.id, report: Self.result.report)
                .rows().map(\.text).joined(separator: "\n")
            for subnet in model.subnets where subnet.vpcId == vpc.id {
                #expect(text.contains("→ subnet \(subnet.name ?? subnet.id) "))
            }
            for a in model.tgwAttachments where a.resourceId == vpc.id {
                #expect(text.contains("TGW attachment \(a.id)"))
            }
            for table in model.routeTables where table.vpcId == vpc.id { #expect(text.contains(table.id)) }
        }
        let attachment = try #require(model.tgwAttachments.first)
        let text = DetailRows(
            model: model, insights: state.insights, elementId: attachment.id, report: Self.result.report
        )
        .rows().map(\.text)
        #expect(text.first == "TGW attachment \(attachment.id)")
    }
}

/// The map's collapsed VPC groups count their members with problems from the analysis' verdicts
/// and the what-if without going through every VPC: the same count as asking each member.
@Suite struct MapGroupCountTests {
    static let result = Importer.load(
        files: SyntheticNetwork(vpcs: 200, accounts: 3, routesPerTable: 2, gcpSubnets: 4, realistic: true).files(),
        origin: "test")

    static func describe(_ map: TopologyLayout) -> [String] {
        map.nodes.map { node in "\(node.id) \(node.health) \(node.lines.map { $0.map(\.text).joined() })" }
            + map.edges.map(\.description)
    }

    @Test(arguments: [80, 160])
    func groupsCountLikeAskingEachMember(width: Int) throws {
        var state = AppState(result: Self.result, width: width, height: 48)
        var states = [state]
        // What-ifs: a VPN connection to a site, then the whole cross-cloud link.
        let connection = try #require(Self.result.model.vpnConnections.first { $0.transitGatewayId != nil }).id
        Reducer.reduce(&state, .startCommand)
        for c in "fail \(connection)" { Reducer.reduce(&state, .input(c)) }
        Reducer.reduce(&state, .inputSubmit)
        #expect(state.whatIf.failed == [connection])
        states.append(state)
        Reducer.reduce(&state, .show(.topology))
        state.select(elementId: "link")
        Reducer.reduce(&state, .failSelected)
        states.append(state)
        for s in states {
            let fast = TopologyLayout(
                model: s.model, insights: s.insights, width: width, height: 44, expanded: [])
            let asked = TopologyLayout(
                model: s.model, insights: s.insights, width: width, height: 44, expanded: [],
                health: TopologyLayout.healthFromVerdicts(s.insights))
            #expect(Self.describe(fast) == Self.describe(asked))
            #expect(fast.nodes.contains { $0.id.hasPrefix("group:vpcs:") })
        }
        #expect(
            states.contains { s in
                TopologyLayout(model: s.model, insights: s.insights, width: width, height: 44, expanded: [])
                    .nodes.contains { node in
                        // Groups by account count their members down (✖), degraded (▲), failed (✕).
                        node.group != nil && node.lines[0].contains { ["✖", "▲", "✕"].contains($0.text.prefix(1)) }
                    }
            })
    }
}
