import TunnelscopeAnalysis
import TunnelscopeModel

/// The guided walkthrough: steps over the loaded network, each highlighting a part of the map
/// and explaining it for a new team member. Every sentence about the network is a fact of the
/// loaded exports (its counts, names, which hub each VPC and site is on) or of the analysis'
/// findings (what is down, by rule id). The lessons the team learned building such a network
/// (DESIGN.md §1) are told as general knowledge, each followed by what this network has.
/// Steps whose subject is missing from the exports are left out.
///
/// Which steps there are and what they focus on depends on the model only, so the step count
/// is the same with or without findings; without findings, the sentences that need them point
/// to the findings view instead.
///
/// Each step fits the panel at 80×24: 76 columns and at most `maxLines` lines, counting one
/// blank line between paragraphs (a test checks it for the example and its variants).
public enum Tour {
    public struct Step: Sendable {
        public let title: String
        public let text: [String]
        /// The topology node to highlight.
        public let focus: String?
    }

    /// The panel's text width and height at 80×24 (paragraphs and the blank lines between them).
    static let panelWidth = 76
    static let maxLines = 9

    public static func steps(for model: NetworkModel, findings: [Finding]? = nil, verdicts: Verdicts? = nil) -> [Step] {
        var facts = Facts(model: model, findings: findings)
        facts.verdicts = verdicts
        return [
            welcome, hubs, attachment, sites, awsView, gcpView, mapping, down, sharedVPC, customMode, peered,
            creationOrder,
        ]
        .compactMap { $0(facts) }
    }

    // MARK: steps

    static func welcome(_ f: Facts) -> Step? {
        let m = f.model
        var parts: [String] = []
        if !m.onPremSites.isEmpty { parts.append("\(count(m.onPremSites.count, "on-prem site")) at the top") }
        var aws: [String] = []
        if !m.transitGateways.isEmpty { aws.append(count(m.transitGateways.count, "TGW")) }
        if !m.vpnGateways.isEmpty { aws.append(count(m.vpnGateways.count, "VGW")) }
        if !m.vpcs.isEmpty { aws.append(count(m.vpcs.count, "VPC")) }
        if !aws.isEmpty { parts.append("AWS (\(aws.joined(separator: ", ")))") }
        if !f.cross.isEmpty { parts.append("the VPN (\(count(f.cross.count, "tunnel")))") }
        var gcp: [String] = []
        if !m.haVpnGateways.isEmpty { gcp.append(count(m.haVpnGateways.count, "HA gateway")) }
        let projects = m.gcpProjects.filter { $0.role != .external }.count
        if projects > 0 { gcp.append(count(projects, "project")) }
        if !gcp.isEmpty { parts.append("GCP (\(gcp.joined(separator: ", "))) at the bottom") }
        return Step(
            title: "Welcome",
            text: [
                "The loaded network: "
                    + (parts.isEmpty ? "nothing recognised in the exports." : listed(parts, limit: 4) + "."),
                "Lines join what the exports say is connected. Marks come from the findings: ● none, ▲ a warning, ✖ an error.",
                "In the tour, n or → shows the next step and p or ← the previous one. Esc leaves the tour; then, on the map, the arrow keys move, Enter opens a box and Esc goes back.",
            ], focus: m.onPremSites.first?.id ?? f.graph.hubs.first?.id ?? (f.graph.crossLinks.isEmpty ? nil : "link"))
    }

    static func hubs(_ f: Facts) -> Step? {
        let m = f.model
        let g = f.graph
        guard let first = g.hubs.first else { return nil }
        let tgws = g.hubs.filter { $0.kind == .tgw }
        let vgws = g.hubs.filter { $0.kind == .vgw }
        let title: String
        if tgws.count == 1, vgws.isEmpty {
            title = "The AWS hub: Transit Gateway \(f.hubName(tgws[0].id))"
        } else {
            title =
                "The AWS hubs: "
                + listed(
                    [
                        tgws.isEmpty ? nil : count(tgws.count, "Transit Gateway"),
                        vgws.isEmpty ? nil : count(vgws.count, "VGW"),
                    ].compactMap { $0 }, limit: 2)
        }
        var text: [String] = []
        if tgws.isEmpty {
            text.append("This network has no Transit Gateway in the exports; its VPNs end on virtual private gateways.")
        } else {
            let described = tgws.prefix(2).map { hub -> String in
                let tgw = m.transitGateway(hub.id)
                let vpns = g.connectionsByHub[hub.id]?.count ?? 0
                let parts = [
                    count(g.vpcsByHub[hub.id]?.count ?? 0, "VPC"), vpns > 0 ? count(vpns, "VPN connection") : nil,
                    (f.dxByTGW[hub.id]?.count ?? 0) > 0
                        ? count(f.dxByTGW[hub.id]!.count, "Direct Connect gateway") : nil,
                ].compactMap { $0 }
                return
                    "\(f.hubName(hub.id)) (ASN \(tgw?.amazonSideAsn.map(String.init) ?? "?")) has \(listed(parts, limit: 3))"
            }
            text.append(
                (tgws.count == 1 ? "Transit Gateway " : "Transit Gateways: ") + described.joined(separator: "; ")
                    + (tgws.count > 2 ? "; and \(tgws.count - 2) more." : "."))
        }
        if vgws.isEmpty {
            text.append(
                "No VPC is attached to a virtual private gateway: every VPC on the map hangs off a Transit Gateway or none."
            )
        } else {
            let onVGW = vgws.flatMap { hub in
                (g.vpcsByHub[hub.id] ?? []).map { "\(f.naming.vpc($0)) (\(f.hubName(hub.id)))" }
            }
            text.append(
                onVGW.isEmpty
                    ? "\(count(vgws.count, "VGW")) in the exports, with no VPC attached."
                    : "On a virtual private gateway instead: \(listed(onVGW, limit: 3)).")
        }
        if let link = f.graph.crossLinks.first(where: { $0.hub.map { g.hub($0)?.kind == .tgw } ?? false }),
            let hub = link.hub,
            let tgw = m.transitGateway(hub)
        {
            let attachments = Set(link.tunnels.compactMap { m.tunnels[$0].aws?.vpnConnectionId }).count
            text.append(
                "\(f.hubName(hub))'s route table decides where traffic goes; routes learned over BGP from GCP come in on its "
                    + "\(count(attachments, "VPN attachment")) to GCP, "
                    + (tgw.vpnEcmpSupport ? "with ECMP across them." : "one at a time (VPN ECMP support is off)."))
        }
        return Step(title: title, text: text, focus: first.id)
    }

    static func attachment(_ f: Facts) -> Step? {
        let m = f.model
        let g = f.graph
        guard !m.vpnConnections.isEmpty || !g.hubs.isEmpty else { return nil }
        let onVGW = m.vpnConnections.filter { $0.transitGatewayId == nil && $0.vpnGatewayId != nil }
        var text = [
            "A VPN connection ends on a Transit Gateway or on a virtual private gateway (VGW) of one VPC. The tunnels are the same either way, "
                + "but when a team moved its VPN from a VGW to a TGW, Cloud Router recomputed its BGP routes: about 40 s of outage. Attach to the TGW from the start."
        ]
        if onVGW.isEmpty {
            let tgws = Set(m.vpnConnections.compactMap(\.transitGatewayId)).sorted().map(f.hubName)
            text.append(
                m.vpnConnections.isEmpty
                    ? "This network has no VPN connection in the exports."
                    : "None of this network's \(count(m.vpnConnections.count, "VPN connection")) is on a VGW: "
                        + (m.vpnConnections.count == 1 ? "it ends" : "they end") + " on \(listed(tgws, limit: 2)).")
        } else {
            let crossIds = Set(f.cross.compactMap { $0.aws?.vpnConnectionId })
            let described = onVGW.map { c in
                "\(f.naming.connection(c.id)) on \(f.hubName(c.vpnGatewayId!))"
                    + (crossIds.contains(c.id) ? " (to GCP)" : "")
            }
            var here = "On a VGW here: \(listed(described, limit: 3))."
            if onVGW.contains(where: { crossIds.contains($0.id) }) {
                here +=
                    " Moving \(onVGW.filter { crossIds.contains($0.id) }.count == 1 ? "it" : "them") to a TGW later is that move: plan a maintenance window, one connection at a time."
            }
            text.append(here)
        }
        let focus = onVGW.first?.vpnGatewayId ?? g.crossLinks.first?.hub ?? g.hubs.first?.id
        return Step(title: "Where VPNs attach: TGW or VGW", text: text, focus: focus)
    }

    static func sites(_ f: Facts) -> Step? {
        let m = f.model
        let g = f.graph
        guard let first = m.onPremSites.first else { return nil }
        let described = m.onPremSites.map { site -> String in
            var ways: [String] = []
            for dx in site.directConnectGatewayIds {
                let name = f.dxNames[dx] ?? dx
                let tgws = (f.tgwsByDX[dx] ?? []).map(f.hubName)
                ways.append(
                    "Direct Connect (\(name))"
                        + (tgws.isEmpty
                            ? ", its gateway not attached to a TGW in the exports" : " to \(listed(tgws, limit: 2))"))
            }
            var byHub: [String: [String]] = [:]
            for cgw in site.customerGatewayIds {
                for c in g.connectionsByCustomerGateway[cgw] ?? [] {
                    guard let connection = m.vpnConnection(c),
                        let hub = connection.transitGatewayId ?? connection.vpnGatewayId
                    else { continue }
                    byHub[hub, default: []].append(f.naming.connection(c))
                }
            }
            for (hub, names) in byHub.sorted(by: { $0.key < $1.key }) {
                ways.append("a site-to-site VPN (\(listed(names, limit: 2))) on \(f.hubName(hub))")
            }
            return ways.isEmpty ? "\(site.name): no link in the exports." : "\(site.name): \(listed(ways, limit: 3))."
        }
        var text = [
            described.prefix(3).joined(separator: " ")
                + (described.count > 3 ? " And \(described.count - 3) more." : "")
        ]
        if let linkHub = g.crossLinks.first?.hub {
            let same = m.onPremSites.filter { site in (g.hubsBySite[site.id] ?? []).contains { $0.hub == linkHub } }
            let elsewhere = m.onPremSites.filter { site in
                !(g.hubsBySite[site.id] ?? []).isEmpty && !(g.hubsBySite[site.id] ?? []).contains { $0.hub == linkHub }
            }
            var placement: [String] = []
            // Transit Gateways peered with each other can pass traffic between hubs.
            let peered = m.tgwAttachments.contains { $0.resourceType == "peering" }
            if !same.isEmpty {
                placement.append(
                    "\(listed(same.map(\.name), limit: 3)) \(same.count == 1 ? "is" : "are") on \(f.hubName(linkHub)), where the VPN to GCP ends: "
                        + "\(same.count == 1 ? "its" : "their") prefixes reach GCP only if \(f.hubName(linkHub)) passes them to the VPN attachments and Cloud Router learns them."
                )
            }
            if !elsewhere.isEmpty {
                placement.append(
                    "\(listed(elsewhere.map(\.name), limit: 3)) \(elsewhere.count == 1 ? "is" : "are") not"
                        + (same.isEmpty ? " on \(f.hubName(linkHub))" : "")
                        + (peered
                            ? ": \(elsewhere.count == 1 ? "it reaches" : "they reach") GCP only across a Transit Gateway peering, which tunnelscope does not follow yet (press 6 and use :path to see where a path ends)."
                            : ": a VPC does not pass traffic between two gateways, so \(elsewhere.count == 1 ? "it does" : "they do") not reach GCP through AWS.")
                )
            }
            if !placement.isEmpty { text.append(placement.joined(separator: " ")) }
        }
        return Step(
            title: m.onPremSites.count == 1 ? "The on-prem site" : "\(m.onPremSites.count) on-prem sites", text: text,
            focus: first.id)
    }

    static func awsView(_ f: Facts) -> Step? {
        guard !f.connections.isEmpty else { return nil }
        let m = f.model
        var byHub: [String: [String]] = [:]
        for c in f.connections {
            byHub[m.vpnConnection(c).flatMap { $0.transitGatewayId ?? $0.vpnGatewayId } ?? "?", default: []].append(c)
        }
        let awsTunnels = f.cross.filter { $0.aws != nil }.count
        let perConnection = Set(f.connections.map { f.tunnelsByConnection[$0]?.count ?? 0 })
        let each =
            perConnection.count == 1
            ? "each with \(count(perConnection.first!, "tunnel"))"
            : "with \(listed(perConnection.sorted().map(String.init), limit: 4)) tunnels"
        let placement = byHub.sorted { $0.key < $1.key }.map { hub, ids in
            "\(listed(ids.map(f.naming.connection), limit: 4)) on \(hub == "?" ? "a gateway missing from the exports" : f.hubName(hub))"
        }
        let cgws = f.connections.compactMap { m.vpnConnection($0)?.customerGatewayId }.compactMap { id -> String? in
            guard let cgw = m.customerGateway(id) else { return nil }
            return "\(f.naming.customerGateway(id)) \(cgw.ipAddress?.description ?? "?")"
        }
        return Step(
            title: "The AWS view: \(count(f.connections.count, "VPN connection"))"
                + (perConnection.count == 1 ? " × \(perConnection.first!) tunnels" : ""),
            text: [
                "AWS calls the link to GCP \(count(f.connections.count, "VPN connection")) (\(listed(placement, limit: 2, separator: "; "))), \(each): \(count(awsTunnels, "tunnel")) in all.",
                "Each connection's customer gateway is a GCP HA VPN interface IP"
                    + (cgws.isEmpty ? "" : " (\(listed(Self.unique(cgws), limit: 2)))")
                    + "; to AWS it is just a customer gateway, with no sign of GCP.",
                "Press 2 for the AWS view, and Tab to flip to GCP with the same tunnel selected.",
            ], focus: "link")
    }

    static func gcpView(_ f: Facts) -> Step? {
        guard !f.gcpEnds.isEmpty else { return nil }
        let haInterfaces = f.gateways.reduce(0) { $0 + $1.interfaces.count }
        let peerInterfaces = f.externals.reduce(0) { $0 + $1.interfaces.count }
        let routerNames = f.routers.isEmpty ? "Cloud Router" : "Cloud Router \(listed(f.routers.map(\.name), limit: 2))"
        let interfaces = f.gcpEnds.filter { $0.routerInterface != nil }.count
        let peers = f.gcpEnds.filter { $0.bgpPeer != nil }.count
        let haNames = f.gateways.isEmpty ? "" : " (\(listed(f.gateways.map(\.name), limit: 2)))"
        let peerNames =
            f.externals.isEmpty
            ? "" : " (\(listed(f.externals.map { "\($0.name), \($0.redundancyType ?? "?")" }, limit: 2)))"
        return Step(
            title:
                "The GCP view: \(spelled(f.gateways.count, "HA gateway")), \(spelled(f.externals.count, "peer gateway")), \(count(f.gcpEnds.count, "tunnel"))",
            text: [
                "GCP sees \(spelled(f.gateways.count, "HA VPN gateway"))\(haNames) with \(count(haInterfaces, "interface")) and \(spelled(f.externals.count, "peer gateway"))\(peerNames) with \(count(peerInterfaces, "interface")): the AWS tunnel outside IPs.",
                "Then \(count(f.gcpEnds.count, "vpn-tunnel")), and on \(routerNames) \(count(interfaces, "interface")) and \(count(peers, "BGP peer")).",
                "The same physical tunnels, counted and named differently on each side: that is why the two consoles never quite agree.",
            ], focus: f.gateways.first?.ref.id ?? "link")
    }

    static func mapping(_ f: Facts) -> Step? {
        guard !f.cross.isEmpty else { return nil }
        let awsSide =
            f.connections.isEmpty
            ? "AWS: not in the exports"
            : "AWS: \(count(f.connections.count, "connection")) × \(Self.perConnectionText(f))"
        let haUsed = Set(f.gcpEnds.compactMap { end in end.haInterface.map { "\(end.haGateway?.id ?? "")#\($0)" } })
            .count
        let peerUsed = Set(
            f.gcpEnds.compactMap { end in end.peerInterface.map { "\(end.peerGateway?.id ?? "")#\($0)" } }
        ).count
        let gcpSide =
            f.gcpEnds.isEmpty
            ? "GCP: not in the exports"
            : "GCP: \(count(haUsed, "HA interface")), \(count(peerUsed, "peer interface")), \(count(f.gcpEnds.count, "tunnel")), \(count(f.gcpEnds.filter { $0.bgpPeer != nil }.count, "BGP peer"))"
        var asn: [String] = []
        for router in f.routers {
            let peerAsns = Self.unique(f.gcpEnds.filter { $0.router == router.ref }.compactMap { $0.bgpPeer?.peerAsn })
                .map(String.init)
            if !peerAsns.isEmpty { asn.append("\(router.name) → \(listed(peerAsns, limit: 3))") }
        }
        let amazon = Self.unique(f.cross.compactMap { $0.aws?.amazonSideAsn }).map(String.init)
        if !amazon.isEmpty { asn.append("AWS side \(listed(amazon, limit: 3))") }
        let asnText = asn.isEmpty ? "" : " (here \(asn.prefix(3).joined(separator: ", ")))"
        return Step(
            title: "How the \(f.cross.count) tunnels map",
            text: [
                "\(awsSide). \(gcpSide): \(mappingSentence(f))",
                "Joined by AWS outside IP = peer interface IP = GCP peer IP, and customer gateway IP = HA interface IP; in each /30 AWS takes N+1, "
                    + "Cloud Router N+2 and peers with the Amazon-side ASN\(asnText). Press 4 for both sides.",
            ], focus: "link")
    }

    static func down(_ f: Facts) -> Step? {
        let m = f.model
        guard !m.tunnels.isEmpty || !m.virtualInterfaces.isEmpty else { return nil }
        let focus = f.graph.crossLinks.isEmpty ? m.onPremSites.first?.id : "link"
        guard let findings = f.findings else {
            return Step(
                title: "What is down right now",
                text: [
                    "Which tunnels and BGP sessions are down comes from the analysis: press 5 for the findings (tunnel-down, bgp-down)."
                ], focus: focus)
        }
        let verdicts = TunnelFindings(findings: findings)
        let ipsec = m.tunnels.filter { verdicts.ipsecDown.contains($0.id) }
        let bgpTunnels = m.tunnels.filter { verdicts.bgpDown.contains($0.id) }
        let bgpCount = bgpTunnels.count + verdicts.otherBGPDown.count
        var text: [String] = []
        text.append(
            ipsec.isEmpty
                ? "IPsec: no tunnel-down finding for the \(count(m.tunnels.count, "tunnel")) in the exports."
                : "IPsec: \(count(ipsec.count, "tunnel")) of \(m.tunnels.count) down (tunnel-down): \(listed(ipsec.map { tunnelName($0, naming: f.naming) }, limit: ipsec.count > 2 ? 1 : 2, separator: "; "))."
        )
        let sessions =
            bgpTunnels.map { t -> String in
                let peer = t.gcp?.bgpPeer.map { "\($0.name) on \(t.gcp?.router?.name ?? "?")" }
                return (peer.map { "\($0) over " } ?? "") + tunnelName(t, naming: f.naming)
            }
            + verdicts.otherBGPDown.map { finding in
                finding.resources.first.flatMap { id in
                    m.virtualInterfaces.first { $0.id == id }.map { "Direct Connect \($0.name ?? $0.id)" }
                } ?? finding.resources.first ?? "?"
            }
        text.append(
            (bgpCount == 0
                ? "BGP: no bgp-down finding."
                : "BGP: \(count(bgpCount, "session")) down (bgp-down): \(listed(sessions, limit: sessions.count > 2 ? 1 : 2, separator: "; ")).")
                + " A tunnel can be up at IPsec level while its BGP session is down: it then carries no routes.")
        if let verdicts = f.verdicts {
            let partial = verdicts.tunnels.filter { $0.state.ipsecUp && !$0.state.bgpDown && !$0.carries }
            if !partial.isEmpty {
                text.append(
                    "Routes: \(count(partial.count, "tunnel")) up at IPsec and BGP carr\(partial.count == 1 ? "ies" : "y") "
                        + "traffic one way or not at all, because a side accepts no route over it: "
                        + listed(
                            partial.map { "\(tunnelName(m.tunnels[$0.index], naming: f.naming)) (\($0.word))" },
                            limit: 2, separator: "; ")
                        + ".")
            }
        }
        if !f.cross.isEmpty {
            let redundancy = findings.filter { $0.rule == "redundancy" }.count
            text.append(
                "The HA shape (2 HA interfaces × 2 tunnels) survives losing any one part; "
                    + (redundancy == 0
                        ? "no redundancy finding here." : "\(count(redundancy, "redundancy finding")) here.")
                    + " Press f on an element to see what survives.")
        }
        return Step(title: "What is down right now", text: text, focus: focus)
    }

    static func sharedVPC(_ f: Facts) -> Step? {
        guard let shared = f.model.sharedVPCs.first else { return nil }
        let vpnHere =
            f.gateways.contains { $0.ref.project == shared.hostProject }
            || f.routers.contains { $0.ref.project == shared.hostProject }
        return Step(
            title: "Shared VPC: who owns what",
            text: [
                "\(shared.hostProject) is the host project: the network team runs the Shared VPC\(vpnHere ? ", the VPN and Cloud Router" : "") there. "
                    + (shared.serviceProjects.isEmpty
                        ? "No service project is attached to it in these exports."
                        : "Service projects (\(listed(shared.serviceProjects, limit: 3))) put their workloads on the host's subnets and own none of the networking."),
                "That is the line of responsibility: changes to routes, firewalls and the VPN go through the host project's owners.",
            ], focus: "project/\(shared.hostProject)")
    }

    static func customMode(_ f: Facts) -> Step? {
        let m = f.model
        guard !m.gcpNetworks.isEmpty || !m.haVpnGateways.isEmpty else { return nil }
        var vpnNetworks: [String] = []
        for gateway in f.gateways.isEmpty ? m.haVpnGateways : f.gateways {
            guard let ref = gateway.network else { continue }
            let mode =
                m.gcpNetwork(ref).map {
                    $0.subnetMode == .auto ? "auto mode" : $0.subnetMode == .custom ? "custom mode" : "legacy"
                } ?? "not in the exports"
            vpnNetworks.append("\(ref.project)/\(ref.name) (\(mode))")
        }
        let vpnRefs = Set((f.gateways.isEmpty ? m.haVpnGateways : f.gateways).compactMap(\.network))
        let autoElsewhere = m.gcpNetworks.filter { $0.subnetMode == .auto && !vpnRefs.contains($0.ref) }.map {
            "\($0.project)/\($0.name)"
        }
        var tie =
            vpnNetworks.isEmpty
            ? "No HA VPN gateway's network is in these exports."
            : "Here the VPN is on \(listed(Self.unique(vpnNetworks), limit: 2))."
        tie +=
            autoElsewhere.isEmpty
            ? " No other network is in auto mode."
            : " Also in auto mode, without the VPN: \(listed(autoElsewhere, limit: 2))."
        return Step(
            title: "Custom-mode networks",
            text: [
                "Our rule: a VPN-connected network is custom mode, which keeps the address plan under control. The auto-mode `default` network "
                    + "creates a subnet in every region from 10.128.0.0/9, which can collide with AWS and on-prem.",
                tie,
            ],
            focus: f.gateways.first.map { "project/\($0.ref.project)" }
                ?? m.gcpProjects.first.map { "project/\($0.id)" })
    }

    static func peered(_ f: Facts) -> Step? {
        let m = f.model
        guard let redis = m.redisInstances.first else { return nil }
        var text = [
            "Memorystore and similar services live in a Google-managed producer VPC joined by VPC peering. Cloud Router does not advertise "
                + "peered ranges over the VPN (unless added by hand); service projects reach them through the Shared VPC."
        ]
        let others = m.redisInstances.count > 1 ? " (and \(m.redisInstances.count - 1) more)" : ""
        let network = redis.authorizedNetwork.map { " peered with \($0.project)/\($0.name)" } ?? ""
        var here = "Here: Memorystore \(redis.name) (\(redis.reservedIpRangeText ?? "range ?"))\(network)\(others)."
        if let findings = f.findings {
            let mine = findings.filter { $0.resources.contains(redis.id) }
            here +=
                mine.contains(where: { $0.rule == "peered-range-not-advertised" })
                ? " Not advertised to AWS (peered-range-not-advertised)."
                : " No peered-range-not-advertised finding names it."
            let overlaps = mine.filter { $0.rule == "cidr-overlap" }.flatMap(\.resources).filter { $0 != redis.id }
            here +=
                overlaps.isEmpty
                ? " Its range overlaps nothing else in the exports."
                : " Its range overlaps \(listed(Self.unique(overlaps).map(f.label), limit: 2)) (cidr-overlap): one address plan across clouds avoids that."
        } else {
            here += " Press 5 for what the analysis finds about it."
        }
        text.append(here)
        return Step(title: "Peered services bring their own VPC", text: text, focus: redis.id)
    }

    static func creationOrder(_ f: Facts) -> Step? {
        guard !f.cross.isEmpty || !f.model.haVpnGateways.isEmpty || !f.model.vpnConnections.isEmpty else { return nil }
        var text = [
            "Each side wants the other's public IPs at creation. The order that breaks the deadlock: 1. GCP HA VPN gateway (its IPs). "
                + "2. AWS customer gateways with those IPs, then VPN connections. 3. GCP peer gateway with the AWS outside IPs. "
                + "4. GCP tunnels, router interfaces (N+2), BGP peers (N+1, Amazon ASN)."
        ]
        if f.cross.isEmpty {
            text.append("This network has no AWS ⇄ GCP VPN in the exports, so there is nothing of its own to order.")
        } else {
            let m = f.model
            let cgws = Self.unique(f.connections.compactMap { m.vpnConnection($0)?.customerGatewayId }).map(
                f.naming.customerGateway)
            let hubs = Self.unique(
                f.connections.compactMap { m.vpnConnection($0).flatMap { $0.transitGatewayId ?? $0.vpnGatewayId } }
            ).map(f.hubName)
            var order: [String] = []
            order.append("1. \(f.gateways.isEmpty ? "the HA gateway" : listed(f.gateways.map(\.name), limit: 2))")
            order.append(
                "2. \(cgws.isEmpty ? "the customer gateways" : listed(cgws, limit: 2)), then \(f.connections.isEmpty ? "the connections" : listed(f.connections.map(f.naming.connection), limit: 2))"
                    + (hubs.isEmpty ? "" : " on \(listed(hubs, limit: 2))"))
            order.append("3. \(f.externals.isEmpty ? "the peer gateway" : listed(f.externals.map(\.name), limit: 2))")
            order.append(
                "4. \(count(f.gcpEnds.count, "tunnel")) and their BGP peers"
                    + (f.routers.isEmpty ? "" : " on \(listed(f.routers.map(\.name), limit: 2))"))
            text.append("Here: \(order.joined(separator: "; ")). `tunnelscope plan` prints them with their values.")
        }
        return Step(
            title: "Building it: the creation order", text: text,
            focus: f.graph.crossLinks.isEmpty ? f.gateways.first?.ref.id : "link")
    }

    // MARK: facts

    /// What the steps need, computed once per call, indexed by key.
    struct Facts {
        let model: NetworkModel
        let findings: [Finding]?
        /// The analysis' verdicts, when the tour is shown in the explorer.
        var verdicts: Verdicts?
        let naming: Naming
        let graph: MapGraph
        let cross: [PhysicalTunnel]
        /// Cross-cloud VPN connection IDs, sorted.
        let connections: [String]
        let tunnelsByConnection: [String: [PhysicalTunnel]]
        let gcpEnds: [PhysicalTunnel.GCPEnd]
        let gateways: [HAVPNGateway]
        let externals: [ExternalVPNGateway]
        let routers: [CloudRouter]
        let dxNames: [String: String]
        let tgwsByDX: [String: [String]]
        let dxByTGW: [String: [String]]

        init(model: NetworkModel, findings: [Finding]?) {
            self.model = model
            self.findings = findings
            naming = Naming(model: model)
            graph = MapGraph(model: model)
            cross = model.tunnels.filter(\.isCrossCloud)
            var byConnection: [String: [PhysicalTunnel]] = [:]
            for t in cross { if let c = t.aws?.vpnConnectionId { byConnection[c, default: []].append(t) } }
            tunnelsByConnection = byConnection
            connections = byConnection.keys.sorted()
            gcpEnds = cross.compactMap(\.gcp)
            gateways = Tour.unique(gcpEnds.compactMap(\.haGateway)).compactMap {
                model.haGatewayIndex[$0].map { model.haVpnGateways[$0] }
            }
            externals = Tour.unique(gcpEnds.compactMap(\.peerGateway)).compactMap {
                model.externalGatewayIndex[$0].map { model.externalVpnGateways[$0] }
            }
            routers = Tour.unique(gcpEnds.compactMap(\.router)).compactMap { model.cloudRouter($0) }
            var names: [String: String] = [:]
            for dx in model.directConnectGateways { names[dx.id] = dx.name ?? dx.id }
            dxNames = names
            var tgwsByDX: [String: [String]] = [:]
            var dxByTGW: [String: [String]] = [:]
            for a in model.tgwAttachments where a.resourceType == "direct-connect-gateway" {
                guard let dx = a.resourceId else { continue }
                tgwsByDX[dx, default: []].append(a.transitGatewayId)
                dxByTGW[a.transitGatewayId, default: []].append(dx)
            }
            self.tgwsByDX = tgwsByDX
            self.dxByTGW = dxByTGW
        }

        /// `hub-tgw` for a TGW, `VGW legacy-vgw` for a virtual private gateway.
        func hubName(_ id: String) -> String {
            if let i = model.vpnGatewayIndex[id] { return "VGW \(model.labels[id] ?? model.vpnGateways[i].name ?? id)" }
            return naming.tgw(id)
        }

        /// A resource named by a finding, as people call it.
        func label(_ id: String) -> String {
            if model.vpc(id) != nil { return "AWS VPC \(naming.vpc(id))" }
            if let site = model.onPremSite(id) { return site.name }
            if let ref = GCPRef(url: id) {
                return "GCP \(ref.collection == "subnetworks" ? "subnet" : ref.collection) \(ref.name)"
            }
            if id.hasPrefix("subnet-") { return "AWS subnet \(id)" }
            return id
        }
    }

    /// `× 2 tunnels`, or `× 1–2 tunnels` when connections differ.
    static func perConnectionText(_ f: Facts) -> String {
        let counts = Set(f.connections.map { f.tunnelsByConnection[$0]?.count ?? 0 }).sorted()
        guard let low = counts.first, let high = counts.last else { return "0 tunnels" }
        return low == high ? count(low, "tunnel") : "\(low)–\(high) tunnels"
    }

    /// `to-gcp-if0 uses HA interface 0 (peer interfaces 0 and 1); to-gcp-if1 uses HA interface 1 (…)`,
    /// from the loaded tunnels; a connection without a name is "connection A", "B", … in HA interface order.
    static func mappingSentence(_ f: Facts) -> String {
        struct Row {
            let id: String
            let ha: [Int]
            let peers: [Int]
        }
        let rows = f.connections.map { id in
            let ends = (f.tunnelsByConnection[id] ?? []).compactMap(\.gcp)
            return Row(
                id: id, ha: Array(Set(ends.compactMap(\.haInterface))).sorted(),
                peers: ends.compactMap(\.peerInterface).sorted())
        }.sorted { ($0.ha.first ?? Int.max, $0.id) < ($1.ha.first ?? Int.max, $1.id) }
        guard !rows.isEmpty else {
            return
                "The GCP tunnels' AWS side is not in the exports: each AWS VPN connection would use one HA interface and two peer interfaces."
        }
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let parts = rows.enumerated().map { i, row -> String in
            let name =
                f.model.labels[row.id] ?? f.model.vpnConnection(row.id)?.name
                ?? "connection \(i < letters.count ? String(letters[i]) : "\(i + 1)")"
            let peers =
                row.peers.isEmpty
                ? ""
                : " (peer interface\(row.peers.count == 1 ? "" : "s") \(listed(row.peers.map(String.init), limit: 4)))"
            switch row.ha.count {
            case 0: return "\(name) is not seen from GCP"
            case 1: return "\(name) uses HA interface \(row.ha[0])\(peers)"
            default: return "\(name) uses HA interfaces \(listed(row.ha.map(String.init), limit: 4))\(peers)"
            }
        }
        let shown = parts.prefix(3).joined(separator: "; ")
        return shown + (parts.count > 3 ? "; and \(parts.count - 3) more connections." : ".")
    }

    /// `to-gcp-if0 #2 ⇄ aws-tunnel-1`: the AWS connection's name and tunnel number, the GCP tunnel's name.
    static func tunnelName(_ t: PhysicalTunnel, naming: Naming) -> String {
        let left = t.aws.map { naming.awsTunnelShort($0) }
        let right = t.gcp?.tunnel.name
        switch (left, right) {
        case (let l?, let r?): return "\(l) ⇄ \(r)"
        case (let l?, nil):
            return t.isCrossCloud ? "\(l) (not in the GCP exports)" : "\(l)" + (t.siteName.map { " to \($0)" } ?? "")
        case (nil, let r?): return "\(r) (not in the AWS exports)"
        default: return t.id
        }
    }

    /// `a, b and c`, or `a, b and 3 more` past `limit`.
    static func listed(_ items: [String], limit: Int, separator: String = ", ") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        if items.count > limit {
            return items.prefix(limit).joined(separator: separator) + " and \(items.count - limit) more"
        }
        return items.dropLast().joined(separator: separator) + " and " + items.last!
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    /// `one HA gateway`, `2 HA gateways`.
    static func spelled(_ n: Int, _ word: String) -> String { n == 1 ? "one \(word)" : count(n, word) }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
