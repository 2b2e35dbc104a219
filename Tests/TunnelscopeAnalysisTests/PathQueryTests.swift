import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// Path queries across both clouds: hops, where and why a path stops, the way back, overlaps.
@Suite struct PathQueryTests {
    let example = Variants.example.analysis

    func kinds(_ trace: PathTrace) -> [PathHop.Kind] { trace.hops.map(\.kind) }

    @Test func awsVPCToAGCPServiceProjectSubnet() throws {
        let path = try example.path(from: "10.10.1.10", to: "10.100.16.5")
        #expect(path.from.label.contains("app-private-use1a") && path.to.label.contains("svc-a-east4"))
        #expect(
            kinds(path.forward) == [
                .awsVpc, .routeTable, .transitGateway, .tgwRouteTable, .vpnConnection, .tunnels,
                .cloudRouter, .gcpNetwork, .gcpSubnet, .sharedVPC,
            ])
        #expect(path.forward.hops[1].text.contains("10.100.0.0/16 → tgw-0a1b2c3d4e5f60718"))
        #expect(path.forward.hops[3].text.contains("10.100.16.0/20 → vpn-0aa11bb22cc33dd44 + vpn-0bb22cc33dd44ee55"))
        #expect(
            path.forward.hops[5].resources == ["tunnel/3.210.10.11", "tunnel/3.220.30.33", "tunnel/54.80.40.44"],
            "A2 is down")
        #expect(path.forward.hops.last?.resources == ["net-host-prj", "svc-prj-a", "svc-prj-b"])
        #expect(
            path.forward.end
                == .reached(
                    resource: "projects/net-host-prj/regions/us-east4/subnetworks/svc-a-east4",
                    label: "GCP subnet svc-a-east4 10.100.16.0/20", side: .gcp))
        let reverse = try #require(path.reverse)
        #expect(
            kinds(reverse) == [
                .gcpNetwork, .gcpRoute, .tunnels, .vpnConnection, .transitGateway, .tgwRouteTable, .awsVpc,
            ])
        #expect(reverse.end == .reached(resource: "subnet-07c2d9e4a1b3f6a51", label: reverse.end.label, side: .aws))
        #expect(path.reachable && path.notes.isEmpty)
    }

    @Test func gcpToOnPremThroughTheTransitGatewayAndDirectConnect() throws {
        let path = try example.path(from: "hub-east4", to: "Frankfurt DC")
        #expect(path.forward.end.reached)
        #expect(path.forward.hops.contains { $0.kind == .directConnect })
        #expect(path.forward.hops.last?.resources == ["site/Frankfurt DC"])
        #expect(path.reverse?.end.reached == true)
        #expect(path.reverse?.hops.first?.kind == .site)
    }

    @Test func gcpToAnotherAccountsVPCAndOsakaToGCP() throws {
        let toData = try example.path(from: "10.100.32.7", to: "data-vpc")
        #expect(toData.forward.end.reached && toData.reverse?.end.reached == true)
        if case .reached(let resource, _, .aws) = toData.forward.end {
            #expect(resource == "vpc-0b22bb22bb22bb220")
        } else {
            Issue.record("\(toData.forward.end)")
        }
        let osaka = try example.path(from: "192.168.50.20", to: "10.104.3.4")
        #expect(osaka.forward.hops.first?.kind == .site)
        #expect(osaka.forward.end.label.contains("gke-pods"))
        #expect(osaka.reachable)
    }

    @Test func memorystoreBehindAnOverlapIsReachedOnlyFromGCP() throws {
        let fromAWS = try example.path(from: "10.10.1.10", to: "orders-cache")
        #expect(fromAWS.to.cidr == CIDR("10.30.0.0/29"))
        if case .reached(let resource, _, .aws) = fromAWS.forward.end {
            #expect(resource == "vpc-0c33cc33cc33cc330")
        } else {
            Issue.record("\(fromAWS.forward.end)")
        }
        #expect(fromAWS.notes.contains { $0.contains("claimed by 2 owners") })
        #expect(fromAWS.notes.contains { $0.contains("not Memorystore orders-cache") })

        let fromGCP = try example.path(from: "10.100.16.5", to: "10.30.0.3")
        #expect(fromGCP.forward.hops.contains { $0.kind == .peering })
        if case .reached(let resource, _, .gcp) = fromGCP.forward.end {
            #expect(resource == "projects/svc-prj-a/locations/us-east4/instances/orders-cache")
        } else {
            Issue.record("\(fromGCP.forward.end)")
        }
        #expect(fromGCP.reverse?.end.reached == true, "subnet routes are exchanged over peering")

        // From Memorystore to AWS: the peering does not export custom routes, so the producer has no route.
        let back = try example.path(from: "orders-cache", to: "10.10.1.10")
        guard case .stopped(_, let reason) = back.forward.end else {
            Issue.record("\(back.forward.end)")
            return
        }
        #expect(reason.contains("not exported to the peered network"))
    }

    @Test func pathsStopWhereAndWhyTheyStop() throws {
        let blackhole = try example.path(from: "app-vpc", to: "10.99.1.1")
        guard case .stopped(let at, let reason) = blackhole.forward.end else {
            Issue.record("\(blackhole.forward.end)")
            return
        }
        #expect(at == "rtb-0a7c3e9f1b5d2a468" && reason.contains("blackhole"))
        let internet = try example.path(from: "10.100.0.9", to: "10.99.1.1")
        guard case .stopped(_, let why) = internet.forward.end else {
            Issue.record("\(internet.forward.end)")
            return
        }
        #expect(why.contains("default-internet-gateway") && why.contains("no hybrid route"))
        #expect(!internet.reachable)
    }

    @Test func failedElementsWithdrawRoutes() throws {
        let path = try example.path(
            from: "10.10.1.10", to: "10.100.16.5",
            failing: ["ha-vpn-aws#if0", "ha-vpn-aws#if1"])
        #expect(path.failed.count == 2)
        guard case .stopped(let at, let reason) = path.forward.end else {
            Issue.record("\(path.forward.end)")
            return
        }
        #expect(at == "tgw-rtb-0f1e2d3c4b5a69788")
        #expect(reason.contains("withdrawn: 10.100.16.0/20 (every target down)"))
        // One connection left: the path still goes, over its tunnels only.
        let one = try example.path(from: "10.10.1.10", to: "10.100.16.5", failing: ["to-gcp-if1"])
        #expect(one.forward.end.reached)
        #expect(one.forward.hops.first { $0.kind == .tunnels }?.resources == ["tunnel/3.210.10.11"])
        #expect(one.reverse?.hops.first { $0.kind == .tunnels }?.resources == ["tunnel/3.210.10.11"])
    }

    @Test func regionalRoutingHidesRoutesLearnedInAnotherRegion() throws {
        // A subnet in us-central1 of a REGIONAL-routing hub: the BGP routes learned by cr-aws (us-east4) do not apply there.
        let west = """
            [{"kind": "compute#subnetwork", "name": "hub-central1", "ipCidrRange": "10.100.64.0/20",
              "network": "https://www.googleapis.com/compute/v1/projects/net-host-prj/global/networks/hub-vpc",
              "region": "https://www.googleapis.com/compute/v1/projects/net-host-prj/regions/us-central1",
              "selfLink": "https://www.googleapis.com/compute/v1/projects/net-host-prj/regions/us-central1/subnetworks/hub-central1"}]
            """
        let regional = Variants.healthy(
            [
                (
                    Variants.networks,
                    {
                        JSONEdit.updating($0, where: { $0["name"] as? String == "hub-vpc" }) { n in
                            n["routingConfig"] = ["routingMode": "REGIONAL"]
                            n["x_gcloud_bgp_routing_mode"] = "REGIONAL"
                        }
                    }
                )
            ], extraFiles: ["gcp-net-host-prj/subnets-central1.json": west]
        ).analysis
        let path = try regional.path(from: "10.100.64.5", to: "10.10.1.10")
        guard case .stopped(_, let reason) = path.forward.end else {
            Issue.record("\(path.forward.end)")
            return
        }
        #expect(reason.contains("routing is regional"))
        #expect(try regional.path(from: "10.100.16.5", to: "10.10.1.10").forward.end.reached, "us-east4 is fine")
    }

    @Test func unknownEndpointsAreErrors() {
        #expect(throws: PathError.self) { try example.path(from: "nowhere", to: "10.100.16.5") }
        #expect(throws: PathError.self) { try example.path(from: "8.8.8.8", to: "10.100.16.5") }
        do { _ = try example.path(from: "10.10.1.10", to: "not-a-thing") } catch {
            #expect(error.description.contains("not-a-thing"))
        }
    }
}

extension PathEnd {
    var label: String {
        switch self {
        case .reached(_, let label, _): label
        case .stopped(_, let reason), .unknown(_, let reason): reason
        }
    }
}
