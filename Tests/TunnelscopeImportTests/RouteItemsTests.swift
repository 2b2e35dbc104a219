import Testing
import TunnelscopeImport
import TunnelscopeModel

/// Routes are read from the tape in one pass (`AWSRouteItems`) unless one route of the table is
/// unusual; then the whole table is read field by field. Both must give the same routes.
@Suite struct RouteItemsTests {
    /// Every target field, the `GatewayId` kinds, usual and unusual states and origins, IPv6 and
    /// prefix-list destinations, a destination written unusually, a key written twice, a null
    /// field, an escaped value, long IDs (interned) and a field no decoder reads.
    static let routes = [
        #"{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"}"#,
        #"{"DestinationCidrBlock": "10.1.0.0/16", "GatewayId": "vgw-0123456789abcdef0", "Origin": "EnableVgwRoutePropagation", "State": "active"}"#,
        #"{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0123456789abcdef0", "Origin": "CreateRoute", "State": "blackhole"}"#,
        #"{"DestinationCidrBlock": "10.2.0.0/16", "GatewayId": "vpce-0123456789abcdef0", "State": "pending", "Origin": "Odd"}"#,
        #"{"DestinationCidrBlock": "10.3.0.0/16", "TransitGatewayId": "tgw-0123456789abcdef0", "State": "active"}"#,
        #"{"DestinationCidrBlock": "10.4.0.0/16", "VpcPeeringConnectionId": "pcx-0123456789abcdef0"}"#,
        #"{"DestinationCidrBlock": "10.5.0.0/16", "NatGatewayId": "nat-0123456789abcdef0"}"#,
        #"{"DestinationCidrBlock": "10.6.0.0/16", "InstanceId": "i-0123456789abcdef0", "InstanceOwnerId": "1"}"#,
        #"{"DestinationCidrBlock": "10.7.0.0/16", "NetworkInterfaceId": "eni-0123456789abcdef0"}"#,
        #"{"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-0123456789abcdef0"}"#,
        #"{"DestinationCidrBlock": "10.8.0.0/16", "LocalGatewayId": "lgw-0123456789abcdef0"}"#,
        #"{"DestinationCidrBlock": "10.9.0.0/16", "CarrierGatewayId": "cagw-0123456789abcdef0"}"#,
        #"{"DestinationPrefixListId": "pl-0123456789", "CoreNetworkArn": "arn:aws:networkmanager::1:core-network/c"}"#,
        #"{"DestinationCidrBlock": "10.10.0.0/16", "OdbNetworkArn": "arn:aws:odb:us-east-1:1:odb-network/o"}"#,
        #"{"DestinationCidrBlock": "010.11.0.0/16", "TransitGatewayId": "tgw-0123456789abcdef0"}"#,
        #"{"DestinationCidrBlock": "10.12.0.0/16", "State": "active", "State": "blackhole", "GatewayId": null, "NatGatewayId": "nat-1"}"#,
        #"{"DestinationCidrBlock": "10.13.0.0/16", "GatewayId": "igw-\u0031", "TransitGatewayId": "tgw-2"}"#,
        // The same target again and again, another of the same length, the same bytes in another field.
        #"{"DestinationCidrBlock": "10.15.0.0\/16", "TransitGatewayId": "tgw-0123456789abcdef0"}"#,
        #"{"DestinationCidrBlock": "10.16.0.0/+8", "TransitGatewayId": "tgw-0123456789abcdef0"}"#,
        #"{"DestinationCidrBlock": "10.17.0.0/16", "TransitGatewayId": "tgw-0123456789abcdef1"}"#,
        #"{"DestinationCidrBlock": "10.18.0.0/16", "GatewayId": "tgw-0123456789abcdef1"}"#,
        #"{"DestinationCidrBlock": "10.19.0.0/16", "GatewayId": "tgw-0123456789abcdef1"}"#,
        #"{"DestinationCidrBlock": "10.14.0.0/16"}"#,
    ]

    static func table(_ id: String, _ routes: [String]) -> String {
        #"{"RouteTableId": "\#(id)", "VpcId": "vpc-1", "Routes": [\#(routes.joined(separator: ", "))]}"#
    }

    @Test func routesReadInOnePassEqualRoutesReadFieldByField() throws {
        // The second table has one route without a destination: it is read field by field.
        let unusual = #"{"GatewayId": "local"}"#
        let document =
            #"{"RouteTables": [\#(Self.table("rtb-1", Self.routes)), \#(Self.table("rtb-2", Self.routes + [unusual]))]}"#
        let result = Fixtures.load(["describe-route-tables.json": document])
        let tables = result.model.routeTables
        try #require(tables.count == 2)
        #expect(tables[0].routes.count == Self.routes.count)
        #expect(tables[0].routes == tables[1].routes)
        #expect(result.report.warnings.map(\.text) == ["route without a destination; ignored"])
        let targets = tables[0].routes.map(\.target)
        #expect(targets.first == .local)
        #expect(targets.contains(.vpnGateway("vgw-0123456789abcdef0")))
        #expect(targets.contains(.other(kind: "gateway", id: "vpce-0123456789abcdef0")))
        #expect(targets.contains(.other(kind: "OdbNetworkArn", id: "arn:aws:odb:us-east-1:1:odb-network/o")))
        #expect(targets.contains(.natGateway("nat-1")), "a null field is missing")
        #expect(targets.contains(.internetGateway("igw-1")), "escaped text")
        #expect(targets.last == AWSRouteTarget.none)
        #expect(tables[0].routes.map(\.state).contains("pending"))
        #expect(tables[0].routes[15].state == "blackhole", "the last of a key written twice")
        #expect(tables[0].routes.map(\.destinationText).contains("010.11.0.0/16"))
        let texts = tables[0].routes.map(\.destinationText)
        #expect(texts.contains("10.15.0.0/16") && texts.contains("10.16.0.0/+8"), "escaped; written unusually")
        #expect(
            Array(targets[17..<22]) == [
                .transitGateway("tgw-0123456789abcdef0"), .transitGateway("tgw-0123456789abcdef0"),
                .transitGateway("tgw-0123456789abcdef1"), .other(kind: "gateway", id: "tgw-0123456789abcdef1"),
                .other(kind: "gateway", id: "tgw-0123456789abcdef1"),
            ])
    }

    @Test func everyUnusualRouteIsReadFieldByFieldWithItsWarning() {
        // Each of these would be read with a warning: the table falls back and the warning is kept.
        let unusual = [
            #"{"DestinationCidrBlock": "10.0.0.0/33", "GatewayId": "local"}"#,
            #"{"DestinationCidrBlock": 7, "GatewayId": "local"}"#,
            #"{"DestinationCidrBlock": "10.0.0.0/8", "State": ["active"]}"#,
            "7",
        ]
        for route in unusual {
            let document = #"{"RouteTables": [\#(Self.table("rtb-1", Self.routes + [route]))]}"#
            let result = Fixtures.load(["describe-route-tables.json": document])
            #expect(!result.report.warnings.isEmpty, "\(route)")
            #expect(result.model.routeTables.first?.routes.prefix(Self.routes.count).count == Self.routes.count)
        }
        // A number where an ID is written is read as its text (no warning), field by field.
        let number = #"{"DestinationCidrBlock": "10.0.0.0/8", "GatewayId": 5}"#
        let result = Fixtures.load(["r.json": #"{"RouteTables": [\#(Self.table("rtb-1", [number]))]}"#])
        #expect(result.model.routeTables.first?.routes.first?.target == .other(kind: "gateway", id: "5"))
    }
}
