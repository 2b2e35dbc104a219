import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// vgw-attachment, blackhole-route, no-return-route.
@Suite struct RouteRuleTests {
    @Test func healthyNetworkHasNoRouteFinding() {
        let analysis = Variants.healthy.analysis
        for rule in ["vgw-attachment", "blackhole-route", "no-return-route"] {
            #expect(analysis.findings(rule).isEmpty)
        }
    }

    @Test func aVPNOnAVirtualPrivateGatewayIsFlagged() throws {
        let vgw = """
            {"VpnGateways": [{"VpnGatewayId": "vgw-0e1e2e3e4e5e6e7e8", "State": "available", "Type": "ipsec.1", "AmazonSideAsn": 64512,
              "VpcAttachments": [{"VpcId": "vpc-0a11aa11aa11aa110", "State": "attached"}], "Tags": []}]}
            """
        let analysis = Variants.healthy(
            [
                (
                    Variants.vpnConnections,
                    editConnection("vpn-0aa11bb22cc33dd44") { c in
                        c["TransitGatewayId"] = nil
                        c["VpnGatewayId"] = "vgw-0e1e2e3e4e5e6e7e8"
                    }
                )
            ], extraFiles: ["aws-111122223333/describe-vpn-gateways.json": vgw]
        ).analysis
        let f = try #require(analysis.findings("vgw-attachment").only)
        #expect(f.severity == .warning)
        #expect(f.resources.prefix(2) == ["vpn-0aa11bb22cc33dd44", "vgw-0e1e2e3e4e5e6e7e8"])
        #expect(f.message.contains("40 s"))
    }

    @Test func theExampleBlackholeIsAWarningAndOneOverAKnownRangeAnError() throws {
        let planted = try #require(Variants.example.analysis.findings("blackhole-route").only)
        #expect(planted.severity == .warning, "10.99.0.0/16 belongs to nobody the exports know")
        let analysis = Variants.healthy([
            (
                Variants.dataRouteTables,
                {
                    JSONEdit.updating($0, key: "RouteTables", where: { _ in true }) { table in
                        table["Routes"] =
                            (table["Routes"] as! [[String: Any]]) + [
                                [
                                    "DestinationCidrBlock": "10.100.16.0/24",
                                    "TransitGatewayId": "tgw-0dead0dead0dead0de",
                                    "Origin": "CreateRoute", "State": "blackhole",
                                ]
                            ]
                    }
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("blackhole-route").only)
        #expect(f.severity == .error && f.message.contains("svc-a-east4"))
        #expect(f.resources.prefix(2) == ["rtb-06e9a1c3f7b2d4e80", "vpc-0b22bb22bb22bb220"])
    }

    @Test func aDeliberateTGWBlackholeIsInfo() throws {
        let analysis = Variants.healthy([
            (
                Variants.tgwRoutes,
                {
                    JSONEdit.appending(
                        $0, key: "Routes",
                        [
                            [
                                "DestinationCidrBlock": "10.250.0.0/16", "Type": "static", "State": "blackhole",
                                "TransitGatewayAttachments": [[String: Any]](),
                            ]
                        ])
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("blackhole-route").only)
        #expect(f.severity == .info && f.message.contains("on purpose"))
    }

    @Test func aVPCThatCannotAnswerSomeGCPPrefixesHasNoReturnRoute() throws {
        // data-vpc is advertised to GCP but its route table lost the route to the GKE pod range.
        let analysis = Variants.healthy([
            (
                Variants.dataRouteTables,
                {
                    JSONEdit.updating($0, key: "RouteTables", where: { _ in true }) { table in
                        table["Routes"] = (table["Routes"] as! [[String: Any]]).filter {
                            $0["DestinationCidrBlock"] as? String != "10.104.0.0/16"
                        }
                    }
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("no-return-route").only)
        #expect(f.severity == .error)
        #expect(f.resources.prefix(2) == ["vpc-0b22bb22bb22bb220", "rtb-06e9a1c3f7b2d4e80"])
        #expect(f.message.contains("10.104.0.0/16") && !f.message.contains("10.100.0.0/20"))
    }

    @Test func aVPCAdvertisedToGCPButRoutingNothingThereIsAWarning() throws {
        let analysis = Variants.healthy([
            (
                Variants.dataRouteTables,
                {
                    JSONEdit.updating($0, key: "RouteTables", where: { _ in true }) { table in
                        table["Routes"] = (table["Routes"] as! [[String: Any]]).filter {
                            !["10.100.0.0/16", "10.104.0.0/16"].contains($0["DestinationCidrBlock"] as? String ?? "")
                        }
                    }
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("no-return-route").only)
        #expect(f.severity == .warning && f.message.contains("route nothing to GCP"))
        #expect(f.resources.first == "vpc-0b22bb22bb22bb220")
    }

    @Test func aVPCRoutingToGCPThatGCPCannotAnswerHasNoReturnRoute() throws {
        // The TGW no longer propagates data-vpc, so Cloud Router never learns 10.20.0.0/16.
        let analysis = Variants.healthy([
            (
                Variants.tgwRoutes,
                { JSONEdit.removing($0, key: "Routes") { $0["DestinationCidrBlock"] as? String == "10.20.0.0/16" } }
            ),
            (
                Variants.routerStatus,
                { text in
                    JSONEdit.edit(text) { value in
                        guard var root = value as? [String: Any], var result = root["result"] as? [String: Any] else {
                            return
                        }
                        result["bestRoutes"] = (result["bestRoutes"] as! [[String: Any]]).filter {
                            $0["destRange"] as? String != "10.20.0.0/16"
                        }
                        root["result"] = result
                        value = root
                    }
                }
            ),
        ]).analysis
        let f = try #require(analysis.findings("no-return-route").only)
        #expect(f.severity == .error)
        #expect(f.resources.first == "vpc-0b22bb22bb22bb220")
        #expect(
            f.message.contains("GCP has no route back to 10.20.0.0/16")
                && f.message.contains("default-internet-gateway"))
    }
}
