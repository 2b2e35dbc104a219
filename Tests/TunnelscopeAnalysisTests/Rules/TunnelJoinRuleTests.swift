import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// unmatched-tunnel, inside-address-mismatch, asn-mismatch.
@Suite struct TunnelJoinRuleTests {
    @Test func healthyNetworkJoinsCleanly() {
        let analysis = Variants.healthy.analysis
        for rule in ["unmatched-tunnel", "inside-address-mismatch", "asn-mismatch"] {
            #expect(analysis.findings(rule).isEmpty)
        }
    }

    @Test func anAWSTunnelWithoutItsGCPTunnelIsUnmatched() throws {
        let analysis = Variants.healthy([
            (Variants.gcpTunnels, { JSONEdit.removing($0) { $0["name"] as? String == "aws-tunnel-3" } })
        ]).analysis
        let f = try #require(analysis.findings("unmatched-tunnel").only)
        #expect(f.severity == .error)
        #expect(f.resources.first == "tunnel/54.80.40.44")
        #expect(f.resources.contains("projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if1"))
        #expect(f.message.contains("no GCP tunnel peers with 54.80.40.44") && f.message.contains("aws-tgw-peer if3"))
    }

    @Test func aGCPTunnelAtAnUnknownAddressIsUnmatched() throws {
        let analysis = Variants.healthy([
            (Variants.gcpTunnels, editGCPTunnel("aws-tunnel-3") { $0["peerIp"] = "54.80.40.99" }),
            (
                Variants.externalGateways,
                {
                    JSONEdit.updating($0, where: { _ in true }) { gw in
                        var interfaces = gw["interfaces"] as! [[String: Any]]
                        interfaces[3]["ipAddress"] = "54.80.40.99"
                        gw["interfaces"] = interfaces
                    }
                }
            ),
        ]).analysis
        let findings = analysis.findings("unmatched-tunnel")
        #expect(
            findings.contains {
                $0.message.contains("GCP tunnel aws-tunnel-3 points at AWS address 54.80.40.99")
                    && $0.severity == .error
            })
        #expect(
            findings.contains { $0.resources.first == "tunnel/54.80.40.44" }, "the AWS tunnel lost its counterpart too")
        #expect(
            findings.contains {
                $0.resources.first == "projects/net-host-prj/global/externalVpnGateways/aws-tgw-peer#if3"
            })
    }

    @Test func aMissingSideIsOnlyInfo() {
        let analysis = Variants.healthy([
            (Variants.gcpTunnels, { _ in nil }), (Variants.routers, { _ in nil }),
            (Variants.routerStatus, { _ in nil }),
        ]).analysis
        let findings = analysis.findings("unmatched-tunnel")
        #expect(findings.count == 4)
        #expect(findings.allSatisfy { $0.severity == .info && $0.message.contains("no GCP VPN tunnels were exported") })
    }

    @Test func aCustomerGatewayWithAnotherIPIsUnmatched() {
        let analysis = Variants.healthy([
            (
                Variants.customerGateways,
                {
                    JSONEdit.updating(
                        $0, key: "CustomerGateways",
                        where: { $0["CustomerGatewayId"] as? String == "cgw-0d1d2d3d4d5d6d7d8" }
                    ) { $0["IpAddress"] = "35.220.2.99" }
                }
            )
        ]).analysis
        let findings = analysis.findings("unmatched-tunnel")
        #expect(
            findings.contains {
                $0.resources.first == "cgw-0d1d2d3d4d5d6d7d8" && $0.message.contains("35.220.2.99")
                    && $0.message.contains("35.220.2.20")
            })
        #expect(
            findings.contains {
                $0.resources.first == "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if1"
            })
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func aWrongRouterInterfaceRangeIsAnInsideAddressMismatch() throws {
        let analysis = Variants.healthy([
            (Variants.routers, { $0.replacingOccurrences(of: "169.254.20.6/30", with: "169.254.21.6/30") })
        ]).analysis
        let f = try #require(analysis.findings("inside-address-mismatch").only)
        #expect(f.severity == .error && f.resources.first == "tunnel/54.80.40.44")
        #expect(f.message.contains("169.254.21.6/30") && f.message.contains("expected 169.254.20.6/30"))
    }

    @Test func swappedInsideAddressesAreNamedSo() throws {
        let analysis = Variants.healthy([
            (
                Variants.routers,
                { text in
                    text.replacingOccurrences(of: "169.254.10.2/30", with: "169.254.10.1/30")
                        .replacingOccurrences(
                            of: "\"ipAddress\":\"169.254.10.2\"", with: "\"ipAddress\":\"169.254.10.1\""
                        )
                        .replacingOccurrences(
                            of: "\"peerIpAddress\":\"169.254.10.1\"", with: "\"peerIpAddress\":\"169.254.10.2\"")
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("inside-address-mismatch").only)
        #expect(f.resources.first == "tunnel/3.210.10.11" && f.message.contains("swapped"))
    }

    @Test func aWrongPeerASNIsOneFindingForAllItsTunnels() throws {
        let analysis = Variants.healthy([
            (Variants.routers, { $0.replacingOccurrences(of: "\"peerAsn\":64512", with: "\"peerAsn\":64999") })
        ]).analysis
        let f = try #require(analysis.findings("asn-mismatch").only)
        #expect(
            f.severity == .error && f.message.contains("64999") && f.message.contains("64512")
                && f.message.contains("4 tunnels"))
        #expect(
            f.resources.prefix(4) == [
                "tunnel/3.210.10.11", "tunnel/52.1.20.22", "tunnel/3.220.30.33", "tunnel/54.80.40.44",
            ])
    }

    @Test func aCustomerGatewayASNThatIsNotCloudRoutersIsAnASNMismatch() throws {
        let analysis = Variants.healthy([
            (
                Variants.customerGateways,
                {
                    JSONEdit.updating(
                        $0, key: "CustomerGateways",
                        where: { $0["CustomerGatewayId"] as? String == "cgw-0c1c2c3c4c5c6c7c8" }
                    ) { $0["BgpAsn"] = "65001" }
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("asn-mismatch").only)
        #expect(
            f.resources.contains("cgw-0c1c2c3c4c5c6c7c8") && f.message.contains("65001")
                && f.message.contains("2 tunnels"))
    }
}
