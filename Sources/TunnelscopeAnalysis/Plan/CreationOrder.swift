import TunnelscopeModel

/// Builds the creation plan of every AWS ⇄ GCP link in the model. The steps are the resource
/// kinds below; which value each needs from which other resource gives the edges, and a
/// topological sort (ties broken by the order below) numbers them. The cycle "AWS needs GCP's
/// addresses, GCP needs AWS's" is broken by splitting GCP in two: the HA VPN gateway (which gets
/// its addresses on creation) before AWS, the peer gateway and tunnels after.
struct CreationOrder {
    enum Kind: Int, CaseIterable, Comparable {
        case network, router, haGateway, awsGateway, customerGateways, vpnConnections, peerGateway,
            tunnels, routerInterfaces, bgpPeers, awsRouting, verify

        /// What each kind needs, and why.
        var needs: [(Kind, String)] {
            switch self {
            case .network, .awsGateway: []
            case .router: [(.network, "the network")]
            case .haGateway: [(.network, "the network")]
            case .customerGateways: [(.haGateway, "the HA VPN interface IPs"), (.router, "the Cloud Router ASN")]
            case .vpnConnections: [(.customerGateways, "the customer gateways"), (.awsGateway, "the Transit Gateway")]
            case .peerGateway: [(.vpnConnections, "the AWS tunnel outside IPs")]
            case .tunnels:
                [
                    (.haGateway, "the HA VPN gateway"), (.peerGateway, "the peer gateway"),
                    (.router, "the Cloud Router"),
                    (.vpnConnections, "the AWS pre-shared keys"),
                ]
            case .routerInterfaces: [(.tunnels, "the tunnels"), (.vpnConnections, "the AWS inside CIDRs")]
            case .bgpPeers: [(.routerInterfaces, "the router interfaces"), (.awsGateway, "the Amazon-side ASN")]
            case .awsRouting: [(.vpnConnections, "the VPN attachments")]
            case .verify: [(.bgpPeers, "the BGP peers"), (.awsRouting, "the TGW routing")]
            }
        }

        var cloud: Side {
            switch self {
            case .awsGateway, .customerGateways, .vpnConnections, .awsRouting: .aws
            case .verify: .aws
            default: .gcp
            }
        }

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// Kahn's algorithm over the kinds present; a missing kind passes its own needs on.
    static func order(_ present: Set<Kind>) -> [(kind: Kind, needs: [(Kind, String)])] {
        func effectiveNeeds(_ kind: Kind) -> [(Kind, String)] {
            kind.needs.flatMap { need -> [(Kind, String)] in present.contains(need.0) ? [need] : effectiveNeeds(need.0)
            }
        }
        var remaining = present
        var done = Set<Kind>()
        var result: [(Kind, [(Kind, String)])] = []
        while let next = remaining.filter({ k in effectiveNeeds(k).allSatisfy { done.contains($0.0) } }).min() {
            remaining.remove(next)
            done.insert(next)
            var seen = Set<Kind>()
            result.append((next, effectiveNeeds(next).filter { seen.insert($0.0).inserted }))
        }
        precondition(remaining.isEmpty, "creation order has a cycle: \(remaining)")
        return result
    }
}

extension Analysis {
    /// The creation order of the cross-cloud link(s) in this network (`tunnelscope plan`).
    public var plan: CreationPlan { PlanBuilder(context: context).build() }
}

/// Reads the model into plan items.
struct PlanBuilder {
    let context: AnalysisContext
    var model: NetworkModel { context.model }
    var index: ModelIndex { context.index }

    struct Gathered {
        var networks: [GCPRef] = []
        var routers: [CloudRouter] = []
        var haGateways: [HAVPNGateway] = []
        var peerGateways: [ExternalVPNGateway] = []
        var transitGateways: [String] = []
        var vpnGateways: [String] = []
        /// Connection IDs, HA interface 0's first.
        var connections: [String] = []
        var customerGateways: [String] = []
        var tunnels: [Int] = []
    }

    func gather() -> Gathered {
        var g = Gathered()
        func add<T>(_ list: inout [T], _ item: T, _ same: (T, T) -> Bool) {
            if !list.contains(where: { same($0, item) }) { list.append(item) }
        }
        let tunnels = context.links.flatMap(\.tunnelIndices).sorted { a, b in
            let ka = (
                index.haInterface(ofTunnel: a) ?? "~", model.tunnels[a].gcp?.peerInterface ?? 9,
                model.tunnels[a].aws?.tunnelNumber ?? 9
            )
            let kb = (
                index.haInterface(ofTunnel: b) ?? "~", model.tunnels[b].gcp?.peerInterface ?? 9,
                model.tunnels[b].aws?.tunnelNumber ?? 9
            )
            return ka < kb
        }
        g.tunnels = tunnels
        for t in tunnels {
            let tunnel = model.tunnels[t]
            if let ha = index.haGateway(ofTunnel: t).flatMap({ GCPRef(url: $0) }).flatMap({ model.haGatewayIndex[$0] })
                .map({ model.haVpnGateways[$0] })
            {
                add(&g.haGateways, ha) { $0.ref == $1.ref }
                if let n = ha.network { add(&g.networks, n, ==) }
            }
            if let router = tunnel.gcp?.router.flatMap({ model.cloudRouter($0) }) {
                add(&g.routers, router) { $0.ref == $1.ref }
                if let n = router.network { add(&g.networks, n, ==) }
            }
            if let peer = tunnel.gcp?.peerGateway.flatMap({ model.externalGatewayIndex[$0] }).map({
                model.externalVpnGateways[$0]
            }) {
                add(&g.peerGateways, peer) { $0.ref == $1.ref }
            }
            if let aws = tunnel.aws {
                add(&g.connections, aws.vpnConnectionId, ==)
                if let c = aws.customerGatewayId { add(&g.customerGateways, c, ==) }
                if let tgw = aws.transitGatewayId { add(&g.transitGateways, tgw, ==) }
                if let vgw = aws.vpnGatewayId { add(&g.vpnGateways, vgw, ==) }
            }
        }
        if g.routers.isEmpty {
            for n in g.networks {
                for r in index.routersByNetwork[n] ?? [] { add(&g.routers, model.cloudRouters[r]) { $0.ref == $1.ref } }
            }
        }
        return g
    }

    func build() -> CreationPlan {
        let g = gather()
        guard !g.tunnels.isEmpty else {
            return CreationPlan(steps: [], notes: ["No AWS ⇄ GCP VPN link in this network: nothing to order."])
        }
        var present: Set<CreationOrder.Kind> = [
            .customerGateways, .vpnConnections, .peerGateway, .tunnels, .routerInterfaces, .bgpPeers, .awsRouting,
            .verify,
        ]
        if !g.networks.isEmpty { present.insert(.network) }
        if !g.routers.isEmpty { present.insert(.router) }
        if !g.haGateways.isEmpty { present.insert(.haGateway) }
        if !g.transitGateways.isEmpty || !g.vpnGateways.isEmpty { present.insert(.awsGateway) }
        let order = CreationOrder.order(present)
        var number: [CreationOrder.Kind: Int] = [:]
        for (i, entry) in order.enumerated() { number[entry.kind] = i + 1 }
        let items = ItemBuilder(context: context, gathered: g, step: number)
        let steps = order.enumerated().map { i, entry in
            let why =
                entry.needs.isEmpty
                ? nil : entry.needs.map { "\($0.1) (step \(number[$0.0]!))" }.joined(separator: ", ")
            return PlanStep(
                number: i + 1, cloud: entry.kind.cloud, title: items.title(entry.kind), why: why,
                needs: entry.needs.compactMap { number[$0.0] }.sorted(), items: items.items(entry.kind),
                notes: items.notes(entry.kind), setup: items.setup(entry.kind))
        }
        var notes = [
            "Each side wants the other's public IPs at creation: the AWS customer gateways (step \(number[.customerGateways]!)) need the HA VPN interface IPs"
                + (number[.haGateway].map { " (step \($0))" } ?? "")
                + ", and the GCP peer gateway (step \(number[.peerGateway]!)) needs the AWS tunnel outside IPs (step \(number[.vpnConnections]!)). "
                + "Creating the HA VPN gateway first breaks the cycle.",
            "Rebuilding: values marked (assigned) change when their resource is re-created — a new HA VPN gateway means new customer gateways and VPN connections; new VPN connections mean a new peer gateway and GCP tunnels. Values marked (chosen) can be kept.",
            "Pre-shared keys are never printed: each AWS tunnel has its own; step \(number[.tunnels]!) says where to read each one (TunnelOptions[].PreSharedKey of its VPN connection, or Secrets Manager).",
        ]
        if !g.vpnGateways.isEmpty {
            notes.append(
                "This network attaches the VPN to a virtual private gateway; attach it to a Transit Gateway instead — moving it later costs about 40 s of BGP reconvergence."
            )
        }
        for n in g.networks where model.gcpNetwork(n)?.subnetMode == .auto {
            notes.append("\(index.gcpName(n)) is auto mode; the plan creates it in custom mode.")
        }
        return CreationPlan(steps: steps, notes: notes)
    }
}
