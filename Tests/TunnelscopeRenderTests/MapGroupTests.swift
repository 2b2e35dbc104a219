import Testing
import TunnelscopeCanvas
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeSynthetic

@testable import TunnelscopeRender

/// The map of a big network: VPCs in groups by hub and account, each one box with its count and
/// the worst health the analysis gives its members; Enter zooms into a group (Esc back), `e`
/// expands it in place; the selection holds through zoom, unzoom and reload.
@Suite struct MapGroupTests {
    static let big = Importer.load(
        files: SyntheticNetwork(vpcs: 1000, accounts: 7, routesPerTable: 1, gcpSubnets: 2).files(),
        origin: "synthetic 1000")

    static func groupBoxes(_ map: TopologyLayout) -> [TopologyLayout.Node] {
        map.nodes.filter { $0.group.map(map.scope.zoomable) ?? false }
    }

    /// The group box with the most VPCs.
    static func biggestGroup(_ map: TopologyLayout) throws -> TopologyLayout.Node {
        let size = { (node: TopologyLayout.Node) in
            map.scope.keys.firstIndex(of: node.group!).map { map.scope.vpcs.clusters[$0].vpcs.count } ?? 0
        }
        return try #require(groupBoxes(map).max { size($0) < size($1) })
    }

    /// Each VPC's health as the analysis judges it, and the what-if marks it: what the group's
    /// mark must be the worst of.
    static func memberHealth(_ state: AppState, _ id: String) -> TopologyLayout.Health {
        TopologyLayout.healthFromVerdicts(state.insights)(id)
    }

    @Test func bigNetworkIsGroupedByHubAndAccountWithCountsAndWorstHealth() throws {
        let state = Screens.state(Self.big, width: 160, height: 48)
        let map = state.topology
        #expect(map.scope.mode == .accounts)
        let groups = Self.groupBoxes(map)
        // 7 accounts on the TGW (the synthetic VPCs), and the example's own VPCs.
        #expect(groups.count >= 7, "\(groups.map(\.id))")
        #expect(groups.count < 20, "one box per hub and account, not per VPC")
        var covered = 0
        for node in groups {
            let key = try #require(node.group)
            let c = try #require(map.scope.keys.firstIndex(of: key))
            let members = map.scope.vpcs.clusters[c].vpcs.map { state.insights.index.vpcOrder[$0].vpc }
            covered += members.count
            let text = node.lines.map { $0.map(\.text).joined() }.joined(separator: " | ")
            #expect(text.hasPrefix("\(members.count) VPCs"), "\(text)")
            #expect(Set(members.map(\.accountId)).count == 1, "one account per group")
            #expect(text.contains("acct \(members[0].accountId ?? "?")"), "\(text)")
            let health = members.map { Self.memberHealth(state, $0.id) }
            #expect(node.health == health.max(), "\(node.id): the worst of its members")
            let down = health.filter { $0 == .down }.count
            let degraded = health.filter { $0 == .degraded }.count
            #expect(text.contains("✖ \(down)") == (down > 0), "\(text) — \(down) down")
            #expect(text.contains("▲ \(degraded)") == (degraded > 0), "\(text) — \(degraded) degraded")
            // Every member hides in the group: no box of its own, the hub's line goes to the group.
            #expect(members.allSatisfy { map.node($0.id) == nil })
            let hub = try #require(map.scope.vpcs.clusters[c].hub)
            #expect(map.edges(to: node.id).map(\.from) == [hub])
        }
        // The rest are groups of one, drawn as their VPC.
        let singles = Self.big.model.vpcs.filter { map.node($0.id) != nil }
        #expect(covered + singles.count == Self.big.model.vpcs.count)
        #expect(map.nodes.count < 60, "a thousand VPCs are a few dozen boxes, \(map.nodes.count)")
    }

    @Test func theGroupMarkFollowsTheWhatIf() throws {
        var state = Screens.state(Self.big, width: 160, height: 48)
        // The whole VPN link failed: VPCs that reach GCP through it lose their path.
        state.navigation.topologySelection = "link"
        Reducer.reduce(&state, .failSelected)
        #expect(!state.insights.lostOrigins.isEmpty)
        var anyFailed = false
        for node in Self.groupBoxes(state.topology) {
            let c = try #require(state.topology.scope.keys.firstIndex(of: node.group!))
            let ids = state.topology.scope.vpcs.clusters[c].vpcs.map { state.insights.index.vpcOrder[$0].vpc.id }
            let lost = ids.filter { state.insights.lostOrigins.contains($0) }.count
            #expect((node.health == .lost) == (lost > 0), "\(node.id)")
            let text = node.lines[0].map(\.text).joined()
            #expect(text.contains("↯ \(lost)") == (lost > 0), "\(text)")
            anyFailed = anyFailed || lost > 0
        }
        #expect(anyFailed, "some group loses its path")
        Reducer.reduce(&state, .clearFailures)
        #expect(Self.groupBoxes(state.topology).allSatisfy { $0.health != .failed && $0.health != .lost })
    }

    @Test func otherGroupsShowTheWorstOfTheirMembers() throws {
        // With VPN connections to 50 branch sites, some down.
        let realistic = Importer.load(
            files: SyntheticNetwork(vpcs: 1000, accounts: 7, routesPerTable: 1, gcpSubnets: 2, realistic: true).files(),
            origin: "synthetic 1000, realistic")
        let state = Screens.state(realistic, width: 160, height: 48)
        let map = state.topology
        let sites = try #require(map.node("group:sites"), "50 sites collapse")
        // The same map with the sites expanded: the boxes the group hides, with their health.
        let open = TopologyLayout(
            model: state.model, insights: state.insights, width: map.width, height: 44, expanded: ["sites"],
            health: nil, repeatRows: true, boxes: state.topologyBoxes)
        let hidden = state.model.onPremSites.filter { map.node($0.id) == nil }.compactMap { open.node($0.id) }
        #expect(!hidden.isEmpty)
        #expect(sites.health == hidden.map(\.health).max(), "the worst of \(hidden.count) hidden sites")
        let down = hidden.filter { $0.health >= .down }.count
        let text = sites.lines[0].map(\.text).joined()
        #expect(text.hasPrefix("+ \(hidden.count) more"), "\(text)")
        #expect(text.contains("✖ \(down)") == (down > 0), "\(text)")
    }

    @Test func smallNetworksKeepEveryVPCBox() {
        for (w, h) in [(80, 24), (160, 48), (200, 60)] {
            let map = Screens.state(width: w, height: h).topology
            #expect(map.scope.mode == .hubs)
            #expect(map.nodes.allSatisfy { $0.group == nil }, "no group on the example at \(w)×\(h)")
            for vpc in Screens.example.model.vpcs { #expect(map.node(vpc.id) != nil) }
        }
        // One VPC per account: groups of one say nothing, so no groups.
        let scattered = Importer.load(
            files: SyntheticNetwork(vpcs: 40, accounts: 40, routesPerTable: 1, gcpSubnets: 2).files(),
            origin: "scattered")
        #expect(Screens.state(scattered, width: 160, height: 48).topology.scope.mode == .hubs)
        // Just above the threshold, several per account: groups.
        let few = Importer.load(
            files: SyntheticNetwork(vpcs: MapGroups.threshold + 1, accounts: 2, routesPerTable: 1, gcpSubnets: 2)
                .files(), origin: "few")
        #expect(Screens.state(few, width: 160, height: 48).topology.scope.mode == .accounts)
    }

    @Test func enterZoomsIntoAGroupAndEscComesBack() throws {
        var state = Screens.state(Self.big, width: 160, height: 48)
        let group = try Self.biggestGroup(state.topology)
        state.select(elementId: group.id)
        #expect(state.navigation.topologySelection == group.id)
        Screens.apply(&state, keys: [.enter])
        let key = try #require(group.group)
        #expect(state.navigation.mapZoom == key)
        #expect(state.navigation.stack == [.topology], "zooming is not a new screen")
        let map = state.topology
        #expect(map.scope.mode == .zoom)
        let members = map.scope.vpcs.clusters[0].vpcs.map { state.insights.index.vpcOrder[$0].vpc.id }
        #expect(members.allSatisfy { map.node($0) != nil }, "every member has its box")
        let others = Self.big.model.vpcs.map(\.id).filter { !Set(members).contains($0) }
        #expect(others.allSatisfy { map.node($0) == nil }, "no other VPC is on the zoomed map")
        #expect(map.edges.filter { $0.to.hasPrefix("vpc-") }.count == members.count)
        #expect(state.navigation.topologySelection == members.first)
        let frame = Screens.frame(state)
        let trail = frame.split(separator: "\n")[1]
        #expect(trail.contains("Topology › \(members.count) VPCs · acct "), "\(trail)")
        #expect(trail.contains("Esc"))

        // Walk into the group, then Esc: back on the groups, the group's box selected.
        Screens.apply(&state, keys: [.right, .right, .down])
        let inside = try #require(state.navigation.topologySelection)
        #expect(members.contains(inside))
        Screens.apply(&state, keys: [.escape])
        #expect(state.navigation.mapZoom == nil)
        #expect(state.topology.scope.mode == .accounts)
        #expect(state.navigation.topologySelection == group.id)
        #expect(state.navigation.stack == [.topology])
        // Esc again does nothing more on the map.
        Screens.apply(&state, keys: [.escape])
        #expect(state.navigation.topologySelection == group.id)
    }

    @Test func zoomAndSelectionHoldThroughReloadAndResize() throws {
        var state = Screens.state(Self.big, width: 160, height: 48)
        let group = try Self.biggestGroup(state.topology)
        state.select(elementId: group.id)
        Screens.apply(&state, keys: [.enter, .right, .down])
        let selected = try #require(state.navigation.topologySelection)
        #expect(selected.hasPrefix("vpc-"))
        Reducer.reduce(&state, .reloaded(Reload(Self.big, for: state)))
        #expect(state.navigation.mapZoom == group.group)
        #expect(state.navigation.topologySelection == selected)
        #expect(state.topology.node(selected) != nil)
        Reducer.reduce(&state, .resize(width: 80, height: 24))
        #expect(state.topology.scope.mode == .zoom)
        #expect(state.navigation.topologySelection == selected)
        // A reload prepared before the zoom is laid out again for it.
        var fresh = Screens.state(Self.big, width: 160, height: 48)
        let prepared = Reload(Self.big, for: fresh)
        fresh.select(elementId: group.id)
        Screens.apply(&fresh, keys: [.enter])
        Reducer.reduce(&fresh, .reloaded(prepared))
        #expect(fresh.topology.scope.mode == .zoom)
    }

    @Test func selectingAVPCInACollapsedGroupSelectsTheGroup() throws {
        var state = Screens.state(Self.big, width: 160, height: 48)
        let group = try Self.biggestGroup(state.topology)
        let c = try #require(state.topology.scope.keys.firstIndex(of: group.group!))
        let vpc = state.insights.index.vpcOrder[state.topology.scope.vpcs.clusters[c].vpcs[5]].vpc.id
        #expect(state.topology.node(vpc) == nil)
        state.select(elementId: vpc)
        #expect(state.navigation.topologySelection == group.id)
        // Zoomed into it, the VPC has its own box.
        Screens.apply(&state, keys: [.enter])
        state.select(elementId: vpc)
        #expect(state.navigation.topologySelection == vpc)
    }

    @Test func eExpandsAGroupInPlace() throws {
        var state = Screens.state(Self.big, width: 160, height: 48)
        let group = try #require(Self.groupBoxes(state.topology).first)
        let c = try #require(state.topology.scope.keys.firstIndex(of: group.group!))
        let members = state.topology.scope.vpcs.clusters[c].vpcs.map { state.insights.index.vpcOrder[$0].vpc.id }
        state.select(elementId: group.id)
        Screens.apply(&state, keys: [.character("e")])
        #expect(state.navigation.mapZoom == nil)
        #expect(members.allSatisfy { state.topology.node($0) != nil })
        #expect(state.topology.node(group.id)?.lines[0].map(\.text).joined() == "− collapse")
        Screens.apply(&state, keys: [.character("e")])
        #expect(members.allSatisfy { state.topology.node($0) == nil })
    }

    @Test func wideScreensShowTheSelectionsDetailBesideTheMap() throws {
        var wide = Screens.state(width: 200, height: 60)
        wide.select(elementId: MapTourVariants.dataVpc)
        let layout = wide.layout
        let pane = try #require(layout.detail)
        #expect(wide.topology.width == layout.list.width, "the map is laid out for its own part")
        let frame = ScreenRenderer.render(wide)
        let paneText = (pane.y..<pane.maxY).map { y in
            (pane.x..<pane.maxX).map { frame[$0, y].text }.joined()
        }.joined(separator: "\n")
        // The detail pane's rows for the VPC, as beside the lists.
        let rows = wide.detailPaneRows(MapTourVariants.dataVpc)
        let first = try #require(rows.first.map { $0.spans.map(\.text).joined() })
        #expect(paneText.contains(first.trimmingCharacters(in: .whitespaces)), "\(paneText)")
        #expect(paneText.contains(MapTourVariants.dataVpc))
        // A box that is not one resource (the VPN link): its own lines, wrapped to the pane.
        var link = Screens.state(width: 160, height: 48)
        link.select(elementId: "link")
        let linkPane = try #require(link.layout.detail)
        let linkFrame = ScreenRenderer.render(link)
        let linkText = (linkPane.y..<linkPane.maxY).map { y in
            (linkPane.x..<linkPane.maxX).map { linkFrame[$0, y].text }.joined()
        }.joined(separator: "\n")
        #expect(linkText.contains("ha-vpn-aws, 4 tunnels"), "\(linkText)")
        #expect(linkText.contains("Enter: open"))
        // Narrow: no pane, the map has the whole width.
        let narrow = Screens.state(width: 80, height: 24)
        #expect(Layout(width: 80, height: 24, screen: .topology).detail == nil)
        #expect(narrow.topology.width == 80)
    }

    @Test func boxesSizeToTheirTextOnBigScreens() {
        for (w, h) in [(160, 48), (200, 60)] {
            let state = Screens.state(width: w, height: h)
            let map = state.topology
            #expect(map.height <= h - 4, "the example's map fits the window at \(w)×\(h)")
            let frame = ScreenRenderer.render(state)
            for node in map.nodes {
                // The box's name (its first bold text) is drawn whole inside the box.
                guard let name = node.lines[0].first(where: { $0.style.bold })?.text else { continue }
                let y = Layout(width: w, height: h, screen: .topology).body.y + node.rect.y + 1
                let drawn = (node.rect.x..<node.rect.maxX).map { frame[$0, y].text }.joined()
                #expect(drawn.contains(name), "\(w)×\(h): \(name) in \(drawn)")
            }
        }
        // 80 columns: cut as before.
        let small = Screens.frame(Screens.state(width: 80, height: 24))
        #expect(small.contains("VPC shared-serv…"))
    }

    @Test func theMapUsesTheWholeHeight() {
        let state = Screens.state(width: 200, height: 60)
        let body = 60 - 4
        #expect(state.topology.height > body - 8, "the example's map spreads over the window: \(state.topology.height)")
        #expect(state.topology.height <= body, "and still fits it")
        // A map taller than the window keeps its natural gaps.
        let tall = Screens.state(width: 80, height: 24).topology
        #expect(tall.height > 20)
    }
}

/// Golden frames of the map: the example and a generated 1,000-VPC network in 12 accounts,
/// grouped and zoomed, at 80×24, 160×48 and 200×60.
@Suite struct MapSnapshotTests {
    static let sizes = [(80, 24), (160, 48), (200, 60)]

    @Test func exampleMap() {
        for (w, h) in Self.sizes {
            Snapshot.assert(Screens.frame(Screens.state(width: w, height: h)), named: "map-example-\(w)x\(h)")
        }
    }

    @Test func thousandVPCsGroupedAndZoomed() throws {
        let result = Importer.load(
            files: SyntheticNetwork(vpcs: 1000, routesPerTable: 1, gcpSubnets: 2).files(), origin: "synthetic 1000")
        for (w, h) in Self.sizes {
            var state = Screens.state(result, width: w, height: h)
            let group = try MapGroupTests.biggestGroup(state.topology)
            state.select(elementId: group.id)
            Snapshot.assert(Screens.frame(state), named: "map-groups-\(w)x\(h)")
            Screens.apply(&state, keys: [.enter])
            Snapshot.assert(Screens.frame(state), named: "map-zoom-\(w)x\(h)")
            Screens.apply(&state, keys: [.pageDown])
            Snapshot.assert(Screens.frame(state), named: "map-zoom-paged-\(w)x\(h)")
        }
    }
}
