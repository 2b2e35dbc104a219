import Testing
import TunnelscopeExample
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeAnalysis

/// no-return-route walks every source's ranges without texts (`Forwarder.explains` off) and walks
/// again with them only for what a message explains: a quiet walk must end where the explaining
/// walk ends (stopped, unknown or reached, and reached at the same resource on the same side), and
/// carry no text.
@Suite struct QuietWalkTests {
    static func networks() -> [(String, NetworkModel)] {
        [
            ("example", ExampleNetwork.load().model),
            ("healthy", FixtureNetworks.healthy.model),
            ("200 VPCs", NetworkModel(parts: LargeNetwork.parts(vpcs: 200, gcpSubnets: 40, sites: 6))),
        ]
    }

    @Test func quietWalksEndWhereExplainingWalksEnd() {
        for (name, model) in Self.networks() {
            let c = AnalysisContext(model: model)
            var explaining = c.forwarder()
            explaining.recordsHops = false
            var quiet = explaining
            quiet.explains = false
            var starts: [Forwarder.Place] = []
            for (i, table) in model.routeTables.enumerated() where i % 3 == 0 {
                starts.append(.vpc(table.vpcId, table: table.id))
            }
            for network in model.gcpNetworks {
                starts.append(.gcp(network.ref, region: nil, producer: nil))
                starts.append(.gcp(network.ref, region: "us-east4", producer: nil))
            }
            starts += model.onPremSites.indices.map { .site($0) }
            for table in model.tgwRouteTables {
                starts.append(.tgwTable(table.transitGatewayId ?? "", table: table.id))
            }
            let owners = c.space.owners
            let destinations = stride(from: 0, to: owners.count, by: max(1, owners.count / 60)).map { owners[$0].cidr }
            var kinds: Set<String> = []
            for start in starts {
                for dst in destinations {
                    let full = explaining.walk(from: start, to: dst).end
                    let end = quiet.walk(from: start, to: dst).end
                    switch (full, end) {
                    case (.reached(let a, let label, let sa), .reached(let b, let none, let sb)):
                        #expect(a == b && sa == sb && !label.isEmpty && none.isEmpty, "\(name): \(start) → \(dst)")
                        kinds.insert("reached")
                    case (.stopped(_, let reason), .stopped(let resource, let none)):
                        #expect(!reason.isEmpty && resource == nil && none.isEmpty, "\(name): \(start) → \(dst)")
                        kinds.insert("stopped")
                    case (.unknown(_, let reason), .unknown(let resource, let none)):
                        #expect(!reason.isEmpty && resource == nil && none.isEmpty, "\(name): \(start) → \(dst)")
                        kinds.insert("unknown")
                    default:
                        Issue.record("\(name): \(start) → \(dst) ends \(full) explained, \(end) quiet")
                    }
                }
            }
            #expect(kinds.isSuperset(of: ["reached", "stopped"]), "\(name) walks both reach and stop")
        }
    }
}
