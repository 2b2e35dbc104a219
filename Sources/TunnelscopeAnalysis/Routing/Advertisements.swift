import TunnelscopeModel

/// One prefix crossing the AWS ⇄ GCP VPN in one direction, seen from both ends.
public struct VPNRoute: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case awsToGCP = "aws-to-gcp"
        case gcpToAWS = "gcp-to-aws"
    }

    public let prefix: CIDR
    public let direction: Direction
    /// The resource the prefix belongs to (VPC, site, GCP subnet, Memorystore…), when known.
    public let origin: String?
    public let originLabel: String
    public let originSide: Side
    /// Tunnel IDs whose live session advertises it (the sender's view).
    public let advertisedOn: [String]
    /// Tunnel IDs over which the receiver has it now (Cloud Router best routes; the TGW routes of the connection).
    public let learnedOn: [String]
    /// Where each view came from: `tgw-rtb-… associated with the VPN attachment`, `cr-aws get-status`, …
    public let evidence: [String]

    let advertisedOnIndices: [Int]
    let learnedOnIndices: [Int]
}

/// Routes per tunnel, for a tunnel's detail pane.
public struct TunnelRoutes: Sendable, Hashable {
    public let tunnel: String
    /// What AWS advertises on it (TGW route table of the VPN attachment, or the VGW's VPC).
    public let awsAdvertises: [CIDR]
    /// What Cloud Router advertises on its BGP peer (get-status, else the router's configuration).
    public let gcpAdvertises: [CIDR]
    public let gcpAdvertisementSource: String?
    /// `VgwTelemetry.AcceptedRouteCount` and Cloud Router `numLearnedRoutes`.
    public let awsAcceptedRoutes: Int?
    public let gcpLearnedRoutes: Int?
    /// What Cloud Router has among its best routes over this tunnel (`nextHopVpnTunnel`, or
    /// `nextHopIp` = this tunnel's AWS inside address); nil when its router's status was not exported.
    public let gcpLearns: [CIDR]?
    /// What the TGW route tables hold over this tunnel's VPN attachment while the tunnel carries.
    public let awsLearns: [CIDR]
    /// Why `gcpLearns` is unknown: the GCP end or its router's status is not in the exports.
    public let gcpLearnsUnknown: String?
}

/// What each side advertises and learns over the VPN.
public struct RouteExchange: Sendable {
    public let awsToGCP: [VPNRoute]
    public let gcpToAWS: [VPNRoute]
    public let perTunnel: [TunnelRoutes]
    /// Per tunnel index: what Cloud Router advertises on its BGP session (for standby failover).
    var gcpAdvertisedByTunnel: [Int: [CIDR]] = [:]
    /// Disagreements between the two views (advertised but not learned, learned but not advertised).
    public let notes: [String]

    public func advertised(by side: Side) -> [VPNRoute] { side == .aws ? awsToGCP : side == .gcp ? gcpToAWS : [] }
    public func learned(by side: Side) -> [VPNRoute] { side == .aws ? gcpToAWS : side == .gcp ? awsToGCP : [] }
}

extension RouteExchange {
    /// `space` is asked for only once the prefixes are collected, to name their owners (so it
    /// can be built on another core meanwhile).
    init(index: ModelIndex, space addressSpace: () -> AddressSpace, states: [TunnelState]) {
        let model = index.model
        let cross = model.tunnels.indices.filter { model.tunnels[$0].isCrossCloud }
        let crossConnections = Set(cross.compactMap { model.tunnels[$0].aws?.vpnConnectionId })
        var notes: [String] = []

        // AWS → GCP, sender: the TGW route table associated with each VPN attachment (or the VGW's
        // VPCs). What one sends is the same for every tunnel of its connections: it is read once,
        // and each prefix is then recorded once per sender with all the tunnels that carry it
        // (not copied, sorted and looked up again for every tunnel).
        var awsOut: [CIDR: (tunnels: Set<Int>, origin: String?, evidence: Set<String>)] = [:]
        var awsAdvertisesByTunnel: [Int: [CIDR]] = [:]
        var senders: [String: Sender] = [:]
        /// The senders with the tunnels that carry what they send, in the order the tunnels first name them.
        var carriedBy: [(sender: String, tunnels: [Int])] = []
        var carriedPosition: [String: Int] = [:]
        for t in cross {
            guard let aws = model.tunnels[t].aws else { continue }
            var names: [String] = []
            if let tgw = aws.transitGatewayId {
                for attachment in index.attachments(of: aws.vpnConnectionId, on: tgw)
                where attachment.resourceType == "vpn" {
                    guard let tableId = attachment.associatedRouteTableId, let table = index.tgwRouteTable(tableId)
                    else { continue }
                    if senders[attachment.id] == nil {
                        senders[attachment.id] = Sender(
                            table: table, attachment: attachment.id,
                            crossConnections: crossConnections,
                            index: index)
                    }
                    names.append(attachment.id)
                }
            } else if let vgw = aws.vpnGatewayId, let gateway = index.vpnGateway(vgw) {
                if senders[vgw] == nil { senders[vgw] = Sender(gateway: gateway, model: model) }
                names.append(vgw)
            }
            awsAdvertisesByTunnel[t] =
                names.count == 1 ? senders[names[0]]!.sorted : names.flatMap { senders[$0]!.prefixes.map(\.0) }.sorted()
            guard states[t].carriesToAWS else { continue }
            for name in names {
                if let p = carriedPosition[name] {
                    carriedBy[p].tunnels.append(t)
                } else {
                    carriedPosition[name] = carriedBy.count
                    carriedBy.append((name, [t]))
                }
            }
        }
        awsOut.reserveCapacity(senders.values.reduce(0) { $0 + $1.prefixes.count })
        for (name, tunnels) in carriedBy {
            let sender = senders[name]!
            for (prefix, origin) in sender.prefixes {
                Self.record(
                    &awsOut[prefix, default: ([], nil, [])], tunnels: tunnels, origin: origin, evidence: sender.evidence
                )
            }
        }
        // AWS → GCP, receiver: Cloud Router best routes (and static routes to tunnels).
        var gcpIn: [CIDR: (tunnels: Set<Int>, evidence: Set<String>)] = [:]
        var gcpBestByTunnel: [Int: Set<CIDR>] = [:]
        for router in model.cloudRouters {
            let evidence = "\(router.name) best routes (get-status)"
            for route in router.bestRoutes {
                guard let d = route.destination?.normalized, let t = index.tunnel(of: route, router: router),
                    model.tunnels[t].isCrossCloud
                else { continue }
                Self.record(&gcpIn[d, default: ([], [])], tunnel: t, evidence: evidence)
                gcpBestByTunnel[t, default: []].insert(d)
            }
        }
        for route in model.gcpRoutes {
            guard case .vpnTunnel(let ref) = route.nextHop, let d = route.destination?.normalized,
                let t = index.tunnelByGCPTunnel[ref.id], model.tunnels[t].isCrossCloud
            else { continue }
            Self.record(
                &gcpIn[d, default: ([], [])], tunnel: t, evidence: "static route \(route.name ?? d.description)")
        }

        // GCP → AWS, sender: each BGP peer's advertised routes.
        var gcpOut: [CIDR: (tunnels: Set<Int>, evidence: Set<String>)] = [:]
        var gcpAdvertisesByTunnel: [Int: ([CIDR], String)] = [:]
        let advertisement = GCPAdvertisement(index: index)
        for t in cross {
            guard let gcp = model.tunnels[t].gcp, let peer = gcp.bgpPeer,
                let router = gcp.router.flatMap({ model.cloudRouter($0) })
            else { continue }
            let (prefixes, source) = advertisement.advertised(by: router, peer: peer)
            gcpAdvertisesByTunnel[t] = (prefixes, source)
            guard states[t].carriesToGCP else { continue }
            for p in prefixes { Self.record(&gcpOut[p, default: ([], [])], tunnel: t, evidence: source) }
        }
        // GCP → AWS, receiver: TGW routes learned from the cross-cloud VPN attachments.
        var awsIn: [CIDR: (tunnels: Set<Int>, evidence: Set<String>)] = [:]
        for table in model.tgwRouteTables {
            for route in table.routes where route.state == "active" {
                guard let d = route.destination?.normalized else { continue }
                for target in route.targets {
                    guard let c = target.resourceId, crossConnections.contains(c) else { continue }
                    for t in index.tunnelsByConnection[c] ?? [] where states[t].carriesToGCP {
                        // A tunnel whose GCP peer is known not to advertise the prefix does not carry it.
                        if let (sent, _) = gcpAdvertisesByTunnel[t], !sent.isEmpty,
                            !sent.contains(where: { $0.contains(d) })
                        {
                            continue
                        }
                        awsIn[d, default: ([], [])].tunnels.insert(t)
                    }
                    awsIn[d, default: ([], [])].evidence.insert("\(table.id) \(route.type ?? "") route via \(c)")
                }
            }
        }
        for connection in model.vpnConnections
        where crossConnections.contains(connection.id) && connection.staticRoutesOnly {
            for d in connection.staticRoutes {
                for t in index.tunnelsByConnection[connection.id] ?? [] where states[t].carriesToGCP {
                    awsIn[d.normalized, default: ([], [])].tunnels.insert(t)
                }
                awsIn[d.normalized, default: ([], [])].evidence.insert("static route on \(connection.id)")
            }
        }

        // With VPN ECMP off the TGW route tables show one attachment's route; the other connections'
        // tunnels learned it too when AWS telemetry says they accepted routes and Cloud Router advertises
        // the prefix on them (standby learners, used when the active one goes).
        for (d, entry) in awsIn where !entry.tunnels.isEmpty {
            for t in cross where !entry.tunnels.contains(t) && states[t].carriesToGCP {
                guard (states[t].awsAcceptedRoutes ?? 0) > 0,
                    (gcpAdvertisesByTunnel[t]?.0 ?? []).contains(where: { $0.contains(d) })
                else { continue }
                awsIn[d]?.tunnels.insert(t)
                awsIn[d]?.evidence.insert("AWS telemetry: routes accepted on \(model.tunnels[t].id) (standby route)")
            }
        }

        let space = addressSpace()
        func route(
            _ prefix: CIDR, _ direction: VPNRoute.Direction, origin: String?, sent: Set<Int>, received: Set<Int>,
            evidence: Set<String>
        ) -> VPNRoute {
            let owner = Self.owner(of: prefix, origin: origin, direction: direction, index: index, space: space)
            let sent = sent.sorted()
            let received = received.sorted()
            return VPNRoute(
                prefix: prefix, direction: direction, origin: owner.id, originLabel: owner.label,
                originSide: owner.side, advertisedOn: sent.map { model.tunnels[$0].id },
                learnedOn: received.map { model.tunnels[$0].id }, evidence: evidence.sorted(),
                advertisedOnIndices: sent, learnedOnIndices: received)
        }
        var awsToGCP: [VPNRoute] = []
        let hasStatus = model.cloudRouters.contains(where: \.hasStatus)
        for prefix in Set(awsOut.keys).union(gcpIn.keys).sorted() {
            let out = awsOut[prefix]
            let inn = gcpIn[prefix]
            awsToGCP.append(
                route(
                    prefix, .awsToGCP, origin: out?.origin, sent: out?.tunnels ?? [], received: inn?.tunnels ?? [],
                    evidence: (out?.evidence ?? []).union(inn?.evidence ?? [])))
            if out != nil, inn == nil, hasStatus {
                notes.append("AWS advertises \(prefix) but no Cloud Router has it among its best routes")
            }
            if out == nil, inn != nil, !awsOut.isEmpty {
                notes.append(
                    "Cloud Router learned \(prefix) although the TGW route tables of the VPN attachments do not hold it"
                )
            }
        }
        var gcpToAWS: [VPNRoute] = []
        for prefix in Set(gcpOut.keys).union(awsIn.keys).sorted() {
            let out = gcpOut[prefix]
            let inn = awsIn[prefix]
            gcpToAWS.append(
                route(
                    prefix, .gcpToAWS, origin: nil, sent: out?.tunnels ?? [], received: inn?.tunnels ?? [],
                    evidence: (out?.evidence ?? []).union(inn?.evidence ?? [])))
            if out != nil, inn == nil, !model.tgwRouteTables.isEmpty, !awsIn.isEmpty {
                notes.append("Cloud Router advertises \(prefix) but no TGW route table learned it over the VPN")
            }
        }
        let routerStatus = Set(model.cloudRouters.filter(\.hasStatus).map(\.ref))
        var awsLearnedByTunnel: [Int: Set<CIDR>] = [:]
        for (prefix, entry) in awsIn { for t in entry.tunnels { awsLearnedByTunnel[t, default: []].insert(prefix) } }
        let perTunnel = cross.map { t in
            let router = model.tunnels[t].gcp?.router
            return TunnelRoutes(
                tunnel: model.tunnels[t].id, awsAdvertises: awsAdvertisesByTunnel[t] ?? [],
                gcpAdvertises: gcpAdvertisesByTunnel[t]?.0 ?? [], gcpAdvertisementSource: gcpAdvertisesByTunnel[t]?.1,
                awsAcceptedRoutes: model.tunnels[t].aws?.tunnel.acceptedRouteCount,
                gcpLearnedRoutes: model.tunnels[t].gcp?.bgpPeer?.status?.numLearnedRoutes,
                gcpLearns: router.map { routerStatus.contains($0) } == true ? (gcpBestByTunnel[t] ?? []).sorted() : nil,
                awsLearns: (awsLearnedByTunnel[t] ?? []).sorted(),
                gcpLearnsUnknown: model.tunnels[t].gcp == nil
                    ? "the GCP end is not in the exports"
                    : router.map { routerStatus.contains($0) } == true
                        ? nil : "no routers get-status export for its router")
        }
        self.init(awsToGCP: awsToGCP, gcpToAWS: gcpToAWS, perTunnel: perTunnel, notes: notes)
        gcpAdvertisedByTunnel = gcpAdvertisesByTunnel.mapValues(\.0)
    }

    /// Adds a tunnel and the evidence to a prefix's entry (one dictionary access).
    private static func record(_ entry: inout (tunnels: Set<Int>, evidence: Set<String>), tunnel: Int, evidence: String)
    {
        entry.tunnels.insert(tunnel)
        entry.evidence.insert(evidence)
    }

    /// Adds what one sender sends of a prefix to the prefix's entry (one dictionary access).
    private static func record(
        _ entry: inout (tunnels: Set<Int>, origin: String?, evidence: Set<String>), tunnels: [Int], origin: String?,
        evidence: String
    ) {
        entry.tunnels.formUnion(tunnels)
        if entry.origin == nil { entry.origin = origin }
        entry.evidence.insert(evidence)
    }

    /// What one VPN attachment's associated TGW route table, or one VGW, sends to GCP: each
    /// prefix with the resource it belongs to, and the evidence.
    private struct Sender {
        let prefixes: [(CIDR, String?)]
        /// The prefixes alone, sorted (what each of its tunnels advertises).
        let sorted: [CIDR]
        let evidence: String

        /// The table's active routes, less those learned from GCP over the VPN itself.
        init(
            table: TGWRouteTable, attachment: String, crossConnections: Set<String>, index: ModelIndex
        ) {
            var prefixes: [(CIDR, String?)] = []
            let routes = table.routes
            prefixes.reserveCapacity(routes.count)
            for r in routes.indices where routes[r].state == "active" {
                guard let d = routes[r].destination?.normalized else { continue }
                let targets = routes[r].targets
                let fromGCP =
                    !targets.isEmpty && targets.allSatisfy { $0.resourceId.map(crossConnections.contains) ?? false }
                if fromGCP { continue }
                prefixes.append((d, RouteExchange.origin(of: targets, index: index)))
            }
            self.prefixes = prefixes
            sorted = prefixes.map(\.0).sorted()
            evidence = "\(table.id) (associated with \(attachment))"
        }

        /// A VGW advertises its VPCs' ranges.
        init(gateway: VPNGateway, model: NetworkModel) {
            var prefixes: [(CIDR, String?)] = []
            for vpc in gateway.attachedVpcIds {
                for cidr in model.vpc(vpc)?.cidrs ?? [] { prefixes.append((cidr.normalized, vpc)) }
            }
            self.prefixes = prefixes
            sorted = prefixes.map(\.0).sorted()
            evidence = "\(gateway.id) advertises its VPC"
        }
    }

    /// The resource behind a TGW route (its targets): the VPC of a VPC attachment, the site of a
    /// VPN or Direct Connect one.
    static func origin(of targets: [TGWRouteTarget], index: ModelIndex) -> String? {
        for target in targets {
            guard let resource = target.resourceId else { continue }
            switch target.resourceType {
            case "vpc": return resource
            case "direct-connect-gateway":
                if let s = index.siteByDirectConnectGateway[resource] { return index.model.onPremSites[s].id }
            case "vpn":
                if let cgw = index.model.vpnConnection(resource)?.customerGatewayId,
                    let s = index.siteByCustomerGateway[cgw]
                {
                    return index.model.onPremSites[s].id
                }
            default: break
            }
        }
        return nil
    }

    static func owner(
        of prefix: CIDR, origin: String?, direction: VPNRoute.Direction, index: ModelIndex,
        space: AddressSpace
    ) -> (id: String?, label: String, side: Side) {
        // AWS → GCP: an AWS or on-prem owner; GCP → AWS: a GCP one (never an AWS subnet: its VPC is named).
        let wantsGCP = direction == .gcpToAWS
        func wanted(_ owner: AddressOwner) -> Bool { owner.kind != .awsSubnet && (owner.kind.side == .gcp) == wantsGCP }
        if let origin {
            if origin.hasPrefix("vpc-") { return (origin, "AWS VPC \(index.vpcName(origin))", .aws) }
            if let s = index.model.siteIndex[origin] {
                return (origin, "on-prem \(index.siteName(s))", .onPrem)
            }
        }
        // The most specific owner containing the prefix, else the first inside it.
        let owner =
            space.firstOwner(containing: prefix, where: wanted)
            ?? space.firstOwner(inside: prefix) { wanted($0) && $0.cidr != prefix }
        if let o = owner { return (o.resource, o.label, o.kind.side) }
        return (
            nil, direction == .awsToGCP ? "AWS side (owner unknown)" : "GCP side (owner unknown)",
            direction == .awsToGCP ? .aws : .gcp
        )
    }
}

/// What a Cloud Router advertises on one BGP peer: `get-status` advertised routes when exported,
/// else what its configuration implies (DEFAULT: the network's subnets, in its region only when
/// routing is REGIONAL; CUSTOM: ALL_SUBNETS if listed plus the custom ranges).
struct GCPAdvertisement {
    let index: ModelIndex

    func advertised(by router: CloudRouter, peer: BGPPeer) -> ([CIDR], String) {
        let statusCarriesRoutes = router.bgpPeers.contains { !($0.status?.advertisedRoutes.isEmpty ?? true) }
        if statusCarriesRoutes, let status = peer.status {
            return (
                Array(Set(status.advertisedRoutes.map(\.normalized))).sorted(),
                "\(router.name) get-status advertised routes"
            )
        }
        let mode = peer.advertiseMode == "CUSTOM" ? "peer \(peer.name) CUSTOM" : "\(router.advertiseMode ?? "DEFAULT")"
        return (configured(router: router, peer: peer), "\(router.name) configuration (\(mode) mode)")
    }

    /// A peer in CUSTOM mode advertises its own groups and ranges instead of the router's; a peer
    /// in DEFAULT mode (or without a mode) advertises what the router does.
    func configured(router: CloudRouter, peer: BGPPeer?) -> [CIDR] {
        var result = Set<CIDR>()
        let peerCustom = peer?.advertiseMode == "CUSTOM"
        let mode = peerCustom ? "CUSTOM" : router.advertiseMode ?? "DEFAULT"
        let groups = peerCustom ? peer?.advertisedGroups ?? [] : router.advertisedGroups
        if mode != "CUSTOM" || groups.contains("ALL_SUBNETS"), let network = router.network {
            let regional = index.model.gcpNetwork(network)?.routingMode == "REGIONAL"
            for s in index.gcpSubnetsByNetwork[network] ?? [] {
                let subnet = index.model.gcpSubnets[s]
                if regional, let region = router.ref.region, subnet.ref.region != region { continue }
                if let c = subnet.cidr { result.insert(c.normalized) }
                subnet.secondaryRanges.forEach { result.insert($0.cidr.normalized) }
            }
        }
        if peerCustom {
            peer?.advertisedIpRanges.forEach { result.insert($0.normalized) }
        } else if mode == "CUSTOM" {
            router.advertisedIpRanges.forEach { result.insert($0.normalized) }
        }
        return result.sorted()
    }

    /// Every prefix any peer of the router advertises (or would, by configuration).
    func allAdvertised(by router: CloudRouter) -> [CIDR] {
        var result = Set(configured(router: router, peer: nil))
        for peer in router.bgpPeers {
            configured(router: router, peer: peer).forEach { result.insert($0) }
            peer.status?.advertisedRoutes.forEach { result.insert($0.normalized) }
        }
        return result.sorted()
    }
}
