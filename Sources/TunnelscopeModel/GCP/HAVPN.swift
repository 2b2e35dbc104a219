/// GCP HA VPN: gateways, external (peer) gateways, tunnels, Cloud Routers and BGP.

public struct GatewayInterface: Hashable, Sendable {
    public var id: Int
    public var ipAddress: IPv4Address?

    public init(id: Int, ipAddress: IPv4Address?) {
        self.id = id
        self.ipAddress = ipAddress
    }
}

public struct HAVPNGateway: Hashable, Sendable {
    public var ref: GCPRef
    public var network: GCPRef?
    public var interfaces: [GatewayInterface]
    public var source: SourceRef

    public init(ref: GCPRef, network: GCPRef?, interfaces: [GatewayInterface], source: SourceRef) {
        self.ref = ref
        self.network = network
        self.interfaces = interfaces
        self.source = source
    }

    public var name: String { ref.name }
}

public struct ExternalVPNGateway: Hashable, Sendable {
    public var ref: GCPRef
    /// `FOUR_IPS_REDUNDANCY`, `TWO_IPS_REDUNDANCY`, `SINGLE_IP_INTERNALLY_REDUNDANT`.
    public var redundancyType: String?
    public var interfaces: [GatewayInterface]
    public var source: SourceRef

    public init(ref: GCPRef, redundancyType: String?, interfaces: [GatewayInterface], source: SourceRef) {
        self.ref = ref
        self.redundancyType = redundancyType
        self.interfaces = interfaces
        self.source = source
    }

    public var name: String { ref.name }
}

public struct GCPVPNTunnel: Hashable, Sendable {
    public var ref: GCPRef
    public var vpnGateway: GCPRef?
    public var vpnGatewayInterface: Int?
    public var peerExternalGateway: GCPRef?
    public var peerExternalGatewayInterface: Int?
    public var peerGcpGateway: GCPRef?
    public var peerIp: IPv4Address?
    public var router: GCPRef?
    public var ikeVersion: Int?
    /// `ESTABLISHED`, `NO_INCOMING_PACKETS`, … (unknown strings are kept as they are).
    public var status: String?
    public var detailedStatus: String?
    public var source: SourceRef

    public init(
        ref: GCPRef, vpnGateway: GCPRef?, vpnGatewayInterface: Int?, peerExternalGateway: GCPRef?,
        peerExternalGatewayInterface: Int?, peerGcpGateway: GCPRef?, peerIp: IPv4Address?, router: GCPRef?,
        ikeVersion: Int?, status: String?, detailedStatus: String?, source: SourceRef
    ) {
        self.ref = ref
        self.vpnGateway = vpnGateway
        self.vpnGatewayInterface = vpnGatewayInterface
        self.peerExternalGateway = peerExternalGateway
        self.peerExternalGatewayInterface = peerExternalGatewayInterface
        self.peerGcpGateway = peerGcpGateway
        self.peerIp = peerIp
        self.router = router
        self.ikeVersion = ikeVersion
        self.status = status
        self.detailedStatus = detailedStatus
        self.source = source
    }

    public var name: String { ref.name }
    public var isEstablished: Bool { status == "ESTABLISHED" }
}

public struct RouterInterface: Hashable, Sendable {
    public var name: String
    public var linkedVpnTunnel: GCPRef?
    /// GCP-side inside address with its mask, e.g. `169.254.10.2/30`.
    public var ipRange: CIDR?

    public init(name: String, linkedVpnTunnel: GCPRef?, ipRange: CIDR?) {
        self.name = name
        self.linkedVpnTunnel = linkedVpnTunnel
        self.ipRange = ipRange
    }
}

public struct BGPPeerStatus: Hashable, Sendable {
    /// `UP`, `DOWN`, `UNKNOWN`.
    public var status: String?
    /// BGP FSM state as text, e.g. `Established`, `Idle`.
    public var state: String?
    public var numLearnedRoutes: Int?
    public var uptime: String?
    public var advertisedRoutes: [CIDR]

    public init(status: String?, state: String?, numLearnedRoutes: Int?, uptime: String?, advertisedRoutes: [CIDR]) {
        self.status = status
        self.state = state
        self.numLearnedRoutes = numLearnedRoutes
        self.uptime = uptime
        self.advertisedRoutes = advertisedRoutes
    }

    public var isUp: Bool { status == "UP" }
}

public struct BGPPeer: Hashable, Sendable {
    public var name: String
    public var interfaceName: String?
    /// GCP-side inside address.
    public var ipAddress: IPv4Address?
    /// Remote (AWS) inside address.
    public var peerIpAddress: IPv4Address?
    public var peerAsn: Int?
    public var enabled: Bool
    public var advertisedRoutePriority: Int?
    public var advertisedIpRanges: [CIDR]
    /// The peer's own advertisement (`DEFAULT`: the router's; `CUSTOM`: groups and ranges below).
    public var advertiseMode: String?
    public var advertisedGroups: [String]
    /// From `routers get-status`, when it was exported.
    public var status: BGPPeerStatus?

    public init(
        name: String, interfaceName: String?, ipAddress: IPv4Address?, peerIpAddress: IPv4Address?,
        peerAsn: Int?, enabled: Bool, advertisedRoutePriority: Int?, advertisedIpRanges: [CIDR],
        advertiseMode: String? = nil, advertisedGroups: [String] = [], status: BGPPeerStatus? = nil
    ) {
        self.advertiseMode = advertiseMode
        self.advertisedGroups = advertisedGroups
        self.name = name
        self.interfaceName = interfaceName
        self.ipAddress = ipAddress
        self.peerIpAddress = peerIpAddress
        self.peerAsn = peerAsn
        self.enabled = enabled
        self.advertisedRoutePriority = advertisedRoutePriority
        self.advertisedIpRanges = advertisedIpRanges
        self.status = status
    }
}

public struct CloudRouter: Hashable, Sendable {
    public var ref: GCPRef
    public var network: GCPRef?
    public var asn: Int?
    /// `DEFAULT` (all subnets) or `CUSTOM`.
    public var advertiseMode: String?
    public var advertisedGroups: [String]
    public var advertisedIpRanges: [CIDR]
    public var interfaces: [RouterInterface]
    public var bgpPeers: [BGPPeer]
    /// `bestRoutes` of `routers get-status`: what the router learned and programmed.
    public var bestRoutes: [GCPRoute]
    public var hasStatus: Bool
    public var source: SourceRef

    public init(
        ref: GCPRef, network: GCPRef?, asn: Int?, advertiseMode: String?, advertisedGroups: [String],
        advertisedIpRanges: [CIDR], interfaces: [RouterInterface], bgpPeers: [BGPPeer],
        bestRoutes: [GCPRoute] = [], hasStatus: Bool = false, source: SourceRef
    ) {
        self.ref = ref
        self.network = network
        self.asn = asn
        self.advertiseMode = advertiseMode
        self.advertisedGroups = advertisedGroups
        self.advertisedIpRanges = advertisedIpRanges
        self.interfaces = interfaces
        self.bgpPeers = bgpPeers
        self.bestRoutes = bestRoutes
        self.hasStatus = hasStatus
        self.source = source
    }

    public var name: String { ref.name }
}
