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

/// Builds a `TopologyGraph` from the model (one pass per kind of resource; lookups by ID).
struct TopologyBuilder {
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

    func name(_ id: String, _ tagName: String?) -> String { model.labels[id] ?? tagName ?? id }

    /// "a, b, c +2 more".
    func short(_ items: [String], _ limit: Int = 3) -> String {
        items.count <= limit
            ? items.joined(separator: ", ")
            : items.prefix(limit).joined(separator: ", ") + " +\(items.count - limit) more"
    }

    /// The element's lines and, under a what-if, what it does to it.
    mutating func add(_ lines: [String], _ id: String, in cluster: Int?) -> Int {
        var lines = lines
        if let note = marks.note(id) { lines.append(note) }
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
    mutating func account(_ id: String?) -> Int? {
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

    mutating func sites(in cluster: Int?) {
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

    mutating func hubs() {
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

    mutating func vpcs(expand: Bool) {
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

    mutating func vpc(_ i: Int, name: String, hubs: [String: [String]]) {
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
    mutating func vpcGroup(_ group: VPCGrouping.Group, account: Int?) {
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
    func tally(_ counts: [TopologyGraph.Mark: Int]) -> String {
        let order: [TopologyGraph.Mark] = [.failed, .lost, .down, .degraded, .unknown, .ok]
        return order.compactMap { mark in counts[mark].map { "\($0) \(mark.rawValue)" } }.joined(separator: " · ")
    }

    /// The mark of a group: lost when the what-if touches one, else its worst member's.
    func worst(_ counts: [TopologyGraph.Mark: Int]) -> TopologyGraph.Mark {
        if counts[.failed] != nil || counts[.lost] != nil { return .lost }
        for mark: TopologyGraph.Mark in [.down, .degraded, .ok] where counts[mark] != nil { return mark }
        return .unknown
    }

    mutating func connections() {
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
    func hubAccount(_ hub: String?) -> String? {
        guard let hub else { return nil }
        return model.transitGateways.first { $0.id == hub }?.accountId
            ?? model.vpnGateways.first { $0.id == hub }?.accountId
    }

    /// Sites that reach a Transit Gateway over Direct Connect (DX gateway attached to the TGW).
    mutating func directConnect() {
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
    mutating func groupedSiteEdges(_ byHub: [Int: [TopologyGraph.Mark: Int]], _ what: String) {
        guard let sites = model.onPremSites.first.flatMap({ nodeOf[$0.id] }) else { return }
        for (hub, counts) in byHub.sorted(by: { $0.key < $1.key }) {
            let total = counts.values.reduce(0, +)
            graph.edge(sites, hub, "\(total) \(what)\(total == 1 ? "" : "s") · " + tally(counts), worst(counts))
        }
    }
}
