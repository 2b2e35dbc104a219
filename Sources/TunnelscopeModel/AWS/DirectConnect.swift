/// AWS Direct Connect gateways and virtual interfaces (the on-prem data centre path).

public struct DirectConnectGateway: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var amazonSideAsn: Int?
    public var accountId: String?
    public var state: String?
    public var source: SourceRef

    public init(id: String, name: String?, amazonSideAsn: Int?, accountId: String?, state: String?, source: SourceRef) {
        self.id = id
        self.name = name
        self.amazonSideAsn = amazonSideAsn
        self.accountId = accountId
        self.state = state
        self.source = source
    }
}

public struct DirectConnectBGPPeer: Hashable, Sendable {
    public var id: String?
    public var asn: Int?
    public var amazonAddress: String?
    public var customerAddress: String?
    /// `up`, `down` or `unknown`.
    public var bgpStatus: String?
    public var state: String?

    public init(
        id: String?, asn: Int?, amazonAddress: String?, customerAddress: String?, bgpStatus: String?, state: String?
    ) {
        self.id = id
        self.asn = asn
        self.amazonAddress = amazonAddress
        self.customerAddress = customerAddress
        self.bgpStatus = bgpStatus
        self.state = state
    }
}

public struct DirectConnectVirtualInterface: Hashable, Sendable {
    public var id: String
    public var name: String?
    /// `private`, `public` or `transit`.
    public var type: String?
    public var state: String?
    public var accountId: String?
    public var region: String?
    public var location: String?
    public var directConnectGatewayId: String?
    public var vpnGatewayId: String?
    public var asn: Int?
    public var amazonSideAsn: Int?
    public var vlan: Int?
    public var bgpPeers: [DirectConnectBGPPeer]
    public var source: SourceRef

    public init(
        id: String, name: String?, type: String?, state: String?, accountId: String?, region: String?,
        location: String?, directConnectGatewayId: String?, vpnGatewayId: String?, asn: Int?,
        amazonSideAsn: Int?, vlan: Int?, bgpPeers: [DirectConnectBGPPeer], source: SourceRef
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.state = state
        self.accountId = accountId
        self.region = region
        self.location = location
        self.directConnectGatewayId = directConnectGatewayId
        self.vpnGatewayId = vpnGatewayId
        self.asn = asn
        self.amazonSideAsn = amazonSideAsn
        self.vlan = vlan
        self.bgpPeers = bgpPeers
        self.source = source
    }
}
