import Testing
import TunnelscopeImport
import TunnelscopeModel

/// The cross-cloud join on variants of the example: one-sided tunnels stay tunnels, marked as such.
@Suite struct TunnelJoinTests {
    @Test func aTunnelMissingOnGCPStaysAnAWSOnlyCrossCloudTunnel() throws {
        let result = Fixtures.example(editing: "gcp-net-host-prj/vpn-tunnels-list.json") {
            JSONEdit.removing($0) { $0["name"] as? String == "aws-tunnel-3" }
        }
        let cross = result.model.tunnels.filter(\.isCrossCloud)
        #expect(cross.count == 4)
        let lonely = try #require(result.model.tunnel("tunnel/54.80.40.44"))
        #expect(lonely.sides == .awsOnly && lonely.kind == .awsToGCP, "its customer gateway is a GCP HA interface")
        #expect(cross.filter { $0.sides == .both }.count == 3)
    }

    @Test func tunnelsMissingOnAWSStayGCPOnly() throws {
        let result = Fixtures.example(editing: "aws-111122223333/describe-vpn-connections.json") {
            JSONEdit.removing($0, key: "VpnConnections") { $0["VpnConnectionId"] as? String == "vpn-0bb22cc33dd44ee55" }
        }
        let gcpOnly = result.model.tunnels.filter { $0.sides == .gcpOnly }
        #expect(gcpOnly.map { $0.gcp?.tunnel.name } == ["aws-tunnel-2", "aws-tunnel-3"])
        #expect(gcpOnly.allSatisfy { $0.kind == .awsToGCP && $0.id.hasPrefix("tunnel/") })
        #expect(gcpOnly.first?.outsideIp == IPv4Address("3.220.30.33"), "the peer IP still names the AWS end")
    }

    @Test func peerIpFallsBackToTheExternalGatewayInterface() throws {
        let result = Fixtures.example(editing: "gcp-net-host-prj/vpn-tunnels-list.json") { text in
            JSONEdit.updating(text, where: { _ in true }) { $0.removeValue(forKey: "peerIp") }
        }
        #expect(result.model.tunnels.filter { $0.isCrossCloud && $0.sides == .both }.count == 4)
    }

    @Test func insideAddressAndASNAreReadFromEachSide() throws {
        // A router whose peer ASN and inside range were typed wrong: the join keeps both values so
        // the analysis can show the disagreement.
        let result = Fixtures.example(editing: "gcp-net-host-prj/routers-list.json") { text in
            text.replacingOccurrences(of: "\"peerAsn\": 64512", with: "\"peerAsn\": 64999")
                .replacingOccurrences(of: "169.254.20.6/30", with: "169.254.21.6/30")
        }
        let b2 = try #require(result.model.tunnel("tunnel/54.80.40.44"))
        #expect(b2.aws?.amazonSideAsn == 64512)
        #expect(b2.gcp?.bgpPeer?.peerAsn == 64999)
        #expect(b2.aws?.tunnel.insideCidr == CIDR("169.254.20.4/30"))
        #expect(b2.gcp?.routerInterface?.ipRange == CIDR("169.254.21.6/30"))
    }

    @Test func twoGCPTunnelsOnOneAWSAddressAreNoted() throws {
        let result = Fixtures.example(editing: "gcp-net-host-prj/vpn-tunnels-list.json") { text in
            JSONEdit.updating(text, where: { $0["name"] as? String == "aws-tunnel-3" }) { $0["peerIp"] = "3.220.30.33" }
        }
        #expect(result.model.joinNotes.contains { $0.contains("3.220.30.33") })
        #expect(Set(result.model.tunnels.map(\.id)).count == result.model.tunnels.count, "IDs stay unique")
    }
}
