import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel

extension TopologyGraph {
    /// The topology as the map shows it: on-prem sites, the AWS hubs with their VPCs (in groups
    /// by hub and account when there are many, as the map groups them; every VPC with `expand`)
    /// and VPN connections per account, the tunnels across to the GCP HA VPN gateways, and per
    /// GCP project its networks, Cloud Routers, gateways, Memorystore, and the Shared VPC's
    /// service projects. Every mark comes from `marks`.
    init(model: NetworkModel, origin: String, marks: ElementMarks, expand: Bool) {
        self.init(title: "Tunnelscope topology — \(origin)")
        var builder = TopologyBuilder(model: model, marks: marks, graph: self)
        builder.build(expand: expand)
        self = builder.graph
    }
}

private struct TopologyBuilder {
    let model: NetworkModel
    let marks: ElementMarks
    var graph: TopologyGraph
    /// Element ID → node.
    var nodeOf: [String: Int] = [:]
    var awsCluster: Int?
    /// AWS account ID ("?": not in the exports) → its cluster in `awsCluster`.
    var accounts: [String: Int] = [:]
    /// Many sites (more than `VPCGrouping.threshold`, without `--expand`): one box for all of them,
    /// their VPN connections not drawn one by one, their tunnels and Direct Connect links counted
    /// per hub on one edge each.
    var sitesGrouped = false
    /// VPN connections whose every tunnel ends at an on-prem site.
    var siteConnections = Set<String>()

    init(model: NetworkModel, marks: ElementMarks, graph: TopologyGraph) {
        self.model = model
        self.marks = marks
        self.graph = graph
    }

    private func name(_ id: String, _ tagName: String?) -> String { model.labels[id] ?? tagName ?? id }

    /// "a, b, c +2 more".
    private func short(_ items: [String], _ limit: Int = 3) -> String {
        items.count <= limit
            ? items.joined(separator: ", ")
            : items.prefix(limit).joined(separator: ", ") + " +\(items.count - limit) more"
    }

    /// The element's lines and, under a what-if, what it does to it.
    private mutating func add(_ lines: [String], _ id: String, in cluster: Int?) -> Int {
        var lines = lines
        if let note = marks.whatIfNote(id) { lines.append(note) }
        let n = graph.node(lines, element: id, in: cluster, mark: marks.mark(id))
        if nodeOf[id] == nil { nodeOf[id] = n }
        return n
    }

    mutating func build(expand: Bool) {
        let onPrem = model.onPremSites.isEmpty ? nil : graph.cluster("On-prem")
        let awsPresent =
            !model.transitGateways.isEmpty || !model.vpnGateways.isEmpty || !model.vpcs.isEmpty
            || !model.vpnConnections.isEmpty
        let aws = awsPresent ? graph.cluster("AWS") : nil
        let gcpPresent = !model.gcpNetworks.isEmpty || !model.haVpnGateways.isEmpty || !model.gcpTunnels.isEmpty
        let gcp = gcpPresent ? graph.cluster("GCP") : nil

        sitesGrouped = !expand && model.onPremSites.count > VPCGrouping.threshold
        var kinds: [String: Set<PhysicalTunnel.Kind>] = [:]
        for tunnel in model.tunnels {
            if let aws = tunnel.aws { kinds[aws.vpnConnectionId, default: []].insert(tunnel.kind) }
        }
        siteConnections = Set(kinds.filter { $0.value == [.awsToOnPrem] }.keys)
        sites(in: onPrem)
        awsCluster = aws
        // Accounts in ID order, each made when first used below; the unknown one last.
        for a in Set(model.transitGateways.map(\.accountId) + model.vpcs.map(\.accountId)).compactMap({ $0 }).sorted() {
            _ = account(a)
        }
        hubs()
        vpcs(expand: expand)
        connections()
        gcpSide(in: gcp)
        tunnels()
        directConnect()
    }

    // MARK: On-prem and AWS

    /// The cluster of an AWS account, made when first asked for.
    private mutating func account(_ id: String?) -> Int? {
        guard let aws = awsCluster else { return nil }
        let key = id ?? "?"
        if let c = accounts[key] { return c }
        let title =
            id.map { a in "AWS account \(a)" + (model.labels[a].map { " (\($0))" } ?? "") }
            ?? "AWS account not in the exports"
        let c = graph.cluster(title, in: aws)
        accounts[key] = c
        return c
    }

    private mutating func sites(in cluster: Int?) {
        if sitesGrouped {
            var counts: [TopologyGraph.Mark: Int] = [:]
            for site in model.onPremSites { counts[marks.mark(site.id), default: 0] += 1 }
            let n = graph.node(
                ["\(model.onPremSites.count) on-prem sites", tally(counts), "(--expand lists them)"], element: nil,
                in: cluster, mark: worst(counts))
            for site in model.onPremSites { nodeOf[site.id] = n }
            return
        }
        for site in model.onPremSites {
            var lines = ["on-prem site " + site.name]
            let ranges = site.addressRanges.map(\.description)
            if !ranges.isEmpty { lines.append(short(ranges)) }
            _ = add(lines, site.id, in: cluster)
        }
    }

    private mutating func hubs() {
        for tgw in model.transitGateways {
            var facts = [tgw.amazonSideAsn.map { "ASN \($0)" }, tgw.region].compactMap { $0 }
            facts.insert(tgw.id, at: 0)
            _ = add(
                ["Transit Gateway " + name(tgw.id, tgw.name), facts.joined(separator: " · ")], tgw.id,
                in: account(tgw.accountId))
        }
        for vgw in model.vpnGateways {
            _ = add(
                ["virtual private gateway " + name(vgw.id, vgw.name), vgw.id], vgw.id, in: account(vgw.accountId))
        }
    }

    private mutating func vpcs(expand: Bool) {
        guard !model.vpcs.isEmpty else { return }
        let hubsByVpc = VPCGrouping.hubs(of: model)
        let names = model.vpcs.map { name($0.id, $0.name) }
        let order = model.vpcs.indices.sorted { a, b in
            switch names[a].compare(names[b], options: [.numeric, .caseInsensitive]) {
            case .orderedAscending: true
            case .orderedDescending: false
            case .orderedSame: model.vpcs[a].id < model.vpcs[b].id
            }
        }
        // Clusters by first hub, in hub order (TGWs, VGWs), the unattached last: as the map.
        let hubOrder = model.transitGateways.map(\.id) + model.vpnGateways.map(\.id)
        var byHub: [String: [Int]] = [:]
        var unattached: [Int] = []
        for i in order {
            if let hub = hubsByVpc[model.vpcs[i].id]?.first {
                byHub[hub, default: []].append(i)
            } else {
                unattached.append(i)
            }
        }
        var seen = Set<String>()
        var clusters: [(hub: String?, members: [Int])] = hubOrder.filter { seen.insert($0).inserted }.compactMap {
            hub in
            byHub[hub].map { (hub, $0) }
        }
        if !unattached.isEmpty { clusters.append((nil, unattached)) }
        let groups = VPCGrouping.byAccount(clusters) { model.vpcs[$0].accountId }
        if !expand, VPCGrouping.applies(vpcs: model.vpcs.count, groups: groups.count) {
            // A group of one is drawn as its VPC, as on the map.
            for group in groups {
                if group.members.count == 1 {
                    vpc(group.members[0], name: names[group.members[0]], hubs: hubsByVpc)
                } else {
                    vpcGroup(group, account: account(group.account))
                }
            }
            return
        }
        for i in order { vpc(i, name: names[i], hubs: hubsByVpc) }
    }

    private mutating func vpc(_ i: Int, name: String, hubs: [String: [String]]) {
        let vpc = model.vpcs[i]
        var lines = ["VPC " + name]
        if name != vpc.id { lines.append(vpc.id) }
        let cidrs = vpc.cidrs.map(\.description)
        if !cidrs.isEmpty { lines.append(short(cidrs)) }
        let n = add(lines, vpc.id, in: account(vpc.accountId))
        for hub in hubs[vpc.id] ?? [] {
            guard let h = nodeOf[hub] else { continue }
            graph.edge(n, h, "attachment", marks.mark(vpc.id))
        }
    }

    /// One box for a group of VPCs: how many, how many of each mark.
    private mutating func vpcGroup(_ group: VPCGrouping.Group, account: Int?) {
        var counts: [TopologyGraph.Mark: Int] = [:]
        for i in group.members { counts[marks.mark(model.vpcs[i].id), default: 0] += 1 }
        let n = graph.node(
            [
                group.members.count == 1 ? "1 VPC" : "\(group.members.count) VPCs", tally(counts),
                "(--expand lists them)",
            ], element: nil, in: account,
            mark: worst(counts))
        if let hub = group.hub, let h = nodeOf[hub] {
            graph.edge(n, h, "\(group.members.count) attachments", worst(counts))
        }
    }

    /// "3 down · 12 ok", worst first.
    private func tally(_ counts: [TopologyGraph.Mark: Int]) -> String {
        let order: [TopologyGraph.Mark] = [.failed, .lost, .down, .degraded, .unknown, .ok]
        return order.compactMap { mark in counts[mark].map { "\($0) \(mark.rawValue)" } }.joined(separator: " · ")
    }

    /// The mark of a group: lost when the what-if touches one, else its worst member's.
    private func worst(_ counts: [TopologyGraph.Mark: Int]) -> TopologyGraph.Mark {
        if counts[.failed] != nil || counts[.lost] != nil { return .lost }
        for mark: TopologyGraph.Mark in [.down, .degraded, .ok] where counts[mark] != nil { return mark }
        return .unknown
    }

    private mutating func connections() {
        for connection in model.vpnConnections {
            if sitesGrouped, siteConnections.contains(connection.id) { continue }
            let hub = connection.transitGatewayId ?? connection.vpnGatewayId
            let kind =
                connection.transitGatewayId != nil ? "TGW" : connection.vpnGatewayId != nil ? "VGW" : "no gateway"
            let routing = connection.staticRoutesOnly ? "static routes" : "BGP"
            let n = add(
                [
                    "VPN connection " + name(connection.id, connection.name),
                    "\(connection.id) · \(kind) · \(routing)",
                ], connection.id, in: account(connection.accountId ?? hubAccount(hub)))
            if let hub, let h = nodeOf[hub] { graph.edge(h, n, "VPN attachment", marks.mark(connection.id)) }
        }
    }

    /// The account of a TGW or VGW (a VPN connection's export does not always name its owner).
    private func hubAccount(_ hub: String?) -> String? {
        guard let hub else { return nil }
        return model.transitGateways.first { $0.id == hub }?.accountId
            ?? model.vpnGateways.first { $0.id == hub }?.accountId
    }

    /// Sites that reach a Transit Gateway over Direct Connect (DX gateway attached to the TGW).
    private mutating func directConnect() {
        var siteByDX: [String: [String]] = [:]
        for site in model.onPremSites {
            for dx in site.directConnectGatewayIds { siteByDX[dx, default: []].append(site.id) }
        }
        var grouped: [Int: [TopologyGraph.Mark: Int]] = [:]
        for attachment in model.tgwAttachments where attachment.resourceType == "direct-connect-gateway" {
            guard let dx = attachment.resourceId, let tgw = nodeOf[attachment.transitGatewayId] else { continue }
            let gateway = model.directConnectGateways.first { $0.id == dx }
            if sitesGrouped {
                if !(siteByDX[dx] ?? []).isEmpty { grouped[tgw, default: [:]][marks.mark(dx), default: 0] += 1 }
                continue
            }
            for site in siteByDX[dx] ?? [] {
                guard let s = nodeOf[site] else { continue }
                graph.edge(s, tgw, "Direct Connect " + name(dx, gateway?.name), marks.mark(dx))
            }
        }
        groupedSiteEdges(grouped, "Direct Connect gateway")
    }

    /// The sites' box → each hub, one edge for all its links of one kind.
    private mutating func groupedSiteEdges(_ byHub: [Int: [TopologyGraph.Mark: Int]], _ what: String) {
        guard let sites = model.onPremSites.first.flatMap({ nodeOf[$0.id] }) else { return }
        for (hub, counts) in byHub.sorted(by: { $0.key < $1.key }) {
            let total = counts.values.reduce(0, +)
            graph.edge(sites, hub, "\(total) \(what)\(total == 1 ? "" : "s") · " + tally(counts), worst(counts))
        }
    }

    // MARK: GCP

    private mutating func gcpSide(in gcp: Int?) {
        guard let gcp else { return }
        let projects = model.gcpProjects.filter { $0.role != .external }
        let rank: [GCPProject.Role: Int] = [.sharedVPCHost: 0, .standalone: 1, .sharedVPCService: 2]
        let ordered = projects.sorted { (rank[$0.role] ?? 3, $0.id) < (rank[$1.role] ?? 3, $1.id) }
        var clusterOf: [String: Int] = [:]
        func cluster(_ project: String) -> Int {
            if let c = clusterOf[project] { return c }
            let role = projects.first { $0.id == project }?.role
            let title: String =
                switch role {
                case .sharedVPCHost: "project \(project) (Shared VPC host)"
                case .sharedVPCService:
                    "service project \(project)"
                        + (projects.first { $0.id == project }?.hostProject.map { " of \($0)" } ?? "")
                default: "project \(project)"
                }
            let c = graph.cluster(title, in: gcp)
            clusterOf[project] = c
            return c
        }
        for project in ordered where project.role != .sharedVPCService { _ = cluster(project.id) }

        var subnets: [String: Int] = [:]
        for subnet in model.gcpSubnets { if let n = subnet.network { subnets[n.id, default: 0] += 1 } }
        for network in model.gcpNetworks {
            let count = subnets[network.ref.id] ?? 0
            _ = add(
                [
                    "network " + network.name,
                    "\(network.subnetMode.rawValue.lowercased())-mode · \(count) subnet\(count == 1 ? "" : "s")",
                ], network.ref.id, in: cluster(network.project))
        }
        for router in model.cloudRouters {
            let state = marks.verdicts.element(router.ref.id).state
            let facts = [router.asn.map { "ASN \($0)" }, router.ref.region, state].compactMap { $0 }
            let n = add(
                ["Cloud Router " + router.name, facts.joined(separator: " · ")], router.ref.id,
                in: cluster(router.ref.project))
            if let network = router.network, let to = nodeOf[network.id] {
                graph.edge(n, to, "routes", marks.mark(router.ref.id))
            }
        }
        for gateway in model.haVpnGateways {
            let interfaces = gateway.interfaces.map { "if\($0.id) \($0.ipAddress?.description ?? "?")" }
            let n = add(
                ["HA VPN gateway " + gateway.name, short(interfaces, 2)], gateway.ref.id,
                in: cluster(gateway.ref.project))
            // To the routers its tunnels use (else to its network).
            var routers: [String] = []
            for tunnel in model.gcpTunnels where tunnel.vpnGateway?.id == gateway.ref.id {
                if let r = tunnel.router?.id, !routers.contains(r) { routers.append(r) }
            }
            let targets = routers.compactMap { nodeOf[$0] }
            if targets.isEmpty, let network = gateway.network, let to = nodeOf[network.id] {
                graph.edge(n, to, "network", marks.mark(gateway.ref.id))
            }
            for to in targets { graph.edge(n, to, "BGP", marks.mark(gateway.ref.id)) }
        }
        for peer in model.externalVpnGateways {
            let n = add(
                [
                    "peer VPN gateway " + peer.name,
                    [peer.redundancyType, "\(peer.interfaces.count) interfaces"].compactMap { $0 }.joined(
                        separator: " · "),
                ], peer.ref.id, in: cluster(peer.ref.project))
            var gateways: [String] = []
            for tunnel in model.gcpTunnels where tunnel.peerExternalGateway?.id == peer.ref.id {
                if let g = tunnel.vpnGateway?.id, !gateways.contains(g) { gateways.append(g) }
            }
            for g in gateways.compactMap({ nodeOf[$0] }) {
                graph.edge(g, n, "peer: the other side's IPs", marks.mark(peer.ref.id), dashed: true)
            }
        }
        for redis in model.redisInstances {
            let n = add(
                ["Memorystore " + redis.name, redis.reservedIpRangeText ?? "range not in the exports"], redis.id,
                in: cluster(redis.project))
            if let network = redis.authorizedNetwork, let from = nodeOf[network.id] {
                graph.edge(from, n, "VPC peering", marks.mark(redis.id))
            }
        }
        // Service projects: attached to the host's Shared VPC (its networks with a VPN gateway or
        // router, else its first network).
        for project in ordered where project.role == .sharedVPCService {
            let id = "project/\(project.id)"
            // In its own cluster when it holds something else (Memorystore), else beside the others.
            let n = add(["service project " + project.id], id, in: clusterOf[project.id] ?? gcp)
            guard let host = project.hostProject else { continue }
            let hostNetworks = model.gcpNetworks.filter { $0.project == host }
            let used = Set(
                model.haVpnGateways.compactMap(\.network?.id) + model.cloudRouters.compactMap(\.network?.id))
            let shared = hostNetworks.filter { used.contains($0.ref.id) }
            for network in (shared.isEmpty ? Array(hostNetworks.prefix(1)) : shared) {
                if let from = nodeOf[network.ref.id] { graph.edge(from, n, "Shared VPC", marks.mark(id)) }
            }
        }
    }

    // MARK: Tunnels

    private mutating func tunnels() {
        var siteOfGateway: [String: String] = [:]
        for site in model.onPremSites {
            for cgw in site.customerGatewayIds where siteOfGateway[cgw] == nil { siteOfGateway[cgw] = site.id }
        }
        var haOfIp: [IPv4Address: String] = [:]
        for gateway in model.haVpnGateways {
            for interface in gateway.interfaces {
                if let ip = interface.ipAddress, haOfIp[ip] == nil { haOfIp[ip] = gateway.ref.id }
            }
        }
        var missingGCP: Int?
        var siteTunnels: [Int: [TopologyGraph.Mark: Int]] = [:]
        var missingAWS: Int?
        for tunnel in model.tunnels {
            let label = tunnelLabel(tunnel)
            let mark = marks.mark(tunnel.id)
            switch (tunnel.aws, tunnel.gcp) {
            case (let aws?, _) where sitesGrouped && siteConnections.contains(aws.vpnConnectionId):
                if let hub = (aws.transitGatewayId ?? aws.vpnGatewayId).flatMap({ nodeOf[$0] }) {
                    siteTunnels[hub, default: [:]][mark, default: 0] += 1
                }
            case (let aws?, let gcp):
                guard let from = nodeOf[aws.vpnConnectionId] else { continue }
                if let ha = gcp?.haGateway?.id ?? aws.customerGatewayIp.flatMap({ haOfIp[$0] }), let to = nodeOf[ha] {
                    graph.edge(from, to, label, mark)
                } else if let site = aws.customerGatewayId.flatMap({ siteOfGateway[$0] }), let s = nodeOf[site] {
                    graph.edge(s, from, label, mark)
                } else if tunnel.isCrossCloud {
                    if missingGCP == nil {
                        missingGCP = graph.node(["GCP side not in the exports"], element: nil, in: nil, mark: .unknown)
                    }
                    graph.edge(from, missingGCP!, label, mark)
                }
            case (nil, let gcp?):
                guard let ha = gcp.haGateway?.id, let to = nodeOf[ha] else { continue }
                let from: Int
                if let peer = gcp.peerGateway?.id, let p = nodeOf[peer] {
                    from = p
                } else {
                    if missingAWS == nil {
                        missingAWS = graph.node(
                            [tunnel.isCrossCloud ? "AWS side not in the exports" : "peer not in the exports"],
                            element: nil, in: nil, mark: .unknown)
                    }
                    from = missingAWS!
                }
                graph.edge(from, to, label, mark)
            case (nil, nil): continue
            }
        }
        groupedSiteEdges(siteTunnels, "VPN tunnel")
    }

    /// "tunnel 1 · 52.1.20.21 · UP" (the verdict's word), the GCP tunnel's name, a what-if note.
    private func tunnelLabel(_ tunnel: PhysicalTunnel) -> String {
        var parts: [String] = []
        if let aws = tunnel.aws { parts.append("tunnel \(aws.tunnelNumber)") }
        if let ip = tunnel.outsideIp { parts.append(ip.description) }
        if let gcp = tunnel.gcp { parts.append(gcp.tunnel.name) }
        if let verdict = marks.verdicts.tunnel(tunnel.id) {
            parts.append(verdict.word + (verdict.hasDisagreement ? " (sides disagree)" : ""))
        }
        if let note = marks.whatIfNote(tunnel.id) { parts.append(note) }
        // Commas: some renderers split an edge label's text by bytes, and `·` is two.
        return parts.joined(separator: ", ")
    }
}
