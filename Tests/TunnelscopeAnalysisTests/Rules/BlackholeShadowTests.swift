import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// A blackhole route drops only the traffic for which it is the route that wins: a more specific
/// route in the same table (`local`, a route to the TGW) takes its destinations.
@Suite struct BlackholeShadowTests {
    static func withRoutes(_ change: @escaping (inout [[String: Any]]) -> Void) -> Analysis {
        Variants.model(
            Variants.healthyEdits + [
                (
                    Variants.routeTables,
                    { text in
                        JSONEdit.updating(
                            text, key: "RouteTables",
                            where: { $0["RouteTableId"] as? String == "rtb-0a7c3e9f1b5d2a468" }
                        ) { table in
                            var routes = table["Routes"] as! [[String: Any]]
                            change(&routes)
                            table["Routes"] = routes
                        }
                    }
                )
            ]
        ).analysis
    }

    static func blackhole(_ cidr: String) -> [String: Any] {
        [
            "DestinationCidrBlock": cidr, "TransitGatewayId": "tgw-0ffffffffffffffff", "Origin": "CreateRoute",
            "State": "blackhole",
        ]
    }

    @Test func aBlackholeEveryRangeOfWhichHasAMoreSpecificRouteDropsNothing() throws {
        // 10.0.0.0/8: app-vpc's own range has `local`, every other 10.x owner a route to the TGW.
        let analysis = Self.withRoutes { $0.append(Self.blackhole("10.0.0.0/8")) }
        let finding = try #require(analysis.findings.first { $0.rule == "blackhole-route" })
        #expect(finding.severity == .warning)
        #expect(!finding.message.contains("drops traffic"), "\(finding.message)")
    }

    @Test func aBlackholeDropsExactlyTheRangesItWins() throws {
        // 10.16.0.0/12 covers data-vpc 10.20/16 (its TGW route removed) and shared-services 10.30/16
        // (which keeps its more specific route to the TGW): only data-vpc loses its traffic.
        let analysis = Self.withRoutes { routes in
            routes.removeAll { $0["DestinationCidrBlock"] as? String == "10.20.0.0/16" }
            routes.append(Self.blackhole("10.16.0.0/12"))
        }
        let finding = try #require(analysis.findings.first { $0.rule == "blackhole-route" })
        #expect(finding.severity == .error)
        #expect(finding.message.contains("drops traffic to AWS VPC data"), "\(finding.message)")
        #expect(!finding.message.contains("shared-services"), "\(finding.message)")
    }
}
