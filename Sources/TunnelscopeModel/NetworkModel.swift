/// Everything the importer found, before indexing and joining. The importer fills it; the model
/// (`NetworkModel.init(parts:)`) deduplicates, indexes and joins it.
public struct ModelParts: Sendable {
    // AWS
    public var transitGateways: [TransitGateway] = []
    public var tgwAttachments: [TGWAttachment] = []
    public var tgwRouteTables: [TGWRouteTable] = []
    /// Routes and propagations whose route table is known only by ID (searched per table).
    public var tgwRoutesByTable: [String: [TGWRoute]] = [:]
    public var tgwPropagationsByTable: [String: [TGWPropagation]] = [:]
    public var vpcs: [AWSVpc] = []
    public var subnets: [AWSSubnet] = []
    public var routeTables: [AWSRouteTable] = []
    public var vpcPeerings: [AWSVpcPeering] = []
    public var customerGateways: [CustomerGateway] = []
    public var vpnGateways: [VPNGateway] = []
    public var vpnConnections: [VPNConnection] = []
    public var directConnectGateways: [DirectConnectGateway] = []
    public var virtualInterfaces: [DirectConnectVirtualInterface] = []
    // GCP
    public var gcpNetworks: [GCPNetwork] = []
    public var gcpSubnets: [GCPSubnet] = []
    public var gcpRoutes: [GCPRoute] = []
    public var haVpnGateways: [HAVPNGateway] = []
    public var externalVpnGateways: [ExternalVPNGateway] = []
    public var gcpTunnels: [GCPVPNTunnel] = []
    public var cloudRouters: [CloudRouter] = []
    public var sharedVPCs: [SharedVPC] = []
    public var redisInstances: [RedisInstance] = []
    // Hybrid
    public var siteAnnotations: [SiteAnnotation] = []
    public var labels: [String: String] = [:]

    public init() {}
}

/// The one model of the whole hybrid network: immutable, indexed by key, with the cross-cloud
/// tunnel join computed once.
public struct NetworkModel: Sendable {
    public let transitGateways: [TransitGateway]
    public let tgwAttachments: [TGWAttachment]
    public let tgwRouteTables: [TGWRouteTable]
    public let vpcs: [AWSVpc]
    public let subnets: [AWSSubnet]
    public let routeTables: [AWSRouteTable]
    public let vpcPeerings: [AWSVpcPeering]
    public let customerGateways: [CustomerGateway]
    public let vpnGateways: [VPNGateway]
    public let vpnConnections: [VPNConnection]
    public let directConnectGateways: [DirectConnectGateway]
    public let virtualInterfaces: [DirectConnectVirtualInterface]
    public let gcpNetworks: [GCPNetwork]
    public let gcpSubnets: [GCPSubnet]
    public let gcpRoutes: [GCPRoute]
    public let haVpnGateways: [HAVPNGateway]
    public let externalVpnGateways: [ExternalVPNGateway]
    public let gcpTunnels: [GCPVPNTunnel]
    public let cloudRouters: [CloudRouter]
    public let sharedVPCs: [SharedVPC]
    public let redisInstances: [RedisInstance]
    public let onPremSites: [OnPremSite]
    public let labels: [String: String]
    public let awsAccounts: [String]
    public let gcpProjects: [GCPProject]
    /// Every physical tunnel, cross-cloud first, in a stable order.
    public let tunnels: [PhysicalTunnel]
    /// Things the join noticed but could not resolve (two GCP tunnels on one AWS IP, …).
    public let joinNotes: [String]

    // Indexes (key → position), so nothing downstream needs a quadratic join.
    public let vpcIndex: IDIndex
    public let subnetIndex: IDIndex
    public let customerGatewayIndex: [String: Int]
    public let vpnConnectionIndex: [String: Int]
    public let transitGatewayIndex: [String: Int]
    public let vpnGatewayIndex: [String: Int]
    public let gcpNetworkIndex: [GCPRef: Int]
    public let gcpTunnelIndex: [GCPRef: Int]
    public let cloudRouterIndex: [GCPRef: Int]
    public let haGatewayIndex: [GCPRef: Int]
    public let externalGatewayIndex: [GCPRef: Int]
    public let tunnelIndex: [String: Int]
    /// Positions in `onPremSites` by site ID (the first, should two share one).
    public let siteIndex: [String: Int]

    public init(parts: ModelParts) {
        // The join, the sites and the lists of accounts and projects read the parts as they are:
        // they are made on one core while the largest arrays are sorted on another.
        // The VPCs and subnets on one core; the route tables, the TGW's and the join on the other.
        let (vpcSide, (transit, join)) = Concurrently.run(
            { SortedVPCs(parts) }, { (SortedTransit(parts), Joined(parts)) })
        tgwAttachments = transit.tgwAttachments
        tgwRouteTables = transit.tgwRouteTables
        subnets = vpcSide.subnets
        vpcs = vpcSide.vpcs
        routeTables = transit.routeTables
        // The two largest indexes on two cores once the VPCs and subnets are in order.
        (vpcIndex, subnetIndex) = Concurrently.run(
            { Self.idIndex(vpcSide.vpcs) { $0.id } }, { Self.idIndex(vpcSide.subnets) { $0.id } })
        transitGateways = parts.transitGateways.inTextOrder { $0.id }
        vpcPeerings = parts.vpcPeerings.inTextOrder { $0.id }
        customerGateways = parts.customerGateways.inTextOrder { $0.id }
        vpnGateways = parts.vpnGateways.inTextOrder { $0.id }
        vpnConnections = parts.vpnConnections.inTextOrder { $0.id }
        directConnectGateways = parts.directConnectGateways.inTextOrder { $0.id }
        virtualInterfaces = parts.virtualInterfaces.inTextOrder { $0.id }
        gcpNetworks = Self.sortedByRef(parts.gcpNetworks) { $0.ref }
        gcpSubnets = Self.sortedByRef(parts.gcpSubnets) { $0.ref }
        gcpRoutes = parts.gcpRoutes.sorted {
            ($0.project ?? "", $0.name ?? "", $0.destinationText) < (
                $1.project ?? "", $1.name ?? "", $1.destinationText
            )
        }
        haVpnGateways = Self.sortedByRef(parts.haVpnGateways) { $0.ref }
        externalVpnGateways = Self.sortedByRef(parts.externalVpnGateways) { $0.ref }
        gcpTunnels = Self.sortedByRef(parts.gcpTunnels) { $0.ref }
        cloudRouters = Self.sortedByRef(parts.cloudRouters) { $0.ref }
        sharedVPCs = parts.sharedVPCs.sorted { $0.hostProject < $1.hostProject }
        redisInstances = parts.redisInstances.sorted { ($0.project, $0.name) < ($1.project, $1.name) }
        labels = parts.labels

        customerGatewayIndex = Self.index(customerGateways) { $0.id }
        vpnConnectionIndex = Self.index(vpnConnections) { $0.id }
        transitGatewayIndex = Self.index(transitGateways) { $0.id }
        vpnGatewayIndex = Self.index(vpnGateways) { $0.id }
        gcpNetworkIndex = Self.index(gcpNetworks) { $0.ref }
        gcpTunnelIndex = Self.index(gcpTunnels) { $0.ref }
        cloudRouterIndex = Self.index(cloudRouters) { $0.ref }
        haGatewayIndex = Self.index(haVpnGateways) { $0.ref }
        externalGatewayIndex = Self.index(externalVpnGateways) { $0.ref }

        awsAccounts = join.awsAccounts
        gcpProjects = join.gcpProjects
        onPremSites = join.onPremSites
        tunnels = join.tunnels
        joinNotes = join.notes
        tunnelIndex = join.tunnelIndex
        siteIndex = Self.index(onPremSites) { $0.id }
    }

    /// The VPCs and subnets in order.
    private struct SortedVPCs: Sendable {
        let subnets: [AWSSubnet]
        let vpcs: [AWSVpc]

        init(_ parts: ModelParts) {
            var subnets = parts.subnets.inTextOrder({ $0.vpcId }, then: { $0.id })
            var vpcs = parts.vpcs.inTextOrder { $0.id }
            // The subnets are in the order of their VPCs' IDs and the VPCs in the order of theirs:
            // one pass over both (a merge join, no lookups) gives each VPC its region (its first
            // subnet's that has one: describe-vpcs does not say) and points each run of subnets at
            // its VPC's copy of the ID (each file had its own).
            // The runs are found first: walking the array while writing into it would copy it whole.
            var runs: [Range<Int>] = []
            subnets.forEachVPCRun { runs.append($0) }
            var v = 0
            for run in runs {
                let vpcId = subnets[run.lowerBound].vpcId
                let key = TextOrderKey(vpcId)
                while v < vpcs.count, TextOrderKey.compare(TextOrderKey(vpcs[v].id), key) < 0 { v += 1 }
                guard v < vpcs.count, vpcs[v].id == vpcId else { continue }
                let region = run.lazy.compactMap { subnets[$0].region }.first
                var same = v
                while same < vpcs.count, vpcs[same].id == vpcId {
                    if vpcs[same].region == nil { vpcs[same].region = region }
                    same += 1
                }
                let shared = vpcs[v].id
                for i in run { subnets[i].vpcId = shared }
            }
            self.vpcs = vpcs
            self.subnets = subnets
        }
    }

    /// The route tables, TGW attachments and TGW route tables in order.
    private struct SortedTransit: Sendable {
        let tgwAttachments: [TGWAttachment]
        let tgwRouteTables: [TGWRouteTable]
        let routeTables: [AWSRouteTable]

        init(_ parts: ModelParts) {
            let tgwAttachments = parts.tgwAttachments.inTextOrder { $0.id }
            let tgwRouteTables = NetworkModel.mergeRouteTables(parts)
            let routeTables = parts.routeTables.inTextOrder { $0.id }
            self.tgwAttachments = tgwAttachments
            self.tgwRouteTables = tgwRouteTables
            self.routeTables = routeTables
        }
    }

    /// What is made from the parts as they are: the accounts, projects, sites and tunnels.
    private struct Joined: Sendable {
        let awsAccounts: [String]
        let gcpProjects: [GCPProject]
        let onPremSites: [OnPremSite]
        let tunnels: [PhysicalTunnel]
        let notes: [String]
        let tunnelIndex: [String: Int]

        init(_ parts: ModelParts) {
            awsAccounts = NetworkModel.collectAccounts(parts)
            gcpProjects = NetworkModel.collectProjects(parts)
            var join = TunnelJoin(parts: parts)
            let sites = SiteInference(parts: parts, gcpInterfaceIps: join.haInterfaceIps)
            onPremSites = sites.sites
            tunnels = join.run(siteNameForCustomerGateway: sites.siteNameByCustomerGateway)
            notes = join.notes
            tunnelIndex = NetworkModel.index(tunnels) { $0.id }
        }
    }

    /// Items in the order of their references (`GCPRef`'s order, the descriptions'): each
    /// description made once, not twice per comparison.
    static func sortedByRef<T>(_ items: [T], _ ref: (T) -> GCPRef) -> [T] {
        items.inTextOrder { ref($0).description }
    }

    /// Key → the position of its first item (the items are not copied).
    static func index<T, K: Hashable>(_ items: [T], _ key: (borrowing T) -> K) -> [K: Int] {
        var result: [K: Int] = [:]
        result.reserveCapacity(items.count)
        items.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                // One lookup for a new key (the usual case); a repeated key gets its first position back.
                let k = key(buffer[i])
                if let first = result.updateValue(i, forKey: k) { result[k] = first }
            }
        }
        return result
    }

    /// ID → the position of its first item (the items are not copied).
    static func idIndex<T>(_ items: [T], _ id: (borrowing T) -> String) -> IDIndex {
        var result = IDIndex(minimumCapacity: items.count)
        items.withUnsafeBufferPointer { buffer in
            for i in buffer.indices { result.keepFirst(id(buffer[i]), i) }
        }
        return result
    }

    /// Route tables get the routes and propagations exported per table.
    static func mergeRouteTables(_ parts: ModelParts) -> [TGWRouteTable] {
        var tables = parts.tgwRouteTables
        var known = Set(tables.map(\.id))
        for id in Set(parts.tgwRoutesByTable.keys).union(parts.tgwPropagationsByTable.keys).sorted()
        where !known.contains(id) {
            tables.append(
                TGWRouteTable(
                    id: id, transitGatewayId: nil, isDefaultAssociation: false,
                    isDefaultPropagation: false, state: nil, routes: [], propagations: [],
                    tags: [:], source: SourceRef(file: "(route searches)", path: "$")))
            known.insert(id)
        }
        for i in tables.indices {
            tables[i].routes += parts.tgwRoutesByTable[tables[i].id] ?? []
            tables[i].propagations += parts.tgwPropagationsByTable[tables[i].id] ?? []
        }
        return tables.inTextOrder { $0.id }
    }

    static func collectAccounts(_ parts: ModelParts) -> [String] {
        var ids = Set<String>()
        parts.transitGateways.forEach { if let a = $0.accountId { ids.insert(a) } }
        parts.vpcs.forEach { if let a = $0.accountId { ids.insert(a) } }
        parts.subnets.forEach { if let a = $0.accountId { ids.insert(a) } }
        parts.vpnConnections.forEach { if let a = $0.accountId { ids.insert(a) } }
        parts.customerGateways.forEach { if let a = $0.accountId { ids.insert(a) } }
        parts.directConnectGateways.forEach { if let a = $0.accountId { ids.insert(a) } }
        parts.tgwAttachments.forEach { if let a = $0.resourceOwnerId { ids.insert(a) } }
        return ids.sorted()
    }

    static func collectProjects(_ parts: ModelParts) -> [GCPProject] {
        var roles: [String: GCPProject] = [:]
        func see(_ project: String, as role: GCPProject.Role = .standalone) {
            if roles[project] == nil { roles[project] = GCPProject(id: project, role: role) }
        }
        parts.gcpNetworks.forEach { see($0.ref.project) }
        parts.gcpSubnets.forEach { see($0.ref.project) }
        parts.haVpnGateways.forEach { see($0.ref.project) }
        parts.externalVpnGateways.forEach { see($0.ref.project) }
        parts.gcpTunnels.forEach { see($0.ref.project) }
        parts.cloudRouters.forEach { see($0.ref.project) }
        parts.redisInstances.forEach { see($0.project) }
        for shared in parts.sharedVPCs {
            roles[shared.hostProject] = GCPProject(id: shared.hostProject, role: .sharedVPCHost)
            for service in shared.serviceProjects {
                roles[service] = GCPProject(id: service, role: .sharedVPCService, hostProject: shared.hostProject)
            }
        }
        return roles.values.sorted { $0.id < $1.id }
    }
}

extension NetworkModel {
    public func vpc(_ id: String) -> AWSVpc? { vpcIndex[id].map { vpcs[$0] } }
    public func customerGateway(_ id: String) -> CustomerGateway? {
        customerGatewayIndex[id].map { customerGateways[$0] }
    }
    public func vpnConnection(_ id: String) -> VPNConnection? { vpnConnectionIndex[id].map { vpnConnections[$0] } }
    public func transitGateway(_ id: String) -> TransitGateway? { transitGatewayIndex[id].map { transitGateways[$0] } }
    public func gcpNetwork(_ ref: GCPRef) -> GCPNetwork? { gcpNetworkIndex[ref].map { gcpNetworks[$0] } }
    public func cloudRouter(_ ref: GCPRef) -> CloudRouter? { cloudRouterIndex[ref].map { cloudRouters[$0] } }
    public func tunnel(_ id: String) -> PhysicalTunnel? { tunnelIndex[id].map { tunnels[$0] } }
    public func onPremSite(_ id: String) -> OnPremSite? { siteIndex[id].map { onPremSites[$0] } }

    /// How many resources the model holds, for the load report's reconciliation.
    public var resourceCount: Int {
        transitGateways.count + tgwAttachments.count + tgwRouteTables.count + vpcs.count + subnets.count
            + routeTables.count + vpcPeerings.count + customerGateways.count + vpnGateways.count
            + vpnConnections.count + directConnectGateways.count + virtualInterfaces.count + gcpNetworks.count
            + gcpSubnets.count + gcpRoutes.count + haVpnGateways.count + externalVpnGateways.count
            + gcpTunnels.count + cloudRouters.count + sharedVPCs.count + redisInstances.count
    }
}
