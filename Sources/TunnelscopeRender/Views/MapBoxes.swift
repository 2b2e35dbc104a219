import Foundation
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

extension TopologyLayout {
    /// The boxes of the map but the VPCs', and the model's edges between them: what does not
    /// depend on the window's size or the expanded groups, so that expanding a group (or a
    /// resize) does not make them again. `AppState` keeps one per what-if.
    struct Boxes: Sendable {
        let sites: [Node]
        let hubs: [Node]
        let links: [Node]
        /// Link box ID → the hub its connections end on.
        let linkHub: [String: String]
        let has: [Node]
        let projects: [Node]
        let services: [Node]
        /// The edges in the order they are drawn, the hub → VPC edges going in at `vpcEdgesAt`.
        let rawEdges: [(String, String)]
        let vpcEdgesAt: Int
        /// The width the widest of these boxes but the links' needs for its text.
        let widest: Int

        init(model: NetworkModel, insights: Insights, lookup: HealthLookup) {
            let naming = Naming(model: model)
            let graph = insights.index.graph
            let verdicts = TunnelFindings(findings: insights.findings)
            let zero = Rect(x: 0, y: 0, width: 0, height: 0)

            /// The worst of the elements' own health; a problem of a related element (a site's
            /// tunnels, a gateway's router) makes the box at least degraded. With
            /// `failedWhenNoneLeft`, a box whose related elements are all down or failed, some by the
            /// what-if, is failed (a link with no tunnel left).
            func boxHealth(_ ids: [String], related: [String] = [], failedWhenNoneLeft: Bool = false) -> Health {
                var result = ids.map(lookup).max() ?? .ok
                let others = related.map(lookup)
                // A link whose tunnels the what-if takes down is lost with them (↯), not failed itself.
                if failedWhenNoneLeft, others.contains(where: { $0 >= .lost }), others.allSatisfy({ $0 >= .down }) {
                    return max(result, .lost)
                }
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

            // Where the hub → VPC edges go among the others (they are drawn in this order).
            vpcEdgesAt = rawEdges.count

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
                let connections = TopologyLayout.unique(cross.compactMap { $0.aws?.vpnConnectionId })
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
                    let gcpSide =
                        haNames.isEmpty ? "GCP side not exported" : "HA VPN \(haNames.joined(separator: ", "))"
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
                let linkIds = TopologyLayout.unique(
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
                let routers = TopologyLayout.unique(tunnels.compactMap { $0.gcp?.router })
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
            sites = siteNodes
            hubs = hubNodes
            links = linkNodes
            self.linkHub = linkHub
            has = haNodes
            projects = projectNodes
            services = serviceNodes
            self.rawEdges = rawEdges
            widest =
                (siteNodes + hubNodes + haNodes + projectNodes + serviceNodes).lazy.map(
                    TopologyLayout.boxWidth(forText:)
                )
                .max() ?? 0
        }
    }
}
