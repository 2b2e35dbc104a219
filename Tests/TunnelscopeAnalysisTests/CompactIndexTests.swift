import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeAnalysis

/// The packed indexes answer exactly what the structures they replaced answered.
@Suite struct CompactIndexTests {
    /// A small deterministic generator (the same tables on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Random route tables (small ones scanned, large ones hashed, duplicate prefixes, routes
    /// without a destination) give the same longest match as one `PrefixTable` per table.
    @Test func vpcRouteIndexMatchesPrefixTables() {
        var g = Generator(state: 42)
        var tables: [AWSRouteTable] = []
        let source = SourceRef(file: "generated", path: "$")
        for t in 0..<60 {
            let count = t % 10 == 0 ? VPCRouteIndex.scanLimit + 1 + g.next(200) : g.next(30)
            var routes: [AWSRoute] = []
            for _ in 0..<count {
                let length = [0, 8, 12, 16, 16, 20, 24, 24, 28, 32][g.next(10)]
                let address = UInt32(10 << 24) | UInt32(g.next(1 << 16)) << UInt32(g.next(9))
                let cidr = CIDR(address: IPv4Address(address), prefixLength: length)
                let destination = g.next(20) == 0 ? nil : cidr
                routes.append(
                    AWSRoute(
                        destination: destination, destinationText: destination?.description ?? "pl-1",
                        target: .local, state: "active", origin: nil))
            }
            tables.append(
                AWSRouteTable(
                    id: "rtb-\(t % 55)", vpcId: "vpc-\(t)", accountId: nil, isMain: true, subnetIds: [],
                    propagatingVgwIds: [], routes: routes, tags: [:], source: source))
        }
        var reference: [String: PrefixTable<Int>] = [:]
        for table in tables {
            var t = PrefixTable<Int>()
            for (i, route) in table.routes.enumerated() { if let d = route.destination { t.insert(d.normalized, i) } }
            reference[table.id] = t
        }
        let index = VPCRouteIndex(tables)
        var matched = 0
        for _ in 0..<20_000 {
            let id = "rtb-\(g.next(57))"
            let address = UInt32(10 << 24) | UInt32(g.next(1 << 16)) << UInt32(g.next(9))
            let cidr = CIDR(address: IPv4Address(address), prefixLength: [32, 24, 20, 16, 8, 0][g.next(6)])
            let old = reference[id]?.first(containing: cidr) { p, v in v.first.map { (p, $0) } }
            let new = index.longestMatch(table: id, containing: cidr)
            #expect(old?.0 == new?.prefix && old?.0.description == new?.prefix.description && old?.1 == new?.route)
            if new != nil { matched += 1 }
            #expect((index.slot(of: id) != nil) == (reference[id] != nil))
        }
        #expect(matched > 1000)
    }

    @Test func lastPathComponentIsSplitsLast() {
        for text in [
            "", "/", "///", "a", "a/", "/a", "a//b", "a/b/", "a/b//", "x/y/default-internet-gateway",
            "https://www.googleapis.com/compute/v1/projects/p/global/gateways/default-internet-gateway",
            "a/\u{301}b", "é/ü/🇩🇪", "a/b/\u{301}", "x/\r\n", "\r\n/b/", "a/b\r\n/",
        ] {
            #expect(
                Forwarder.lastPathComponent(text) == (text.split(separator: "/").last.map(String.init) ?? text),
                "\(text)")
        }
    }

    /// Every owner's label, network, VPC and site read from the model say what the owner was built from.
    @Test func addressOwnersReadTheirModelElement() {
        for model in [ExampleNetwork.load().model, NetworkModel(parts: LargeNetwork.parts())] {
            let space = AnalysisContext(model: model).space
            #expect(!space.owners.isEmpty)
            for owner in space.owners {
                #expect(owner.label.contains(owner.cidr.description) || owner.kind == .gcpSecondaryRange)
                switch owner.kind {
                case .awsVpc, .awsSubnet:
                    #expect(owner.vpcId != nil && owner.gcpNetwork == nil && owner.siteIndex == nil)
                case .onPremSite:
                    #expect(owner.siteIndex.map { model.onPremSites[$0].id } == owner.resource)
                case .gcpSubnet, .gcpSecondaryRange, .redis, .peeredRange:
                    #expect(owner.vpcId == nil && owner.siteIndex == nil)
                }
            }
        }
    }
}

/// `check` releases the route lookups before its output; whatever asks for them afterwards gets
/// them rebuilt, with the same answers.
@Suite struct ReleasedRoutingTests {
    @Test func pathsRoutesAndWhatIfAfterReleaseAreUnchanged() throws {
        for model in [ExampleNetwork.load().model, NetworkModel(parts: LargeNetwork.parts())] {
            let analysis = Analysis(model: model)
            let queries = [("10.10.1.10", "10.100.16.5"), ("10.100.32.7", "data-vpc"), ("10.20.0.9", "172.16.3.3")]
            let before = queries.map { try? analysis.path(from: $0.0, to: $0.1) }
            let routes = analysis.routes
            let ids = Set(analysis.failableElements.prefix(3).map(\.id))
            let whatIf = analysis.whatIf(failing: ids)
            #expect(analysis.context.routingIsHeld)
            analysis.releaseRoutingIndexes()
            #expect(!analysis.context.routingIsHeld)
            analysis.releaseRoutingIndexes()  // twice: nothing more to free
            #expect(queries.map { try? analysis.path(from: $0.0, to: $0.1) } == before)
            #expect(analysis.context.routingIsHeld)
            #expect(analysis.routes.awsToGCP == routes.awsToGCP && analysis.routes.gcpToAWS == routes.gcpToAWS)
            #expect(analysis.routes.perTunnel == routes.perTunnel && analysis.routes.notes == routes.notes)
            analysis.releaseRoutingIndexes()
            let again = analysis.whatIf(failing: ids)
            #expect(again.tunnels == whatIf.tunnels && again.links == whatIf.links && again.sites == whatIf.sites)
            #expect(again.lostPrefixes == whatIf.lostPrefixes && again.unreachableBefore == whatIf.unreachableBefore)
            #expect(before.contains { $0 != nil })
        }
    }
}

/// The route exchange collects its prefixes on one core while the address space is built on the
/// other: the same exchange as one built serially.
@Suite struct ExchangeBesideSpaceTests {
    @Test func concurrentRoutingEqualsSerial() {
        for model in [ExampleNetwork.load().model, NetworkModel(parts: LargeNetwork.parts())] {
            let index = ModelIndex(model: model)
            let states = AnalysisContext(model: model).states
            let serial = AnalysisContext.Routing(index: index, states: states, concurrently: false)
            for _ in 0..<3 {
                let concurrent = AnalysisContext.Routing(index: index, states: states, concurrently: true)
                #expect(concurrent.exchange.awsToGCP == serial.exchange.awsToGCP)
                #expect(concurrent.exchange.gcpToAWS == serial.exchange.gcpToAWS)
                #expect(concurrent.exchange.perTunnel == serial.exchange.perTunnel)
                #expect(concurrent.exchange.notes == serial.exchange.notes)
                #expect(concurrent.space.owners.map(\.resource) == serial.space.owners.map(\.resource))
            }
        }
    }
}

/// Positions grouped by key, stored flat.
@Suite struct KeyedGroupsTests {
    /// Random keys (many repeated, some added far apart) give the positions a dictionary of
    /// arrays gives, in the order added; a key never added gives nil.
    @Test func keyedGroupsMatchADictionaryOfArrays() {
        var g = CompactIndexTests.Generator(state: 7)
        var builder = KeyedGroups.Builder(capacity: 10)
        var expected: [String: [Int]] = [:]
        for position in 0..<5_000 {
            let key = "vpc-\(g.next(g.next(3) == 0 ? 40 : 2_000))"
            builder.add(key, position)
            expected[key, default: []].append(position)
        }
        let groups = builder.groups()
        for (key, positions) in expected { #expect(groups[key].map(Array.init) == positions, "\(key)") }
        #expect(groups["vpc-missing"] == nil)
        #expect(KeyedGroups.Builder().groups().isEmpty)
    }
}

/// The VPCs' hybrid flags, read by position, say what `isHybridVPC` says of each VPC's ID.
@Suite struct HybridVPCTests {
    static func check(_ model: NetworkModel) {
        let index = ModelIndex(model: model)
        #expect(!model.vpcs.isEmpty)
        #expect(index.hybridVPCs == model.vpcs.map { index.isHybridVPC($0.id) })
    }

    @Test func onTheExampleAndTheHealthyNetwork() {
        Self.check(Variants.example)
        #expect(
            ModelIndex(model: Variants.example).hybridVPCs.contains(true), "the example's VPCs are attached to its TGW")
        Self.check(FixtureNetworks.healthy.model)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: WildImpactTests.folder.path)))
    func onThePublishedExports() {
        Self.check(Importer.load(paths: [WildImpactTests.folder.path]).model)
    }
}
