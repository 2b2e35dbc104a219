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

    /// `lost`: taken down or cut off by the what-if (↯); `failed`: failed in it (⊘).
    public enum Health: Sendable, Comparable {
        case neutral, ok, degraded, down, lost, failed
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

    /// The bands with the boxes laid out (a row that stands for several has its first instance's
    /// boxes; `bands` has them all).
    private(set) var laidBands: [Band] = []
    public private(set) var height = 0
    public let width: Int
    /// The lines drawn between two boxes laid out, by node ID (group boxes stand for their
    /// members), in the router's order; `edges` has them all.
    private(set) var laidEdges: [Edge] = []

    /// Compact boxes (one line of text) when the window is short.
    public let compact: Bool

    /// Drawing geometry of the edges (see `MapRouter`).
    private(set) var routing: MapRouter?
    private(set) var nodeIndex: [String: (band: Int, node: Int, row: Int)] = [:]
    /// Per router row: its band, its boxes in the band's laid out nodes, how many rows it stands for.
    private(set) var rowInfo: [RowInfo] = []
    /// What makes the boxes of the rows laid out once for several; nil when every row is laid out.
    private(set) var repeated: Repeated?

    /// Lays the map out. `health` gives each element's health by ID; without it the marks come
    /// from the findings and the what-if in `insights` (`healthFromVerdicts`).
    public init(
        model: NetworkModel, insights: Insights, width: Int, height bodyHeight: Int = 40, expanded: Set<String>,
        health: HealthLookup? = nil
    ) {
        self.init(
            model: model, insights: insights, width: width, height: bodyHeight, expanded: expanded, health: health,
            repeatRows: true)
    }

    /// Which VPCs the map shows and how (by hub, in groups by account, one group zoomed into).
    let scope: MapScope

    /// `repeatRows`: a run of alike rows of the VPC grid is laid out once and repeated (see
    /// `VPCGrid.rowsToLay`); without it every row is laid out (what the tests compare with).
    init(
        model: NetworkModel, insights: Insights, width: Int, height bodyHeight: Int, expanded: Set<String>,
        health: HealthLookup?, repeatRows: Bool, boxes: Boxes? = nil, scope: MapScope? = nil
    ) {
        self.width = width
        compact = bodyHeight < 34
        let scope = scope ?? MapScope(index: insights.index)
        self.scope = scope
        let boxHeight = compact ? 3 : 4
        let graph = insights.index.graph
        let lookup = health ?? Self.healthFromVerdicts(insights)
        let margin = 10
        let gap = 3
        let usable = max(20, width - margin - 1)
        let made = boxes ?? Boxes(model: model, insights: insights, lookup: lookup)
        let columns = Self.columns(
            usable: usable, width: width, gap: gap, widest: Self.widestText(made, scope, insights))
        let boxWidth = max(18, (usable - (columns - 1) * gap) / columns)
        let zero = Rect(x: 0, y: 0, width: 0, height: 0)

        let (siteNodes, hubNodes, linkNodes, linkHub) = (made.sites, made.hubs, made.links, made.linkHub)
        let (haNodes, projectNodes, serviceNodes) = (made.has, made.projects, made.services)
        let rawEdges = made.rawEdges
        let vpcEdgesAt = made.vpcEdgesAt

        // AWS VPCs, in clusters by the hub they hang off (the first, if several), sorted by name.
        let vpcOrder = insights.index.vpcOrder
        // Only the VPCs shown get a box: a collapsed group counts the others (and their health).
        let mapVPCs = scope.vpcs
        let clusters = mapVPCs.clusters
        /// Per cluster: how many of its VPCs have boxes (the others are in its group box).
        var shownInCluster = clusters.map(\.vpcs.count)
        /// Per cluster: its group or collapse box, if it has one (after its VPCs).
        var extraBox = [Node?](repeating: nil, count: clusters.count)

        // Placement, band by band. x first; rows' y come from the router.
        var hidden: [String: String] = [:]  // member ID → its group box ID
        var built: [(label: String, role: Role, rows: [[Node]], weights: [Int])] = []
        var centreOf: [String: Double] = [:]

        /// A group of boxes (sites, projects, services): marked with the worst of its members'
        /// health, counting those down (or failed by the what-if) and degraded.
        func groupBox(_ group: String, hidden count: Int, members: ArraySlice<Node>) -> Node {
            let down = members.filter { $0.health >= .down }.count
            let degraded = members.filter { $0.health == .degraded }.count
            return groupBox(
                group, hidden: count, ids: members.map(\.id), bad: down + degraded,
                health: members.map(\.health).max() ?? .neutral,
                tally: (down > 0 ? [Span("  ✖ \(down)", Style(.error, bold: true))] : [])
                    + (degraded > 0 ? [Span("  ▲ \(degraded)", Style(.warning, bold: true))] : []))
        }
        func groupBox(
            _ group: String, hidden count: Int, ids: [String], bad: Int, health: Health? = nil, tally: [Span]? = nil
        ) -> Node {
            for id in ids { hidden[id] = "group:\(group)" }
            return Node(
                id: "group:\(group)", elementId: nil, rect: zero,
                lines: [
                    [Span("+ \(count) more", Style(.accent, bold: true))]
                        + (tally ?? (bad > 0 ? [Span("  \(bad) with problems", .error)] : [])),
                    [Span("e or Enter: expand", .dim)],
                ],
                role: .accent, health: health ?? (bad > 0 ? .degraded : .neutral), opens: nil, group: group)
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
        /// `collapsed` for cluster `c` of VPCs, as a count of grid slots (its first
        /// `shownInCluster[c]` VPCs, then `extraBox[c]` if any): the group box counts the others
        /// with problems from the analysis' verdicts and the what-if.
        func collapsedVPCs(_ c: Int, group: String, limit: Int) -> Int {
            let members = clusters[c].vpcs
            switch scope.mode {
            case .zoom: return members.count
            case .accounts:
                // A group of one is its VPC's box; a group is one box until expanded.
                guard members.count > 1 else { return 1 }
                if expanded.contains(group) {
                    extraBox[c] = collapseBox(group)
                    return members.count + 1
                }
                shownInCluster[c] = 0
                extraBox[c] = accountGroupBox(c, group: group)
                return 1
            case .hubs: break
            }
            guard members.count > limit else { return members.count }
            if expanded.contains(group) {
                extraBox[c] = collapseBox(group)
                return members.count + 1
            }
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
                bad = members.dropFirst(keep).filter { lookup(vpcOrder[$0].vpc.id) >= .degraded }.count
            }
            extraBox[c] = groupBox(group, hidden: members.count - keep, ids: [], bad: bad)
            return keep + 1
        }
        /// The box of a group of VPCs by hub and account: its count, account, and its members'
        /// health as the analysis judges them, with the what-if's failures and losses.
        /// The what-if's failures and losses among the VPCs of each group, in one pass (the
        /// analysis' counts of each group less those it fails): made when a group box first asks.
        var whatIfTally: (failed: [Int], counts: [MapGroups.Counts])?
        func tally() -> (failed: [Int], counts: [MapGroups.Counts]) {
            if let whatIfTally { return whatIfTally }
            var failed = [Int](repeating: 0, count: clusters.count)
            var counts = scope.counts
            let groups = insights.index.mapGroups
            for id in insights.failed.union(insights.lostOrigins).union(insights.lostTunnels) {
                guard let i = mapVPCs.position[id], case let c = mapVPCs.cluster[i], c >= 0 else { continue }
                failed[c] += 1
                switch groups.health[i] {
                case .down: counts[c].down -= 1
                case .degraded: counts[c].degraded -= 1
                case .ok: counts[c].ok -= 1
                default: counts[c].unknown -= 1
                }
            }
            whatIfTally = (failed, counts)
            return (failed, counts)
        }
        func accountGroupBox(_ c: Int, group: String) -> Node {
            let members = clusters[c].vpcs
            var counts = MapGroups.Counts()
            var failed = 0
            if health == nil {
                let made = tally()
                (counts, failed) = (made.counts[c], made.failed[c])
            } else {
                for i in members {
                    switch lookup(vpcOrder[i].vpc.id) {
                    case .failed, .lost: failed += 1
                    case .down: counts.down += 1
                    case .degraded: counts.degraded += 1
                    case .ok: counts.ok += 1
                    case .neutral: counts.unknown += 1
                    }
                }
            }
            return Self.accountGroupNode(
                id: "group:\(group)", group: group, count: members.count, account: scope.accounts[c], model: model,
                counts: counts, failed: failed)
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
            // Each node's wish once (not per comparison: a thousand sites each look up their hubs).
            let wishes = nodes.map(centre)
            let ordered = nodes.indices.sorted { a, b in
                switch (wishes[a], wishes[b]) {
                case (let x?, let y?): return (x, a) < (y, b)
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a < b
                }
            }.map { nodes[$0] }
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
        // clusters than columns), as grid slots; boxes are made for the rows laid out.
        var grid = VPCGrid()
        if !clusters.isEmpty {
            // Groups by account count their slots first (a group box, or its VPCs when expanded).
            let slots: [Int]? =
                scope.mode == .hubs
                ? nil : clusters.indices.map { collapsedVPCs($0, group: scope.keys[$0], limit: Int.max) }
            if clusters.count <= columns {
                let sizes = slots ?? clusters.map(\.vpcs.count)
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
                var blocks: [(x: Int, columns: Int)] = []
                var counts: [Int] = []
                for c in clusters.indices {
                    counts.append(slots?[c] ?? collapsedVPCs(c, group: scope.keys[c], limit: alloc[c] * 2))
                    blocks.append((blockX, alloc[c]))
                    blockX += blockWidths[c] + gap
                }
                grid = VPCGrid(
                    blocks: blocks, counts: counts, shown: shownInCluster, clusters: clusters.map(\.vpcs),
                    vpcs: vpcOrder.count, step: boxWidth + gap)
            } else {
                // More hubs than columns: one grid, clusters in hub order, each limited to its share.
                var remaining = columns * 2
                var counts = [Int](repeating: 0, count: clusters.count)
                for (k, i) in clusters.indices.sorted(by: {
                    (clusters[$0].vpcs.count, $0) < (clusters[$1].vpcs.count, $1)
                }).enumerated() {
                    let limit = min(clusters[i].vpcs.count, max(1, remaining / (clusters.count - k)))
                    remaining -= limit
                    counts[i] = slots?[i] ?? collapsedVPCs(i, group: scope.keys[i], limit: limit)
                }
                grid = VPCGrid(
                    counts: counts, shown: shownInCluster, clusters: clusters.map(\.vpcs), vpcs: vpcOrder.count,
                    perRow: columns, boxWidth: boxWidth, gap: gap, margin: margin, usable: usable)
            }
        }
        // The first row where each hub's VPCs appear gives the hub its place.
        // (A VPC's hub is its cluster's; a group or collapse box's is named in its group.)
        var clusterCentre: [String: Double] = [:]
        func hubOf(_ item: Int) -> String? {
            item >= 0 ? clusters[mapVPCs.cluster[item]].hub : clusters[-1 - item].hub ?? "unattached"
        }
        let placedHubs = Set(
            clusters.indices.flatMap { c in
                [shownInCluster[c] > 0 ? clusters[c].hub : nil, extraBox[c] != nil ? hubOf(-1 - c) : nil]
            }.compactMap { $0 }
        ).count
        for row in 0..<grid.rowCount where clusterCentre.count < placedHubs {
            var seen: [String: (lo: Double, hi: Double)] = [:]
            for slot in grid.slots(row) {
                guard let hub = hubOf(grid.items[slot]), clusterCentre[hub] == nil else { continue }
                let x = Double(grid.xs[slot])
                let w = Double(boxWidth)
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
            ? 0
            : min(
                max(
                    boxWidth, width >= 160 ? 96 : 64,
                    width >= Self.textSizedWidth ? linkNodes.map(Self.boxWidth(forText:)).max() ?? 0 : 0),
                (usable - (linkNodes.count - 1) * gap) / linkNodes.count)
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
        // The VPC grid's rows laid out: each, or (boxes made later from the verdicts) each run of
        // alike rows once, standing for the run.
        let vpcBoxes = VPCBoxes(insights: insights, width: boxWidth, height: boxHeight, extra: extraBox)
        let laid =
            repeatRows && health == nil
            ? grid.rowsToLay(hubs: mapVPCs.hubs) : (0..<grid.rowCount).map { (row: $0, weight: 1) }
        var laidRow = [Bool](repeating: false, count: grid.rowCount)
        for entry in laid { laidRow[entry.row] = true }
        let vpcRows = laid.map { entry in
            grid.slots(entry.row).map { vpcBoxes.node(grid.items[$0], x: grid.xs[$0], y: 0, health: lookup) }
        }
        let ones = { (rows: [[Node]]) in [Int](repeating: 1, count: rows.count) }
        built = [
            ("ON-PREM", .onPrem, siteRows, ones(siteRows)), ("AWS", .aws, hubRows, ones(hubRows)),
            ("VPCs", .aws, vpcRows, laid.map(\.weight)), ("VPN", .accent, linkRows, ones(linkRows)),
            ("GCP", .gcp, haRows, ones(haRows)), ("PROJECTS", .gcp, projectRows, ones(projectRows)),
            ("SERVICES", .gcp, serviceRows, ones(serviceRows)),
        ]
        built = built.filter { !$0.rows.isEmpty && !$0.rows.allSatisfy(\.isEmpty) }

        // Edges between the boxes shown (hidden members stand for their group box).
        var flat: [Node] = []
        var boxes: [MapRouter.Box] = []
        var position: [String: Int] = [:]
        var rowCount = 0
        var weights: [Int] = []
        for band in built {
            for (row, weight) in zip(band.rows, band.weights) where !row.isEmpty {
                for node in row {
                    position[node.id] = flat.count
                    flat.append(node)
                    boxes.append(MapRouter.Box(x: node.rect.x, width: node.rect.width, row: rowCount))
                }
                weights.append(weight)
                rowCount += 1
            }
        }
        var seenEdges = Set<Edge>()
        var routed: [(from: Int, to: Int)] = []
        func add(_ edge: Edge) {
            guard let a = position[edge.from], let b = position[edge.to], boxes[a].row < boxes[b].row,
                seenEdges.insert(edge).inserted
            else { return }
            laidEdges.append(edge)
            routed.append((a, b))
        }
        /// Hub → VPC edges, a hidden VPC's to its group box (each hub's once).
        var vpcEdges = 0..<0
        func addVPCEdges() {
            var toGroup = Set<Int>()
            // Per cluster: the hubs its group box has a line from so far.
            var groupHubs = [Int](repeating: 0, count: clusters.count)
            let start = laidEdges.count
            defer { vpcEdges = start..<laidEdges.count }
            for i in vpcOrder.indices {
                let c = mapVPCs.cluster[i]
                guard c >= 0 else { continue }  // not on this map (zoomed into another group)
                let shown = mapVPCs.rank[i] < shownInCluster[c]
                // The boxes of rows that are not laid out have no edge here (their row's first has).
                if shown, !laidRow[grid.vpcRow[i]] { continue }
                // A group box with a line from each of its hubs: its other VPCs add none.
                if !shown, groupHubs[c] >= scope.hiddenHubs[c] { continue }
                for hub in mapVPCs.hubs[i] {
                    if shown {
                        add(Edge(from: graph.hubs[hub].id, to: vpcOrder[i].vpc.id))
                    } else if toGroup.insert(hub * clusters.count + c).inserted {
                        groupHubs[c] += 1
                        add(Edge(from: graph.hubs[hub].id, to: "group:\(scope.keys[c])"))
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
            minX: margin - 1, maxX: max(margin, width - 1), weights: weights, fillHeight: bodyHeight)
        routing = router

        // Bands with the rows' y from the router.
        var row = 0
        for band in built {
            var nodes: [Node] = []
            var firstY: Int?
            var bottom = 0
            let vpcBand = band.label == "VPCs"
            for (r, (rowNodes, weight)) in zip(band.rows, band.weights).enumerated() where !rowNodes.isEmpty {
                let start = nodes.count
                for var node in rowNodes {
                    node.rect = Rect(x: node.rect.x, y: router.rowY[row], width: node.rect.width, height: boxHeight)
                    nodeIndex[node.id] = (laidBands.count, nodes.count, row)
                    nodes.append(node)
                }
                rowInfo.append(
                    RowInfo(
                        band: laidBands.count, nodes: start..<nodes.count, weight: weight,
                        gridRow: vpcBand ? laid[r].row : -1))
                let gapHeight = router.pitch[row] - boxHeight
                if firstY == nil { firstY = router.rowY[row] - gapHeight }
                bottom = router.rowY[row] + (weight - 1) * router.pitch[row] + boxHeight
                row += 1
            }
            let y = firstY ?? 0
            laidBands.append(Band(label: band.label, role: band.role, nodes: nodes, y: y, height: bottom - y))
        }
        height = router.height
        if weights.contains(where: { $0 > 1 }) {
            repeated = Repeated(
                grid: grid, boxes: vpcBoxes, health: VerdictHealth(insights), shownInCluster: shownInCluster,
                vpcEdges: vpcEdges)
        }
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
