/// An on-premises site: named in the annotations file, or inferred from a customer gateway that
/// is not a GCP address, or from a Direct Connect gateway.
public struct OnPremSite: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        case annotation
        case inferred
    }

    public var name: String
    public var origin: Origin
    /// Address ranges named in the annotations file.
    public var cidrs: [CIDR]
    /// Prefixes the TGW learns from this site's VPN or Direct Connect attachments.
    public var learnedPrefixes: [CIDR]
    public var customerGatewayIds: [String]
    public var directConnectGatewayIds: [String]
    public var note: String?
    public var source: SourceRef?

    public init(
        name: String, origin: Origin, cidrs: [CIDR] = [], learnedPrefixes: [CIDR] = [],
        customerGatewayIds: [String] = [], directConnectGatewayIds: [String] = [], note: String? = nil,
        source: SourceRef? = nil
    ) {
        self.name = name
        self.origin = origin
        self.cidrs = cidrs
        self.learnedPrefixes = learnedPrefixes
        self.customerGatewayIds = customerGatewayIds
        self.directConnectGatewayIds = directConnectGatewayIds
        self.note = note
        self.source = source
    }

    /// Ranges this site owns: the named ones, else what it advertises.
    public var addressRanges: [CIDR] { cidrs.isEmpty ? learnedPrefixes : cidrs }
}

/// The annotations file's site entry, before it is matched to gateways.
public struct SiteAnnotation: Hashable, Sendable {
    public var name: String
    public var cidrs: [CIDR]
    public var customerGatewayIps: [IPv4Address]
    public var customerGatewayIds: [String]
    public var directConnectGatewayIds: [String]
    public var note: String?
    public var source: SourceRef

    public init(
        name: String, cidrs: [CIDR], customerGatewayIps: [IPv4Address], customerGatewayIds: [String],
        directConnectGatewayIds: [String], note: String?, source: SourceRef
    ) {
        self.name = name
        self.cidrs = cidrs
        self.customerGatewayIps = customerGatewayIps
        self.customerGatewayIds = customerGatewayIds
        self.directConnectGatewayIds = directConnectGatewayIds
        self.note = note
        self.source = source
    }
}

/// A GCP project as the model knows it.
public struct GCPProject: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable {
        case sharedVPCHost = "host"
        case sharedVPCService = "service"
        case standalone
        /// Seen only as the far end of a reference (a peered producer network's tenant project).
        case external
    }

    public var id: String
    public var role: Role
    public var hostProject: String?

    public init(id: String, role: Role, hostProject: String? = nil) {
        self.id = id
        self.role = role
        self.hostProject = hostProject
    }
}
