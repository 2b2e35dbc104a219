import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// Issue 8, items 7, 8, 10 and 11: shapes that are almost an export are read (and say so) or
/// refused with the reason; nothing is lost silently or counted twice.
@Suite struct NearMissTests {
    @Test func aListOfTheWrongTypeIsSkippedAndCounted() throws {
        let documents = [
            "a.json": #"{"VpnConnections": "vpn-1"}"#,
            "b.json": #"{"Vpcs": {"CidrBlock": "10.0.0.0/16"}}"#,
            "c.json": #"{"Subnets": 7, "Vpcs": [{"VpcId": "vpc-1"}]}"#,
        ]
        let result = Fixtures.load(documents)
        let skipped = Dictionary(uniqueKeysWithValues: result.report.skipped.map { ($0.file, $0) })
        #expect(skipped["a.json"]?.path == "$.VpnConnections")
        #expect(
            skipped["a.json"]?.text
                == "VpnConnection skipped: VpnConnections should be a list, found string; nothing in it was read")
        #expect(skipped["b.json"]?.text.contains("found an object without VpcId") == true)
        #expect(skipped["c.json"]?.path == "$.Subnets")
        #expect(result.model.vpcs.map(\.id) == ["vpc-1"])
        #expect(result.report.reconciles)
        #expect(result.report.resourcesSkipped == 3, "counted, so the analysis reports incomplete input")
    }

    @Test func anObjectWithTheIDIsReadAsTheOneResource() throws {
        let result = Fixtures.load(["v.json": #"{"Vpcs": {"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}}"#])
        #expect(result.model.vpcs.map(\.id) == ["vpc-1"])
        #expect(result.report.warnings.map(\.text) == ["Vpcs is an object, not a list; read as the one Vpc"])
        #expect(result.report.warnings.first?.path == "$.Vpcs")
    }

    @Test func singularCreateOutputIsReadWithANote() throws {
        let result = Fixtures.load([
            "cgw.json":
                #"{"CustomerGateway": {"CustomerGatewayId": "cgw-1", "IpAddress": "198.51.100.1", "BgpAsn": "65000"}}"#,
            "tgw.json": #"{"TransitGateway": {"TransitGatewayId": "tgw-1", "Options": {"AmazonSideAsn": 64512}}}"#,
            "other.json": #"{"Vpc": {"Name": "not an AWS VPC"}}"#,
        ])
        #expect(result.model.customerGateways.map(\.id) == ["cgw-1"])
        #expect(result.model.transitGateways.map(\.id) == ["tgw-1"])
        #expect(result.report.notes.filter { $0.text.contains("create- or modify- command") }.count == 2)
        #expect(result.report.files.first { $0.file == "other.json" }?.outcome == .unrecognized, "no VpcId: not one")
    }

    @Test func memorystoreRESTListAndItsUnreachableLocations() throws {
        let list = #"""
            {"instances": [
              {"name": "projects/p/locations/us-east4/instances/cache", "reservedIpRange": "10.50.0.0/29", "authorizedNetwork": "projects/p/global/networks/n", "authString": "s3cr3t-auth-string"},
              {"name": "projects/p/locations/us-east4/instances/odd"}],
             "unreachable": ["projects/p/locations/europe-west9"]}
            """#
        let result = Fixtures.load(["redis.json": list])
        #expect(result.model.redisInstances.map(\.name) == ["cache"])
        #expect(result.report.skipped.map(\.path) == ["$.instances[1]"])
        #expect(result.report.notes.first?.text.contains("could not list projects/p/locations/europe-west9") == true)
        #expect(!String(reflecting: result).contains("s3cr3t"))
    }

    @Test func classicVPNIsAKnownButUnmodelledResource() throws {
        let gcloud =
            #"[{"kind": "compute#targetVpnGateway", "name": "classic-gw", "selfLink": "projects/p/regions/r/targetVpnGateways/classic-gw"}]"#
        let rest =
            #"{"items": {"regions/r": {"targetVpnGateways": [{"kind": "compute#targetVpnGateway", "name": "gw2"}]}}}"#
        let result = Fixtures.load(["list.json": gcloud, "rest.json": rest])
        #expect(result.report.files.allSatisfy { $0.outcome == .loaded })
        #expect(result.report.skipped.isEmpty)
        #expect(result.report.notes.map(\.text).allSatisfy { $0.contains("Classic VPN is known but not modelled") })
        #expect(result.report.notes.count == 2)
    }

    @Test func aKindlessRESTListIsRead() throws {
        let rest =
            #"{"items": [{"kind": "compute#network", "name": "n", "selfLink": "projects/p/global/networks/n"}], "selfLink": "x"}"#
        let result = Fixtures.load(["n.json": rest])
        #expect(result.model.gcpNetworks.map(\.name) == ["n"])
    }

    @Test func aCopyOfARouteSearchOrRouterStatusIsNotCountedTwice() throws {
        let baseline = ExampleNetwork.load()
        let copies = ExampleNetwork.files.filter {
            $0.name.hasSuffix("search-transit-gateway-routes.json")
                || $0.name.hasSuffix("routers-get-status-cr-aws.json")
                || $0.name.hasSuffix("get-transit-gateway-route-table-propagations.json")
        }
        #expect(copies.count == 3)
        let result = Importer.load(
            files: ExampleNetwork.files + copies.map { InputFile(name: "backup/" + $0.name, bytes: $0.bytes) },
            origin: "copies")
        #expect(result.model.tgwRouteTables.map(\.routes.count) == baseline.model.tgwRouteTables.map(\.routes.count))
        #expect(
            result.model.tgwRouteTables.map(\.propagations.count)
                == baseline.model.tgwRouteTables.map(\.propagations.count))
        #expect(
            result.model.cloudRouters.map(\.bestRoutes.count) == baseline.model.cloudRouters.map(\.bestRoutes.count))
        #expect(result.report.notes.contains { $0.text.hasPrefix("a second status for router") })
        #expect(result.report.reconciles)
        #expect(result.report.duplicates > baseline.report.duplicates)
    }
}
