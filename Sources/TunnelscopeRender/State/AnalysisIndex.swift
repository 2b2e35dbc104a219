import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel

/// What the views look up in one analysis that does not depend on the what-if: built once per
/// load (and reload), shared by every what-if and every frame. Immutable.
final class AnalysisIndex: Sendable {
    /// Findings by severity, for the header and the findings heading.
    let errorCount: Int
    let warningCount: Int
    /// The VPCs in map order: by name (label, Name tag or ID), numbers compared as numbers.
    let vpcOrder: [(vpc: AWSVpc, name: String)]
    /// Everything `/` can find: made on another thread beside the first frame (the element
    /// directory under it is a fifth of opening a large network); a search that comes first waits.
    /// A reload makes it once its state is swapped in (`prefetchSearch()`), not while the old
    /// state is still alive beside the new one.
    var search: SearchIndex { searchIndex.value }
    private let searchIndex: Deferred<SearchIndex>
    /// Who is connected to whom on the map (the model's references).
    let graph: MapGraph
    /// The model's many-to-one references by ID, for the detail of one element.
    let lookups: ModelLookups
    /// The map's VPC clusters, so a collapsed map does not go through every VPC.
    let mapVPCs: MapVPCs
    /// The impact of the exported state (the header and the incident summary): made on another
    /// thread beside the rest of the first frame.
    var impact: Impact { deferredImpact.value }
    private let deferredImpact: Deferred<Impact>
    /// Positions in `Analysis.routes.perTunnel` by physical tunnel ID (the side by side's lower half).
    let routesByTunnel: [String: Int]
    /// The map's VPC groups by hub and account (made when a map first asks for them).
    var mapGroups: MapGroups { mapGroupsValue.value }
    private let mapGroupsValue: Deferred<MapGroups>

    /// `prefetch`: start making the search index now, on another thread.
    init(model: NetworkModel, analysis: Analysis, prefetch: Bool = true) {
        var errors = 0
        var warnings = 0
        for finding in analysis.findings {
            if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
        }
        errorCount = errors
        warningCount = warnings
        let naming = Naming(model: model)
        vpcOrder = model.vpcs.map { (vpc: $0, name: naming.vpc($0.id)) }.sorted { a, b in
            a.name.compare(b.name, options: [.numeric, .caseInsensitive]) == .orderedAscending
        }
        routesByTunnel = Dictionary(
            analysis.routes.perTunnel.enumerated().map { ($1.tunnel, $0) }, uniquingKeysWith: { a, _ in a })
        deferredImpact = Deferred { analysis.impact }
        deferredImpact.prefetch()
        searchIndex = Deferred { SearchIndex(model: model, directory: analysis.directory) }
        if prefetch { searchIndex.prefetch() }
        graph = MapGraph(model: model)
        lookups = ModelLookups(model: model)
        mapVPCs = MapVPCs(vpcOrder: vpcOrder, graph: graph, verdicts: analysis.verdicts)
        let (order, mapGraph, verdicts, base) = (vpcOrder, graph, analysis.verdicts, mapVPCs)
        mapGroupsValue = Deferred { MapGroups(vpcOrder: order, graph: mapGraph, verdicts: verdicts, base: base) }
    }

    /// Starts making the search index on another thread, if nothing has asked for it yet.
    func prefetchSearch() { searchIndex.prefetch() }

    /// Lets go of the search index (made again if a search asks for it).
    func releaseSearch() { searchIndex.release() }
}

/// Positions in the model's arrays by the IDs the detail screens look them up by, so the detail
/// of a Transit Gateway or a VPC does not scan every attachment, subnet and route table.
struct ModelLookups: Sendable {
    let attachment: [String: Int]
    let attachmentsByGateway: [String: [Int]]
    let attachmentsByResource: [String: [Int]]
    let attachmentsByRouteTable: [String: [Int]]
    let subnetsByVpc: [String: [Int]]
    let routeTable: [String: Int]
    let routeTablesByVpc: [String: [Int]]
    /// "3 vpc, 1 vpn" for each Transit Gateway's attachments.
    let attachmentCounts: [String: String]
    /// The first on-prem site that names each customer gateway.
    let siteByCustomerGateway: [String: Int]
    /// The first GCP HA VPN gateway interface (gateway position, interface ID) with each IP.
    let haInterfaceByIp: [IPv4Address: (gateway: Int, interface: Int)]

    init(model: NetworkModel) {
        var attachment: [String: Int] = [:]
        var byGateway: [String: [Int]] = [:]
        var byResource: [String: [Int]] = [:]
        var byRouteTable: [String: [Int]] = [:]
        for (i, a) in model.tgwAttachments.enumerated() {
            if attachment[a.id] == nil { attachment[a.id] = i }
            byGateway[a.transitGatewayId, default: []].append(i)
            if let r = a.resourceId { byResource[r, default: []].append(i) }
            if let t = a.associatedRouteTableId { byRouteTable[t, default: []].append(i) }
        }
        self.attachment = attachment
        attachmentsByGateway = byGateway
        attachmentsByResource = byResource
        attachmentsByRouteTable = byRouteTable
        var subnets: [String: [Int]] = [:]
        for (i, s) in model.subnets.enumerated() { subnets[s.vpcId, default: []].append(i) }
        subnetsByVpc = subnets
        var table: [String: Int] = [:]
        var tables: [String: [Int]] = [:]
        for (i, t) in model.routeTables.enumerated() {
            if table[t.id] == nil { table[t.id] = i }
            tables[t.vpcId, default: []].append(i)
        }
        routeTable = table
        routeTablesByVpc = tables
        attachmentCounts = byGateway.mapValues { positions in
            Dictionary(grouping: positions, by: { model.tgwAttachments[$0].resourceType })
                .map { "\($0.value.count) \($0.key)" }.sorted().joined(separator: ", ")
        }
        var sites: [String: Int] = [:]
        for (i, site) in model.onPremSites.enumerated() {
            for gateway in site.customerGatewayIds where sites[gateway] == nil { sites[gateway] = i }
        }
        siteByCustomerGateway = sites
        var interfaces: [IPv4Address: (gateway: Int, interface: Int)] = [:]
        for (g, gateway) in model.haVpnGateways.enumerated() {
            for interface in gateway.interfaces {
                if let ip = interface.ipAddress, interfaces[ip] == nil { interfaces[ip] = (g, interface.id) }
            }
        }
        haInterfaceByIp = interfaces
    }
}

/// The VPCs of the map by the hub they hang off (the first, if several), in map order: what the
/// layout of every what-if shares. A collapsed group shows the first VPCs of its cluster and
/// counts the others from here rather than going through them.
struct MapVPCs: Sendable {
    /// Positions in `vpcOrder` of each cluster's VPCs; `hub` nil for the unattached ones.
    let clusters: [(hub: String?, vpcs: [Int])]
    /// Per VPC (position in `vpcOrder`): its cluster, its rank in it, and its hubs (positions in
    /// `MapGraph.hubs`, for the map's edges).
    let cluster: [Int]
    let rank: [Int]
    let hubs: [[Int]]
    /// Per cluster, per rank: how many VPCs from that rank on the analysis judges down or degraded.
    let badFrom: [[Int]]
    let judgedBad: [Bool]
    /// VPC ID → position in `vpcOrder`.
    let position: [String: Int]

    init(vpcOrder: [(vpc: AWSVpc, name: String)], graph: MapGraph, verdicts: Verdicts) {
        var clusters: [(hub: String?, vpcs: [Int])] = graph.hubs.map { ($0.id, []) } + [(nil, [])]
        var hubs: [[Int]] = []
        var judgedBad: [Bool] = []
        var position: [String: Int] = [:]
        hubs.reserveCapacity(vpcOrder.count)
        for (i, entry) in vpcOrder.enumerated() {
            let ids = graph.hubsByVpc[entry.vpc.id] ?? []
            hubs.append(ids.compactMap { graph.hubIndex[$0] })
            let c = ids.first.flatMap { graph.hubIndex[$0] } ?? graph.hubs.count
            clusters[c].vpcs.append(i)
            let health = verdicts.health(of: entry.vpc.id)
            judgedBad.append(health == .down || health == .degraded)
            if position[entry.vpc.id] == nil { position[entry.vpc.id] = i }
        }
        self.init(
            clusters: clusters.filter { !$0.vpcs.isEmpty }, hubs: hubs, judgedBad: judgedBad, position: position)
    }

    /// Each VPC's cluster and rank, and each cluster's bad counts from each rank on, for these
    /// clusters (a VPC in none has cluster -1: the regrouped map's VPCs hidden in no group).
    init(clusters: [(hub: String?, vpcs: [Int])], hubs: [[Int]], judgedBad: [Bool], position: [String: Int]) {
        var cluster = [Int](repeating: -1, count: judgedBad.count)
        var rank = [Int](repeating: 0, count: judgedBad.count)
        var badFrom: [[Int]] = []
        for (c, members) in clusters.enumerated() {
            var suffix = [Int](repeating: 0, count: members.vpcs.count + 1)
            for (r, i) in members.vpcs.enumerated().reversed() {
                cluster[i] = c
                rank[i] = r
                suffix[r] = suffix[r + 1] + (judgedBad[i] ? 1 : 0)
            }
            badFrom.append(suffix)
        }
        self.clusters = clusters
        self.cluster = cluster
        self.rank = rank
        self.hubs = hubs
        self.badFrom = badFrom
        self.judgedBad = judgedBad
        self.position = position
    }
}
