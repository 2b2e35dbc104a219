import Testing
import TunnelscopeCanvas
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeSynthetic

@testable import TunnelscopeRender

/// An expanded VPC group lays out one row of each run of alike rows and makes the boxes of the
/// rows on screen when they are drawn: the screen is the same, cell by cell (text and style), as
/// with every row laid out, wherever the map is scrolled and whatever is selected; and the
/// layout answers the same (boxes, edges, neighbours, clicks).
@Suite struct LazyMapTests {
    static func network(_ vpcs: Int) -> LoadResult {
        Importer.load(
            files: SyntheticNetwork(vpcs: vpcs, accounts: 7, routesPerTable: 1, gcpSubnets: 2).files(),
            origin: "synthetic \(vpcs)")
    }

    /// VPCs on a VGW (their own cluster).
    static func twoHubs(_ vpcs: Int) -> LoadResult {
        let (result, _) = MapTourVariants.syntheticTwoHubs(vpcs: vpcs, onVGW: vpcs / 3)
        return result
    }

    /// The first fifth of the VPCs, and every 7th of the second half, on the TGW and a VGW.
    static func bothHubs(_ vpcs: Int) -> LoadResult {
        let synthetic = SyntheticNetwork(vpcs: vpcs, accounts: 2, routesPerTable: 1, gcpSubnets: 2)
        let ids = (Array(0..<vpcs / 5) + Array(stride(from: vpcs / 2, to: vpcs, by: 7))).map {
            "vpc-1" + String(repeating: "0", count: 16 - String($0, radix: 16).count) + String($0, radix: 16)
        }
        return MapTourVariants.load(
            synthetic.files(), editing: [:], adding: [MapTourVariants.vpnGateway(attachedTo: ids)],
            origin: "synthetic, both hubs")
    }

    /// Eight VGWs with a slice of the VPCs each (off the TGW): more clusters than columns, so the
    /// VPCs go in one grid.
    static func manyHubs(_ vpcs: Int) -> LoadResult {
        let synthetic = SyntheticNetwork(vpcs: vpcs, accounts: 2, routesPerTable: 1, gcpSubnets: 2)
        let id = { (i: Int) in
            "vpc-1" + String(repeating: "0", count: 16 - String(i, radix: 16).count) + String(i, radix: 16)
        }
        let slice = max(1, vpcs / 20)
        let slices = (0..<8).map { g in (g * slice..<(g + 1) * slice).map(id) }
        let moved = Set(slices.joined())
        let gateways = slices.enumerated().map { g, vpcs in
            let attachments = vpcs.map { #"{"State": "attached", "VpcId": "\#($0)"}"# }.joined(separator: ", ")
            return #"{"State": "available", "Type": "ipsec.1", "VpnGatewayId": "vgw-00000000000000\#(g)0", "#
                + #""AmazonSideAsn": \#(64600 + g), "VpcAttachments": [\#(attachments)]}"#
        }
        let edits: [String: MapTourVariants.Edit] = [
            "synthetic/\(MapTourVariants.account)/describe-transit-gateway-attachments.json": { root in
                root["TransitGatewayAttachments"] = (root["TransitGatewayAttachments"] as! [[String: Any]])
                    .filter { !moved.contains($0["ResourceId"] as? String ?? "") }
            }
        ]
        return MapTourVariants.load(
            synthetic.files(), editing: edits,
            adding: [
                (
                    "variant/\(MapTourVariants.account)/describe-vpn-gateways.json",
                    #"{"VpnGateways": [\#(gateways.joined(separator: ", "))]}"#
                )
            ], origin: "synthetic, many hubs")
    }

    /// The state with every VPC group expanded (groups by hub and account on these networks).
    static func expanded(_ result: LoadResult, width: Int, height: Int) -> AppState {
        var state = AppState(result: result, width: width, height: height)
        for key in state.topology.scope.keys { state.navigation.expandedGroups.insert(key) }
        state.derive()
        return state
    }

    /// The state zoomed into its biggest group of VPCs (Enter on its box).
    static func zoomed(_ result: LoadResult, width: Int, height: Int) -> AppState {
        var state = AppState(result: result, width: width, height: height)
        let scope = state.topology.scope
        let biggest = scope.vpcs.clusters.indices.max {
            scope.vpcs.clusters[$0].vpcs.count < scope.vpcs.clusters[$1].vpcs.count
        }!
        state.select(elementId: "group:\(scope.keys[biggest])")
        Reducer.reduce(&state, .open)
        return state
    }

    static func full(_ state: AppState) -> TopologyLayout {
        TopologyLayout(
            model: state.model, insights: state.insights, width: Layout.mapWidth(state.width, state.height),
            height: state.height - 4, expanded: state.navigation.expandedGroups, health: nil, repeatRows: false,
            scope: MapScope(index: state.insights.index, zoom: state.navigation.mapZoom))
    }

    static func describe(_ node: TopologyLayout.Node) -> String {
        "\(node.id) \(node.rect.x),\(node.rect.y) \(node.rect.width)×\(node.rect.height) \(node.health) "
            + node.lines.map { $0.map(\.text).joined() }.joined(separator: "|")
    }

    /// The frames of the state with its own (lazy) map and with `full`, at a scroll and selection.
    static func expectSameFrames(
        _ state: AppState, _ full: TopologyLayout, scroll: Int, selected: String?, _ name: String
    ) {
        var lazy = state
        lazy.navigation.topologyScroll = scroll
        lazy.navigation.topologySelection = selected
        let reference = lazy.drawing(map: full)
        let a = ScreenRenderer.render(lazy)
        let b = ScreenRenderer.render(reference)
        guard a.cells != b.cells else { return }
        let rows = (0..<a.height).filter { y in (0..<a.width).contains { a[$0, y] != b[$0, y] } }
        let text: String =
            "\(name), scroll \(scroll), selected \(selected ?? "-"): rows \(Array(rows.prefix(5))) differ\n"
            + a.plainText + "\n---- every row laid out:\n" + b.plainText
        Issue.record(Comment(rawValue: text))
    }

    @Test(arguments: [50, 1000, 5000])
    func expandedMapDrawsLikeEveryRowLaidOut(vpcs: Int) {
        var networks = [("one hub", Self.network(vpcs))]
        if vpcs <= 1000 {
            networks += [
                ("two hubs", Self.twoHubs(vpcs)), ("both hubs", Self.bothHubs(vpcs)),
                ("many hubs", Self.manyHubs(vpcs)),
            ]
        }
        for (name, result) in networks {
            for (w, h) in vpcs >= 5000 ? [(160, 48)] : [(80, 24), (160, 48)] {
                let state = Self.expanded(result, width: w, height: h)
                let label = "\(name) \(vpcs) VPCs \(w)×\(h)"
                if name == "many hubs" {
                    #expect(state.insights.index.mapVPCs.clusters.count > 6, "\(label): one grid for all clusters")
                }
                Self.expectLazyLikeFull(state, label, repeats: vpcs >= 1000)
            }
        }
    }

    /// The lazy layout of a state's map against every row laid out: boxes, edges, frames at
    /// many scrolls and selections, navigation and clicks.
    static func expectLazyLikeFull(_ state: AppState, _ label: String, repeats: Bool) {
        let lazy = state.topology
        let full = Self.full(state)
        let (w, h) = (state.width, state.height)
        if repeats { #expect(lazy.repeated != nil, "\(label): rows are laid out once for several") }
        #expect(lazy.height == full.height, "\(label)")
        #expect(lazy.nodes.map(Self.describe) == full.nodes.map(Self.describe), "\(label)")
        #expect(lazy.edges == full.edges, "\(label)")

        let body = h - 4
        let bottom = max(0, full.height - body)
        // The VPCs on this map (a zoomed map has those of its group).
        let vpcIds = state.insights.index.vpcOrder.map(\.vpc.id).filter { full.node($0) != nil }
        let deep = vpcIds[vpcIds.count * 2 / 3]
        let hub = state.insights.index.mapVPCs.clusters[0].hub
        let selections: [String?] = [nil, state.navigation.topologySelection, deep, hub, vpcIds.last]
        var scrolls = [0, 1, bottom / 2, bottom]
        // Every line of a few rows in the middle (where a row's instances meet).
        scrolls += (0..<12).map { min(bottom, bottom / 3 + $0) }
        if let y = full.node(deep)?.rect.y { scrolls += [max(0, y - body / 2), max(0, y - 3), y] }
        for selected in selections {
            for scroll in Set(scrolls).sorted() {
                Self.expectSameFrames(state, full, scroll: scroll, selected: selected, label)
            }
        }

        // Navigation and clicks answer the same.
        for id in [deep, vpcIds[vpcIds.count / 2], vpcIds.last!, hub ?? deep, "link"] {
            #expect(lazy.node(id).map(Self.describe) == full.node(id).map(Self.describe), "\(label) \(id)")
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                #expect(
                    lazy.neighbour(of: id, dx: dx, dy: dy) == full.neighbour(of: id, dx: dx, dy: dy),
                    "\(label): from \(id) by \(dx),\(dy)")
            }
        }
        for y in stride(from: 0, to: full.height, by: max(1, full.height / 40)) {
            for x in stride(from: 0, to: w, by: 7) {
                #expect(lazy.node(at: x, y)?.id == full.node(at: x, y)?.id, "\(label) at \(x),\(y)")
            }
        }
        #expect(lazy.firstNode?.id == full.nodes.first?.id)
        #expect(lazy.lastNode?.id == full.nodes.last?.id)
    }

    @Test(arguments: [1000, 5000])
    func zoomedGroupDrawsLikeEveryRowLaidOut(vpcs: Int) {
        let networks =
            vpcs >= 5000
            ? [("one hub", Self.network(vpcs))] : [("one hub", Self.network(vpcs)), ("two hubs", Self.twoHubs(vpcs))]
        for (name, result) in networks {
            for (w, h) in vpcs >= 5000 ? [(200, 60)] : [(80, 24), (160, 48), (200, 60)] {
                let state = Self.zoomed(result, width: w, height: h)
                let label = "zoomed \(name) \(vpcs) VPCs \(w)×\(h)"
                #expect(state.topology.scope.mode == .zoom, "\(label)")
                Self.expectLazyLikeFull(state, label, repeats: true)
            }
        }
    }
}
