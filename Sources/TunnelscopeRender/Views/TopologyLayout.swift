import Foundation
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The topology map laid out for a width: bands of boxes from on-prem through the AWS hubs and
/// their VPCs, the VPN link, to the GCP side, joined by the model's real edges (`edges`): each
/// VPC to the gateway it is attached to, each site to the gateways it connects through, each
/// VPN link box to the hub its connections end on and to the GCP HA gateways. Each hub's VPCs
/// sit in their own block of columns under it. Large bands collapse into group boxes
/// ("+ N more") that keep their members' edges. Pure: the same inputs give the same layout.
public struct TopologyLayout: Sendable {
    public struct Node: Sendable {
        public let id: String
        /// Element for detail/search, if the box is one resource.
        public let elementId: String?
        public var rect: Rect
        public let lines: [[Span]]
        public let role: Role
        public let health: Health
        /// Where Enter goes.
        public let opens: Screen?
        /// For a group box: the group it expands.
        public let group: String?
    }

    public enum Health: Sendable, Comparable {
        case neutral, ok, degraded, down, failed
    }

    /// A line on the map: `from` is the upper box (a gateway, a site, a link box), `to` the lower.
    public struct Edge: Hashable, Sendable, CustomStringConvertible {
        public let from: String
        public let to: String
        public var description: String { "\(from) → \(to)" }
    }

    public struct Band: Sendable {
        public let label: String
        public let role: Role
        public var nodes: [Node]
        public var y: Int
        public var height: Int
    }

    public private(set) var bands: [Band] = []
    public private(set) var height = 0
    public let width: Int
    /// Every line drawn between two boxes, by node ID (group boxes stand for their members).
    public private(set) var edges: [Edge] = []

    /// Compact boxes (one line of text) when the window is short.
    public let compact: Bool

    /// Drawing geometry of the edges (see `MapRouter`).
    private(set) var routing: MapRouter?
    private var nodeIndex: [String: (band: Int, node: Int)] = [:]

    /// Lays the map out. `health` gives each element's health by ID; without it the marks come
    /// from the findings and the what-if in `insights` (`healthFromVerdicts`).
    public init(
        model: NetworkModel, insights: Insights, width: Int, height bodyHeight: Int = 40, expanded: Set<String>,
        health: HealthLookup? = nil
    ) {
        self.width = width
        compact = bodyHeight < 34
        let boxHeight = compact ? 3 : 4
        let naming = Naming(model: model)
        let graph = insights.index.graph
        let lookup = health ?? Self.healthFromVerdicts(insights)
        let verdicts = TunnelFindings(findings: insights.findings)
        let margin = 10
        let gap = 3
        let usable = max(20, width - margin - 1)
        let columns = max(1, min(6, usable / (width < 120 ? 22 : 30)))
        let boxWidth = max(18, (usable - (columns - 1) * gap) / columns)
        let zero = Rect(x: 0, y: 0, width: 0, height: 0)

        /// The worst of the elements' own health; a problem of a related element (a site's
        /// tunnels, a gateway's router) makes the box at least degraded. With
        /// `failedWhenNoneLeft`, a box whose related elements are all down or failed, some by the
        /// what-if, is failed (a link with no tunnel left).
        func boxHealth(_ ids: [String], related: [String] = [], failedWhenNoneLeft: Bool = false) -> Health {
            var result = ids.map(lookup).max() ?? .ok
            let others = related.map(lookup)
            if failedWhenNoneLeft, others.contains(.failed), others.allSatisfy({ $0 >= .down }) { return .failed }
            if others.contains(where: { $0 >= .degraded }) { result = max(result, .degraded) }
            return result
        }

        var rawEdges: [(String, String)] = []
        var tunnelsBySite: [String: [String]] = [:]
        var tunnelsByHA: [String: [Int]] = [:]
        for (t, tunnel) in model.tunnels.enumerated() {
            if let site = tunnel.siteName { tunnelsBySite["site/\(site)", default: []].append(tunnel.id) }
            if let ha = tunnel.gcp?.haGateway?.id { tunnelsByHA[ha, default: []].append(t) }
        }

        // On-prem sites.
        let siteNodes: [Node] = model.onPremSites.map { site in
            let links = graph.hubsBySite[site.id] ?? []
            for link in links { rawEdges.append((site.id, link.hub)) }
            var kinds: [String] = []
            for link in links where !kinds.contains(link.via.rawValue) { kinds.append(link.via.rawValue) }
            if kinds.isEmpty {
                if !site.directConnectGatewayIds.isEmpty { kinds.append("Direct Connect (gateway not attached)") }
                if !site.customerGatewayIds.isEmpty { kinds.append("VPN (no connection in the exports)") }
            }
            let connections = site.customerGatewayIds.flatMap { graph.connectionsByCustomerGateway[$0] ?? [] }
            return Node(
                id: site.id, elementId: site.id, rect: zero,
                lines: [
                    [Span(site.name, Style(.onPrem, bold: true))],
                    [Span(site.addressRanges.map(\.description).joined(separator: " "), .normal)],
                    [Span(kinds.isEmpty ? "no link in the exports" : kinds.joined(separator: " + "), .dim)],
                ],
                role: .onPrem, health: boxHealth([site.id], related: connections + (tunnelsBySite[site.id] ?? [])),
                opens: .detail(site.id), group: nil)
        }

        // The AWS hubs: Transit Gateways, then virtual private gateways.
        var hubNodes: [Node] = []
        for hub in graph.hubs {
            let vpcs = graph.vpcsByHub[hub.id]?.count ?? 0
            let vpns = graph.connectionsByHub[hub.id]?.count ?? 0
            switch hub.kind {
            case .tgw:
                guard let tgw = model.transitGateway(hub.id) else { continue }
                hubNodes.append(
                    Node(
                        id: tgw.id, elementId: tgw.id, rect: zero,
                        lines: [
                            [Span("TGW ", .dim), Span(naming.tgw(tgw.id), Style(.aws, bold: true))],
                            [
                                Span(
                                    "ASN \(tgw.amazonSideAsn.map(String.init) ?? "?")"
                                        + (tgw.region.map { " · \($0)" } ?? ""), .normal)
                            ],
                            [Span("\(vpcs) VPC · \(vpns) VPN", .dim)],
                        ],
                        role: .aws, health: boxHealth([tgw.id]), opens: .aws, group: nil))
            case .vgw:
                guard let vgw = model.vpnGatewayIndex[hub.id].map({ model.vpnGateways[$0] }) else { continue }
                hubNodes.append(
                    Node(
                        id: vgw.id, elementId: vgw.id, rect: zero,
                        lines: [
                            [
                                Span("VGW ", .dim),
                                Span(model.labels[vgw.id] ?? vgw.name ?? vgw.id, Style(.aws, bold: true)),
                            ],
                            [
                                Span(
                                    "ASN \(vgw.amazonSideAsn.map(String.init) ?? "?") · \(vpcs) VPC · \(vpns) VPN",
                                    .normal)
                            ],
                            [Span("virtual private gateway", .dim)],
                        ],
                        role: .aws, health: boxHealth([vgw.id]), opens: .aws, group: nil))
            }
        }

        // AWS VPCs, in clusters by the hub they hang off (the first, if several), sorted by name.
        let vpcOrder = insights.index.vpcOrder
        // Only the VPCs shown get a box: a collapsed group counts the others (and their health).
        let mapVPCs = insights.index.mapVPCs
        let clusters = mapVPCs.clusters
        // Where the hub → VPC edges go among the others (they are drawn in this order).
        let vpcEdgesAt = rawEdges.count
        /// Per cluster: how many of its VPCs have boxes (the others are in its group box).
        var shownInCluster = clusters.map(\.vpcs.count)
        func vpcNode(_ i: Int) -> Node {
            let (vpc, name) = vpcOrder[i]
            let lost = insights.lostOrigins.contains(vpc.id)
            return Node(
                id: vpc.id, elementId: vpc.id, rect: zero,
                lines: [
                    [Span("VPC ", .dim), Span(name, Style(.normal, bold: true))],
                    lost
                        ? [Span("✕ loses its path (what-if)", .failed)]
                        : [Span(vpc.cidrs.map(\.description).joined(separator: " "), .normal)],
                    [Span("acct \(vpc.accountId ?? "?")", .dim)]
                        + ((graph.hubsByVpc[vpc.id] ?? []).isEmpty ? [Span(" · not attached", .dim)] : []),
                ],
                role: .aws, health: boxHealth([vpc.id]), opens: .detail(vpc.id), group: nil)
        }

        // The VPN links between the clouds: one box per AWS gateway the cross-cloud connections end on.
        var linkNodes: [Node] = []
        var linkHub: [String: String] = [:]
        let linkCount = graph.crossLinks.count
        for (i, link) in graph.crossLinks.enumerated() {
            let id = graph.linkNodeId(i)
            let cross = link.tunnels.map { model.tunnels[$0] }
            let ids = cross.map(\.id)
            if let hub = link.hub {
                rawEdges.append((hub, id))
                linkHub[id] = hub
            }
            for ha in link.haGateways { rawEdges.append((id, ha)) }
            let down = ids.filter { verdicts.ipsecDown.contains($0) }.count
            let bgpDown = ids.filter { verdicts.bgpDown.contains($0) }.count
            let notCarrying = Set(
                ids.filter {
                    verdicts.ipsecDown.contains($0) || verdicts.bgpDown.contains($0)
                        || insights.lostTunnels.contains($0)
                        || insights.lostSessions.contains($0) || insights.failed.contains($0)
                })
            let carrying = ids.count - notCarrying.count
            let connections = Self.unique(cross.compactMap { $0.aws?.vpnConnectionId })
            let perConnection = Set(connections.map { c in cross.filter { $0.aws?.vpnConnectionId == c }.count })
            let hubName = link.hub.map { hub in
                graph.hub(hub)?.kind == .vgw
                    ? "VGW \(model.labels[hub] ?? model.vpnGatewayIndex[hub].flatMap { model.vpnGateways[$0].name } ?? hub)"
                    : naming.tgw(hub)
            }
            let haNames = link.haGateways.compactMap { GCPRef(url: $0)?.name }
            let title = linkCount > 1 ? "VPN on \(hubName ?? "?")  " : "AWS ⇄ GCP VPN  "
            var lines: [[Span]]
            if !insights.failed.isEmpty {
                lines = [
                    [
                        Span(title, Style(.accent, bold: true)),
                        Span(
                            "what-if: \(carrying) of \(ids.count) tunnels carry routes",
                            carrying == 0 ? Style(.failed, bold: true) : Style(.failed)),
                    ],
                    [Span(insights.whatIfSummary ?? "", .failed)],
                ]
            } else {
                let awsSide =
                    connections.isEmpty
                    ? "AWS side not exported"
                    : "\(connections.count) AWS VPN connection\(connections.count == 1 ? "" : "s")"
                        + (perConnection.count == 1
                            ? " × \(perConnection.first!) tunnel\(perConnection.first! == 1 ? "" : "s")" : "")
                        + (linkCount > 1 || hubName == nil ? "" : " on \(hubName!)")
                let gcpSide = haNames.isEmpty ? "GCP side not exported" : "HA VPN \(haNames.joined(separator: ", "))"
                lines = [
                    [
                        Span(title, Style(.accent, bold: true)), Span("\(ids.count - down) up", .ok),
                        Span(down > 0 ? "  \(down) down" : "", Style(.error, bold: true)),
                        Span("  BGP \(ids.count - bgpDown)/\(ids.count) up", bgpDown == 0 ? .ok : .error),
                    ],
                    [Span("\(awsSide) ⇄ \(gcpSide), \(ids.count) tunnels", .normal)],
                ]
            }
            lines.append([Span("Enter: both sides of each tunnel", .dim)])
            let linkIds = Self.unique(
                cross.map { t in
                    "link/\(t.gcp?.haGateway?.id ?? "?")~\(t.aws.flatMap { $0.transitGatewayId ?? $0.vpnGatewayId } ?? "?")"
                })
            linkNodes.append(
                Node(
                    id: id, elementId: nil, rect: zero, lines: lines, role: .accent,
                    health: boxHealth(linkIds, related: ids, failedWhenNoneLeft: true), opens: .split, group: nil))
        }

        // GCP: each HA gateway with its router, then projects and what hangs off them.
        var haNodes: [Node] = []
        for gateway in model.haVpnGateways {
            let tunnels = (tunnelsByHA[gateway.ref.id] ?? []).map { model.tunnels[$0] }
            let routers = Self.unique(tunnels.compactMap { $0.gcp?.router })
            let network = gateway.network.flatMap { model.gcpNetwork($0) }
            rawEdges.append((gateway.ref.id, "project/\(gateway.ref.project)"))
            haNodes.append(
                Node(
                    id: gateway.ref.id, elementId: gateway.ref.id, rect: zero,
                    lines: [
                        [
                            Span("HA VPN ", .dim), Span(gateway.name, Style(.gcp, bold: true)),
                            Span(" · \(gateway.interfaces.count) interfaces", .normal),
                        ],
                        [Span("Cloud Router \(routers.map(\.name).sorted().joined(separator: ", "))", .normal)],
                        [Span("\(gateway.ref.project) · \(network?.name ?? gateway.network?.name ?? "?")", .dim)],
                    ],
                    role: .gcp,
                    health: boxHealth(
                        [gateway.ref.id], related: routers.map(\.id) + tunnels.compactMap { $0.gcp?.tunnel.ref.id }),
                    opens: .gcp, group: nil))
        }

        var networksByProject: [String: [GCPNetwork]] = [:]
        for network in model.gcpNetworks { networksByProject[network.project, default: []].append(network) }
        let hosts = Set(model.sharedVPCs.map(\.hostProject))
        var projectNodes: [Node] = []
        var serviceNodes: [Node] = []
        for project in model.gcpProjects where project.role != .external {
            let networks = networksByProject[project.id] ?? []
            let auto = networks.filter { $0.subnetMode == .auto }
            let role: String =
                hosts.contains(project.id)
                ? "Shared VPC host"
                : project.role == .sharedVPCService ? "service of \(project.hostProject ?? "?")" : "project"
            var lines: [[Span]] = [[Span(project.id, Style(.gcp, bold: true))], [Span(role, .normal)]]
            if let label = model.labels[project.id] {
                lines.append([Span(label, .dim)])
            } else if !auto.isEmpty {
                lines.append([Span("auto-mode \(auto.map(\.name).joined(separator: ", "))", .warning)])
            } else {
                lines.append([Span("\(networks.count) networks", .dim)])
            }
            let id = "project/\(project.id)"
            let node = Node(
                id: id, elementId: id, rect: zero, lines: lines, role: .gcp,
                health: boxHealth([id], related: networks.map(\.ref.id)), opens: .detail(id), group: nil)
            if project.role == .sharedVPCService, let host = project.hostProject {
                rawEdges.append(("project/\(host)", id))
                serviceNodes.append(node)
            } else {
                projectNodes.append(node)
            }
        }
        for redis in model.redisInstances {
            rawEdges.append(("project/\(redis.authorizedNetwork?.project ?? redis.project)", redis.id))
            serviceNodes.append(
                Node(
                    id: redis.id, elementId: redis.id, rect: zero,
                    lines: [
                        [Span("Memorystore ", .dim), Span(redis.name, Style(.gcp, bold: true))],
                        [Span(redis.reservedIpRangeText ?? "?", .normal)],
                        [Span("peered producer VPC", .dim)],
                    ],
                    role: .gcp, health: boxHealth([redis.id]), opens: .detail(redis.id), group: nil))
        }

        // Placement, band by band. x first; rows' y come from the router.
        var hidden: [String: String] = [:]  // member ID → its group box ID
        var built: [(label: String, role: Role, rows: [[Node]])] = []
        var centreOf: [String: Double] = [:]

        func groupBox(_ group: String, hidden count: Int, members: ArraySlice<Node>) -> Node {
            groupBox(group, hidden: count, ids: members.map(\.id), bad: members.filter { $0.health >= .degraded }.count)
        }
        func groupBox(_ group: String, hidden count: Int, ids: [String], bad: Int) -> Node {
            for id in ids { hidden[id] = "group:\(group)" }
            return Node(
                id: "group:\(group)", elementId: nil, rect: zero,
                lines: [[Span("+ \(count) more", Style(.accent, bold: true))], [Span("e or Enter: expand", .dim)]]
                    + (bad > 0 ? [[Span("\(bad) with problems", .error)]] : []),
                role: .accent, health: bad > 0 ? .degraded : .neutral, opens: nil, group: group)
        }
        func collapseBox(_ group: String) -> Node {
            Node(
                id: "group:\(group)", elementId: nil, rect: zero,
                lines: [[Span("− collapse", Style(.accent, bold: true))], [Span("e or Enter", .dim)]],
                role: .accent, health: .neutral, opens: nil, group: group)
        }
        /// The nodes shown for a group limited to `limit` boxes.
        func collapsed(_ nodes: [Node], group: String, limit: Int) -> [Node] {
            guard nodes.count > limit else { return nodes }
            if expanded.contains(group) { return nodes + [collapseBox(group)] }
            let keep = max(0, limit - 1)
            return Array(nodes.prefix(keep)) + [
                groupBox(group, hidden: nodes.count - keep, members: nodes.dropFirst(keep))
            ]
        }
        /// `collapsed` for cluster `c` of VPCs: boxes are made only for those shown; the group
        /// box counts the others with problems from the analysis' verdicts and the what-if.
        func collapsedVPCs(_ c: Int, group: String, limit: Int) -> [Node] {
            let members = clusters[c].vpcs
            guard members.count > limit else { return members.map(vpcNode) }
            if expanded.contains(group) { return members.map(vpcNode) + [collapseBox(group)] }
            let keep = max(0, limit - 1)
            shownInCluster[c] = keep
            var bad: Int
            if health == nil {
                bad = mapVPCs.badFrom[c][keep]
                // The what-if's failures and losses among the hidden VPCs the analysis judged fine.
                for id in insights.failed.union(insights.lostOrigins).union(insights.lostTunnels) {
                    if let i = mapVPCs.position[id], mapVPCs.cluster[i] == c, mapVPCs.rank[i] >= keep,
                        !mapVPCs.judgedBad[i]
                    {
                        bad += 1
                    }
                }
            } else {
                bad = members.dropFirst(keep).filter { boxHealth([vpcOrder[$0].vpc.id]) >= .degraded }.count
            }
            return members.prefix(keep).map(vpcNode) + [
                groupBox(group, hidden: members.count - keep, ids: [], bad: bad)
            ]
        }
        /// x positions of boxes in one row, each as near its desired centre as the others allow.
        func arrange(_ nodes: inout [Node], widths: [Int], centres: [Double?]) {
            let total = widths.reduce(0, +) + max(0, widths.count - 1) * gap
            let lo = margin
            let hi = margin + max(usable, total)
            var xs: [Int] = []
            if centres.allSatisfy({ $0 == nil }) {
                var x = margin + max(0, (usable - total) / 2)
                for w in widths {
                    xs.append(x)
                    x += w + gap
                }
            } else {
                // Boxes that want overlapping places share them: each run of touching boxes is
                // centred on the mean of its wishes (pool adjacent violators), then the row is
                // shifted into the window.
                var offsets: [Int] = []
                var offset = 0
                for w in widths {
                    offsets.append(offset)
                    offset += w + gap
                }
                var wants: [Double] = []
                for (i, w) in widths.enumerated() {
                    let previous = wants.last.map { $0 + Double(widths[i - 1] + gap) } ?? Double(lo)
                    wants.append(centres[i].map { $0 - Double(w) / 2 } ?? previous)
                }
                var runs: [(first: Int, last: Int, sum: Double)] = []
                for i in widths.indices {
                    runs.append((i, i, wants[i] - Double(offsets[i])))
                    while runs.count > 1 {
                        let b = runs[runs.count - 1]
                        let a = runs[runs.count - 2]
                        let startA = a.sum / Double(a.last - a.first + 1)
                        let startB = b.sum / Double(b.last - b.first + 1)
                        guard startB < startA else { break }
                        runs.removeLast(2)
                        runs.append((a.first, b.last, a.sum + b.sum))
                    }
                }
                for run in runs {
                    let start = Int((run.sum / Double(run.last - run.first + 1)).rounded())
                    for i in run.first...run.last { xs.append(start + offsets[i]) }
                }
                let shift = max(lo - (xs.first ?? lo), min(0, hi - ((xs.last ?? lo) + (widths.last ?? 0))))
                xs = xs.map { $0 + shift }
                var nextStart = hi + gap
                for i in xs.indices.reversed() {
                    xs[i] = min(xs[i], nextStart - gap - widths[i])
                    nextStart = xs[i]
                }
                var previousEnd = lo - gap
                for i in xs.indices {
                    xs[i] = max(xs[i], previousEnd + gap)
                    previousEnd = xs[i] + widths[i]
                }
            }
            for i in nodes.indices {
                nodes[i].rect = Rect(x: xs[i], y: 0, width: widths[i], height: boxHeight)
                centreOf[nodes[i].id] = Double(xs[i]) + Double(widths[i]) / 2
            }
        }
        /// Rows of at most `perRow` boxes, ordered by desired centre, each arranged.
        func rows(_ nodes: [Node], perRow: Int, width: Int = boxWidth, centre: (Node) -> Double?) -> [[Node]] {
            let ordered = nodes.enumerated().sorted { a, b in
                switch (centre(a.element), centre(b.element)) {
                case (let x?, let y?): return (x, a.offset) < (y, b.offset)
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.offset < b.offset
                }
            }.map(\.element)
            return stride(from: 0, to: ordered.count, by: max(1, perRow)).map { start in
                var row = Array(ordered[start..<min(ordered.count, start + max(1, perRow))])
                arrange(&row, widths: row.map { _ in width }, centres: row.map(centre))
                return row
            }
        }
        func mean(_ ids: [String]) -> Double? {
            let xs = ids.compactMap { centreOf[$0] }
            return xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
        }
        var parents: [String: [String]] = [:]
        var children: [String: [String]] = [:]
        for (from, to) in rawEdges {
            parents[to, default: []].append(from)
            children[from, default: []].append(to)
        }

        // VPCs: each hub's cluster in its own block of columns (or one grid when there are more
        // clusters than columns).
        var vpcRows: [[Node]] = []
        if !clusters.isEmpty {
            let groupName = { (hub: String?) in "vpcs:\(hub ?? "unattached")" }
            if clusters.count <= columns {
                let sizes = clusters.map(\.vpcs.count)
                var alloc = sizes
                if sizes.reduce(0, +) > columns {
                    let need = sizes.map { ($0 + 1) / 2 }
                    var remaining = columns
                    for (k, i) in need.indices.sorted(by: { (need[$0], $0) < (need[$1], $1) }).enumerated() {
                        let share = remaining / (need.count - k)
                        alloc[i] = min(need[i], max(1, share))
                        remaining -= alloc[i]
                    }
                }
                let blockWidths = alloc.map { $0 * boxWidth + ($0 - 1) * gap }
                let total = blockWidths.reduce(0, +) + (clusters.count - 1) * gap
                var blockX = margin + max(0, (usable - total) / 2)
                for (c, cluster) in clusters.enumerated() {
                    let shown = collapsedVPCs(c, group: groupName(cluster.hub), limit: alloc[c] * 2)
                    for (i, node) in shown.enumerated() {
                        let row = i / alloc[c]
                        let col = i % alloc[c]
                        while vpcRows.count <= row { vpcRows.append([]) }
                        var node = node
                        let x = blockX + col * (boxWidth + gap)
                        node.rect = Rect(x: x, y: 0, width: boxWidth, height: boxHeight)
                        centreOf[node.id] = Double(x) + Double(boxWidth) / 2
                        vpcRows[row].append(node)
                    }
                    blockX += blockWidths[c] + gap
                }
            } else {
                // More hubs than columns: one grid, clusters in hub order, each limited to its share.
                var remaining = columns * 2
                var nodes = [[Node]](repeating: [], count: clusters.count)
                for (k, i) in clusters.indices.sorted(by: {
                    (clusters[$0].vpcs.count, $0) < (clusters[$1].vpcs.count, $1)
                }).enumerated() {
                    let limit = min(clusters[i].vpcs.count, max(1, remaining / (clusters.count - k)))
                    remaining -= limit
                    nodes[i] = collapsedVPCs(i, group: groupName(clusters[i].hub), limit: limit)
                }
                let shown = nodes.flatMap { $0 }
                vpcRows = rows(shown, perRow: columns) { _ in nil }
            }
        }
        // The first row where each hub's VPCs appear gives the hub its place.
        var clusterCentre: [String: Double] = [:]
        for row in vpcRows {
            var seen: [String: (lo: Double, hi: Double)] = [:]
            for node in row {
                guard
                    let hub =
                        (graph.hubsByVpc[node.id]?.first
                            ?? node.group.flatMap { g in g.hasPrefix("vpcs:") ? String(g.dropFirst(5)) : nil }),
                    clusterCentre[hub] == nil
                else { continue }
                let x = Double(node.rect.x)
                let w = Double(node.rect.width)
                seen[hub] = (min(seen[hub]?.lo ?? x, x), max(seen[hub]?.hi ?? x + w, x + w))
            }
            for (hub, span) in seen { clusterCentre[hub] = (span.lo + span.hi) / 2 }
        }
        let hubRows = rows(hubNodes, perRow: columns) { clusterCentre[$0.id] }
        let siteOrder = rows(siteNodes, perRow: Int.max) { mean(children[$0.id] ?? []) }.flatMap { $0 }
        let siteRows = rows(collapsed(siteOrder, group: "sites", limit: columns * 2), perRow: columns) { node in
            mean(
                node.group != nil
                    ? Self.unique(siteOrder.filter { hidden[$0.id] == node.id }.flatMap { children[$0.id] ?? [] })
                    : children[node.id] ?? [])
        }
        let linkWidth =
            linkNodes.isEmpty
            ? 0 : min(max(boxWidth, width >= 160 ? 96 : 64), (usable - (linkNodes.count - 1) * gap) / linkNodes.count)
        let linksPerRow = max(1, (usable + gap) / (max(1, linkWidth) + gap))
        let linkRows = rows(linkNodes, perRow: linksPerRow, width: linkWidth) {
            linkHub[$0.id].flatMap { centreOf[$0] }
        }
        let haRows = rows(haNodes, perRow: columns) { mean(parents[$0.id] ?? []) }
        let projectRows = rows(
            collapsed(
                rows(projectNodes, perRow: Int.max) { mean(parents[$0.id] ?? []) }.flatMap { $0 }, group: "projects",
                limit: columns * 2),
            perRow: columns
        ) { mean(parents[$0.id] ?? []) }
        let serviceRows = rows(
            collapsed(
                rows(serviceNodes, perRow: Int.max) { mean(parents[$0.id] ?? []) }.flatMap { $0 }, group: "services",
                limit: columns * 2),
            perRow: columns
        ) { node in
            mean(
                node.group != nil
                    ? Self.unique(serviceNodes.filter { hidden[$0.id] == node.id }.flatMap { parents[$0.id] ?? [] })
                    : parents[node.id] ?? [])
        }
        built = [
            ("ON-PREM", .onPrem, siteRows), ("AWS", .aws, hubRows), ("VPCs", .aws, vpcRows), ("VPN", .accent, linkRows),
            ("GCP", .gcp, haRows), ("PROJECTS", .gcp, projectRows), ("SERVICES", .gcp, serviceRows),
        ]
        built = built.filter { !$0.rows.isEmpty && !$0.rows.allSatisfy(\.isEmpty) }

        // Edges between the boxes shown (hidden members stand for their group box).
        var flat: [Node] = []
        var boxes: [MapRouter.Box] = []
        var position: [String: Int] = [:]
        var rowCount = 0
        for band in built {
            for row in band.rows where !row.isEmpty {
                for node in row {
                    position[node.id] = flat.count
                    flat.append(node)
                    boxes.append(MapRouter.Box(x: node.rect.x, width: node.rect.width, row: rowCount))
                }
                rowCount += 1
            }
        }
        var seenEdges = Set<Edge>()
        var routed: [(from: Int, to: Int)] = []
        func add(_ edge: Edge) {
            guard let a = position[edge.from], let b = position[edge.to], boxes[a].row < boxes[b].row,
                seenEdges.insert(edge).inserted
            else { return }
            edges.append(edge)
            routed.append((a, b))
        }
        /// Hub → VPC edges, a hidden VPC's to its group box (each hub's once).
        func addVPCEdges() {
            var toGroup = Set<Int>()
            for i in vpcOrder.indices {
                let c = mapVPCs.cluster[i]
                let shown = mapVPCs.rank[i] < shownInCluster[c]
                for hub in mapVPCs.hubs[i] {
                    if shown {
                        add(Edge(from: graph.hubs[hub].id, to: vpcOrder[i].vpc.id))
                    } else if toGroup.insert(hub * clusters.count + c).inserted {
                        add(Edge(from: graph.hubs[hub].id, to: "group:vpcs:\(clusters[c].hub ?? "unattached")"))
                    }
                }
            }
        }
        for (k, (from, to)) in rawEdges.enumerated() {
            if k == vpcEdgesAt { addVPCEdges() }
            add(Edge(from: hidden[from] ?? from, to: hidden[to] ?? to))
        }
        if rawEdges.count == vpcEdgesAt { addVPCEdges() }
        let router = MapRouter(
            boxes: boxes, rowCount: rowCount, boxHeight: boxHeight, edges: routed,
            minX: margin - 1, maxX: max(margin, width - 1))
        routing = router

        // Bands with the rows' y from the router.
        var k = 0
        var row = 0
        for band in built {
            var nodes: [Node] = []
            var firstY: Int?
            var bottom = 0
            for r in band.rows where !r.isEmpty {
                for var node in r {
                    node.rect = Rect(x: node.rect.x, y: router.rowY[row], width: node.rect.width, height: boxHeight)
                    nodeIndex[node.id] = (bands.count, nodes.count)
                    nodes.append(node)
                    k += 1
                }
                let gapHeight = row == 0 ? router.rowY[0] : router.rowY[row] - (router.rowY[row - 1] + boxHeight)
                if firstY == nil { firstY = router.rowY[row] - gapHeight }
                bottom = router.rowY[row] + boxHeight
                row += 1
            }
            let y = firstY ?? 0
            bands.append(Band(label: band.label, role: band.role, nodes: nodes, y: y, height: bottom - y))
        }
        height = router.height
    }

    public var nodes: [Node] { bands.flatMap(\.nodes) }

    public func node(_ id: String?) -> Node? {
        guard let id, let at = nodeIndex[id] else { return nil }
        return bands[at.band].nodes[at.node]
    }

    public func node(at x: Int, _ y: Int) -> Node? { nodes.first { $0.rect.contains(x: x, y: y) } }

    /// Edges leaving a box (towards the boxes below it).
    public func edges(from id: String) -> [Edge] { edges.filter { $0.from == id } }

    /// Edges reaching a box (from the boxes above it).
    public func edges(to id: String) -> [Edge] { edges.filter { $0.to == id } }

    /// The node to go to from `id` in a direction (nearest by centre in the row above/below).
    public func neighbour(of id: String?, dx: Int, dy: Int) -> String? {
        let all = nodes
        guard let current = all.first(where: { $0.id == id }) else { return all.first?.id }
        let cx = current.rect.x + current.rect.width / 2
        if dy != 0 {
            let candidates = all.filter { dy > 0 ? $0.rect.y > current.rect.y : $0.rect.y < current.rect.y }
            let rowY = dy > 0 ? candidates.map(\.rect.y).min() : candidates.map(\.rect.y).max()
            return candidates.filter { $0.rect.y == rowY }.min {
                abs($0.rect.x + $0.rect.width / 2 - cx) < abs($1.rect.x + $1.rect.width / 2 - cx)
            }?.id ?? id
        }
        let row = all.filter { $0.rect.y == current.rect.y }.sorted { $0.rect.x < $1.rect.x }
        guard let i = row.firstIndex(where: { $0.id == id }) else { return id }
        let j = i + dx
        if row.indices.contains(j) { return row[j].id }
        // Wrap to the next/previous row of boxes.
        let ordered = all.sorted { ($0.rect.y, $0.rect.x) < ($1.rect.y, $1.rect.x) }
        guard let k = ordered.firstIndex(where: { $0.id == id }), ordered.indices.contains(k + dx) else { return id }
        return ordered[k + dx].id
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
