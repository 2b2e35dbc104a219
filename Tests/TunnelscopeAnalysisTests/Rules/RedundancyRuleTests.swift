import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// redundancy: single points of failure of the design, deviations from the HA shape, what is down now.
@Suite struct RedundancyRuleTests {
    static let connectionB = "vpn-0bb22cc33dd44ee55"

    @Test func healthyNetworkIsRedundant() {
        #expect(Variants.healthy.analysis.findings("redundancy").isEmpty)
        // The example (A2 down) is degraded but still has no single point of failure: no finding either.
        #expect(Variants.example.analysis.findings("redundancy").isEmpty)
    }

    @Test func oneAWSConnectionNamesItsSinglePointsOfFailure() throws {
        // Only connection A: customer gateway A, HA interface 0, two tunnels.
        let analysis = Variants.healthy([
            (
                Variants.vpnConnections,
                {
                    JSONEdit.removing($0, key: "VpnConnections") {
                        $0["VpnConnectionId"] as? String == Self.connectionB
                    }
                }
            ),
            (
                Variants.gcpTunnels,
                { JSONEdit.removing($0) { ["aws-tunnel-2", "aws-tunnel-3"].contains($0["name"] as? String ?? "") } }
            ),
            (
                Variants.externalGateways,
                {
                    JSONEdit.updating($0, where: { _ in true }) { gw in
                        gw["interfaces"] = Array((gw["interfaces"] as! [[String: Any]]).prefix(2))
                        gw["redundancyType"] = "TWO_IPS_REDUNDANCY"
                    }
                }
            ),
        ]).analysis
        let findings = analysis.findings("redundancy")
        let spof = try #require(findings.first { $0.message.contains("single points of failure") })
        #expect(spof.severity == .warning)
        for id in [
            "vpn-0aa11bb22cc33dd44", "cgw-0c1c2c3c4c5c6c7c8",
            "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if0",
        ] {
            #expect(spof.resources.contains(id), "\(id) is a single point of failure")
        }
        #expect(!spof.resources.contains("tunnel/3.210.10.11"), "each tunnel alone is not one: there are two")
        let shape = try #require(findings.first { $0.message.contains("deviates") })
        #expect(shape.message.contains("TWO_IPS_REDUNDANCY") && shape.message.contains("2 tunnels"))
    }

    @Test func aTwoIPPeerGatewayDeviatesFromTheShape() throws {
        let analysis = Variants.healthy([
            (
                Variants.externalGateways,
                { JSONEdit.updating($0, where: { _ in true }) { $0["redundancyType"] = "TWO_IPS_REDUNDANCY" } }
            )
        ]).analysis
        let f = try #require(analysis.findings("redundancy").only)
        #expect(f.message.contains("aws-tgw-peer is TWO_IPS_REDUNDANCY"))
    }

    @Test func aTunnelWithoutBGPDeviatesFromTheShape() throws {
        let analysis = Variants.healthy([
            (
                Variants.routers,
                {
                    JSONEdit.updating($0, where: { _ in true }) { router in
                        router["bgpPeers"] = (router["bgpPeers"] as! [[String: Any]]).filter {
                            $0["name"] as? String != "peer-aws-tunnel-3"
                        }
                    }
                }
            ),
            (Variants.routerStatus, editPeerStatus("peer-aws-tunnel-3") { $0["name"] = "peer-gone" }),
        ]).analysis
        let f = try #require(analysis.findings("redundancy").only)
        #expect(f.message.contains("54.80.40.44") && f.message.contains("no BGP peer"))
        #expect(f.resources.contains("tunnel/54.80.40.44"))
    }

    @Test func losingBothTunnelsOfOneConnectionLeavesASinglePointOfFailureNow() throws {
        let analysis = Variants.healthy([
            (
                Variants.vpnConnections,
                { text in
                    let a1 = editTelemetry("3.210.10.11") {
                        $0["Status"] = "DOWN"
                        $0["AcceptedRouteCount"] = 0
                    }(text)!
                    return editTelemetry("52.1.20.22") {
                        $0["Status"] = "DOWN"
                        $0["AcceptedRouteCount"] = 0
                    }(a1)
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("redundancy").only)
        #expect(f.severity == .warning && f.message.contains("one failure from down"))
        #expect(f.resources.contains(Self.connectionB) && f.resources.contains("cgw-0d1d2d3d4d5d6d7d8"))
    }

    @Test func aLinkWithNoTunnelLeftIsAnError() throws {
        let analysis = Variants.healthy([
            (
                Variants.vpnConnections,
                { text in
                    var t: String? = text
                    for ip in ["3.210.10.11", "52.1.20.22", "3.220.30.33", "54.80.40.44"] {
                        t = editTelemetry(ip) {
                            $0["Status"] = "DOWN"
                            $0["AcceptedRouteCount"] = 0
                        }(t!)
                    }
                    return t
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("redundancy").only)
        #expect(f.severity == .error && f.message.contains("is down"))
    }
}
