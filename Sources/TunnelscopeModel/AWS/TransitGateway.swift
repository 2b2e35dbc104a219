/// The Transit Gateway hub, its attachments and route tables.

public struct TransitGateway: Hashable, Sendable {
    public var id: String
    public var accountId: String?
    public var region: String?
    public var amazonSideAsn: Int?
    public var state: String?
    public var vpnEcmpSupport: Bool
    public var defaultAssociationRouteTableId: String?
    public var defaultPropagationRouteTableId: String?
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, accountId: String?, region: String?, amazonSideAsn: Int?, state: String?,
        vpnEcmpSupport: Bool, defaultAssociationRouteTableId: String?,
        defaultPropagationRouteTableId: String?, tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.accountId = accountId
        self.region = region
        self.amazonSideAsn = amazonSideAsn
        self.state = state
        self.vpnEcmpSupport = vpnEcmpSupport
        self.defaultAssociationRouteTableId = defaultAssociationRouteTableId
        self.defaultPropagationRouteTableId = defaultPropagationRouteTableId
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
}

public struct TGWAttachment: Hashable, Sendable {
    public var id: String
    public var transitGatewayId: String
    /// `vpc`, `vpn`, `direct-connect-gateway`, `peering`, `connect`, …
    public var resourceType: String
    public var resourceId: String?
    public var resourceOwnerId: String?
    public var state: String?
    public var associatedRouteTableId: String?
    public var subnetIds: [String]
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, transitGatewayId: String, resourceType: String, resourceId: String?,
        resourceOwnerId: String?, state: String?, associatedRouteTableId: String?, subnetIds: [String],
        tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.transitGatewayId = transitGatewayId
        self.resourceType = resourceType
        self.resourceId = resourceId
        self.resourceOwnerId = resourceOwnerId
        self.state = state
        self.associatedRouteTableId = associatedRouteTableId
        self.subnetIds = subnetIds
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
}

public struct TGWRouteTarget: Hashable, Sendable {
    public var attachmentId: String?
    public var resourceId: String?
    public var resourceType: String?

    public init(attachmentId: String?, resourceId: String?, resourceType: String?) {
        self.attachmentId = attachmentId
        self.resourceId = resourceId
        self.resourceType = resourceType
    }
}

public struct TGWRoute: Hashable, Sendable {
    public var destination: CIDR?
    public var destinationText: String
    /// `static` or `propagated`.
    public var type: String?
    /// `active`, `blackhole`, …
    public var state: String?
    /// More than one entry means ECMP (for example over two VPN attachments).
    public var targets: [TGWRouteTarget]
    public var source: SourceRef

    public init(
        destination: CIDR?, destinationText: String, type: String?, state: String?,
        targets: [TGWRouteTarget], source: SourceRef
    ) {
        self.destination = destination
        self.destinationText = destinationText
        self.type = type
        self.state = state
        self.targets = targets
        self.source = source
    }

    public var isBlackhole: Bool { state == "blackhole" }
}

public struct TGWPropagation: Hashable, Sendable {
    public var attachmentId: String
    public var resourceId: String?
    public var resourceType: String?
    public var state: String?

    public init(attachmentId: String, resourceId: String?, resourceType: String?, state: String?) {
        self.attachmentId = attachmentId
        self.resourceId = resourceId
        self.resourceType = resourceType
        self.state = state
    }
}

public struct TGWRouteTable: Hashable, Sendable {
    public var id: String
    public var transitGatewayId: String?
    public var isDefaultAssociation: Bool
    public var isDefaultPropagation: Bool
    public var state: String?
    public var routes: [TGWRoute]
    public var propagations: [TGWPropagation]
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, transitGatewayId: String?, isDefaultAssociation: Bool, isDefaultPropagation: Bool,
        state: String?, routes: [TGWRoute], propagations: [TGWPropagation], tags: [String: String],
        source: SourceRef
    ) {
        self.id = id
        self.transitGatewayId = transitGatewayId
        self.isDefaultAssociation = isDefaultAssociation
        self.isDefaultPropagation = isDefaultPropagation
        self.state = state
        self.routes = routes
        self.propagations = propagations
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
}
