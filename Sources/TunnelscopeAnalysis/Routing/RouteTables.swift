import TunnelscopeModel

/// One candidate next hop in a GCP network's routing table.
struct GCPCandidate: Sendable {
    enum Hop: Sendable {
        /// A subnet's own range (primary or secondary): delivered in the network.
        case subnet(Int, secondary: String?)
        /// Imported over VPC peering (`nextHopPeering`).
        case peering(String)
        /// A static route to a VPN tunnel; the physical tunnel when it is known.
        case staticTunnel(GCPRef, tunnel: Int?)
        /// A BGP best route from a Cloud Router: next hop = the AWS inside address.
        case bgp(router: Int, nextHop: String, tunnel: Int?)
        /// Learned over an Interconnect VLAN attachment (not followed further: Interconnect is not modelled yet).
        case interconnect(GCPRef)
        case internet(String)
        case other(String)
    }

    let hop: Hop
    let priority: Int
    /// For BGP routes: the Cloud Router's region (it matters in REGIONAL routing mode).
    let region: String?
    let routeName: String?
    var isCustom: Bool { if case .subnet = hop { false } else if case .peering = hop { false } else { true } }
}

/// Longest-prefix-match tables for every routing table in the model, built once.
struct RouteTables: Sendable {
    /// Every VPC route table's routes, by table ID.
    let vpc: VPCRouteIndex
    /// TGW route table ID → route indices.
    let tgw: [String: PrefixTable<Int>]
    /// GCP network → candidates (subnets, static/peering routes, Cloud Router best routes).
    let gcp: [GCPRef: PrefixTable<GCPCandidate>]

    init(index: ModelIndex) {
        let model = index.model
        var tgw: [String: PrefixTable<Int>] = [:]
        for table in model.tgwRouteTables {
            var t = PrefixTable<Int>()
            for (i, route) in table.routes.enumerated() where route.state != "deleted" && route.state != "deleting" {
                if let d = route.destination { t.insert(d.normalized, i) }
            }
            tgw[table.id] = t
        }
        var gcp: [GCPRef: PrefixTable<GCPCandidate>] = [:]
        for (i, subnet) in model.gcpSubnets.enumerated() {
            guard let network = subnet.network else { continue }
            if let cidr = subnet.cidr {
                gcp[network, default: PrefixTable()].insert(
                    cidr.normalized,
                    GCPCandidate(hop: .subnet(i, secondary: nil), priority: 0, region: nil, routeName: nil))
            }
            for range in subnet.secondaryRanges {
                gcp[network, default: PrefixTable()].insert(
                    range.cidr.normalized,
                    GCPCandidate(hop: .subnet(i, secondary: range.name), priority: 0, region: nil, routeName: nil))
            }
        }
        for route in model.gcpRoutes {
            guard let network = route.network, let destination = route.destination?.normalized else { continue }
            let hop: GCPCandidate.Hop
            switch route.nextHop {
            case .network: continue  // subnet routes: the subnets themselves are in the table
            case .peering(let name): hop = .peering(name)
            case .vpnTunnel(let ref): hop = .staticTunnel(ref, tunnel: index.tunnelByGCPTunnel[ref.id])
            case .gateway(let g): hop = g.hasSuffix("default-internet-gateway") ? .internet(g) : .other("gateway \(g)")
            case .ip(let ip):
                hop =
                    route.routeType == "BGP"
                    ? .bgp(router: -1, nextHop: ip, tunnel: index.tunnel(of: route, router: nil))
                    : .other("next hop IP \(ip)")
            case .interconnectAttachment(let a): hop = .interconnect(a)
            default: hop = .other(route.nextHop.description)
            }
            gcp[network, default: PrefixTable()].insert(
                destination,
                GCPCandidate(hop: hop, priority: route.priority ?? 1000, region: nil, routeName: route.name))
        }
        // Cloud Router best routes, as the router reports them: over a VPN tunnel (`nextHopVpnTunnel`,
        // else `nextHopIp` = the AWS inside address of a BGP peer), or over an Interconnect attachment.
        for (r, router) in model.cloudRouters.enumerated() {
            for route in router.bestRoutes {
                guard let destination = route.destination?.normalized, let network = route.network ?? router.network
                else { continue }
                let hop: GCPCandidate.Hop
                if case .interconnectAttachment(let a) = route.nextHop {
                    hop = .interconnect(a)
                } else if let t = index.tunnel(of: route, router: router) {
                    hop = .bgp(router: r, nextHop: route.nextHopIp ?? index.model.tunnels[t].id, tunnel: t)
                } else if case .vpnTunnel(let ref) = route.nextHop {
                    hop = .bgp(router: r, nextHop: route.nextHopIp ?? ref.name, tunnel: nil)
                } else if let ip = route.nextHopIp {
                    hop = .bgp(router: r, nextHop: ip, tunnel: nil)
                } else {
                    continue
                }
                gcp[network, default: PrefixTable()].insert(
                    destination,
                    GCPCandidate(
                        hop: hop, priority: route.priority ?? 100, region: router.ref.region, routeName: nil))
            }
        }
        self.vpc = VPCRouteIndex(model.routeTables)
        self.tgw = tgw
        self.gcp = gcp
    }
}
