import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeSynthetic

@testable import TunnelscopeRender

/// Every view at 80×24 and 160×48 on the built-in example, and the special cases: a what-if,
/// a long Japanese name, a 300-VPC network, a terminal that is too small.
@Suite struct ViewSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]

    @Test(arguments: ["topology", "aws", "gcp", "split", "findings", "routes", "tour", "detail", "help"])
    func everyViewAtBothSizes(view: String) {
        for (w, h) in Self.sizes {
            var state = Screens.state(width: w, height: h)
            switch view {
            case "topology": break
            case "aws": Screens.apply(&state, keys: [.character("2")])
            case "gcp": Screens.apply(&state, keys: [.character("3")])
            case "split": Screens.apply(&state, keys: [.character("4")])
            case "findings": Screens.apply(&state, keys: [.character("5")])
            case "routes": Screens.apply(&state, keys: [.character("6")])
            case "tour": Screens.apply(&state, keys: [.character("7")])
            case "detail": Screens.apply(&state, keys: [.character("2"), .down, .down, .down, .enter])
            case "help": Screens.apply(&state, keys: [.character("?")])
            default: Issue.record("unknown view \(view)")
            }
            Snapshot.assert(Screens.frame(state), named: "\(view)-\(w)x\(h)")
        }
    }

    @Test func tourStepThatMapsTheTunnels() {
        var state = Screens.state(width: 160, height: 48, screen: .tour)
        let mapping = Tour.steps(for: state.model).firstIndex { $0.title.hasPrefix("How the") } ?? 0
        Screens.apply(&state, keys: Array(repeating: .character("n"), count: mapping))
        Snapshot.assert(Screens.frame(state), named: "tour-mapping-160x48")
    }

    @Test func whatIfOneConnectionFailed() {
        for (w, h) in Self.sizes {
            var state = Screens.state(width: w, height: h)
            Screens.apply(&state, keys: [.character("2"), .down, .character("f"), .character("4")])
            Snapshot.assert(Screens.frame(state), named: "whatif-connection-split-\(w)x\(h)")
            Screens.apply(&state, keys: [.character("1")])
            Snapshot.assert(Screens.frame(state), named: "whatif-connection-topology-\(w)x\(h)")
        }
    }

    @Test func japaneseNamesKeepAlignment() {
        let result = TunnelscopeImport.Importer.load(
            files: SyntheticNetwork(vpcs: 4, accounts: 1, routesPerTable: 2, gcpSubnets: 2, japaneseNames: true)
                .files(), origin: "synthetic")
        var state = Screens.state(result, width: 80, height: 24)
        Screens.apply(&state, keys: [.character("/")] + Screens.type("本番") + [.enter])
        Snapshot.assert(Screens.frame(state), named: "japanese-detail-80x24")
        var map = Screens.state(result, width: 160, height: 48)
        Screens.apply(&map, keys: [])
        Snapshot.assert(Screens.frame(map), named: "japanese-topology-160x48")
    }

    @Test func threeHundredVPCs() throws {
        let result = TunnelscopeImport.Importer.load(
            files: SyntheticNetwork(vpcs: 300).files(), origin: "synthetic 300 VPCs")
        #expect(result.model.vpcs.count == 303)
        var state = Screens.state(result, width: 160, height: 48)
        Snapshot.assert(Screens.frame(state), named: "vpcs300-topology-160x48")
        // Expand the VPC group (the last box of the VPC rows, above the link), then page down through it.
        Screens.apply(&state, keys: [.up])
        while state.navigation.topologySelection?.hasPrefix("group:vpcs") != true {
            let before = state.navigation.topologySelection
            Screens.apply(&state, keys: [.right])
            if state.navigation.topologySelection == before { break }
        }
        // The VPCs are in groups by hub and account: `e` expands the selected one in place.
        let group = try #require(state.navigation.topologySelection.map { String($0.dropFirst("group:".count)) })
        let index = try #require(state.topology.scope.keys.firstIndex(of: group))
        let members = state.topology.scope.vpcs.clusters[index].vpcs.count
        let boxes = state.topology.nodes.filter { $0.id.hasPrefix("vpc-") }.count
        Screens.apply(&state, keys: [.character("e")])
        #expect(
            state.topology.nodes.filter { $0.id.hasPrefix("vpc-") }.count == boxes + members,
            "expanded: every VPC of the group is drawn")
        Screens.apply(&state, keys: [.pageDown])
        Snapshot.assert(Screens.frame(state), named: "vpcs300-expanded-160x48")
        var small = Screens.state(result, width: 80, height: 24)
        Screens.apply(&small, keys: [.character("2")])
        Snapshot.assert(Screens.frame(small), named: "vpcs300-aws-80x24")
    }

    @Test func tooSmallSaysSo() {
        let state = Screens.state(width: 40, height: 10)
        Snapshot.assert(Screens.frame(state), named: "too-small-40x10")
    }
}
