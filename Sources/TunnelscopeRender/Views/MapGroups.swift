import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The map's VPCs of a big network in groups by the hub they hang off (their first, as the
/// map's clusters) and their AWS account: one box per group, with its count and the worst
/// health the analysis gives its members, until the group is expanded (`e`) or zoomed into
/// (Enter). Made once per load (the verdicts do not change with the what-if, whose failures
/// the layout adds per group).
///
/// Threshold: groups are used when the network has more VPCs than the widest map shows as
/// boxes in two rows (6 columns × 2 = `threshold`), and the groups at least halve the boxes
/// (`2 × groups ≤ VPCs`): below that every VPC keeps its own box, as on small networks; a
/// network of one VPC per account gains nothing from groups of one.
struct MapGroups: Sendable {
    static let threshold = VPCGrouping.threshold

    /// The VPCs in clusters by (hub, account), hubs in map order, accounts by ID.
    let vpcs: MapVPCs
    /// Per cluster: its group key ("vpcs:<hub or unattached>|<account or ?>").
    let keys: [String]
    /// Per cluster: the AWS account of its VPCs (nil: not in the exports).
    let accounts: [String?]
    /// Per cluster: how many of its VPCs the analysis judges down, degraded, up, or not at all.
    let counts: [Counts]
    /// Per cluster: how many hubs its VPCs hang off (a group box has a line from each).
    let hubCounts: [Int]
    /// Per VPC (position in `vpcOrder`): the analysis' health of it (without the what-if).
    let health: [TopologyLayout.Health]
    /// Whether the map shows these groups (see the threshold above).
    let applies: Bool
    /// Group key → cluster.
    let clusterOfKey: [String: Int]
    /// The width the widest VPC box needs for its text (see `TopologyLayout.boxWidth(forText:)`).
    let widestVPCBox: Int

    struct Counts: Sendable, Equatable {
        var down = 0
        var degraded = 0
        var ok = 0
        var unknown = 0
    }

    init(vpcOrder: [(vpc: AWSVpc, name: String)], graph: MapGraph, verdicts: Verdicts, base: MapVPCs) {
        var health: [TopologyLayout.Health] = []
        health.reserveCapacity(vpcOrder.count)
        // Clusters by first hub (as `base`), then by account inside each (the rule `export` shares).
        let groups = VPCGrouping.byAccount(base.clusters.map { ($0.hub, $0.vpcs) }) { vpcOrder[$0].vpc.accountId }
        let clusters: [(hub: String?, vpcs: [Int])] = groups.map { ($0.hub, $0.members) }
        let accounts = groups.map(\.account)
        let keys = groups.map(\.key)
        var widest = 0
        for entry in vpcOrder {
            let cidrs = entry.vpc.cidrs.reduce(0) { $0 + $1.description.count + 1 }
            widest = max(widest, DisplayWidth.of(entry.name) + 4, cidrs)
            let judged: TopologyLayout.Health =
                switch verdicts.health(of: entry.vpc.id) {
                case .down: .down
                case .degraded: .degraded
                case .ok: .ok
                case .unknown: .neutral
                }
            health.append(judged)
        }
        var counts: [Counts] = []
        for cluster in clusters {
            var c = Counts()
            for i in cluster.vpcs {
                switch health[i] {
                case .down: c.down += 1
                case .degraded: c.degraded += 1
                case .ok: c.ok += 1
                default: c.unknown += 1
                }
            }
            counts.append(c)
        }
        vpcs = MapVPCs(regrouping: base, into: clusters)
        hubCounts = clusters.map { Set($0.vpcs.flatMap { base.hubs[$0] }).count }
        self.keys = keys
        self.accounts = accounts
        self.counts = counts
        self.health = health
        applies = VPCGrouping.applies(vpcs: vpcOrder.count, groups: clusters.count)
        var clusterOfKey: [String: Int] = [:]
        for (c, key) in keys.enumerated() { clusterOfKey[key] = c }
        self.clusterOfKey = clusterOfKey
        widestVPCBox = widest + 5
    }
}

extension MapVPCs {
    /// The same VPCs in other clusters (a VPC in none has cluster -1 and no box).
    init(regrouping base: MapVPCs, into clusters: [(hub: String?, vpcs: [Int])]) {
        self.init(clusters: clusters, hubs: base.hubs, judgedBad: base.judgedBad, position: base.position)
    }
}

/// Which VPCs the map shows and how: every VPC in clusters by hub (small networks, as before
/// groups), groups by hub and account (big networks), or the VPCs of one group (zoomed).
struct MapScope: Sendable {
    enum Mode: Sendable, Equatable {
        case hubs, accounts, zoom
    }

    let mode: Mode
    let vpcs: MapVPCs
    /// Per cluster of `vpcs`: its group key (a group box's ID is "group:" + key).
    let keys: [String]
    /// Per cluster, in `accounts` and `zoom` mode: the account and the analysis' counts.
    let accounts: [String?]
    let counts: [MapGroups.Counts]
    /// In `zoom` mode: the group zoomed into.
    let zoomKey: String?
    /// Per cluster: how many hubs its hidden VPCs hang off, when known (a collapsed group by
    /// account hides all its VPCs); once its group box has a line from each, the layout skips
    /// its other hidden VPCs. `Int.max`: not known.
    let hiddenHubs: [Int]

    /// The map of a network: groups when they apply, else every VPC by hub; zoomed into the
    /// group `zoom` if it is one of the network's groups.
    init(index: AnalysisIndex, zoom: String? = nil) {
        let base = index.mapVPCs
        let groups = index.mapGroups
        if let zoom, let c = groups.clusterOfKey[zoom] {
            let cluster = groups.vpcs.clusters[c]
            mode = .zoom
            vpcs = MapVPCs(regrouping: base, into: [cluster])
            keys = [zoom]
            accounts = [groups.accounts[c]]
            counts = [groups.counts[c]]
            zoomKey = zoom
            hiddenHubs = [Int.max]
        } else if groups.applies {
            mode = .accounts
            vpcs = groups.vpcs
            keys = groups.keys
            accounts = groups.accounts
            counts = groups.counts
            zoomKey = nil
            hiddenHubs = groups.hubCounts
        } else {
            mode = .hubs
            vpcs = base
            keys = base.clusters.map { "vpcs:\($0.hub ?? "unattached")" }
            accounts = base.clusters.map { _ in nil }
            counts = []
            zoomKey = nil
            hiddenHubs = base.clusters.map { _ in Int.max }
        }
    }

    /// Whether a group box's group is one to zoom into (a group of VPCs by hub and account).
    func zoomable(_ group: String) -> Bool { mode == .accounts && keys.contains(group) }
}

extension TopologyLayout {
    /// The box of a group of VPCs by hub and account: "412 VPCs  ✖ 3 ▲ 12" (how many of its
    /// members the what-if fails, the analysis judges down, degraded; nothing when all are up) over "acct 111122223333",
    /// marked with the worst of its members' health.
    static func accountGroupNode(
        id: String, group: String, count: Int, account: String?, model: NetworkModel, counts: MapGroups.Counts,
        failed: Int
    ) -> Node {
        let accountText = account.map { model.labels[$0].map { "\($0) (\(account!))" } ?? $0 } ?? "not exported"
        var tally: [Span] = []
        func add(_ n: Int, _ mark: Span) {
            guard n > 0 else { return }
            tally += [Span("  "), Span("\(mark.text) \(n)", Style(mark.style.role, bold: true))]
        }
        add(failed, Mark.lost)
        add(counts.down, Mark.down)
        add(counts.degraded, Mark.warn)
        // All fine: the ● mark says so (and the account goes first on a one-line box).
        if tally.isEmpty, counts.ok == 0 { tally = [Span("  not judged", .dim)] }
        let worst: Health =
            failed > 0
            ? .lost
            : counts.down > 0 ? .down : counts.degraded > 0 ? .degraded : counts.ok > 0 ? .ok : .neutral
        return Node(
            id: id, elementId: nil, rect: Rect(x: 0, y: 0, width: 0, height: 0),
            lines: [
                [Span("\(count) VPCs", Style(.aws, bold: true))] + tally,
                [Span("acct \(accountText)", .normal)],
            ],
            role: .aws, health: worst, opens: nil, group: group)
    }
}
