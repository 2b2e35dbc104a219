import TunnelscopeModel
import TunnelscopeText

/// peered-range-not-advertised: a range reachable in a VPN-connected GCP network only through VPC
/// peering (Memorystore, Private Service Access, another peered VPC) that Cloud Router does not
/// advertise, so AWS and on-prem workloads cannot reach it — or that it advertises while the
/// peering does not export custom routes, so the producer has no route back. Service projects
/// of a Shared VPC host do reach it; the finding names them.
enum PeeredRangeRule: AnalysisRule {
    static let id = "peered-range-not-advertised"
    static let summary =
        "A range reached in GCP only through VPC peering (Memorystore, PSA) is not advertised by Cloud Router (or has no route back), so AWS and on-prem cannot reach it."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        let model = c.model
        let index = c.index
        let advertisement = GCPAdvertisement(index: index)
        var result: [Finding] = []
        let networks = Set(c.links.flatMap(\.tunnelIndices).compactMap { index.gcpNetwork(ofTunnel: $0) })
        // The producer ranges of each network, found in one pass (not one pass per network).
        var producers: [GCPRef: [AddressOwner]] = [:]
        let owners = c.space.owners
        for i in owners.indices where owners[i].kind == .redis || owners[i].kind == .peeredRange {
            if let network = owners[i].gcpNetwork, networks.contains(network) {
                producers[network, default: []].append(owners[i])
            }
        }
        for network in networks.sorted() {
            let routers = (index.routersByNetwork[network] ?? []).map { model.cloudRouters[$0] }.filter {
                !$0.bgpPeers.isEmpty
            }
            guard !routers.isEmpty else { continue }
            let advertised =
                routers.flatMap { advertisement.allAdvertised(by: $0) }
                + c.exchange.gcpToAWS.filter { !$0.advertisedOn.isEmpty }.map(\.prefix)
            let routerNames = routers.map(\.name).joined(separator: ", ")
            let net = model.gcpNetwork(network)
            for owner in producers[network] ?? [] {
                let range = owner.cidr
                let peeringName = (index.gcpRoutesByNetwork[network] ?? []).lazy.map { model.gcpRoutes[$0] }
                    .first {
                        $0.destination?.normalized == range
                            && { if case .peering = $0.nextHop { true } else { false } }($0)
                    }
                    .flatMap { r -> String? in if case .peering(let p) = r.nextHop { p } else { nil } }
                let peering = peeringName.flatMap { name in net?.peerings.first { $0.name == name } }
                let services = index.serviceProjects(ofHost: network.project)
                let seenBy =
                    services.isEmpty
                    ? "only workloads in \(index.gcpName(network)) reach it"
                    : "service projects \(services.joined(separator: ", ")) reach it through the Shared VPC \(network.project)"
                let clash = c.space.owners(overlapping: range).filter { $0.kind.side != .gcp && $0.kind != .awsSubnet }
                let clashNote =
                    clash.isEmpty
                    ? "" : "; \(range) also overlaps \(clash.map(\.label).listed(limit: 2)) (see cidr-overlap)"
                let isAdvertised = advertised.contains { $0.contains(range) }
                if !isAdvertised {
                    let returnNote =
                        peering.map {
                            $0.exportCustomRoutes
                                ? ""
                                : ", and peering \($0.name) does not export custom routes, so replies would have no way back either"
                        } ?? ""
                    result.append(
                        Finding(
                            rule: Self.id, severity: .warning,
                            message:
                                "\(owner.label.capitalizedFirst) is reached only through VPC peering and \(routerNames) does not advertise it: AWS and on-prem cannot reach it\(returnNote). \(seenBy.capitalizedFirst)\(clashNote)",
                            resources: [owner.resource, network.id] + routers.map(\.ref.id),
                            hint:
                                "If AWS or on-prem must reach it: set \(routers[0].name) to custom advertisements (keep ALL_SUBNETS) and add \(range)"
                                + (peering.map { ", and export custom routes on peering \($0.name)" }
                                    ?? ", and export custom routes on its peering")
                                + " (gcloud compute networks peerings update … --export-custom-routes). Pick a range outside every AWS/on-prem range first."
                        ))
                } else if let peering, !peering.exportCustomRoutes {
                    result.append(
                        Finding(
                            rule: Self.id, severity: .warning,
                            message:
                                "\(owner.label.capitalizedFirst) is advertised to AWS by \(routerNames), but peering \(peering.name) does not export custom routes: the producer has no route back to AWS or on-prem\(clashNote)",
                            resources: [owner.resource, network.id] + routers.map(\.ref.id),
                            hint:
                                Shell.command(
                                    "gcloud", "compute", "networks", "peerings", "update", peering.name, "--network",
                                    network.name, "--project", network.project, "--export-custom-routes")
                        ))
                }
            }
        }
        return result
    }
}
