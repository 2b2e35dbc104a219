import TunnelscopeModel

/// Lookups over the model that the rules, the what-if and the path query share. Built once per
/// model in one pass over each collection: nothing downstream loops over all pairs.
final class ModelIndex: Sendable {
    let model: NetworkModel

    // AWS
    let attachmentById: IDIndex
    /// VPC, VPN connection or Direct Connect gateway ID → its TGW attachments.
    let attachmentsByResource: KeyedGroups
    let tgwRouteTableById: [String: Int]
    let routeTableBySubnet: IDIndex
    let mainRouteTableByVpc: IDIndex
    let routeTablesByVpc: KeyedGroups
    let connectionsByVgw: [String: [Int]]
    let routeTableById: IDIndex
    let vpcPeeringById: [String: Int]
    let virtualInterfacesByGateway: [String: [Int]]
    let vgwsByVpc: [String: [String]]
    /// By position in `model.vpcs`: the VPC is part of the hybrid network (`isHybridVPC`).
    let hybridVPCs: [Bool]

    // Physical tunnels (indices into model.tunnels)
    let tunnelsByConnection: [String: [Int]]
    let tunnelsByCustomerGateway: [String: [Int]]
    let tunnelsByHAInterface: [String: [Int]]
    let tunnelsByHAGateway: [String: [Int]]
    let tunnelsByPeerInterface: [String: [Int]]
    let tunnelsByPeerGateway: [String: [Int]]
    let tunnelsByRouter: [String: [Int]]
    let tunnelsByAWSGateway: [String: [Int]]
    let tunnelByGCPTunnel: [String: Int]
    /// Per Cloud Router (ID): the AWS inside address its BGP peer talks to → tunnel.
    let tunnelByRouterPeerIp: [String: [IPv4Address: Int]]

    // GCP
    let haInterfaceByIp: [IPv4Address: (gateway: GCPRef, interface: Int)]
    let gcpSubnetsByNetwork: [GCPRef: [Int]]
    let gcpRoutesByNetwork: [GCPRef: [Int]]
    let routersByNetwork: [GCPRef: [Int]]
    let haGatewaysByNetwork: [GCPRef: [Int]]
    let redisByNetwork: [GCPRef: [Int]]
    let sharedVPCByHost: [String: Int]
    let hostByServiceProject: [String: String]

    // On-prem
    let siteByCustomerGateway: [String: Int]
    let siteByDirectConnectGateway: [String: Int]
    let siteByName: [String: Int]

    /// `concurrently`: index the VPC side on another core (for a large network; see `AnalysisContext`).
    init(model: NetworkModel, concurrently: Bool = false) {
        self.model = model
        // Sized up front: growing a table of tens of thousands of IDs rehashes every key each time.
        var attachmentById = IDIndex(minimumCapacity: model.tgwAttachments.count)
        var attachmentsByResource = KeyedGroups.Builder(capacity: model.tgwAttachments.count)
        // By position: an attachment is not copied to be read.
        let attachments = model.tgwAttachments
        for i in attachments.indices {
            attachmentById.keepLast(attachments[i].id, i)
            if let r = attachments[i].resourceId, attachments[i].state != "deleted" { attachmentsByResource.add(r, i) }
        }
        self.attachmentById = attachmentById
        self.attachmentsByResource = attachmentsByResource.groups()
        tgwRouteTableById = Dictionary(
            model.tgwRouteTables.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // The VPC side (subnets and route tables: the largest arrays) is indexed on another core
        // beside the rest.
        let vpcSide = Deferred { VPCSide(model: model) }
        if concurrently { vpcSide.prefetch() }
        vpcPeeringById = Dictionary(model.vpcPeerings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var vifs: [String: [Int]] = [:]
        for (i, v) in model.virtualInterfaces.enumerated() {
            if let g = v.directConnectGatewayId { vifs[g, default: []].append(i) }
        }
        virtualInterfacesByGateway = vifs
        var byVgw: [String: [Int]] = [:]
        for (i, c) in model.vpnConnections.enumerated() {
            if let g = c.vpnGatewayId { byVgw[g, default: []].append(i) }
        }
        connectionsByVgw = byVgw
        var vgwsByVpc: [String: [String]] = [:]
        for g in model.vpnGateways { for v in g.attachedVpcIds { vgwsByVpc[v, default: []].append(g.id) } }
        self.vgwsByVpc = vgwsByVpc
        hybridVPCs = Self.hybridVPCs(model)

        var byConnection = [String: [Int]](minimumCapacity: model.vpnConnections.count)
        var byCgw: [String: [Int]] = [:]
        var byHAIf: [String: [Int]] = [:]
        var byHA: [String: [Int]] = [:]
        var byPeerIf: [String: [Int]] = [:]
        var byPeer: [String: [Int]] = [:]
        var byRouter: [String: [Int]] = [:]
        var byAWSGateway: [String: [Int]] = [:]
        var byGCPTunnel = [String: Int](minimumCapacity: model.gcpTunnels.count)
        var byPeerIp: [String: [IPv4Address: Int]] = [:]
        var haByIp: [IPv4Address: (gateway: GCPRef, interface: Int)] = [:]
        for g in model.haVpnGateways {
            for i in g.interfaces { if let ip = i.ipAddress { haByIp[ip] = (g.ref, i.id) } }
        }
        haInterfaceByIp = haByIp
        for (t, tunnel) in model.tunnels.enumerated() {
            if let aws = tunnel.aws {
                byConnection[aws.vpnConnectionId, default: []].append(t)
                if let cgw = aws.customerGatewayId { byCgw[cgw, default: []].append(t) }
                if let gw = aws.transitGatewayId ?? aws.vpnGatewayId { byAWSGateway[gw, default: []].append(t) }
            }
            var haInterface: String?
            if let gcp = tunnel.gcp {
                byGCPTunnel[gcp.tunnel.ref.id] = t
                if let ha = gcp.haGateway {
                    byHA[ha.id, default: []].append(t)
                    if let n = gcp.haInterface { haInterface = ha.interfaceID(n) }
                }
                if let peer = gcp.peerGateway {
                    byPeer[peer.id, default: []].append(t)
                    if let n = gcp.peerInterface { byPeerIf[peer.interfaceID(n), default: []].append(t) }
                }
                if let router = gcp.router {
                    byRouter[router.id, default: []].append(t)
                    if let ip = gcp.bgpPeer?.peerIpAddress { byPeerIp[router.id, default: [:]][ip] = t }
                }
            } else if let ip = tunnel.aws?.customerGatewayIp, let ha = haByIp[ip] {
                // AWS-only tunnel: it still hangs on the HA interface its customer gateway names.
                haInterface = ha.gateway.interfaceID(ha.interface)
                byHA[ha.gateway.id, default: []].append(t)
            }
            if let haInterface { byHAIf[haInterface, default: []].append(t) }
        }
        tunnelsByConnection = byConnection
        tunnelsByCustomerGateway = byCgw
        tunnelsByHAInterface = byHAIf
        tunnelsByHAGateway = byHA
        tunnelsByPeerInterface = byPeerIf
        tunnelsByPeerGateway = byPeer
        tunnelsByRouter = byRouter
        tunnelsByAWSGateway = byAWSGateway
        tunnelByGCPTunnel = byGCPTunnel
        tunnelByRouterPeerIp = byPeerIp

        gcpSubnetsByNetwork = Self.group(model.gcpSubnets) { $0.network }
        gcpRoutesByNetwork = Self.group(model.gcpRoutes) { $0.network }
        routersByNetwork = Self.group(model.cloudRouters) { $0.network }
        haGatewaysByNetwork = Self.group(model.haVpnGateways) { $0.network }
        redisByNetwork = Self.group(model.redisInstances) { $0.authorizedNetwork }
        sharedVPCByHost = Dictionary(
            model.sharedVPCs.enumerated().map { ($1.hostProject, $0) }, uniquingKeysWith: { a, _ in a })
        var hostByService: [String: String] = [:]
        for shared in model.sharedVPCs { for s in shared.serviceProjects { hostByService[s] = shared.hostProject } }
        hostByServiceProject = hostByService

        var siteByCgw: [String: Int] = [:]
        var siteByDx: [String: Int] = [:]
        var siteByName: [String: Int] = [:]
        for (i, site) in model.onPremSites.enumerated() {
            site.customerGatewayIds.forEach { siteByCgw[$0] = siteByCgw[$0] ?? i }
            site.directConnectGatewayIds.forEach { siteByDx[$0] = siteByDx[$0] ?? i }
            siteByName[site.name] = siteByName[site.name] ?? i
        }
        siteByCustomerGateway = siteByCgw
        siteByDirectConnectGateway = siteByDx
        self.siteByName = siteByName
        let vpc = vpcSide.value
        routeTableBySubnet = vpc.routeTableBySubnet
        mainRouteTableByVpc = vpc.mainRouteTableByVpc
        routeTablesByVpc = vpc.routeTablesByVpc
        routeTableById = vpc.routeTableById
    }

    /// The route tables by VPC, subnet and ID.
    private struct VPCSide: Sendable {
        var routeTableBySubnet: IDIndex
        var mainRouteTableByVpc: IDIndex
        var routeTablesByVpc: KeyedGroups
        var routeTableById: IDIndex

        init(model: NetworkModel) {
            routeTableBySubnet = IDIndex(minimumCapacity: model.subnets.count)
            mainRouteTableByVpc = IDIndex(minimumCapacity: model.vpcs.count)
            var byVpc = KeyedGroups.Builder(capacity: model.routeTables.count)
            routeTableById = IDIndex(minimumCapacity: model.routeTables.count)
            // By position: a table is not copied to be read.
            let tables = model.routeTables
            for i in tables.indices {
                let vpc = tables[i].vpcId
                byVpc.add(vpc, i)
                if tables[i].isMain { mainRouteTableByVpc.keepFirst(vpc, i) }
                // One lookup per subnet; one associated twice keeps its first table.
                for subnet in tables[i].subnetIds { routeTableBySubnet.keepFirst(subnet, i) }
                routeTableById.keepFirst(tables[i].id, i)
            }
            routeTablesByVpc = byVpc.groups()
        }
    }

    private static func group<T>(_ items: [T], by key: (T) -> GCPRef?) -> [GCPRef: [Int]] {
        var result: [GCPRef: [Int]] = [:]
        for (i, item) in items.enumerated() { if let k = key(item) { result[k, default: []].append(i) } }
        return result
    }

    // MARK: Convenience

    func attachment(_ id: String) -> TGWAttachment? { attachmentById[id].map { model.tgwAttachments[$0] } }
    func tgwRouteTable(_ id: String) -> TGWRouteTable? { tgwRouteTableById[id].map { model.tgwRouteTables[$0] } }
    func routeTable(_ id: String) -> AWSRouteTable? { routeTableById[id].map { model.routeTables[$0] } }
    func vpnGateway(_ id: String) -> VPNGateway? { model.vpnGatewayIndex[id].map { model.vpnGateways[$0] } }
    func virtualInterfaces(ofGateway dx: String) -> [DirectConnectVirtualInterface] {
        (virtualInterfacesByGateway[dx] ?? []).map { model.virtualInterfaces[$0] }
    }
    func directConnectGatewayName(_ id: String) -> String {
        named(model.directConnectGateways.first { $0.id == id }?.name, id)
    }

    /// The TGW attachments of a resource (VPC, VPN connection, DX gateway) on one TGW.
    func attachments(of resource: String, on tgw: String? = nil) -> [TGWAttachment] {
        guard let indices = attachmentsByResource[resource] else { return [] }
        var result: [TGWAttachment] = []
        for i in indices where tgw == nil || model.tgwAttachments[i].transitGatewayId == tgw {
            result.append(model.tgwAttachments[i])
        }
        return result
    }

    /// The route table that applies to a subnet: its explicit association, else the VPC's main table.
    func routeTable(forSubnet subnet: String, in vpc: String) -> AWSRouteTable? {
        (routeTableBySubnet[subnet] ?? mainRouteTableByVpc[vpc]).map { model.routeTables[$0] }
    }

    func isSharedVPCHost(_ project: String) -> Bool { sharedVPCByHost[project] != nil }
    func serviceProjects(ofHost project: String) -> [String] {
        sharedVPCByHost[project].map { model.sharedVPCs[$0].serviceProjects } ?? []
    }

    /// A GCP network carries the hybrid link: an HA VPN gateway or a Cloud Router with BGP peers is on it.
    func isVPNAttached(_ network: GCPRef) -> Bool {
        if !(haGatewaysByNetwork[network] ?? []).isEmpty { return true }
        if (routersByNetwork[network] ?? []).contains(where: { !model.cloudRouters[$0].bgpPeers.isEmpty }) {
            return true
        }
        return (gcpRoutesByNetwork[network] ?? []).contains {
            if case .vpnTunnel = model.gcpRoutes[$0].nextHop { true } else { false }
        }
    }

    /// `isHybridVPC` for every VPC by position: one lookup per VPC attachment and VGW attachment,
    /// not two per VPC.
    private static func hybridVPCs(_ model: NetworkModel) -> [Bool] {
        let vpcs = model.vpcs
        var hybrid = [Bool](repeating: false, count: vpcs.count)
        let attachments = model.tgwAttachments
        for i in attachments.indices where attachments[i].resourceType == "vpc" && attachments[i].state != "deleted" {
            if let v = attachments[i].resourceId.flatMap({ model.vpcIndex[$0] }) { hybrid[v] = true }
        }
        for gateway in model.vpnGateways {
            for id in gateway.attachedVpcIds { if let v = model.vpcIndex[id] { hybrid[v] = true } }
        }
        // The index names the first of several copies of an ID; the copies (side by side: the VPCs
        // are in ID order) are the same VPC.
        if model.vpcIndex.count < vpcs.count {
            for v in vpcs.indices.dropFirst() where vpcs[v].id == vpcs[v - 1].id { hybrid[v] = hybrid[v - 1] }
        }
        return hybrid
    }

    /// An AWS VPC is part of the hybrid network: attached to a TGW, or with a VGW attached.
    func isHybridVPC(_ vpc: String) -> Bool {
        (attachmentsByResource[vpc] ?? []).contains { model.tgwAttachments[$0].resourceType == "vpc" }
            || !(vgwsByVpc[vpc] ?? []).isEmpty
    }

    /// The physical tunnel a Cloud Router route goes over: `nextHopVpnTunnel` when present, else
    /// `nextHopIp` as the AWS inside address of one of the router's BGP peers (of any router on
    /// the route's network when the router is not known). nil: not over a known tunnel.
    func tunnel(of route: GCPRoute, router: CloudRouter?) -> Int? {
        if case .vpnTunnel(let ref) = route.nextHop { return tunnelByGCPTunnel[ref.id] }
        guard let text = route.nextHopIp, let ip = IPv4Address(text) else { return nil }
        if let router { return tunnelByRouterPeerIp[router.ref.id]?[ip] }
        guard let network = route.network else { return nil }
        for r in routersByNetwork[network] ?? [] {
            if let t = tunnelByRouterPeerIp[model.cloudRouters[r].ref.id]?[ip] { return t }
        }
        return nil
    }

    /// The GCP network a tunnel's GCP end lives in (through its router or HA gateway).
    func gcpNetwork(ofTunnel t: Int) -> GCPRef? {
        guard let gcp = model.tunnels[t].gcp else {
            if let ip = model.tunnels[t].aws?.customerGatewayIp, let ha = haInterfaceByIp[ip] {
                return model.haGatewayIndex[ha.gateway].flatMap { model.haVpnGateways[$0].network }
            }
            return nil
        }
        if let router = gcp.router.flatMap({ model.cloudRouter($0) }), let n = router.network { return n }
        return gcp.haGateway.flatMap { model.haGatewayIndex[$0] }.flatMap { model.haVpnGateways[$0].network }
    }
}
