import TunnelscopeModel

/// Who is connected to whom on the topology map, read from the model's own references and
/// indexed by key (one pass over each resource list, no scan per element):
/// - a VPC hangs off the Transit Gateway it has a `vpc` attachment to, and off the virtual
///   private gateway whose `attachedVpcIds` name it;
/// - an on-prem site hangs off the gateway its VPN connections end on (customer gateway →
///   VPN connection → `TransitGatewayId` / `VpnGatewayId`) and off the Transit Gateway its Direct
///   Connect gateway is attached to (`direct-connect-gateway` TGW attachment);
/// - the cross-cloud tunnels are grouped by the AWS gateway their connections end on (one VPN
///   link box per TGW/VGW), and each group leads to the HA VPN gateways its GCP ends use;
/// - an HA VPN gateway sits in its project; a Shared VPC host leads to its service projects; a
///   Memorystore instance hangs off the project of the network it is peered with.
struct MapGraph: Sendable {
    enum HubKind: Sendable { case tgw, vgw }

    struct Hub: Sendable {
        let id: String
        let kind: HubKind
    }

    /// How a site reaches a hub.
    enum SiteLink: String, Sendable {
        case vpn = "VPN"
        case directConnect = "Direct Connect"
    }

    /// One group of cross-cloud tunnels: those whose AWS connections end on `hub` (nil: the AWS
    /// side is not in the exports).
    struct CrossLink: Sendable {
        let hub: String?
        /// Indices into `model.tunnels`.
        let tunnels: [Int]
        /// HA VPN gateway IDs of the tunnels' GCP ends, in first-seen order.
        let haGateways: [String]
    }

    /// TGWs, then VGWs, in model order.
    let hubs: [Hub]
    let hubIndex: [String: Int]
    /// VPC ID → hub IDs it is attached to, in hub order.
    let hubsByVpc: [String: [String]]
    /// VPC IDs per hub, in model order.
    let vpcsByHub: [String: [String]]
    /// Site ID → (hub ID, how), in hub order, one entry per hub and kind of link.
    let hubsBySite: [String: [(hub: String, via: SiteLink)]]
    /// Cross-cloud tunnel groups in hub order; the group without an AWS side last.
    let crossLinks: [CrossLink]
    /// VPN connection IDs per hub (all connections, on-prem and cross-cloud).
    let connectionsByHub: [String: [String]]
    /// VPN connection IDs per customer gateway.
    let connectionsByCustomerGateway: [String: [String]]

    init(model: NetworkModel) {
        var hubs: [Hub] = model.transitGateways.map { Hub(id: $0.id, kind: .tgw) }
        hubs += model.vpnGateways.map { Hub(id: $0.id, kind: .vgw) }
        var hubIndex: [String: Int] = [:]
        for (i, hub) in hubs.enumerated() where hubIndex[hub.id] == nil { hubIndex[hub.id] = i }
        self.hubs = hubs
        self.hubIndex = hubIndex

        // VPCs: TGW `vpc` attachments and VGW attachedVpcIds.
        var hubsByVpc: [String: [String]] = [:]
        var dxTgws: [String: [String]] = [:]
        for attachment in model.tgwAttachments where hubIndex[attachment.transitGatewayId] != nil {
            guard let resource = attachment.resourceId else { continue }
            switch attachment.resourceType {
            case "vpc": hubsByVpc[resource, default: []].append(attachment.transitGatewayId)
            case "direct-connect-gateway": dxTgws[resource, default: []].append(attachment.transitGatewayId)
            default: break
            }
        }
        for vgw in model.vpnGateways {
            for vpc in vgw.attachedVpcIds { hubsByVpc[vpc, default: []].append(vgw.id) }
        }
        for (vpc, ids) in hubsByVpc { hubsByVpc[vpc] = Self.ordered(ids, by: hubIndex) }
        self.hubsByVpc = hubsByVpc
        var vpcsByHub: [String: [String]] = [:]
        for vpc in model.vpcs {
            for hub in hubsByVpc[vpc.id] ?? [] { vpcsByHub[hub, default: []].append(vpc.id) }
        }
        self.vpcsByHub = vpcsByHub

        // Connections by customer gateway and by hub.
        var connectionsByCGW: [String: [Int]] = [:]
        var connectionsByHub: [String: [String]] = [:]
        for (i, connection) in model.vpnConnections.enumerated() {
            if let cgw = connection.customerGatewayId { connectionsByCGW[cgw, default: []].append(i) }
            if let hub = connection.transitGatewayId ?? connection.vpnGatewayId, hubIndex[hub] != nil {
                connectionsByHub[hub, default: []].append(connection.id)
            }
        }
        self.connectionsByHub = connectionsByHub
        connectionsByCustomerGateway = connectionsByCGW.mapValues { $0.map { model.vpnConnections[$0].id } }

        // Sites: VPN (customer gateway → connection → TGW/VGW) and Direct Connect (DX gateway → TGW).
        var hubsBySite: [String: [(hub: String, via: SiteLink)]] = [:]
        for site in model.onPremSites {
            var links: [(hub: String, via: SiteLink)] = []
            var seen = Set<String>()
            func add(_ hub: String, _ via: SiteLink) {
                guard hubIndex[hub] != nil, seen.insert("\(hub) \(via.rawValue)").inserted else { return }
                links.append((hub, via))
            }
            for cgw in site.customerGatewayIds {
                for c in connectionsByCGW[cgw] ?? [] {
                    let connection = model.vpnConnections[c]
                    if let hub = connection.transitGatewayId ?? connection.vpnGatewayId { add(hub, .vpn) }
                }
            }
            for dx in site.directConnectGatewayIds {
                for tgw in dxTgws[dx] ?? [] { add(tgw, .directConnect) }
            }
            hubsBySite[site.id] = links.sorted {
                (hubIndex[$0.hub] ?? 0, $0.via.rawValue) < (hubIndex[$1.hub] ?? 0, $1.via.rawValue)
            }
        }
        self.hubsBySite = hubsBySite

        // Cross-cloud tunnels by the AWS gateway their connection ends on. A tunnel seen from GCP
        // only joins the group of its HA gateway when exactly one group uses that gateway.
        var byHub: [String: [Int]] = [:]
        var haOfHub: [String: Set<String>] = [:]
        var orphans: [Int] = []
        for (t, tunnel) in model.tunnels.enumerated() where tunnel.isCrossCloud {
            if let aws = tunnel.aws, let hub = aws.transitGatewayId ?? aws.vpnGatewayId {
                byHub[hub, default: []].append(t)
                if let ha = tunnel.gcp?.haGateway?.id { haOfHub[hub, default: []].insert(ha) }
            } else {
                orphans.append(t)
            }
        }
        var hubsByHA: [String: [String]] = [:]
        for (hub, has) in haOfHub { for ha in has { hubsByHA[ha, default: []].append(hub) } }
        var unplaced: [Int] = []
        for t in orphans {
            if let ha = model.tunnels[t].gcp?.haGateway?.id, let hubs = hubsByHA[ha], hubs.count == 1 {
                byHub[hubs[0], default: []].append(t)
            } else {
                unplaced.append(t)
            }
        }
        // Known hubs in hub order, then connections to gateways missing from the exports (by ID).
        let keys = byHub.keys.sorted { (hubIndex[$0] ?? Int.max, $0) < (hubIndex[$1] ?? Int.max, $1) }
        var crossLinks: [CrossLink] = keys.map { hub in
            let tunnels = byHub[hub]!.sorted()
            return CrossLink(
                hub: hubIndex[hub] != nil ? hub : nil, tunnels: tunnels, haGateways: Self.haGateways(tunnels, model))
        }
        if !unplaced.isEmpty {
            crossLinks.append(CrossLink(hub: nil, tunnels: unplaced, haGateways: Self.haGateways(unplaced, model)))
        }
        self.crossLinks = crossLinks
    }

    func hub(_ id: String) -> Hub? { hubIndex[id].map { hubs[$0] } }

    /// The ID of the link box for a group: `link` for the first (the map's usual entry point),
    /// `link:<gateway ID>` for the others.
    func linkNodeId(_ i: Int) -> String { i == 0 ? "link" : "link:\(crossLinks[i].hub ?? "?\(i)")" }

    private static func haGateways(_ tunnels: [Int], _ model: NetworkModel) -> [String] {
        var seen = Set<String>()
        return tunnels.compactMap { model.tunnels[$0].gcp?.haGateway?.id }.filter { seen.insert($0).inserted }
    }

    private static func ordered(_ ids: [String], by index: [String: Int]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.sorted { (index[$0] ?? Int.max) < (index[$1] ?? Int.max) }
    }
}
