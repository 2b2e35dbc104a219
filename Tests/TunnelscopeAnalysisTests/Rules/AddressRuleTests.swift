import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// cidr-overlap, peered-range-not-advertised, auto-mode-network.
@Suite struct AddressRuleTests {
    static let annotationsWithOsakaIn10100 = """
        {"tunnelscopeAnnotations": 1, "sites": [
          {"name": "Frankfurt DC", "cidrs": ["172.16.0.0/16"], "directConnectGatewayIds": ["5f3c6b1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"]},
          {"name": "Branch office Osaka", "cidrs": ["10.100.16.0/24"], "customerGatewayIps": ["198.51.100.10"]}]}
        """

    @Test func healthyNetworkHasNoAddressFinding() {
        let analysis = Variants.healthy.analysis
        for rule in ["cidr-overlap", "peered-range-not-advertised", "auto-mode-network"] {
            #expect(analysis.findings(rule).isEmpty)
        }
    }

    @Test func anOnPremRangeInsideAGCPSubnetOverlaps() throws {
        let analysis = Variants.healthy([(Variants.annotations, { _ in Self.annotationsWithOsakaIn10100 })]).analysis
        let f = try #require(analysis.findings("cidr-overlap").only)
        #expect(f.severity == .error)
        #expect(
            Set(f.resources) == [
                "site/Branch office Osaka", "projects/net-host-prj/regions/us-east4/subnetworks/svc-a-east4",
            ])
        #expect(f.message.contains("10.100.16.0/24") && f.message.contains("10.100.16.0/20"))
    }

    @Test func aCIDRReusedByAnUnattachedVPCIsAWarningButSubnetsInTheirVPCAreNot() throws {
        // AWS subnets sit inside their VPC in every variant; a second VPC reusing a CIDR is.
        let extraVpc = """
            {"Vpcs": [{"VpcId": "vpc-0d44dd44dd44dd440", "OwnerId": "444455556666", "CidrBlock": "10.20.0.0/16", "State": "available",
                       "IsDefault": false, "Tags": [{"Key": "Name", "Value": "sandbox"}]}]}
            """
        let analysis = Variants.healthy([], extraFiles: ["extra/describe-vpcs-sandbox.json": extraVpc]).analysis
        let f = try #require(analysis.findings("cidr-overlap").only)
        #expect(Set(f.resources) == ["vpc-0b22bb22bb22bb220", "vpc-0d44dd44dd44dd440"])
        #expect(f.message.contains("10.20.0.0/16 is used by 2 owners"))
        #expect(f.severity == .warning, "the sandbox VPC is not attached to the hub")
    }

    @Test func thePlantedMemorystoreRangeIsNotAdvertised() throws {
        let f = try #require(Variants.example.analysis.findings("peered-range-not-advertised").only)
        #expect(f.severity == .warning)
        #expect(
            f.message.contains("cr-aws does not advertise it")
                && f.message.contains("redis-peer-482910384756 does not export custom routes"))
        #expect(f.resources.contains("projects/net-host-prj/global/networks/hub-vpc"))
    }

    @Test func anAdvertisedRangeWithoutCustomRouteExportHasNoWayBack() throws {
        let analysis = Variants.healthy([
            (
                Variants.networks,
                {
                    JSONEdit.updating($0, where: { $0["name"] as? String == "hub-vpc" }) { network in
                        var peerings = network["peerings"] as! [[String: Any]]
                        peerings[0]["exportCustomRoutes"] = false
                        network["peerings"] = peerings
                    }
                }
            )
        ]).analysis
        let f = try #require(analysis.findings("peered-range-not-advertised").only)
        #expect(f.message.contains("is advertised to AWS") && f.message.contains("no route back"))
    }

    @Test func anAutoModeNetworkInTheHostProjectIsAWarning() throws {
        let f = try #require(Variants.example.analysis.findings("auto-mode-network").only)
        #expect(f.severity == .warning && f.message.contains("Shared VPC host project net-host-prj"))
    }

    @Test func anAutoModeNetworkCarryingTheVPNIsAnError() throws {
        // The example with the HA VPN gateway moved onto the auto-mode `default` network.
        let analysis = Variants.model([
            (Variants.haGateways, { $0.replacingOccurrences(of: "networks/hub-vpc", with: "networks/default") })
        ]).analysis
        let f = try #require(analysis.findings("auto-mode-network").only)
        #expect(f.severity == .error && f.message.contains("carries the VPN"))
    }

    @Test func autoModeOutsideTheHybridNetworkIsNotFlagged() {
        // A standalone project's default network: no VPN, no Shared VPC.
        let standalone = """
            [{"kind": "compute#network", "name": "default", "autoCreateSubnetworks": true, "x_gcloud_subnet_mode": "AUTO",
              "selfLink": "https://www.googleapis.com/compute/v1/projects/sandbox-prj/global/networks/default"}]
            """
        let analysis = Variants.healthy([], extraFiles: ["gcp-sandbox/networks-list.json": standalone]).analysis
        #expect(analysis.findings("auto-mode-network").isEmpty)
    }
}

@Suite struct AWSOnlyExportTests {
    /// Without GCP exports the two GCP-facing customer gateways are inferred as on-prem sites that
    /// learn the same GCP prefixes over their two connections: that is redundancy, not an overlap.
    @Test func prefixesLearnedOverRedundantConnectionsAreNotAnOverlap() {
        let gcpFiles =
            [
                "external-vpn-gateways-list.json", "networks-list.json", "routers-get-status-cr-aws.json",
                "routers-list.json",
                "routes-list.json", "shared-vpc-associated-projects.json", "subnets-list.json",
                "vpn-gateways-list.json",
                "vpn-tunnels-list.json",
            ].map { ("gcp-net-host-prj/\($0)", { (_: String) -> String? in nil }) }
            + [
                ("gcp-svc-prj-a/redis-instances-list.json", { (_: String) -> String? in nil }),
                ("gcp-svc-prj-a/shared-vpc-get-host-project.json", { (_: String) -> String? in nil }),
                ("gcp-svc-prj-b/shared-vpc-get-host-project.json", { (_: String) -> String? in nil }),
            ]
        let analysis = Variants.healthy(gcpFiles).analysis
        #expect(analysis.findings("cidr-overlap").isEmpty, "\(analysis.findings("cidr-overlap").map(\.message))")
        #expect(analysis.serious.isEmpty, "\(analysis.serious.map(\.message))")
    }
}
