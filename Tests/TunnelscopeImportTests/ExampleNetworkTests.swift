import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// The built-in example loads completely and its model has the shape of DESIGN.md §1.
@Suite struct ExampleNetworkTests {
    let result = Fixtures.example()

    @Test func loadsEveryFileWithoutSkipsOrWarnings() {
        let report = result.report
        #expect(report.files.count == ExampleNetwork.files.count)
        #expect(report.loadedFiles.count == report.files.count)
        #expect(report.skipped.isEmpty, "\(report.skipped)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.notes.isEmpty, "\(report.notes)")
        #expect(report.reconciles)
        #expect(report.resourcesSeen == report.resourcesLoaded + report.duplicates)
    }

    @Test func hasTheReferenceTopology() throws {
        let model = result.model
        #expect(model.awsAccounts == ["111122223333", "444455556666"])
        #expect(model.transitGateways.map(\.id) == ["tgw-0a1b2c3d4e5f60718"])
        #expect(model.transitGateways.first?.amazonSideAsn == 64512)
        #expect(model.vpcs.count == 3)
        #expect(model.vpnConnections.count == 3)
        #expect(model.vpnConnections.allSatisfy { $0.tunnels.count == 2 && $0.transitGatewayId != nil })
        #expect(model.haVpnGateways.count == 1 && model.haVpnGateways[0].interfaces.count == 2)
        #expect(model.externalVpnGateways.first?.redundancyType == "FOUR_IPS_REDUNDANCY")
        #expect(model.externalVpnGateways.first?.interfaces.count == 4)
        #expect(model.gcpTunnels.count == 4)
        let router = try #require(model.cloudRouters.first)
        #expect(router.asn == 65000 && router.bgpPeers.count == 4 && router.hasStatus)
        #expect(model.sharedVPCs.map(\.hostProject) == ["net-host-prj"])
        #expect(model.sharedVPCs.first?.serviceProjects == ["svc-prj-a", "svc-prj-b"])
        #expect(model.gcpProjects.first { $0.id == "svc-prj-a" }?.role == .sharedVPCService)
        #expect(model.redisInstances.first?.reservedIpRange == CIDR("10.30.0.0/29"))
        #expect(model.onPremSites.map(\.name).sorted() == ["Branch office Osaka", "Frankfurt DC"])
        #expect(model.labels["vpc-0a11aa11aa11aa110"] == "Payments (app)")
    }

    @Test func joinsTheFourTunnelsEndToEnd() throws {
        let cross = result.model.tunnels.filter(\.isCrossCloud)
        #expect(cross.count == 4)
        #expect(cross.allSatisfy { $0.sides == .both })
        let expected: [(ip: String, vpn: String, number: Int, gcp: String, ha: Int, peer: Int, inside: String)] = [
            ("3.210.10.11", "vpn-0aa11bb22cc33dd44", 1, "aws-tunnel-0", 0, 0, "169.254.10.0/30"),
            ("52.1.20.22", "vpn-0aa11bb22cc33dd44", 2, "aws-tunnel-1", 0, 1, "169.254.10.4/30"),
            ("3.220.30.33", "vpn-0bb22cc33dd44ee55", 1, "aws-tunnel-2", 1, 2, "169.254.20.0/30"),
            ("54.80.40.44", "vpn-0bb22cc33dd44ee55", 2, "aws-tunnel-3", 1, 3, "169.254.20.4/30"),
        ]
        for (tunnel, want) in zip(cross, expected) {
            let aws = try #require(tunnel.aws)
            let gcp = try #require(tunnel.gcp)
            #expect(tunnel.id == "tunnel/\(want.ip)")
            #expect(aws.vpnConnectionId == want.vpn && aws.tunnelNumber == want.number)
            #expect(gcp.tunnel.name == want.gcp)
            #expect(gcp.haInterface == want.ha && gcp.peerInterface == want.peer)
            #expect(aws.tunnel.insideCidr?.description == want.inside)
            // The customer gateway of the AWS connection is the GCP HA interface the tunnel leaves from.
            #expect(aws.customerGatewayIp == gcp.haInterfaceIp)
            // Inside addresses: AWS N+1 (read from the XML), GCP N+2, and the BGP peer agrees.
            let network = try #require(aws.tunnel.insideCidr?.network)
            #expect(aws.tunnel.insideAddressSource == .configurationXML)
            #expect(aws.tunnel.awsInsideIp == network.advanced(by: 1))
            #expect(aws.tunnel.customerInsideIp == network.advanced(by: 2))
            #expect(gcp.routerInterface?.ipRange?.address == network.advanced(by: 2))
            #expect(gcp.bgpPeer?.peerIpAddress == network.advanced(by: 1))
            // ASNs: the Cloud Router's peer ASN is the Amazon side; the CGW ASN is the router's.
            #expect(gcp.bgpPeer?.peerAsn == aws.amazonSideAsn)
            #expect(aws.amazonSideAsn == 64512 && aws.customerGatewayAsn == gcp.routerAsn)
        }
    }

    @Test func carriesThePlantedOneSidedFault() throws {
        let a2 = try #require(result.model.tunnel("tunnel/52.1.20.22"))
        #expect(a2.aws?.tunnel.status == .down)
        #expect(a2.gcp?.tunnel.status == "ESTABLISHED")
        #expect(a2.gcp?.bgpPeer?.status?.status == "DOWN")
        #expect(result.model.tunnels.filter { $0.aws?.tunnel.status == .down }.map(\.id) == ["tunnel/52.1.20.22"])
    }

    @Test func branchTunnelsGoToTheAnnotatedSite() {
        let site = result.model.tunnels.filter { $0.kind == .awsToOnPrem }
        #expect(site.count == 2)
        #expect(site.allSatisfy { $0.siteName == "Branch office Osaka" && $0.gcp == nil })
        let frankfurt = result.model.onPremSites.first { $0.name == "Frankfurt DC" }
        #expect(frankfurt?.directConnectGatewayIds == ["5f3c6b1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"])
        #expect(frankfurt?.learnedPrefixes == [CIDR("172.16.0.0/16")!])
    }
}
