/// GCP networks, subnets, routes, VPC peerings, Shared VPC and Memorystore.

public struct GCPPeering: Hashable, Sendable {
    public var name: String
    public var peerNetwork: GCPRef?
    public var peerNetworkURL: String?
    public var state: String?
    public var exportCustomRoutes: Bool
    public var importCustomRoutes: Bool

    public init(
        name: String, peerNetwork: GCPRef?, peerNetworkURL: String?, state: String?,
        exportCustomRoutes: Bool, importCustomRoutes: Bool
    ) {
        self.name = name
        self.peerNetwork = peerNetwork
        self.peerNetworkURL = peerNetworkURL
        self.state = state
        self.exportCustomRoutes = exportCustomRoutes
        self.importCustomRoutes = importCustomRoutes
    }
}

public enum SubnetMode: String, Hashable, Sendable {
    case custom = "CUSTOM"
    case auto = "AUTO"
    case legacy = "LEGACY"
}

public struct GCPNetwork: Hashable, Sendable {
    public var ref: GCPRef
    public var subnetMode: SubnetMode
    public var routingMode: String?
    public var mtu: Int?
    public var peerings: [GCPPeering]
    public var description: String?
    public var source: SourceRef

    public init(
        ref: GCPRef, subnetMode: SubnetMode, routingMode: String?, mtu: Int?, peerings: [GCPPeering],
        description: String?, source: SourceRef
    ) {
        self.ref = ref
        self.subnetMode = subnetMode
        self.routingMode = routingMode
        self.mtu = mtu
        self.peerings = peerings
        self.description = description
        self.source = source
    }

    public var name: String { ref.name }
    public var project: String { ref.project }
}

public struct GCPSecondaryRange: Hashable, Sendable {
    public var name: String
    public var cidr: CIDR

    public init(name: String, cidr: CIDR) {
        self.name = name
        self.cidr = cidr
    }
}

public struct GCPSubnet: Hashable, Sendable {
    public var ref: GCPRef
    public var network: GCPRef?
    public var cidr: CIDR?
    public var secondaryRanges: [GCPSecondaryRange]
    public var purpose: String?
    public var source: SourceRef

    public init(
        ref: GCPRef, network: GCPRef?, cidr: CIDR?, secondaryRanges: [GCPSecondaryRange], purpose: String?,
        source: SourceRef
    ) {
        self.ref = ref
        self.network = network
        self.cidr = cidr
        self.secondaryRanges = secondaryRanges
        self.purpose = purpose
        self.source = source
    }

    public var name: String { ref.name }
}

public enum GCPNextHop: Hashable, Sendable, CustomStringConvertible {
    case gateway(String)
    case vpnTunnel(GCPRef)
    case ip(String)
    case peering(String)
    case network(String)
    case instance(String)
    case ilb(String)
    /// An Interconnect VLAN attachment (`nextHopInterconnectAttachment`).
    case interconnectAttachment(GCPRef)
    case other(String)
    case none

    public var description: String {
        switch self {
        case .gateway(let g): "gateway \(g.split(separator: "/").last.map(String.init) ?? g)"
        case .vpnTunnel(let t): "tunnel \(t.name)"
        case .ip(let ip): "ip \(ip)"
        case .peering(let p): "peering \(p)"
        case .network(let n): "network \(n.split(separator: "/").last.map(String.init) ?? n)"
        case .instance(let i): "instance \(i.split(separator: "/").last.map(String.init) ?? i)"
        case .ilb(let i): "ilb \(i)"
        case .interconnectAttachment(let a): "interconnect attachment \(a.name)"
        case .other(let o): o
        case .none: "(none)"
        }
    }
}

public struct GCPRoute: Hashable, Sendable {
    public var name: String?
    public var project: String?
    public var network: GCPRef?
    public var destination: CIDR?
    public var destinationText: String
    public var priority: Int?
    public var nextHop: GCPNextHop
    /// `nextHopIp` as printed, also when another next hop field names the tunnel or attachment
    /// (Cloud Router best routes learned over a VPN carry both `nextHopVpnTunnel` and `nextHopIp`).
    public var nextHopIp: String?
    /// `TRANSIT`, `SUBNET`, `BGP`, `STATIC`.
    public var routeType: String?
    public var asPath: [Int]
    public var source: SourceRef

    public init(
        name: String?, project: String?, network: GCPRef?, destination: CIDR?, destinationText: String,
        priority: Int?, nextHop: GCPNextHop, nextHopIp: String? = nil, routeType: String?, asPath: [Int],
        source: SourceRef
    ) {
        self.name = name
        self.project = project
        self.network = network
        self.destination = destination
        self.destinationText = destinationText
        self.priority = priority
        self.nextHop = nextHop
        self.nextHopIp = nextHopIp ?? { if case .ip(let ip) = nextHop { ip } else { nil } }()
        self.routeType = routeType
        self.asPath = asPath
        self.source = source
    }
}

/// Memorystore for Redis: lives in a Google-managed producer network joined by VPC peering.
public struct RedisInstance: Hashable, Sendable {
    public var project: String
    public var region: String
    public var name: String
    public var displayName: String?
    public var reservedIpRange: CIDR?
    public var reservedIpRangeText: String?
    public var host: IPv4Address?
    public var port: Int?
    public var authorizedNetwork: GCPRef?
    public var connectMode: String
    public var tier: String?
    public var state: String?
    public var source: SourceRef

    public init(
        project: String, region: String, name: String, displayName: String?, reservedIpRange: CIDR?,
        reservedIpRangeText: String?, host: IPv4Address?, port: Int?, authorizedNetwork: GCPRef?,
        connectMode: String, tier: String?, state: String?, source: SourceRef
    ) {
        self.project = project
        self.region = region
        self.name = name
        self.displayName = displayName
        self.reservedIpRange = reservedIpRange
        self.reservedIpRangeText = reservedIpRangeText
        self.host = host
        self.port = port
        self.authorizedNetwork = authorizedNetwork
        self.connectMode = connectMode
        self.tier = tier
        self.state = state
        self.source = source
    }
}

/// A Shared VPC: one host project and the service projects attached to it.
public struct SharedVPC: Hashable, Sendable {
    public var hostProject: String
    public var serviceProjects: [String]
    public var sources: [SourceRef]

    public init(hostProject: String, serviceProjects: [String], sources: [SourceRef]) {
        self.hostProject = hostProject
        self.serviceProjects = serviceProjects
        self.sources = sources
    }
}
