import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

@testable import TunnelscopeRender

/// The topology map draws the model's real edges: VPCs on the gateway they are attached to,
/// sites on the gateways they connect through, the VPN link on the hub its connections end on;
/// several hubs each with their own spokes; group boxes keep their members' edges; the drawing
/// never joins lines that are not connected. Health marks come from one lookup.
@Suite struct MapEdgeTests {
    static func layout(
        _ result: LoadResult, width: Int = 160, height: Int = 44, expanded: Set<String> = [],
        health: TopologyLayout.HealthLookup? = nil
    ) -> TopologyLayout {
        let state = Screens.state(result, width: width, height: height + 4)
        return TopologyLayout(
            model: result.model, insights: state.insights, width: width, height: height,
            expanded: expanded, health: health)
    }

    static func sources(_ layout: TopologyLayout, of id: String) -> Set<String> {
        Set(layout.edges(to: id).map(\.from))
    }
    static func targets(_ layout: TopologyLayout, of id: String) -> Set<String> {
        Set(layout.edges(from: id).map(\.to))
    }

    /// Hubs the model says a VPC is attached to: TGW `vpc` attachments and VGW attachedVpcIds.
    static func attachedHubs(_ model: NetworkModel, _ vpc: String) -> Set<String> {
        Set(model.tgwAttachments.filter { $0.resourceType == "vpc" && $0.resourceId == vpc }.map(\.transitGatewayId))
            .union(model.vpnGateways.filter { $0.attachedVpcIds.contains(vpc) }.map(\.id))
    }

    /// Every VPC box hangs off exactly the hubs it is attached to; a VGW-only VPC is never on a TGW.
    static func expectVPCsOnTheirHubs(_ result: LoadResult, _ name: String) {
        let model = result.model
        let map = layout(result)
        let vgwVpcs = Set(model.vpnGateways.flatMap(\.attachedVpcIds))
        let tgws = Set(model.transitGateways.map(\.id))
        for vpc in model.vpcs where map.node(vpc.id) != nil {
            #expect(sources(map, of: vpc.id) == attachedHubs(model, vpc.id), "\(name): \(vpc.id)")
            if vgwVpcs.contains(vpc.id), attachedHubs(model, vpc.id).isDisjoint(with: tgws) {
                #expect(
                    sources(map, of: vpc.id).isDisjoint(with: tgws), "\(name): VGW-attached \(vpc.id) is on a TGW's bus"
                )
            }
        }
    }

    @Test func theExampleDrawsItsRealEdges() throws {
        let example = ExampleNetwork.load()
        let map = Self.layout(example)
        let tgw = MapTourVariants.tgw
        Self.expectVPCsOnTheirHubs(example, "example")
        #expect(
            Self.targets(map, of: tgw).isSuperset(of: [
                MapTourVariants.appVpc, MapTourVariants.dataVpc, MapTourVariants.sharedServicesVpc, "link",
            ]))
        // Frankfurt through Direct Connect (dxgw-east → TGW), Osaka through its VPN on the TGW: only those.
        #expect(Self.targets(map, of: "site/Frankfurt DC") == [tgw])
        #expect(Self.targets(map, of: "site/Branch office Osaka") == [tgw])
        // The VPN link hangs off the TGW its connections end on and leads to the HA gateway.
        #expect(Self.sources(map, of: "link") == [tgw])
        #expect(Self.targets(map, of: "link") == [MapTourVariants.haGateway])
        #expect(Self.targets(map, of: MapTourVariants.haGateway) == ["project/net-host-prj"])
        #expect(
            Self.targets(map, of: "project/net-host-prj") == [
                "project/svc-prj-a", "project/svc-prj-b",
                "projects/svc-prj-a/locations/us-east4/instances/orders-cache",
            ])
        // Every edge goes down the map, between boxes that are on it.
        for edge in map.edges {
            let from = try #require(map.node(edge.from))
            let to = try #require(map.node(edge.to))
            #expect(from.rect.maxY <= to.rect.y, "\(edge) goes up")
        }
    }

    @Test func aVGWAttachedVPCAndSiteHangOffTheVGW() throws {
        let result = MapTourVariants.tgwAndVGW()
        let map = Self.layout(result)
        Self.expectVPCsOnTheirHubs(result, "TGW and VGW")
        #expect(Self.sources(map, of: MapTourVariants.dataVpc) == [MapTourVariants.vgw])
        #expect(!Self.targets(map, of: MapTourVariants.tgw).contains(MapTourVariants.dataVpc))
        #expect(Self.targets(map, of: MapTourVariants.vgw) == [MapTourVariants.dataVpc])
        #expect(
            Self.targets(map, of: "site/Branch office Osaka") == [MapTourVariants.vgw], "Osaka's VPN ends on the VGW")
        #expect(
            Self.targets(map, of: "site/Frankfurt DC") == [MapTourVariants.tgw], "Frankfurt's DX gateway is on the TGW")
        #expect(Self.sources(map, of: "link") == [MapTourVariants.tgw], "the VPN to GCP is still on the TGW")
        // Each hub's VPCs sit in their own block, under their hub.
        let vgwBox = try #require(map.node(MapTourVariants.vgw))
        let dataBox = try #require(map.node(MapTourVariants.dataVpc))
        let tgwVpcs = [MapTourVariants.appVpc, MapTourVariants.sharedServicesVpc].compactMap { map.node($0) }
        #expect(
            tgwVpcs.allSatisfy { $0.rect.maxX < dataBox.rect.x } || tgwVpcs.allSatisfy { $0.rect.x > dataBox.rect.maxX }
        )
        #expect(
            abs((vgwBox.rect.x + vgwBox.rect.width / 2) - (dataBox.rect.x + dataBox.rect.width / 2)) <= 2,
            "the VGW is above its VPC")
    }

    @Test func theLinkBoxHangsOffTheGatewayItsConnectionsEndOn() {
        let map = Self.layout(MapTourVariants.gcpLinkOnVGW())
        #expect(Self.sources(map, of: "link") == [MapTourVariants.vgw])
        #expect(!Self.targets(map, of: MapTourVariants.tgw).contains("link"))
        #expect(Self.targets(map, of: MapTourVariants.vgw) == [MapTourVariants.dataVpc, "link"])
        #expect(Self.targets(map, of: "site/Branch office Osaka") == [MapTourVariants.tgw])
    }

    /// The `healthy` fixture network (on main; runs once it is merged): galway-legacy and the
    /// Galway lab's VPN on the VGW, everything else on the TGW, the link on the TGW.
    @Test(.enabled(if: MapTourVariants.hasHealthy)) func theHealthyFixtureDrawsItsRealEdges() throws {
        let result = MapTourVariants.healthy()
        let map = Self.layout(result)
        Self.expectVPCsOnTheirHubs(result, "healthy")
        let tgw = "tgw-0cfaea294c598f00a"
        let vgw = "vgw-095de70619d411de6"
        #expect(Self.sources(map, of: "vpc-01dc3587f947584e6") == [vgw], "galway-legacy is on the VGW only")
        #expect(Self.targets(map, of: vgw) == ["vpc-01dc3587f947584e6"])
        #expect(Self.sources(map, of: "link") == [tgw])
        for site in result.model.onPremSites {
            let expected: Set<String> = site.name.lowercased().contains("galway") ? [vgw] : [tgw]
            #expect(Self.targets(map, of: site.id) == expected, "\(site.name)")
        }
        for (w, h) in [(80, 20), (160, 44)] {
            Self.expectCleanDrawing(Self.layout(result, width: w, height: h), "healthy \(w)")
        }
    }

    @Test func severalTransitGatewaysEachWithTheirOwnSpokes() {
        let result = MapTourVariants.twoTGWs()
        let map = Self.layout(result)
        Self.expectVPCsOnTheirHubs(result, "two TGWs")
        #expect(Self.targets(map, of: MapTourVariants.secondTGW) == [MapTourVariants.sharedServicesVpc])
        #expect(Self.sources(map, of: MapTourVariants.sharedServicesVpc) == [MapTourVariants.secondTGW])
        #expect(
            Self.targets(map, of: MapTourVariants.tgw) == [MapTourVariants.appVpc, MapTourVariants.dataVpc, "link"])
    }

    @Test func collapsedGroupsConnectToTheirOwnHub() throws {
        let (result, moved) = MapTourVariants.syntheticTwoHubs(vpcs: 60, onVGW: 15)
        let map = Self.layout(result)
        // Groups by hub and account: each group's box hangs off its hub, and no VPC has a box.
        let groups = map.nodes.filter { $0.group != nil && $0.id.hasPrefix("group:vpcs:") }
        let tgwGroups = groups.filter { $0.id.hasPrefix("group:vpcs:\(MapTourVariants.tgw)|") }
        let vgwGroups = groups.filter { $0.id.hasPrefix("group:vpcs:\(MapTourVariants.vgw)|") }
        #expect(!tgwGroups.isEmpty && !vgwGroups.isEmpty, "both hubs' VPCs are in groups at 160 columns")
        #expect(tgwGroups.count + vgwGroups.count == groups.count)
        for group in tgwGroups { #expect(Self.sources(map, of: group.id) == [MapTourVariants.tgw], "\(group.id)") }
        for group in vgwGroups { #expect(Self.sources(map, of: group.id) == [MapTourVariants.vgw], "\(group.id)") }
        for vpc in moved where map.node(vpc) != nil { #expect(Self.sources(map, of: vpc) == [MapTourVariants.vgw]) }
        // A VPC with a box of its own is the only one of its account on its hub.
        for vpc in result.model.vpcs where map.node(vpc.id) != nil {
            let alike = result.model.vpcs.filter {
                $0.accountId == vpc.accountId
                    && Self.attachedHubs(result.model, $0.id) == Self.attachedHubs(result.model, vpc.id)
            }
            #expect(alike.count == 1, "\(vpc.id)")
        }
        // Expanded, every VPC is drawn and hangs off its own hub.
        let open = Self.layout(result, expanded: Set(groups.compactMap(\.group)))
        for vpc in result.model.vpcs {
            #expect(Self.sources(open, of: vpc.id) == Self.attachedHubs(result.model, vpc.id), "\(vpc.id)")
        }
        Self.expectCleanDrawing(open, "expanded two hubs")
    }

    /// Lines of different owners (nets) only cross, never join, never share a column, and no
    /// line runs through a box.
    static func expectCleanDrawing(_ map: TopologyLayout, _ name: String) {
        guard let routing = map.routing else {
            Issue.record("\(name): no routing")
            return
        }
        var owners: [MapRouter.Point: [Int: (vertical: Bool, horizontal: Bool)]] = [:]
        let connectors = Set(routing.connectors.map(\.at))
        var bad: [String] = []
        for segment in routing.segments {
            let (a, b) = (segment.from, segment.to)
            let cells =
                a.x == b.x
                ? (min(a.y, b.y)...max(a.y, b.y)).map { MapRouter.Point(x: a.x, y: $0) }
                : (min(a.x, b.x)...max(a.x, b.x)).map { MapRouter.Point(x: $0, y: a.y) }
            for cell in cells {
                var mark = owners[cell]?[segment.owner] ?? (false, false)
                if a.x == b.x, a.y != b.y {
                    mark.vertical = true
                } else if a.y == b.y, a.x != b.x {
                    mark.horizontal = true
                }
                owners[cell, default: [:]][segment.owner] = mark
                if !connectors.contains(cell), let node = map.node(at: cell.x, cell.y) {
                    bad.append("line through \(node.id) at \(cell)")
                }
            }
        }
        for (cell, byOwner) in owners where byOwner.count > 1 {
            let marks = Array(byOwner.values)
            let crossing =
                marks.count == 2 && (marks[0].vertical != marks[1].vertical)
                && (marks[0].horizontal != marks[1].horizontal)
                && marks.allSatisfy { $0.vertical != $0.horizontal }
            if !crossing { bad.append("owners \(byOwner.keys.sorted()) meet at \(cell)") }
        }
        #expect(bad.isEmpty, "\(name): \(bad.prefix(5))")
    }

    @Test func drawingsNeverJoinUnrelatedLines() {
        for (name, result) in [
            ("example", ExampleNetwork.load()), ("TGW and VGW", MapTourVariants.tgwAndVGW()),
            ("GCP link on a VGW", MapTourVariants.gcpLinkOnVGW()), ("two TGWs", MapTourVariants.twoTGWs()),
        ] {
            for (w, h) in [(80, 20), (160, 44)] {
                Self.expectCleanDrawing(Self.layout(result, width: w, height: h), "\(name) \(w)")
            }
        }
    }

    /// Every expanded VPC gets its edge (speed is `tunnelscope bench`'s: no timed assertion here).
    @Test func thousandsOfExpandedVPCsEachGetTheirEdge() {
        let (result, _) = MapTourVariants.syntheticTwoHubs(vpcs: 3000, onVGW: 1000)
        let state = Screens.state(result, width: 160, height: 48)
        let map = TopologyLayout(
            model: result.model, insights: state.insights, width: 160, height: 44,
            expanded: Set(state.topology.scope.keys))
        #expect(state.topology.scope.mode == .accounts)
        #expect(map.edges.filter { $0.to.hasPrefix("vpc-") }.count == result.model.vpcs.count)
    }

    // MARK: health

    @Test func healthMarksComeFromTheLookupOnly() throws {
        let example = ExampleNetwork.load()
        // Everything fine according to the lookup: no mark from the down tunnel, the blackhole or the overlap.
        let fine = Self.layout(example, health: { _ in .ok })
        #expect(
            fine.nodes.filter { $0.group == nil }.allSatisfy { $0.health == .ok },
            "\(fine.nodes.filter { $0.health != .ok }.map(\.id))")
        // One element down: its box and only boxes that contain it.
        let oneDown = Self.layout(example, health: { $0 == MapTourVariants.dataVpc ? .down : .ok })
        #expect(oneDown.node(MapTourVariants.dataVpc)?.health == .down)
        #expect(oneDown.nodes.filter { $0.health != .ok }.map(\.id) == [MapTourVariants.dataVpc])
    }

    @Test func findingsGiveTheMarksForNow() throws {
        let example = ExampleNetwork.load()
        let map = Self.layout(example)
        // cidr-overlap (error) names the Memorystore instance and shared-services; blackhole-route (warning) the app VPC.
        #expect(map.node("projects/svc-prj-a/locations/us-east4/instances/orders-cache")?.health == .down)
        #expect(map.node(MapTourVariants.sharedServicesVpc)?.health == .down)
        #expect(map.node(MapTourVariants.appVpc)?.health == .degraded)
        #expect(map.node(MapTourVariants.dataVpc)?.health == .ok)
        // The link box: a tunnel named by tunnel-down and bgp-down makes it degraded, not down.
        #expect(map.node("link")?.health == .degraded)
        // A site named in a cidr-overlap error gets the mark.
        let overlapping = MapTourVariants.load(editing: [
            "annotations.json": { root in
                var sites = root["sites"] as! [[String: Any]]
                sites[1]["cidrs"] = ["10.20.1.0/24"]
                root["sites"] = sites
            }
        ])
        let overlapMap = Self.layout(overlapping)
        let state = Screens.state(overlapping)
        #expect(
            state.insights.findings.contains {
                $0.rule == "cidr-overlap" && $0.severity == .error && $0.resources.contains("site/Branch office Osaka")
            })
        #expect(overlapMap.node("site/Branch office Osaka")?.health == .down)
    }

    @Test func whatIfMarksFailedBoxes() throws {
        var state = Screens.state(width: 160, height: 48)
        Screens.apply(&state, keys: [.character(":")] + Screens.type("fail vpn-0aa11bb22cc33dd44") + [.enter])
        Screens.apply(&state, keys: [.character(":")] + Screens.type("fail vpn-0bb22cc33dd44ee55") + [.enter])
        #expect(state.whatIf.failed.count == 2)
        #expect(state.topology.node("link")?.health == .lost, "no tunnel left on the link: lost with them (↯)")
    }
}
