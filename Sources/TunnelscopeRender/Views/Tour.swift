import TunnelscopeModel

/// The guided walkthrough: steps over the loaded network, each highlighting a part of the map
/// and explaining it for a new team member. Steps whose subject is missing from the exports
/// are left out, and the text uses the loaded network's own names and numbers.
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

    public static func steps(for model: NetworkModel) -> [Step] {
        let naming = Naming(model: model)
        var steps: [Step] = []
        let cross = model.tunnels.filter(\.isCrossCloud)
        let connections = Array(Set(cross.compactMap { $0.aws?.vpnConnectionId })).sorted()
        let tgw = model.transitGateways.first
        let gcpEnds = cross.compactMap(\.gcp)
        let gateways = unique(gcpEnds.compactMap(\.haGateway)).compactMap { model.haGatewayIndex[$0].map { model.haVpnGateways[$0] } }
        let externals = unique(gcpEnds.compactMap(\.peerGateway)).compactMap { model.externalGatewayIndex[$0].map { model.externalVpnGateways[$0] } }
        let routers = unique(gcpEnds.compactMap(\.router)).compactMap { model.cloudRouter($0) }

        steps.append(Step(title: "Welcome", text: [
            "This is the whole hybrid network in one picture: on-prem sites at the top, AWS in the middle, GCP at the bottom, and the VPN between the clouds.",
            "Boxes are coloured by health: ● up, ✖ down, ▲ a risk.",
            "In the tour, n or → shows the next step and p or ← the previous one. Esc leaves the tour; then, on the map, the arrow keys move, Enter opens a box and Esc goes back.",
        ], focus: model.onPremSites.first?.id ?? tgw?.id))
        if let tgw {
            let vpcs = model.tgwAttachments.filter { $0.transitGatewayId == tgw.id && $0.resourceType == "vpc" }.count
            let ecmp = tgw.vpnEcmpSupport == false ? "one connection at a time (VPN ECMP support is off)" : "with ECMP across the VPN connections"
            steps.append(Step(title: "The hub: Transit Gateway \(naming.tgw(tgw.id))", text: [
                "Every AWS VPC (\(vpcs) here), every on-prem link and the VPN to GCP attach to one Transit Gateway, ASN \(tgw.amazonSideAsn.map(String.init) ?? "?"). "
                    + "Its route table decides where traffic goes; routes learned over BGP from GCP come in on the VPN attachments, \(ecmp).",
                "Attach the VPN to the TGW from the start: when the team that built this moved the VPN from a VGW to the TGW, Cloud Router recomputed its BGP routes: about 40 s of outage.",
            ], focus: tgw.id))
        }
        if !model.onPremSites.isEmpty {
            steps.append(Step(title: "On-prem sites", text: [
                "\(listed(model.onPremSites.map(\.name), limit: 3)) reach AWS through Direct Connect or a site-to-site VPN that ends on the TGW.",
                "Their prefixes reach GCP only if the TGW passes them to the VPN attachments and Cloud Router learns them.",
            ], focus: model.onPremSites.first?.id))
        }
        if !cross.isEmpty {
            if !connections.isEmpty {
                let awsTunnels = cross.filter { $0.aws != nil }.count
                steps.append(Step(title: "The AWS view: \(connections.count) VPN connection\(connections.count == 1 ? "" : "s") × 2 tunnels", text: [
                    "AWS calls this link \(count(connections.count, "VPN connection")) (\(listed(connections.map(naming.connection), limit: 4))), "
                        + "each with 2 tunnels, so \(count(awsTunnels, "tunnel")) in all.",
                    "Each connection's customer gateway is one GCP HA VPN interface IP; to AWS it is just a customer gateway, with no sign of GCP.",
                    "Press 2 for the AWS view, and Tab to flip to GCP with the same tunnel selected.",
                ], focus: "link"))
            }
            if !gcpEnds.isEmpty {
                let haWord = spelled(gateways.count, "HA VPN gateway")
                let peerWord = spelled(externals.count, "peer gateway")
                let haNames = gateways.isEmpty ? "" : " (\(listed(gateways.map(\.name), limit: 2)))"
                let peerNames = externals.isEmpty ? "" : " (\(listed(externals.map { "\($0.name), \($0.redundancyType ?? "?")" }, limit: 2)))"
                let haInterfaces = gateways.reduce(0) { $0 + $1.interfaces.count }
                let peerInterfaces = externals.reduce(0) { $0 + $1.interfaces.count }
                let routerNames = routers.isEmpty ? "Cloud Router" : "Cloud Router \(listed(routers.map(\.name), limit: 2))"
                let interfaces = gcpEnds.filter { $0.routerInterface != nil }.count
                let peers = gcpEnds.filter { $0.bgpPeer != nil }.count
                steps.append(Step(title: "The GCP view: \(spelled(gateways.count, "HA gateway")), \(spelled(externals.count, "peer gateway")), \(count(gcpEnds.count, "tunnel"))", text: [
                    "GCP sees \(haWord)\(haNames) with \(count(haInterfaces, "interface")) and \(peerWord)\(peerNames) with \(count(peerInterfaces, "interface")): the AWS tunnel outside IPs.",
                    "Then \(gcpEnds.count) vpn-tunnels, and on \(routerNames) \(count(interfaces, "interface")) and \(count(peers, "BGP peer")).",
                    "The same physical tunnels, counted and named differently on each side: that is why the two consoles never quite agree.",
                ], focus: gateways.first?.ref.id ?? "link"))
            }
            steps.append(Step(title: "How the \(cross.count) tunnels map", text: [
                "AWS tunnel outside IP = peer gateway interface IP = GCP tunnel peer IP; AWS customer gateway IP = HA interface IP.",
                mapping(cross, connections: connections, model: model),
                "Inside each /30, AWS takes N+1 and Cloud Router N+2; the router's peer ASN is the Amazon-side ASN. "
                    + "Press 4 for the side-by-side view: it pairs each AWS tunnel with its GCP tunnel and marks where they disagree.",
            ], focus: "link"))
            let down = cross.filter(\.isDown)
            if !down.isEmpty {
                let names = down.map { tunnelName($0, naming: naming) }
                steps.append(Step(title: "What is down right now", text: [
                    "\(count(down.count, "tunnel")) \(down.count == 1 ? "is" : "are") down: \(listed(names, limit: 2, separator: "; ")).",
                    "One side can say UP or ESTABLISHED while the other says DOWN: IPsec can be up while BGP is not, and AWS then reports the tunnel DOWN.",
                    "The design: 2 HA interfaces × 2 tunnels, so losing any one tunnel, interface or connection leaves the link up. Press f on an element to see what survives.",
                ], focus: "link"))
            }
        }
        if let shared = model.sharedVPCs.first {
            let vpnHere = gateways.contains { $0.ref.project == shared.hostProject } || routers.contains { $0.ref.project == shared.hostProject }
            steps.append(Step(title: "Shared VPC: who owns what", text: [
                "\(shared.hostProject) is the host project: the network team runs the Shared VPC\(vpnHere ? ", the VPN and Cloud Router" : "") there. "
                    + (shared.serviceProjects.isEmpty ? "No service project is attached to it in these exports."
                        : "Service projects (\(listed(shared.serviceProjects, limit: 3))) put their workloads on the host's subnets and own none of the networking."),
                "Our rule: a VPN-connected network is custom mode, which keeps the address plan under control. The auto-mode `default` network "
                    + "creates a subnet in every region from 10.128.0.0/9, which can collide with AWS and on-prem.",
            ], focus: "project/\(shared.hostProject)"))
        }
        if let redis = model.redisInstances.first {
            var text = [
                "Memorystore \(redis.name) (\(redis.reservedIpRangeText ?? "range ?")) lives in a Google-managed producer VPC joined by VPC peering."
                    + (model.sharedVPCs.isEmpty ? "" : " Service projects reach it through the Shared VPC."),
                "Cloud Router does not advertise peered ranges over the VPN: AWS and on-prem cannot reach it unless you add a custom advertisement.",
            ]
            if let range = redis.reservedIpRange, let vpc = model.vpcs.first(where: { $0.cidrs.contains { $0.overlaps(range) } }) {
                let cidr = vpc.cidrs.first { $0.overlaps(range) }!
                text.append("Its range must fit one address plan across all clouds and on-prem: here it collides with AWS VPC \(naming.vpc(vpc.id)) (\(cidr)).")
            } else if let range = redis.reservedIpRange, let site = model.onPremSites.first(where: { $0.addressRanges.contains { $0.overlaps(range) } }) {
                text.append("Its range must fit one address plan across all clouds and on-prem: here it collides with \(site.name).")
            } else {
                text.append("Its range must fit one address plan across all clouds and on-prem.")
            }
            steps.append(Step(title: "Peered services bring their own VPC", text: text, focus: redis.id))
        }
        steps.append(Step(title: "Building it: the creation order", text: [
            "Each side wants the other's public IPs when it is created. The way out is this order: "
                + "1. GCP HA VPN gateway (it gets 2 interface IPs). 2. AWS customer gateways with those IPs, then the VPN connections on the TGW. "
                + "3. GCP peer gateway with the AWS tunnel outside IPs. 4. GCP tunnels, router interfaces (N+2) and BGP peers (peer N+1, Amazon ASN).",
            "`tunnelscope plan` prints these steps with the values from your exports.",
        ], focus: "link"))
        return steps
    }

    /// `to-gcp-if0 uses HA interface 0 (peer interfaces 0 and 1); to-gcp-if1 uses HA interface 1 (…)`,
    /// from the loaded tunnels; a connection without a name is "connection A", "B", … in HA interface order.
    static func mapping(_ cross: [PhysicalTunnel], connections: [String], model: NetworkModel) -> String {
        struct Row { let id: String; let ha: [Int]; let peers: [Int] }
        let rows = connections.map { id in
            let ends = cross.filter { $0.aws?.vpnConnectionId == id }.compactMap(\.gcp)
            return Row(id: id, ha: Array(Set(ends.compactMap(\.haInterface))).sorted(), peers: ends.compactMap(\.peerInterface).sorted())
        }.sorted { ($0.ha.first ?? Int.max, $0.id) < ($1.ha.first ?? Int.max, $1.id) }
        guard !rows.isEmpty else {
            return "The GCP tunnels' AWS side is not in the exports: each AWS VPN connection would use one HA interface and two peer interfaces."
        }
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let parts = rows.enumerated().map { i, row -> String in
            let name = model.labels[row.id] ?? model.vpnConnection(row.id)?.name ?? "connection \(i < letters.count ? String(letters[i]) : "\(i + 1)")"
            let peers = row.peers.isEmpty ? "" : " (peer interface\(row.peers.count == 1 ? "" : "s") \(listed(row.peers.map(String.init), limit: 4)))"
            switch row.ha.count {
            case 0: return "\(name) is not seen from GCP"
            case 1: return "\(name) uses HA interface \(row.ha[0])\(peers)"
            default: return "\(name) uses HA interfaces \(listed(row.ha.map(String.init), limit: 4))\(peers)"
            }
        }
        let shown = parts.prefix(4).joined(separator: "; ")
        return shown + (parts.count > 4 ? "; and \(parts.count - 4) more connections." : ".")
    }

    /// `to-gcp-if0 #2 ⇄ aws-tunnel-1`: the AWS connection's name and tunnel number, the GCP tunnel's name.
    static func tunnelName(_ t: PhysicalTunnel, naming: Naming) -> String {
        let left = t.aws.map { naming.awsTunnelShort($0) }
        let right = t.gcp?.tunnel.name
        switch (left, right) {
        case let (l?, r?): return "\(l) ⇄ \(r)"
        case let (l?, nil): return "\(l) (not in the GCP exports)"
        case let (nil, r?): return "\(r) (not in the AWS exports)"
        default: return t.id
        }
    }

    /// `a, b and c`, or `a, b and 3 more` past `limit`.
    static func listed(_ items: [String], limit: Int, separator: String = ", ") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        if items.count > limit { return items.prefix(limit).joined(separator: separator) + " and \(items.count - limit) more" }
        return items.dropLast().joined(separator: separator) + " and " + items.last!
    }

    private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    /// `one HA gateway`, `2 HA gateways`.
    private static func spelled(_ n: Int, _ word: String) -> String { n == 1 ? "one \(word)" : count(n, word) }

    private static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
