import Foundation
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The topology map laid out for a width: bands of boxes from on-prem through the AWS hub and
/// VPCs, the VPN link, to the GCP host project and what hangs off it. Large bands collapse into
/// a group box that expands on demand. Pure: the same inputs give the same layout.
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

    public enum Health: Sendable { case ok, degraded, down, failed, neutral }

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

    /// Compact boxes (one line of text) when the window is short.
    public let compact: Bool

    public init(model: NetworkModel, insights: Insights, width: Int, height bodyHeight: Int = 40, expanded: Set<String>) {
        self.width = width
        compact = bodyHeight < 34
        let boxHeight = compact ? 3 : 4
        let naming = Naming(model: model)
        let margin = 10
        let usable = max(20, width - margin - 1)
        let columns = max(1, min(6, usable / (width < 120 ? 22 : 30)))
        let boxWidth = max(18, (usable - (columns - 1) * 2) / columns)
        var y = 0

        func place(_ label: String, _ role: Role, _ items: [Node], group: String? = nil, limit: Int? = nil) {
            guard !items.isEmpty else { return }
            var nodes = items
            if let limit, let group, nodes.count > limit, !expanded.contains(group) {
                let hidden = nodes.count - (limit - 1)
                nodes = Array(nodes.prefix(limit - 1))
                let bad = items.dropFirst(limit - 1).filter { $0.health == .down || $0.health == .degraded }.count
                nodes.append(Node(id: "group:\(group)", elementId: nil, rect: Rect(x: 0, y: 0, width: 0, height: 0),
                                  lines: [[Span("+ \(hidden) more", Style(.accent, bold: true))], [Span("e or Enter: expand", .dim)]] + (bad > 0 ? [[Span("\(bad) with problems", .error)]] : []),
                                  role: .accent, health: bad > 0 ? .degraded : .neutral, opens: nil, group: group))
            } else if let group, expanded.contains(group), nodes.count > (limit ?? Int.max) {
                nodes.append(Node(id: "group:\(group)", elementId: nil, rect: Rect(x: 0, y: 0, width: 0, height: 0),
                                  lines: [[Span("− collapse", Style(.accent, bold: true))], [Span("e or Enter", .dim)]],
                                  role: .accent, health: .neutral, opens: nil, group: group))
            }
            let rows = (nodes.count + columns - 1) / columns
            let bandY = y
            for (i, _) in nodes.enumerated() {
                let row = i / columns, col = i % columns
                let inRow = min(columns, nodes.count - row * columns)
                let rowWidth = inRow * boxWidth + (inRow - 1) * 2
                let startX = margin + max(0, (usable - rowWidth) / 2)
                nodes[i].rect = Rect(x: startX + col * (boxWidth + 2), y: bandY + 1 + row * (boxHeight + 1), width: boxWidth, height: boxHeight)
            }
            let height = 1 + rows * (boxHeight + 1) - 1
            bands.append(Band(label: label, role: role, nodes: nodes, y: bandY, height: height))
            y += height
        }

        func health(down: Bool, degraded: Bool = false, failed: Bool = false) -> Health {
            failed ? .failed : down ? .down : degraded ? .degraded : .ok
        }

        // On-prem sites.
        let tunnelsBySite = Dictionary(grouping: model.tunnels.filter { $0.siteName != nil }, by: { $0.siteName! })
        place("ON-PREM", .onPrem, model.onPremSites.map { site in
            let via = [site.directConnectGatewayIds.isEmpty ? nil : "Direct Connect", site.customerGatewayIds.isEmpty ? nil : "VPN"].compactMap { $0 }.joined(separator: " + ")
            let siteTunnels = tunnelsBySite[site.name] ?? []
            let down = siteTunnels.contains(where: \.isDown)
            return Node(id: site.id, elementId: site.id, rect: .init(x: 0, y: 0, width: 0, height: 0),
                        lines: [[Span(site.name, Style(.onPrem, bold: true))],
                                [Span(site.addressRanges.map(\.description).joined(separator: " "), .normal)],
                                [Span(via.isEmpty ? "no link in the exports" : via, .dim)]],
                        role: .onPrem, health: health(down: down, failed: insights.failed.contains(site.id)), opens: .detail(site.id), group: nil)
        }, group: "sites", limit: columns * 2)

        // The AWS hub.
        var hubs: [Node] = model.transitGateways.map { tgw in
            let attachments = model.tgwAttachments.filter { $0.transitGatewayId == tgw.id }
            let vpns = attachments.filter { $0.resourceType == "vpn" }.count
            let vpcs = attachments.filter { $0.resourceType == "vpc" }.count
            return Node(id: tgw.id, elementId: tgw.id, rect: .init(x: 0, y: 0, width: 0, height: 0),
                        lines: [[Span("TGW ", .dim), Span(naming.tgw(tgw.id), Style(.aws, bold: true))],
                                [Span("ASN \(tgw.amazonSideAsn.map(String.init) ?? "?") · \(tgw.region ?? "")", .normal)],
                                [Span("\(vpcs) VPC · \(vpns) VPN · \(attachments.count - vpcs - vpns) other", .dim)]],
                        role: .aws, health: .ok, opens: .aws, group: nil)
        }
        hubs += model.vpnGateways.map { vgw in
            Node(id: vgw.id, elementId: vgw.id, rect: .init(x: 0, y: 0, width: 0, height: 0),
                 lines: [[Span("VGW ", .dim), Span(vgw.name ?? vgw.id, Style(.aws, bold: true))],
                         [Span("ASN \(vgw.amazonSideAsn.map(String.init) ?? "?")", .normal)],
                         [Span("▲ not on the TGW", .warning)]],
                 role: .aws, health: .degraded, opens: .aws, group: nil)
        }
        place("AWS", .aws, hubs)

        // AWS VPCs, sorted by account then name.
        let blackholeVpcs = Set(model.routeTables.filter { $0.routes.contains(where: \.isBlackhole) }.map(\.vpcId))
        let vpcNodes: [Node] = model.vpcs.sorted { a, b in
            naming.vpc(a.id).compare(naming.vpc(b.id), options: [.numeric, .caseInsensitive]) == .orderedAscending
        }.map { vpc in
            let blackhole = blackholeVpcs.contains(vpc.id)
            let lost = insights.lostOrigins.contains(vpc.id)
            return Node(id: vpc.id, elementId: vpc.id, rect: .init(x: 0, y: 0, width: 0, height: 0),
                        lines: [[Span("VPC ", .dim), Span(naming.vpc(vpc.id), Style(.normal, bold: true))],
                                lost ? [Span("✕ loses its path (what-if)", .failed)] : [Span(vpc.cidrs.map(\.description).joined(separator: " "), .normal)],
                                [Span("acct \(vpc.accountId ?? "?")", .dim)] + (blackhole ? [Span(" ▲ blackhole", .warning)] : [])],
                        role: .aws, health: lost ? .failed : blackhole ? .degraded : .ok, opens: .detail(vpc.id), group: nil)
        }
        place("VPCs", .aws, vpcNodes, group: "vpcs", limit: columns * 2)

        // The VPN link between the clouds.
        let cross = model.tunnels.filter(\.isCrossCloud)
        if !cross.isEmpty {
            let lost = cross.filter { insights.lostTunnels.contains($0.id) || insights.failed.contains($0.id) }.count
            let down = cross.filter(\.isDown).count
            let bgpUp = cross.filter { !$0.bgpDown }.count
            let connections = Set(cross.compactMap { $0.aws?.vpnConnectionId }).count
            let carrying = cross.filter { !$0.isDown && !$0.bgpDown && !insights.lostTunnels.contains($0.id) && !insights.failed.contains($0.id) }.count
            var lines: [[Span]]
            if !insights.failed.isEmpty {
                lines = [[Span("AWS ⇄ GCP VPN  ", Style(.accent, bold: true)),
                          Span("what-if: \(carrying) of \(cross.count) tunnels carry routes", carrying == 0 ? Style(.failed, bold: true) : Style(.failed))],
                         [Span(insights.whatIfSummary ?? "", .failed)]]
            } else {
                lines = [[Span("AWS ⇄ GCP VPN  ", Style(.accent, bold: true)), Span("\(cross.count - down) up", .ok),
                          Span(down > 0 ? "  \(down) down" : "", Style(.error, bold: true)),
                          Span("  BGP \(bgpUp)/\(cross.count) up", bgpUp == cross.count ? .ok : .error)],
                         [Span("\(connections) AWS VPN connections × 2 tunnels ⇄ GCP HA gateway, \(cross.count) tunnels", .normal)]]
            }
            lines.append([Span("Enter: both sides of each tunnel", .dim)])
            let health: Health = carrying == 0 ? .failed : (down > 0 || lost > 0 || carrying < cross.count) ? .degraded : .ok
            let node = Node(id: "link", elementId: nil, rect: .init(x: 0, y: 0, width: 0, height: 0), lines: lines, role: .accent,
                            health: health, opens: .split, group: nil)
            bands.append(Band(label: "VPN", role: .accent, nodes: [node], y: y, height: 1 + boxHeight))
            let linkWidth = min(usable, max(boxWidth, width >= 160 ? 96 : 64))
            bands[bands.count - 1].nodes[0].rect = Rect(x: margin + (usable - linkWidth) / 2, y: y + 1, width: linkWidth, height: boxHeight)
            y += 1 + boxHeight
        }

        // GCP: each HA gateway's project/network with its router, then projects and peered services.
        var gcpHubs: [Node] = []
        for gateway in model.haVpnGateways {
            let tunnels = model.tunnels.filter { $0.gcp?.haGateway == gateway.ref }
            let routers = Set(tunnels.compactMap { $0.gcp?.router?.name }).sorted()
            let network = gateway.network.flatMap { model.gcpNetwork($0) }
            let down = tunnels.contains { $0.gcpDown || $0.bgpDown }
            gcpHubs.append(Node(id: gateway.ref.id, elementId: gateway.ref.id, rect: .init(x: 0, y: 0, width: 0, height: 0),
                                lines: [[Span("HA VPN ", .dim), Span(gateway.name, Style(.gcp, bold: true)), Span(" · \(gateway.interfaces.count) interfaces", .normal)],
                                        [Span("Cloud Router \(routers.joined(separator: ", "))", .normal)],
                                        [Span("\(gateway.ref.project) · \(network?.name ?? gateway.network?.name ?? "?")", .dim)]],
                                role: .gcp, health: down ? .degraded : .ok, opens: .gcp, group: nil))
        }
        place("GCP", .gcp, gcpHubs)

        var gcpNodes: [Node] = []
        let hosts = Set(model.sharedVPCs.map(\.hostProject))
        for project in model.gcpProjects where project.role != .external {
            let networks = model.gcpNetworks.filter { $0.project == project.id }
            let auto = networks.filter { $0.subnetMode == .auto }
            let role: String = hosts.contains(project.id) ? "Shared VPC host" : project.role == .sharedVPCService ? "service of \(project.hostProject ?? "?")" : "project"
            var lines: [[Span]] = [[Span(project.id, Style(.gcp, bold: true))], [Span(role, .normal)]]
            if let label = model.labels[project.id] { lines.append([Span(label, .dim)]) }
            else if !auto.isEmpty { lines.append([Span("▲ auto-mode \(auto.map(\.name).joined(separator: ", "))", .warning)]) }
            else { lines.append([Span("\(networks.count) networks", .dim)]) }
            gcpNodes.append(Node(id: "project/\(project.id)", elementId: "project/\(project.id)", rect: .init(x: 0, y: 0, width: 0, height: 0),
                                 lines: lines, role: .gcp, health: auto.isEmpty ? .ok : .degraded, opens: .detail("project/\(project.id)"), group: nil))
        }
        for redis in model.redisInstances {
            gcpNodes.append(Node(id: redis.id, elementId: redis.id, rect: .init(x: 0, y: 0, width: 0, height: 0),
                                 lines: [[Span("Memorystore ", .dim), Span(redis.name, Style(.gcp, bold: true))],
                                         [Span(redis.reservedIpRangeText ?? "?", .normal)],
                                         [Span("peered producer VPC", .dim)]],
                                 role: .gcp, health: .neutral, opens: .detail(redis.id), group: nil))
        }
        place("PROJECTS", .gcp, gcpNodes, group: "projects", limit: columns * 2)
        height = y
    }

    public var nodes: [Node] { bands.flatMap(\.nodes) }

    public func node(_ id: String?) -> Node? { nodes.first { $0.id == id } }

    public func node(at x: Int, _ y: Int) -> Node? { nodes.first { $0.rect.contains(x: x, y: y) } }

    /// The node to go to from `id` in a direction (nearest by centre in the row above/below).
    public func neighbour(of id: String?, dx: Int, dy: Int) -> String? {
        let all = nodes
        guard let current = all.first(where: { $0.id == id }) else { return all.first?.id }
        let cx = current.rect.x + current.rect.width / 2
        if dy != 0 {
            let candidates = all.filter { dy > 0 ? $0.rect.y > current.rect.y : $0.rect.y < current.rect.y }
            let rowY = dy > 0 ? candidates.map(\.rect.y).min() : candidates.map(\.rect.y).max()
            return candidates.filter { $0.rect.y == rowY }.min { abs($0.rect.x + $0.rect.width / 2 - cx) < abs($1.rect.x + $1.rect.width / 2 - cx) }?.id ?? id
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
}
