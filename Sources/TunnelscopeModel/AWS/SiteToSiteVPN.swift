/// Site-to-Site VPN: customer gateways, virtual private gateways, VPN connections and their tunnels.

public struct CustomerGateway: Hashable, Sendable {
    public var id: String
    public var accountId: String?
    public var ipAddress: IPv4Address?
    public var bgpAsn: Int?
    public var state: String?
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, accountId: String?, ipAddress: IPv4Address?, bgpAsn: Int?, state: String?,
        tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.accountId = accountId
        self.ipAddress = ipAddress
        self.bgpAsn = bgpAsn
        self.state = state
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
}

/// A virtual private gateway (the VPN end attached to one VPC, the alternative to the TGW).
public struct VPNGateway: Hashable, Sendable {
    public var id: String
    public var accountId: String?
    public var amazonSideAsn: Int?
    public var state: String?
    public var attachedVpcIds: [String]
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, accountId: String?, amazonSideAsn: Int?, state: String?, attachedVpcIds: [String],
        tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.accountId = accountId
        self.amazonSideAsn = amazonSideAsn
        self.state = state
        self.attachedVpcIds = attachedVpcIds
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
}

public enum TunnelStatus: String, Hashable, Sendable {
    case up = "UP"
    case down = "DOWN"
    case unknown = "UNKNOWN"
}

/// Where a tunnel's inside addresses were read from.
public enum InsideAddressSource: String, Hashable, Sendable {
    /// The `CustomerGatewayConfiguration` XML of the VPN connection.
    case configurationXML = "xml"
    /// Derived from `TunnelInsideCidr`: AWS takes N+1, the customer gateway N+2.
    case convention = "n+1/n+2"
}

/// One of the (normally two) tunnels of an AWS VPN connection, joined from `TunnelOptions`,
/// `VgwTelemetry` and the configuration XML on the outside IP.
public struct AWSTunnel: Hashable, Sendable {
    public var outsideIp: IPv4Address
    public var insideCidr: CIDR?
    public var awsInsideIp: IPv4Address?
    public var customerInsideIp: IPv4Address?
    public var insideAddressSource: InsideAddressSource?
    /// The customer gateway's outside IP according to the XML (normally the CGW's `IpAddress`).
    public var customerOutsideIp: IPv4Address?
    /// Amazon-side ASN according to the XML.
    public var awsAsn: Int?
    public var customerAsn: Int?
    public var status: TunnelStatus
    public var statusMessage: String?
    public var acceptedRouteCount: Int?
    public var lastStatusChange: String?
    public var ikeVersions: [String]
    /// False when the tunnel was only seen in the XML (no `TunnelOptions`, as moto exports).
    public var hasTunnelOptions: Bool
    /// A per-process fingerprint of `TunnelOptions[].PreSharedKey` (never the key, never shown):
    /// lets `diff` say "pre-shared key changed". nil when the export holds no key.
    public var preSharedKey: SecretFingerprint?
    public var source: SourceRef

    public init(
        outsideIp: IPv4Address, insideCidr: CIDR? = nil, awsInsideIp: IPv4Address? = nil,
        customerInsideIp: IPv4Address? = nil, insideAddressSource: InsideAddressSource? = nil,
        customerOutsideIp: IPv4Address? = nil, awsAsn: Int? = nil, customerAsn: Int? = nil,
        status: TunnelStatus = .unknown, statusMessage: String? = nil, acceptedRouteCount: Int? = nil,
        lastStatusChange: String? = nil, ikeVersions: [String] = [], hasTunnelOptions: Bool = true,
        source: SourceRef
    ) {
        self.outsideIp = outsideIp
        self.insideCidr = insideCidr
        self.awsInsideIp = awsInsideIp
        self.customerInsideIp = customerInsideIp
        self.insideAddressSource = insideAddressSource
        self.customerOutsideIp = customerOutsideIp
        self.awsAsn = awsAsn
        self.customerAsn = customerAsn
        self.status = status
        self.statusMessage = statusMessage
        self.acceptedRouteCount = acceptedRouteCount
        self.lastStatusChange = lastStatusChange
        self.ikeVersions = ikeVersions
        self.hasTunnelOptions = hasTunnelOptions
        self.source = source
    }
}

public struct VPNConnection: Hashable, Sendable {
    public var id: String
    public var accountId: String?
    public var state: String?
    public var customerGatewayId: String?
    public var transitGatewayId: String?
    public var vpnGatewayId: String?
    public var staticRoutesOnly: Bool
    public var category: String?
    /// Static routes (`Routes[]`).
    public var staticRoutes: [CIDR]
    /// Sorted by outside IP.
    public var tunnels: [AWSTunnel]
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, accountId: String?, state: String?, customerGatewayId: String?,
        transitGatewayId: String?, vpnGatewayId: String?, staticRoutesOnly: Bool, category: String?,
        staticRoutes: [CIDR], tunnels: [AWSTunnel], tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.accountId = accountId
        self.state = state
        self.customerGatewayId = customerGatewayId
        self.transitGatewayId = transitGatewayId
        self.vpnGatewayId = vpnGatewayId
        self.staticRoutesOnly = staticRoutesOnly
        self.category = category
        self.staticRoutes = staticRoutes
        self.tunnels = tunnels
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
}
