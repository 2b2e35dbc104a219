import TunnelscopeModel

/// One end of a path query: what the text named, and the address range it stands for.
public struct PathEndpoint: Sendable, Hashable {
    /// The text as given.
    public let query: String
    /// The address or range followed (a bare address is a /32).
    public let cidr: CIDR
    /// `AWS subnet app-private-use1a 10.10.1.0/24 in app-vpc`, or the address when nothing owns it.
    public let label: String
    /// The owning resource, when known.
    public let resource: String?
    public let side: Side?
}

/// A path from one address or network to another: hop by hop across VPC → TGW → VPN tunnels →
/// Cloud Router → Shared VPC → service projects (or the other way), where it ends, and the path
/// back. `notes` say when an address is claimed twice (overlaps) or the path ends somewhere else
/// than the destination's owner.
public struct PathQuery: Sendable, Hashable {
    public let from: PathEndpoint
    public let to: PathEndpoint
    public let forward: PathTrace
    /// From where the forward path ended (or the destination's owner) back to the source.
    public let reverse: PathTrace?
    public let failed: [FailableElement]
    public let notes: [String]
    /// Set when the forward path is delivered, but to another owner of the destination's
    /// addresses than the destination (overlapping ranges: from the source, the address is the
    /// other copy).
    public let reachedInstead: Misdelivery?

    /// The forward path is delivered to an owner of the destination's addresses other than the
    /// destination: what it reaches, and what it should have reached.
    public struct Misdelivery: Sendable, Hashable {
        /// `AWS VPC shared-services (vpc-…)`: where the path ends.
        public let reached: String
        public let reachedResource: String
        /// `Memorystore orders-cache 10.30.0.0/29 (svc-prj-a)`: the destination.
        public let intended: String
        public let intendedResource: String
    }

    /// The forward path ends at the destination itself (not only at some owner of its addresses).
    public var reachesDestination: Bool { forward.end.reached && reachedInstead == nil }

    /// Both ways work: the forward path reaches the destination itself, and the way back reaches the source.
    public var reachable: Bool { reachesDestination && (reverse?.end.reached ?? false) }

    /// The exports do not say: a way ends where tunnelscope cannot follow or see (and no way is known to fail).
    public var isUnknown: Bool {
        guard !reachable, reachedInstead == nil else { return false }
        if forward.end.isUnknown { return true }
        return forward.end.reached && (reverse?.end.isUnknown ?? true)
    }
}

public struct PathError: Error, Sendable, Hashable, CustomStringConvertible {
    public let query: String
    public let reason: String
    public var description: String { "\"\(query)\": \(reason)" }
}

extension Analysis {
    /// The path from `source` to `destination` (each an IPv4 address, a CIDR, or a resource ID or
    /// name: VPC, AWS subnet, GCP subnet, on-prem site, Memorystore instance), with `failing`
    /// elements failed as in the what-if.
    public func path(from source: String, to destination: String, failing: Set<String> = []) throws(PathError)
        -> PathQuery
    {
        let resolver = EndpointResolver(context: context, directory: directory)
        let from = try resolver.endpoint(source)
        let to = try resolver.endpoint(destination)
        let failed = failing.sorted().compactMap { catalog.resolve($0).element }
        let live = simulator.liveness(failing: failed).0
        let forwarder = context.forwarder(live)
        var notes: [String] = []
        guard let start = resolver.place(of: from, notes: &notes) else {
            throw PathError(
                query: source,
                reason: "\(from.cidr) is in no network the exports know (no VPC, subnet, site or GCP range contains it)"
            )
        }
        let forward = forwarder.walk(from: start, to: to.cidr)
        let arrival = resolver.destinationNotes(to, reached: forward.end)
        notes += arrival.notes
        var reverse: PathTrace?
        var back: Forwarder.Place?
        if case .reached(let resource, _, _) = forward.end {
            back = resolver.place(ofResource: resource, cidr: to.cidr)
        }
        if back == nil {
            var ignored: [String] = []
            back = resolver.place(of: to, notes: &ignored)
        }
        if let back { reverse = forwarder.walk(from: back, to: from.cidr) }
        return PathQuery(
            from: from, to: to, forward: forward, reverse: reverse, failed: failed, notes: notes,
            reachedInstead: arrival.misdelivery)
    }
}

/// Turns text into endpoints and endpoints into starting places.
struct EndpointResolver {
    let context: AnalysisContext
    let directory: ElementDirectory

    var index: ModelIndex { context.index }
    var model: NetworkModel { context.model }

    func endpoint(_ raw: String) throws(PathError) -> PathEndpoint {
        let text = raw.trimmedSpaces
        if let ip = IPv4Address(text) { return endpoint(text, CIDR(address: ip, prefixLength: 32), resource: nil) }
        if let cidr = CIDR(text) { return endpoint(text, cidr.normalized, resource: nil) }
        // Any element with addresses, by ID, name, alias or unique prefix (the element directory).
        switch directory.resolve(text) {
        case .found(let entry):
            guard let cidr = entry.ranges.first, entry.kind != .tunnel else {
                throw PathError(
                    query: text,
                    reason:
                        "is \(entry.label), which has no address range of its own; name a VPC, subnet, site, GCP subnet or network, Memorystore instance, an address or a CIDR"
                )
            }
            return endpoint(
                text, cidr, resource: entry.kind == .vpnConnection || entry.kind == .tgwAttachment ? nil : entry.id)
        case .ambiguous(_, let candidates):
            let withRanges = candidates.filter { !$0.ranges.isEmpty }
            if withRanges.count == 1, let entry = withRanges.first, let cidr = entry.ranges.first {
                return endpoint(text, cidr, resource: entry.id)
            }
            throw PathError(
                query: text,
                reason:
                    "names \(candidates.count) places: \(candidates.prefix(6).map(\.id).joined(separator: ", ")); use an ID or an address"
            )
        case .unknown(_, let suggestions):
            throw PathError(
                query: text,
                reason: "is not an address, a CIDR, or the ID or name of an element of this network"
                    + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: ", "))?)"))
        }
    }

    private func endpoint(_ text: String, _ cidr: CIDR, resource: String?) -> PathEndpoint {
        let owners = context.space.owners(containing: cidr)
        let owner = resource.flatMap { r in owners.first { $0.resource == r } } ?? owners.first
        return PathEndpoint(
            query: text, cidr: cidr, label: owner?.label ?? cidr.description, resource: resource ?? owner?.resource,
            side: owner?.kind.side)
    }

    /// Where traffic from this endpoint starts.
    func place(of endpoint: PathEndpoint, notes: inout [String]) -> Forwarder.Place? {
        let owners = context.space.owners(containing: endpoint.cidr)
        let groups = Set(owners.map(\.group))
        if groups.count > 1 {
            notes.append(
                "\(endpoint.cidr) is claimed by \(groups.count) owners (\(owners.map(\.label).listed(limit: 3))); the path starts from \(owners[0].label)"
            )
        }
        if let resource = endpoint.resource, let place = place(ofResource: resource, cidr: endpoint.cidr) {
            return place
        }
        return owners.first.flatMap { place(of: $0) }
    }

    func place(of owner: AddressOwner) -> Forwarder.Place? {
        switch owner.kind {
        case .awsSubnet:
            guard let vpc = owner.vpcId else { return nil }
            return .vpc(vpc, table: index.routeTable(forSubnet: owner.resource, in: vpc)?.id)
        case .awsVpc:
            return owner.vpcId.map { .vpc($0, table: nil) }
        case .gcpSubnet, .gcpSecondaryRange:
            guard let network = owner.gcpNetwork else { return nil }
            return .gcp(network, region: GCPRef(url: owner.resource)?.region, producer: nil)
        case .redis, .peeredRange:
            guard let network = owner.gcpNetwork else { return nil }
            let redis = model.redisInstances.first { $0.id == owner.resource }
            return .gcp(network, region: redis?.region, producer: peering(for: owner.cidr, in: network))
        case .onPremSite:
            return owner.siteIndex.map { .site($0) }
        }
    }

    /// The place of a resource a path reached (or was named), for the way back.
    func place(ofResource resource: String, cidr: CIDR) -> Forwarder.Place? {
        let owners = context.space.owners(containing: cidr)
        if let owner = owners.first(where: { $0.resource == resource }) { return place(of: owner) }
        if let vpc = model.vpc(resource) {
            let subnet = owners.first { $0.kind == .awsSubnet && $0.vpcId == vpc.id }
            return .vpc(vpc.id, table: subnet.flatMap { index.routeTable(forSubnet: $0.resource, in: vpc.id)?.id })
        }
        if let s = model.subnetIndex[resource] {
            let subnet = model.subnets[s]
            return .vpc(subnet.vpcId, table: index.routeTable(forSubnet: subnet.id, in: subnet.vpcId)?.id)
        }
        if let s = model.siteIndex[resource] { return .site(s) }
        if let ref = GCPRef(url: resource), let subnet = model.gcpSubnets.first(where: { $0.ref == ref }),
            let network = subnet.network
        {
            return .gcp(network, region: ref.region, producer: nil)
        }
        if let redis = model.redisInstances.first(where: { $0.id == resource }), let network = redis.authorizedNetwork,
            let range = redis.reservedIpRange
        {
            return .gcp(network, region: redis.region, producer: peering(for: range.normalized, in: network))
        }
        return nil
    }

    private func peering(for range: CIDR, in network: GCPRef) -> String? {
        (index.gcpRoutesByNetwork[network] ?? []).lazy.map { self.model.gcpRoutes[$0] }.compactMap { route -> String? in
            guard route.destination?.normalized == range, case .peering(let name) = route.nextHop else { return nil }
            return name
        }.first
    }

    /// Overlaps at the destination, and a path that ends elsewhere than the destination's owner
    /// (then `misdelivery` says where it ends instead).
    func destinationNotes(_ to: PathEndpoint, reached end: PathEnd) -> (
        notes: [String], misdelivery: PathQuery.Misdelivery?
    ) {
        let owners = context.space.owners(containing: to.cidr)
        var notes: [String] = []
        var misdelivery: PathQuery.Misdelivery?
        let groups = Set(owners.map(\.group))
        if groups.count > 1 {
            notes.append(
                "\(to.cidr) is claimed by \(groups.count) owners: \(owners.map(\.label).listed(limit: 4)) (see cidr-overlap)"
            )
        }
        // The destination is the owner named in the query when there is one, else the first (most specific) owner.
        if case .reached(let resource, let label, _) = end,
            let intended = to.resource.flatMap({ r in owners.first { $0.resource == r } }) ?? owners.first
        {
            let reachedGroup =
                owners.first { $0.resource == resource }?.group
                ?? model.subnetIndex[resource].map { model.subnets[$0].vpcId }
                ?? (model.vpc(resource) != nil ? resource : nil)
            if let reachedGroup, reachedGroup != intended.group {
                notes.append("the path reaches \(label), not \(intended.label): from here \(to.cidr) is the other copy")
                misdelivery = PathQuery.Misdelivery(
                    reached: label, reachedResource: resource,
                    intended: intended.label, intendedResource: intended.resource)
            }
        }
        if owners.isEmpty { notes.append("\(to.cidr) is in no network the exports know") }
        return (notes, misdelivery)
    }
}
