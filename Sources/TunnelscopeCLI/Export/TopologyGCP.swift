import TunnelscopeModel

/// The GCP side of the topology: per project its networks, Cloud Routers, HA VPN and peer
/// gateways, Memorystore, and the Shared VPC's service projects.
extension TopologyBuilder {
    // MARK: GCP

    mutating func gcpSide(in gcp: Int?) {
        guard let gcp else { return }
        let projects = model.gcpProjects.filter { $0.role != .external }
        let rank: [GCPProject.Role: Int] = [.sharedVPCHost: 0, .standalone: 1, .sharedVPCService: 2]
        let ordered = projects.sorted { (rank[$0.role] ?? 3, $0.id) < (rank[$1.role] ?? 3, $1.id) }
        var clusterOf: [String: Int] = [:]
        func cluster(_ project: String) -> Int {
            if let c = clusterOf[project] { return c }
            let role = projects.first { $0.id == project }?.role
            let title: String =
                switch role {
                case .sharedVPCHost: "project \(project) (Shared VPC host)"
                case .sharedVPCService:
                    "service project \(project)"
                        + (projects.first { $0.id == project }?.hostProject.map { " of \($0)" } ?? "")
                default: "project \(project)"
                }
            let c = graph.cluster(title, in: gcp)
            clusterOf[project] = c
            return c
        }
        for project in ordered where project.role != .sharedVPCService { _ = cluster(project.id) }

        var subnets: [String: Int] = [:]
        for subnet in model.gcpSubnets { if let n = subnet.network { subnets[n.id, default: 0] += 1 } }
        for network in model.gcpNetworks {
            let count = subnets[network.ref.id] ?? 0
            _ = add(
                [
                    "network " + network.name,
                    "\(network.subnetMode.rawValue.lowercased())-mode · \(count) subnet\(count == 1 ? "" : "s")",
                ], network.ref.id, in: cluster(network.project))
        }
        for router in model.cloudRouters {
            let state = marks.verdicts.element(router.ref.id).state
            let facts = [router.asn.map { "ASN \($0)" }, router.ref.region, state].compactMap { $0 }
            let n = add(
                ["Cloud Router " + router.name, facts.joined(separator: " · ")], router.ref.id,
                in: cluster(router.ref.project))
            if let network = router.network, let to = nodeOf[network.id] {
                graph.edge(n, to, "routes", marks.mark(router.ref.id))
            }
        }
        for gateway in model.haVpnGateways {
            let interfaces = gateway.interfaces.map { "if\($0.id) \($0.ipAddress?.description ?? "?")" }
            let n = add(
                ["HA VPN gateway " + gateway.name, short(interfaces, 2)], gateway.ref.id,
                in: cluster(gateway.ref.project))
            // To the routers its tunnels use (else to its network).
            var routers: [String] = []
            for tunnel in model.gcpTunnels where tunnel.vpnGateway?.id == gateway.ref.id {
                if let r = tunnel.router?.id, !routers.contains(r) { routers.append(r) }
            }
            let targets = routers.compactMap { nodeOf[$0] }
            if targets.isEmpty, let network = gateway.network, let to = nodeOf[network.id] {
                graph.edge(n, to, "network", marks.mark(gateway.ref.id))
            }
            for to in targets { graph.edge(n, to, "BGP", marks.mark(gateway.ref.id)) }
        }
        for peer in model.externalVpnGateways {
            let n = add(
                [
                    "peer VPN gateway " + peer.name,
                    [peer.redundancyType, "\(peer.interfaces.count) interfaces"].compactMap { $0 }.joined(
                        separator: " · "),
                ], peer.ref.id, in: cluster(peer.ref.project))
            var gateways: [String] = []
            for tunnel in model.gcpTunnels where tunnel.peerExternalGateway?.id == peer.ref.id {
                if let g = tunnel.vpnGateway?.id, !gateways.contains(g) { gateways.append(g) }
            }
            for g in gateways.compactMap({ nodeOf[$0] }) {
                graph.edge(g, n, "peer: the other side's IPs", marks.mark(peer.ref.id), dashed: true)
            }
        }
        for redis in model.redisInstances {
            let n = add(
                ["Memorystore " + redis.name, redis.reservedIpRangeText ?? "range not in the exports"], redis.id,
                in: cluster(redis.project))
            if let network = redis.authorizedNetwork, let from = nodeOf[network.id] {
                graph.edge(from, n, "VPC peering", marks.mark(redis.id))
            }
        }
        // Service projects: attached to the host's Shared VPC (its networks with a VPN gateway or
        // router, else its first network).
        for project in ordered where project.role == .sharedVPCService {
            let id = "project/\(project.id)"
            // In its own cluster when it holds something else (Memorystore), else beside the others.
            let n = add(["service project " + project.id], id, in: clusterOf[project.id] ?? gcp)
            guard let host = project.hostProject else { continue }
            let hostNetworks = model.gcpNetworks.filter { $0.project == host }
            let used = Set(
                model.haVpnGateways.compactMap(\.network?.id) + model.cloudRouters.compactMap(\.network?.id))
            let shared = hostNetworks.filter { used.contains($0.ref.id) }
            for network in (shared.isEmpty ? Array(hostNetworks.prefix(1)) : shared) {
                if let from = nodeOf[network.ref.id] { graph.edge(from, n, "Shared VPC", marks.mark(id)) }
            }
        }
    }
}
