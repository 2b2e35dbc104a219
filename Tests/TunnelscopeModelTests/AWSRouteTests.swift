import Testing
import TunnelscopeModel

/// A route's compact form gives back exactly what it was made with.
@Suite struct AWSRouteTests {
    static let targets: [AWSRouteTarget] = [
        .local, .none, .internetGateway("igw-0123456789abcdef0"), .vpnGateway("vgw-1"),
        .transitGateway("tgw-0a1b2c3d4e5f60718"), .peering("pcx-1"), .natGateway("nat-0123456789abcdef0"),
        .other(kind: "gateway", id: "cagw-1"), .other(kind: "InstanceId", id: "i-1"),
        .other(kind: "NetworkInterfaceId", id: "eni-1"), .other(kind: "EgressOnlyInternetGatewayId", id: "eigw-1"),
        .other(kind: "LocalGatewayId", id: "lgw-1"), .other(kind: "CarrierGatewayId", id: "cagw-2"),
        .other(kind: "CoreNetworkArn", id: "arn:aws:networkmanager::1:core-network/x"),
        .other(kind: "OdbNetworkArn", id: "arn:o"), .other(kind: "SomethingNew", id: "x-1"),
        .other(kind: "", id: ""), .internetGateway(""),
    ]

    @Test func everyTargetKindRoundTrips() {
        for target in Self.targets {
            let route = AWSRoute(
                destination: CIDR("10.0.0.0/8"), destinationText: "10.0.0.0/8", target: target, state: "active",
                origin: "CreateRoute")
            #expect(route.target == target)
            #expect(route.target.description == target.description)
        }
    }

    @Test func statesAndOriginsRoundTrip() {
        for state in [nil, "active", "blackhole", "", "Active", "some-new-state-longer-than-fifteen"] {
            for origin in [nil, "CreateRouteTable", "CreateRoute", "EnableVgwRoutePropagation", "", "Other"] {
                let route = AWSRoute(
                    destination: nil, destinationText: "pl-1", target: .local, state: state, origin: origin)
                #expect(route.state == state && route.origin == origin)
                #expect(route.isBlackhole == (state == "blackhole"))
            }
        }
    }

    @Test func destinationTextIsKeptAsWritten() {
        // Canonical prefixes are rebuilt from the CIDR; anything else is kept as it was written.
        for text in ["10.0.0.0/8", "10.0.0.1/8", "0.0.0.0/0", "255.255.255.255/32", "100.64.30.128/25"] {
            let route = AWSRoute(
                destination: CIDR(text), destinationText: text, target: .local, state: nil, origin: nil)
            #expect(route.destination == CIDR(text) && route.destinationText == text)
        }
        for text in ["010.0.0.0/8", "10.0.0.0/08", "10.0.0.0/+8", "10.00.0.0/8", "10.0.0.000/8", "10.0.0.0/-0"] {
            let cidr = CIDR(text)
            #expect(cidr != nil, "\(text) parses")
            let route = AWSRoute(destination: cidr, destinationText: text, target: .local, state: nil, origin: nil)
            #expect(route.destination == cidr && route.destinationText == text)
        }
        // A text that says something else than the CIDR (made by hand) is kept too.
        let odd = AWSRoute(
            destination: CIDR("10.0.0.0/8"), destinationText: "192.168.0.0/16", target: .local, state: nil,
            origin: nil)
        #expect(odd.destinationText == "192.168.0.0/16" && odd.destination == CIDR("10.0.0.0/8"))
        for text in ["::/0", "2600:1f18::/56", "pl-0123456789abcdef0", ""] {
            let route = AWSRoute(destination: nil, destinationText: text, target: .local, state: nil, origin: nil)
            #expect(route.destination == nil && route.destinationText == text)
        }
    }

    @Test func equalityAndHashingFollowTheValues() {
        let a = AWSRoute(
            destination: CIDR("10.0.0.0/8"), destinationText: "10.0.0.0/8", target: .other(kind: "New", id: "n-1"),
            state: "pending", origin: "CreateRoute")
        var b = AWSRoute(
            destination: CIDR("10.0.0.0/8"), destinationText: "10.0.0.0/8", target: .other(kind: "New", id: "n-1"),
            state: "pending", origin: "CreateRoute")
        #expect(a == b && a.hashValue == b.hashValue)
        b.state = "active"
        #expect(a != b && b.state == "active")
        b.state = "pending"
        #expect(a == b)
        b.destinationText = "010.0.0.0/8"
        #expect(a != b && b.destinationText == "010.0.0.0/8")
        b.destinationText = "10.0.0.0/8"
        #expect(a == b)
        b.destination = nil
        #expect(b.destination == nil && b.destinationText == "10.0.0.0/8" && a != b)
        b.destination = CIDR("10.0.0.0/8")
        #expect(a == b)
        b.target = .natGateway("nat-1")
        #expect(b.target == .natGateway("nat-1") && a != b)
        b.origin = nil
        #expect(b.origin == nil && b.state == "pending")
        #expect(Set([a, a, b]).count == 2)
    }

    @Test func aRouteIsSmall() {
        #expect(MemoryLayout<AWSRoute>.stride == 32)
    }

    @Test func prefixesAreWrittenAsDescribed() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = UInt32.random(in: 0...UInt32.max, using: &generator)
            let length = Int.random(in: 0...32, using: &generator)
            let cidr = CIDR(address: IPv4Address(value), prefixLength: length)
            let expected =
                "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)/\(length)"
            #expect(cidr.description == expected)
            #expect(cidr.isWritten(as: expected))
            #expect(!cidr.isWritten(as: expected + " "))
            #expect(!cidr.isWritten(as: "0" + expected))
            #expect(!cidr.isWritten(as: String(expected.dropLast())))
            #expect(!cidr.isWritten(as: String(expected.dropFirst())))
        }
        #expect(IPv4Address(0).description == "0.0.0.0")
        #expect(IPv4Address(.max).description == "255.255.255.255")
        #expect(CIDR("255.255.255.255/32")?.isWritten(as: "255.255.255.255/32") == true)
        #expect(CIDR("1.2.3.4/5")?.isWritten(as: "1.2.3.4/05") == false)
    }
}
