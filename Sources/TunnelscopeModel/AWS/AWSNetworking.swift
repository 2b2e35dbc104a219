/// AWS VPCs, subnets, VPC route tables and peerings.

public struct AWSVpc: Hashable, Sendable {
    public var id: String
    public var accountId: String?
    public var region: String?
    public var cidrs: [CIDR]
    public var isDefault: Bool
    public var state: String?
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, accountId: String?, region: String?, cidrs: [CIDR], isDefault: Bool,
        state: String?, tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.accountId = accountId
        self.region = region
        self.cidrs = cidrs
        self.isDefault = isDefault
        self.state = state
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
}

public struct AWSSubnet: Hashable, Sendable {
    public var id: String
    public var vpcId: String
    public var accountId: String?
    public var cidr: CIDR?
    public var availabilityZone: String?
    public var state: String?
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, vpcId: String, accountId: String?, cidr: CIDR?, availabilityZone: String?,
        state: String?, tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.vpcId = vpcId
        self.accountId = accountId
        self.cidr = cidr
        self.availabilityZone = availabilityZone
        self.state = state
        self.tagList = Tags(tags)
        self.source = source
    }

    public var name: String? { tagList["Name"] }
    /// `us-east-1a` → `us-east-1`.
    public var region: String? {
        guard let az = availabilityZone, let last = az.last, last.isLetter else { return availabilityZone }
        return String(az.dropLast())
    }
}

public struct AWSRouteTable: Hashable, Sendable {
    public var id: String
    public var vpcId: String
    public var accountId: String?
    public var isMain: Bool
    public var subnetIds: [String]
    public var propagatingVgwIds: [String]
    public var routes: [AWSRoute]
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, vpcId: String, accountId: String?, isMain: Bool, subnetIds: [String],
        propagatingVgwIds: [String], routes: [AWSRoute], tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.vpcId = vpcId
        self.accountId = accountId
        self.isMain = isMain
        self.subnetIds = subnetIds
        self.propagatingVgwIds = propagatingVgwIds
        self.routes = routes
        self.tagList = Tags(tags)
        self.source = source
    }
}

public struct AWSPeeringSide: Hashable, Sendable {
    public var vpcId: String
    public var accountId: String?
    public var region: String?
    public var cidrs: [CIDR]

    public init(vpcId: String, accountId: String?, region: String?, cidrs: [CIDR]) {
        self.vpcId = vpcId
        self.accountId = accountId
        self.region = region
        self.cidrs = cidrs
    }
}

public struct AWSVpcPeering: Hashable, Sendable {
    public var id: String
    public var requester: AWSPeeringSide
    public var accepter: AWSPeeringSide
    public var status: String?
    public var tags: [String: String] {
        get { tagList.dictionary }
        set { tagList = Tags(newValue) }
    }
    private var tagList: Tags
    public var source: SourceRef

    public init(
        id: String, requester: AWSPeeringSide, accepter: AWSPeeringSide, status: String?,
        tags: [String: String], source: SourceRef
    ) {
        self.id = id
        self.requester = requester
        self.accepter = accepter
        self.status = status
        self.tagList = Tags(tags)
        self.source = source
    }
}

extension Array where Element == AWSSubnet {
    /// Calls `body` with the positions of each run of consecutive subnets in the same VPC (the
    /// model keeps its subnets in VPC order, so each VPC is one run there).
    package func forEachVPCRun(_ body: (Range<Int>) -> Void) {
        var start = 0
        while start < count {
            let vpc = self[start].vpcId
            var end = start + 1
            while end < count, self[end].vpcId == vpc { end += 1 }
            body(start..<end)
            start = end
        }
    }
}
