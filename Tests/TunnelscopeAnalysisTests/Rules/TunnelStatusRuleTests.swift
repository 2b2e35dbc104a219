import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// tunnel-down, bgp-down, status-mismatch on minimal broken variants of the healthy network.
@Suite struct TunnelStatusRuleTests {
    @Test func healthyNetworkHasNoTunnelOrBGPFinding() {
        let analysis = Variants.healthy.analysis
        for rule in ["tunnel-down", "bgp-down", "status-mismatch"] { #expect(analysis.findings(rule).isEmpty) }
        #expect(analysis.tunnelsDown == 0 && analysis.bgpSessionsDown == 0)
    }

    @Test func gcpNoIncomingPacketsIsATunnelDownAndAMismatch() throws {
        let analysis = Variants.healthy([
            (Variants.gcpTunnels, editGCPTunnel("aws-tunnel-2") { $0["status"] = "NO_INCOMING_PACKETS" })
        ]).analysis
        let down = try #require(analysis.findings("tunnel-down").only)
        #expect(down.severity == .error)
        #expect(
            down.resources == [
                "tunnel/3.220.30.33", "vpn-0bb22cc33dd44ee55",
                "projects/net-host-prj/regions/us-east4/vpnTunnels/aws-tunnel-2",
            ])
        #expect(down.message.contains("NO_INCOMING_PACKETS on GCP") && down.message.contains("AWS says UP"))
        #expect(down.message.contains("3 of 4 tunnels of the link still carry"))
        #expect(down.hint?.contains("receives nothing") == true)
        let mismatch = try #require(analysis.findings("status-mismatch").only)
        #expect(
            mismatch.severity == .warning && mismatch.message.contains("AWS says IPsec up")
                && mismatch.message.contains("GCP says NO_INCOMING_PACKETS"))
        #expect(analysis.tunnelsDown == 1)
    }

    @Test func awsDownIsATunnelDown() throws {
        let analysis = Variants.healthy([
            (
                Variants.vpnConnections,
                editTelemetry("3.210.10.11") {
                    $0["Status"] = "DOWN"
                    $0["AcceptedRouteCount"] = 0
                }
            )
        ]).analysis
        let down = try #require(analysis.findings("tunnel-down").only)
        #expect(down.resources.first == "tunnel/3.210.10.11" && down.message.contains("DOWN on AWS"))
    }

    @Test func cloudRouterPeerDownIsBGPDown() throws {
        let analysis = Variants.healthy([
            (
                Variants.routerStatus,
                editPeerStatus("peer-aws-tunnel-3") {
                    $0["status"] = "DOWN"
                    $0["state"] = "Active"
                    $0["advertisedRoutes"] = nil
                }
            )
        ]).analysis
        let bgp = try #require(analysis.findings("bgp-down").only)
        #expect(bgp.severity == .error)
        #expect(
            bgp.resources.contains("tunnel/54.80.40.44")
                && bgp.resources.contains("projects/net-host-prj/regions/us-east4/routers/cr-aws"))
        #expect(bgp.message.contains("peer-aws-tunnel-3") && bgp.message.contains("(Active)"))
        #expect(bgp.hint?.contains("inside addresses") == true, "the tunnel is up, so the hint is about BGP itself")
        #expect(analysis.findings("tunnel-down").isEmpty)
        #expect(analysis.bgpSessionsDown == 1)
    }

    @Test func awsTelemetryWithNoAcceptedRouteIsBGPDownWithoutCloudRouterStatus() throws {
        let analysis = Variants.healthy([
            (Variants.routerStatus, { _ in nil }),
            (
                Variants.vpnConnections,
                editTelemetry("54.80.40.44") {
                    $0["AcceptedRouteCount"] = 0
                    $0["StatusMessage"] = ""
                }
            ),
        ]).analysis
        let bgp = try #require(analysis.findings("bgp-down").only)
        #expect(bgp.resources.first == "tunnel/54.80.40.44")
        #expect(bgp.message.contains("accepts no BGP route"))
        #expect(analysis.findings("tunnel-down").isEmpty)
    }

    @Test func staticRoutingIsNotBGPDown() {
        let analysis = Variants.healthy([
            (Variants.routerStatus, { _ in nil }),
            (
                Variants.vpnConnections,
                editConnection("vpn-0cc33dd44ee55ff66") { connection in
                    var options = connection["Options"] as! [String: Any]
                    options["StaticRoutesOnly"] = true
                    connection["Options"] = options
                    var telemetry = connection["VgwTelemetry"] as! [[String: Any]]
                    for i in telemetry.indices { telemetry[i]["AcceptedRouteCount"] = 0 }
                    connection["VgwTelemetry"] = telemetry
                }
            ),
        ]).analysis
        #expect(analysis.findings("bgp-down").isEmpty)
    }

    @Test func disabledPeerIsAWarning() throws {
        let analysis = Variants.healthy([
            (Variants.routers, editRouterPeer("peer-aws-tunnel-2") { $0["enable"] = "FALSE" })
        ]).analysis
        let bgp = try #require(analysis.findings("bgp-down").only)
        #expect(bgp.severity == .warning && bgp.message.contains("disabled"))
    }

    @Test func directConnectBGPDownIsBGPDown() throws {
        let analysis = Variants.healthy([
            (
                "directconnect-describe-virtual-interfaces.json",
                { text in
                    JSONEdit.updating(text, key: "virtualInterfaces", where: { _ in true }) { vif in
                        var peers = vif["bgpPeers"] as! [[String: Any]]
                        peers[0]["bgpStatus"] = "down"
                        vif["bgpPeers"] = peers
                    }
                }
            )
        ]).analysis
        let bgp = try #require(analysis.findings("bgp-down").only)
        #expect(bgp.resources.first == "dxvif-fgabc123")
        #expect(bgp.message.contains("Frankfurt DC"))
    }

    @Test func bgpViewsThatDisagreeAreAMismatch() throws {
        // Cloud Router says UP, AWS accepts nothing on that tunnel.
        let analysis = Variants.healthy([
            (Variants.vpnConnections, editTelemetry("3.220.30.33") { $0["AcceptedRouteCount"] = 0 })
        ]).analysis
        let mismatch = try #require(analysis.findings("status-mismatch").only)
        #expect(mismatch.message.contains("Cloud Router advertises") && mismatch.message.contains("AWS accepts 0"))
        #expect(analysis.findings("bgp-down").isEmpty, "Cloud Router's view of BGP wins")
        let verdict = try #require(analysis.verdicts.tunnel("tunnel/3.220.30.33"))
        #expect(verdict.disagreements.map(\.layer) == ["routes"])
        #expect(
            !verdict.carries && verdict.word == "ONE-WAY (GCP→AWS)" && verdict.health == .degraded
                && verdict.state.carriesToAWS && !verdict.state.carriesToGCP,
            "AWS sends nothing through a tunnel it learned no route over")
        #expect(verdict.summary == "IPsec UP both sides · BGP: AWS 0 routes accepted, GCP UP, 5 learned")
    }

    @Test func awsDownWithIPsecUpIsABGPFailureNotATunnelFailure() throws {
        // AWS prints Status DOWN with StatusMessage "IPSEC IS UP" when IPsec is up and BGP is not.
        let analysis = Variants.healthy([
            (
                Variants.vpnConnections,
                editTelemetry("3.220.30.33") {
                    $0["Status"] = "DOWN"
                    $0["StatusMessage"] = "IPSEC IS UP"
                    $0["AcceptedRouteCount"] = 0
                }
            )
        ]).analysis
        #expect(analysis.findings("tunnel-down").isEmpty, "IPsec is up on both sides")
        let mismatch = try #require(analysis.findings("status-mismatch").only)
        #expect(mismatch.message.contains("AWS says BGP DOWN") && mismatch.message.contains("Cloud Router says UP"))
        let verdict = try #require(analysis.verdicts.tunnel("tunnel/3.220.30.33"))
        #expect(verdict.state.ipsecUp && verdict.disagreements.map(\.layer) == ["BGP"])
        // The side that reports DOWN is trusted: the session carries nothing, everywhere.
        #expect(!verdict.carries && verdict.word == "BGP DOWN" && verdict.health == .down)
        let bgp = try #require(analysis.findings("bgp-down").only)
        #expect(bgp.message.contains("Cloud Router still reports the session UP"), "\(bgp.message)")
        #expect(analysis.bgpSessionsDown == 1)
        #expect(verdict.summary.hasPrefix("IPsec UP both sides · BGP: AWS DOWN, GCP UP"))
    }

    @Test func gcpBGPDownWhileAWSAcceptsNothingIsBGPDownWithItsSummary() throws {
        // The tunnel is up, Cloud Router's session is Idle, AWS reports UP with 0 routes: a dead
        // session, not a green tunnel.
        let analysis = Variants.healthy(Variants.deadSessionOnTunnelB1).analysis
        let verdict = try #require(analysis.verdicts.tunnel("tunnel/3.220.30.33"))
        #expect(!verdict.carries && verdict.health == .down && verdict.word == "BGP DOWN")
        #expect(verdict.summary == "IPsec UP both sides · BGP: AWS 0 routes accepted, GCP Idle")
        #expect(analysis.findings("bgp-down").count == 1)
    }
}
