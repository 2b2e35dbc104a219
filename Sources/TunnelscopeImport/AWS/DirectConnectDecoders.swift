import TunnelscopeModel

/// `aws directconnect describe-direct-connect-gateways` and `describe-virtual-interfaces`
/// (camelCase members). BGP auth keys are never read.
enum DirectConnectDecoders {
    static func gateway(_ n: Node) throws(DecodeError) -> DirectConnectGateway {
        DirectConnectGateway(
            id: try n.required("directConnectGatewayId"), name: n.string("directConnectGatewayName"),
            amazonSideAsn: n.int("amazonSideAsn"), accountId: n.string("ownerAccount"),
            state: n.string("directConnectGatewayState"), source: n.source)
    }

    static func virtualInterface(_ n: Node) throws(DecodeError) -> DirectConnectVirtualInterface {
        let peers = n.array("bgpPeers").map {
            DirectConnectBGPPeer(
                id: $0.string("bgpPeerId"), asn: $0.int("asnLong") ?? $0.int("asn"),
                amazonAddress: $0.string("amazonAddress"), customerAddress: $0.string("customerAddress"),
                bgpStatus: $0.string("bgpStatus"), state: $0.string("bgpPeerState"))
        }
        return DirectConnectVirtualInterface(
            id: try n.required("virtualInterfaceId"), name: n.string("virtualInterfaceName"),
            type: n.string("virtualInterfaceType"), state: n.string("virtualInterfaceState"),
            accountId: n.string("ownerAccount"), region: n.string("region"), location: n.string("location"),
            directConnectGatewayId: n.string("directConnectGatewayId").flatMap { $0.isEmpty ? nil : $0 },
            vpnGatewayId: n.string("virtualGatewayId").flatMap { $0.isEmpty ? nil : $0 },
            asn: n.int("asnLong") ?? n.int("asn"), amazonSideAsn: n.int("amazonSideAsn"), vlan: n.int("vlan"),
            bgpPeers: peers, source: n.source)
    }
}
