import Foundation
import Testing
import TunnelscopeImport
import TunnelscopeModel

/// Every AWS export type, read from real-format documents (export-formats.md §2–3).
@Suite struct AWSImportTests {
    @Test func motoCapturesLoadWithoutErrors() throws {
        let result = Importer.load(paths: [Fixtures.motoSamples.path])
        #expect(result.report.files.count == 15)
        #expect(result.report.loadedFiles.count == 15)
        #expect(result.report.skipped.isEmpty, "\(result.report.skipped)")
        #expect(result.report.reconciles)
        let model = result.model
        #expect(model.transitGateways.count == 1)
        #expect(model.vpnGateways.count == 1)
        #expect(model.vpnConnections.count == 3)
        #expect(model.vpcPeerings.count == 1)
        #expect(model.customerGateways.compactMap(\.bgpAsn) == [65000, 65000])
        // moto's fixed XML template: both tunnels have the same outside IP; it is read once and said so.
        #expect(model.vpnConnections.allSatisfy { $0.tunnels.count == 1 && $0.tunnels[0].hasTunnelOptions == false })
        #expect(result.report.warnings.contains { $0.text.contains("repeats outside IP") })
        // moto also lists VPN attachments in describe-transit-gateway-vpc-attachments: merged, not doubled.
        #expect(model.tgwAttachments.count == 3)
        #expect(model.tgwAttachments.first { $0.resourceType == "vpc" }?.subnetIds.count == 2)
    }

    @Test func transitGatewayAndRouteTables() throws {
        let model = Fixtures.example().model
        let tgw = try #require(model.transitGateways.first)
        #expect(tgw.accountId == "111122223333" && tgw.region == "us-east-1" && tgw.vpnEcmpSupport)
        #expect(tgw.defaultAssociationRouteTableId == "tgw-rtb-0f1e2d3c4b5a69788")
        #expect(model.tgwAttachments.count == 7)
        let dataAttachment = try #require(model.tgwAttachments.first { $0.resourceId == "vpc-0b22bb22bb22bb220" })
        #expect(dataAttachment.resourceOwnerId == "444455556666" && dataAttachment.subnetIds.count == 2)
        let table = try #require(model.tgwRouteTables.first)
        #expect(table.isDefaultAssociation && table.propagations.count == 7)
        let gcpRoute = try #require(table.routes.first { $0.destination == CIDR("10.100.0.0/20") })
        #expect(gcpRoute.type == "propagated" && gcpRoute.targets.count == 2, "ECMP over both GCP VPN attachments")
    }

    @Test func routeSearchTableIsReadFromTheFileName() throws {
        let search =
            #"{"Routes": [{"DestinationCidrBlock": "10.0.0.0/8", "Type": "static", "State": "blackhole", "TransitGatewayAttachments": []}], "AdditionalRoutesAvailable": false}"#
        let tables =
            #"{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-aaa111"}, {"TransitGatewayRouteTableId": "tgw-rtb-bbb222"}]}"#
        let named = Fixtures.load(["rt.json": tables, "search-transit-gateway-routes-tgw-rtb-bbb222.json": search])
        #expect(named.model.tgwRouteTables.first { $0.id == "tgw-rtb-bbb222" }?.routes.first?.isBlackhole == true)
        #expect(named.report.notes.isEmpty)
        let unnamed = Fixtures.load(["rt.json": tables, "routes.json": search])
        #expect(unnamed.report.notes.contains { $0.text.contains("which route table") })
    }

    /// One search that lists a destination twice: an identical copy is counted as a duplicate, a
    /// route that differs (another target) is a second route; a destination listed once is kept
    /// whatever comes after it.
    @Test func aRouteSearchRepeatingADestinationKeepsDistinctRoutesOnce() throws {
        func route(_ destination: String, _ attachment: String) -> String {
            #"{"DestinationCidrBlock": "\#(destination)", "Type": "static", "State": "active", "TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "\#(attachment)", "ResourceId": "vpc-1", "ResourceType": "vpc"}]}"#
        }
        let routes = [
            route("10.1.0.0/16", "tgw-attach-1"), route("10.2.0.0/16", "tgw-attach-1"),
            route("10.1.0.0/16", "tgw-attach-1"), route("10.1.0.0/16", "tgw-attach-2"),
            route("10.1.0.0/16", "tgw-attach-2"), route("10.3.0.0/16", "tgw-attach-1"),
        ]
        let search = #"{"Routes": [\#(routes.joined(separator: ", "))]}"#
        let result = Fixtures.load(["search-transit-gateway-routes-tgw-rtb-aaa111.json": search])
        let table = try #require(result.model.tgwRouteTables.first { $0.id == "tgw-rtb-aaa111" })
        #expect(
            table.routes.map { "\($0.destinationText) \($0.targets.compactMap(\.attachmentId).joined())" } == [
                "10.1.0.0/16 tgw-attach-1", "10.2.0.0/16 tgw-attach-1", "10.1.0.0/16 tgw-attach-2",
                "10.3.0.0/16 tgw-attach-1",
            ])
        #expect(result.report.kinds["aws:TransitGatewayRoute"]?.duplicates == 2)
        #expect(result.report.conflictList.isEmpty)
    }

    @Test func vpnTunnelsAreJoinedOnOutsideIPNotPosition() throws {
        // In the example, vpn-0bb…'s XML lists its tunnels in the opposite order to TunnelOptions.
        let connection = try #require(Fixtures.example().model.vpnConnection("vpn-0bb22cc33dd44ee55"))
        #expect(connection.tunnels.map(\.outsideIp.description) == ["3.220.30.33", "54.80.40.44"])
        #expect(connection.tunnels[0].insideCidr == CIDR("169.254.20.0/30"))
        #expect(connection.tunnels[0].awsInsideIp == IPv4Address("169.254.20.1"))
        #expect(connection.tunnels[1].customerInsideIp == IPv4Address("169.254.20.6"))
        #expect(connection.tunnels.allSatisfy { $0.status == .up && $0.acceptedRouteCount == 4 && $0.awsAsn == 64512 })
    }

    @Test func insideAddressesFallBackToTheNPlusOneRule() throws {
        let doc = #"""
            {"VpnConnections": [{"VpnConnectionId": "vpn-1", "CustomerGatewayId": "cgw-1", "TransitGatewayId": "tgw-1",
              "Options": {"TunnelOptions": [{"OutsideIpAddress": "3.3.3.3", "TunnelInsideCidr": "169.254.77.8/30", "PreSharedKey": "secret-psk-1"}]},
              "VgwTelemetry": [{"OutsideIpAddress": "3.3.3.3", "Status": "DOWN", "AcceptedRouteCount": 0}]}]}
            """#
        let tunnel = try #require(Fixtures.load(["vpn.json": doc]).model.vpnConnections.first?.tunnels.first)
        #expect(tunnel.insideAddressSource == .convention)
        #expect(tunnel.awsInsideIp == IPv4Address("169.254.77.9"))
        #expect(tunnel.customerInsideIp == IPv4Address("169.254.77.10"))
        #expect(tunnel.status == .down && tunnel.acceptedRouteCount == 0)
    }

    @Test func vpcsSubnetsRouteTablesAndPeering() throws {
        let model = Fixtures.example().model
        let app = try #require(model.vpc("vpc-0a11aa11aa11aa110"))
        #expect(app.cidrs == [CIDR("10.10.0.0/16")!] && app.tags["Team"] == "決済チーム")
        #expect(model.subnets.filter { $0.vpcId == app.id }.count == 2)
        #expect(model.subnets.first?.region == "us-east-1")
        let table = try #require(model.routeTables.first { $0.vpcId == app.id })
        #expect(table.isMain)
        #expect(table.routes.contains { $0.target == .local })
        #expect(table.routes.filter(\.isBlackhole).map(\.destinationText) == ["10.99.0.0/16"])

        let secondary =
            #"{"Vpcs": [{"VpcId": "vpc-2", "OwnerId": "1", "CidrBlock": "10.0.0.0/16", "CidrBlockAssociationSet": [{"CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}}, {"CidrBlock": "100.64.0.0/16", "CidrBlockState": {"State": "associated"}}, {"CidrBlock": "10.9.0.0/16", "CidrBlockState": {"State": "disassociated"}}]}]}"#
        #expect(
            Fixtures.load(["v.json": secondary]).model.vpcs.first?.cidrs == [
                CIDR("10.0.0.0/16")!, CIDR("100.64.0.0/16")!,
            ])

        let peering = try #require(
            Importer.load(paths: [
                Fixtures.motoSamples.appendingPathComponent("describe-vpc-peering-connections.json").path
            ]).model.vpcPeerings.first)
        #expect(peering.status == "pending-acceptance" && peering.requester.vpcId != peering.accepter.vpcId)
    }

    @Test func routesKeepWhatTheFileSays() throws {
        let routes = [
            #"{"DestinationCidrBlock": "10.1.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"}"#,
            #"{"DestinationCidrBlock": "010.2.0.0/16", "TransitGatewayId": "tgw-0a1b2c3d4e5f60718", "Origin": "CreateRoute", "State": "blackhole"}"#,
            #"{"DestinationCidrBlock": "10.3.0.1/8", "NetworkInterfaceId": "eni-0123456789abcdef0", "State": "active"}"#,
            #"{"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1", "Origin": "CreateRoute"}"#,
            #"{"DestinationPrefixListId": "pl-1", "GatewayId": "vpce-1", "Origin": "Future", "State": "new-state"}"#,
        ]
        let text =
            #"{"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Routes": ["#
            + routes.joined(separator: ",") + "]}]}"
        let table = try #require(Fixtures.load(["rt.json": text]).model.routeTables.first)
        #expect(table.routes.map(\.destinationText) == ["10.1.0.0/16", "010.2.0.0/16", "10.3.0.1/8", "::/0", "pl-1"])
        #expect(
            table.routes.map(\.destination) == [CIDR("10.1.0.0/16"), CIDR("10.2.0.0/16"), CIDR("10.3.0.1/8"), nil, nil])
        #expect(
            table.routes.map(\.target) == [
                .local, .transitGateway("tgw-0a1b2c3d4e5f60718"),
                .other(kind: "NetworkInterfaceId", id: "eni-0123456789abcdef0"),
                .other(kind: "EgressOnlyInternetGatewayId", id: "eigw-1"), .other(kind: "gateway", id: "vpce-1"),
            ])
        #expect(table.routes.map(\.state) == ["active", "blackhole", "active", nil, "new-state"])
        #expect(table.routes.map(\.origin) == ["CreateRouteTable", "CreateRoute", nil, "CreateRoute", "Future"])
        #expect(table.routes.map(\.isBlackhole) == [false, true, false, false, false])
    }

    @Test func resourcesSayWhereTheyCameFrom() throws {
        let vpcs = #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}, {"VpcId": "vpc-2"}]}"#
        let subnets = #"{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/24"}]}"#
        let model = Fixtures.load(["a/vpcs.json": vpcs, "b/subnets.json": subnets]).model
        #expect(model.vpcs.map(\.source.description) == ["a/vpcs.json $.Vpcs[0]", "a/vpcs.json $.Vpcs[1]"])
        #expect(
            model.vpcs.map(\.source) == [
                SourceRef(file: "a/vpcs.json", path: "$.Vpcs[0]"), SourceRef(file: "a/vpcs.json", path: "$.Vpcs[1]"),
            ])
        #expect(
            model.subnets.first?.source.path == "$.Subnets[0]" && model.subnets.first?.source.file == "b/subnets.json")
    }

    @Test func customerAndVirtualPrivateGateways() throws {
        let model = Importer.load(paths: [Fixtures.motoSamples.path]).model
        #expect(model.vpnGateways.first?.amazonSideAsn != nil)
        #expect(model.vpnConnections.contains { $0.vpnGatewayId != nil && $0.transitGatewayId == nil })
        let example = Fixtures.example().model
        #expect(example.customerGateway("cgw-0e1e2e3e4e5e6e7e8")?.bgpAsn == 65020)
        #expect(example.customerGateway("cgw-0c1c2c3c4c5c6c7c8")?.ipAddress == IPv4Address("35.242.1.10"))
    }

    @Test func directConnect() throws {
        let model = Fixtures.example().model
        let gateway = try #require(model.directConnectGateways.first)
        #expect(gateway.name == "dxgw-east" && gateway.amazonSideAsn == 64513)
        let vif = try #require(model.virtualInterfaces.first)
        #expect(vif.type == "transit" && vif.directConnectGatewayId == gateway.id && vif.asn == 65010)
        #expect(vif.bgpPeers.first?.bgpStatus == "up")
    }
}
