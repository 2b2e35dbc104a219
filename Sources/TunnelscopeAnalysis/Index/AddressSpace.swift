import TunnelscopeModel

/// One address range someone owns: a VPC CIDR, an AWS subnet, a GCP subnet (primary or
/// secondary), an on-prem site range, a Memorystore reserved range, a range imported over VPC peering.
struct AddressOwner: Sendable {
    enum Kind: String, Sendable {
        case awsVpc = "AWS VPC"
        case awsSubnet = "AWS subnet"
        case gcpSubnet = "GCP subnet"
        case gcpSecondaryRange = "GCP secondary range"
        case onPremSite = "on-prem site"
        case redis = "Memorystore"
        case peeredRange = "peered range"

        var side: Side {
            switch self {
            case .awsVpc, .awsSubnet: .aws
            case .gcpSubnet, .gcpSecondaryRange, .redis, .peeredRange: .gcp
            case .onPremSite: .onPrem
            }
        }
    }

    let kind: Kind
    /// Part of the connected hybrid network (attached to the TGW, behind the VPN, on-prem).
    let hybrid: Bool
    let cidr: CIDR
    /// The resource ID findings name.
    let resource: String
    /// Ranges of one group may nest (a subnet in its VPC); ranges of different groups must not overlap.
    let group: String
    /// The model element the range comes from; the label, the network, the VPC and the site are read from it.
    let source: Source
    let index: ModelIndex

    /// Where in the model an owner comes from: positions in its arrays.
    enum Source: Sendable {
        case vpc(Int32)
        case subnet(Int32)
        case gcpSubnet(Int32)
        case gcpSecondaryRange(subnet: Int32, range: Int32)
        case site(Int32)
        case redis(Int32)
        /// A GCP route with a peering next hop.
        case peeredRoute(Int32)
    }

    /// `AWS VPC shared-services (vpc-0c33…) 10.30.0.0/16`: made when a message needs it (most
    /// owners never appear in one; formatting them all was a sixth of the analysis).
    var label: String {
        let model = index.model
        let location = gcpNetwork.map { " in \(index.gcpName($0))" } ?? ""
        switch source {
        case .vpc(let i): return "AWS VPC \(index.vpcName(model.vpcs[Int(i)].id)) \(cidr.normalized)"
        case .subnet(let i):
            let subnet = model.subnets[Int(i)]
            return
                "AWS subnet \(index.named(subnet.name, subnet.id)) \(cidr.normalized) in \(index.vpcShortName(subnet.vpcId))"
        case .gcpSubnet(let i): return "GCP subnet \(model.gcpSubnets[Int(i)].name) \(cidr.normalized)\(location)"
        case .gcpSecondaryRange(let s, let r):
            let subnet = model.gcpSubnets[Int(s)]
            let range = subnet.secondaryRanges[Int(r)]
            return "GCP secondary range \(subnet.name)/\(range.name) \(range.cidr.normalized)\(location)"
        case .site(let i): return "on-prem \(model.onPremSites[Int(i)].name) \(cidr.normalized)"
        case .redis(let i):
            let redis = model.redisInstances[Int(i)]
            return "Memorystore \(redis.displayName ?? redis.name) \(cidr) (\(redis.project))"
        case .peeredRoute(let i):
            guard case .peering(let peering) = model.gcpRoutes[Int(i)].nextHop, let network = gcpNetwork else {
                return "range \(cidr)"
            }
            return "range \(cidr) imported into \(index.gcpName(network)) over peering \(peering)"
        }
    }

    /// For GCP ranges: the network they are reached in.
    var gcpNetwork: GCPRef? {
        switch source {
        case .gcpSubnet(let i), .gcpSecondaryRange(let i, _): index.model.gcpSubnets[Int(i)].network
        case .redis(let i): index.model.redisInstances[Int(i)].authorizedNetwork
        case .peeredRoute(let i): index.model.gcpRoutes[Int(i)].network
        case .vpc, .subnet, .site: nil
        }
    }

    /// For AWS ranges: the VPC.
    var vpcId: String? {
        switch source {
        case .vpc(let i): index.model.vpcs[Int(i)].id
        case .subnet(let i): index.model.subnets[Int(i)].vpcId
        default: nil
        }
    }

    var siteIndex: Int? { if case .site(let i) = source { Int(i) } else { nil } }
}

/// The three places an address can be: AWS, GCP, on-prem.
public enum Side: String, Sendable, Hashable, Comparable, CaseIterable {
    case aws = "AWS"
    case gcp = "GCP"
    case onPrem = "on-prem"

    private var rank: Int { self == .aws ? 0 : self == .gcp ? 1 : 2 }
    public static func < (a: Side, b: Side) -> Bool { a.rank < b.rank }
}

/// Every owned range, indexed for "who owns this address" (longest match) and "what lies inside
/// this prefix" (sorted by start address, binary search).
struct AddressSpace: Sendable {
    let owners: [AddressOwner]
    private let table: PrefixTable<Int>
    /// Owner indices sorted by (network, prefix length).
    private let sorted: [Int]

    init(index: ModelIndex) {
        let model = index.model
        var owners: [AddressOwner] = []
        owners.reserveCapacity(
            model.vpcs.reduce(0) { $0 + $1.cidrs.count } + model.subnets.count + model.gcpSubnets.count
                + model.onPremSites.count + model.redisInstances.count)
        // By position: the VPCs and subnets are read in place, not copied.
        let vpcs = model.vpcs
        for v in vpcs.indices {
            let id = vpcs[v].id
            let hybrid = index.hybridVPCs[v]
            for cidr in vpcs[v].cidrs {
                owners.append(
                    AddressOwner(
                        kind: .awsVpc, hybrid: hybrid, cidr: cidr.normalized, resource: id, group: id,
                        source: .vpc(Int32(v)), index: index))
            }
        }
        // The subnets are in VPC order: their VPC is looked up once per run.
        let subnets = model.subnets
        subnets.forEachVPCRun { run in
            let vpc = subnets[run.lowerBound].vpcId
            let hybrid = model.vpcIndex[vpc].map { index.hybridVPCs[$0] } ?? index.isHybridVPC(vpc)
            for s in run {
                guard let cidr = subnets[s].cidr else { continue }
                owners.append(
                    AddressOwner(
                        kind: .awsSubnet, hybrid: hybrid, cidr: cidr.normalized, resource: subnets[s].id, group: vpc,
                        source: .subnet(Int32(s)), index: index))
            }
        }
        for (s, subnet) in model.gcpSubnets.enumerated() {
            let network = subnet.network
            let hybrid = network.map(index.isVPNAttached) ?? false
            let group = network?.id ?? subnet.ref.id
            let resource = subnet.ref.id
            if let cidr = subnet.cidr {
                owners.append(
                    AddressOwner(
                        kind: .gcpSubnet, hybrid: hybrid, cidr: cidr.normalized, resource: resource, group: group,
                        source: .gcpSubnet(Int32(s)), index: index))
            }
            for (r, range) in subnet.secondaryRanges.enumerated() {
                owners.append(
                    AddressOwner(
                        kind: .gcpSecondaryRange, hybrid: hybrid, cidr: range.cidr.normalized, resource: resource,
                        group: group, source: .gcpSecondaryRange(subnet: Int32(s), range: Int32(r)), index: index))
            }
        }
        for (i, site) in model.onPremSites.enumerated() {
            // A site known only by the prefixes the TGW learns from it: redundant connections to
            // one remote network learn the same prefixes, so identical learned prefixes are one owner.
            let learned = site.cidrs.isEmpty
            for cidr in site.addressRanges {
                owners.append(
                    AddressOwner(
                        kind: .onPremSite, hybrid: true, cidr: cidr.normalized, resource: site.id,
                        group: learned ? "learned:\(cidr.normalized)" : site.id, source: .site(Int32(i)),
                        index: index))
            }
        }
        // Producer ranges: Memorystore instances, and whatever else the consumer network imports over peering.
        var producer = Set<String>()
        for (r, redis) in model.redisInstances.enumerated() {
            guard let cidr = redis.reservedIpRange?.normalized else { continue }
            let network = redis.authorizedNetwork
            let group = "peered:" + (network?.id ?? redis.id)
            producer.insert("\(group) \(cidr)")
            owners.append(
                AddressOwner(
                    kind: .redis, hybrid: network.map(index.isVPNAttached) ?? false, cidr: cidr, resource: redis.id,
                    group: group, source: .redis(Int32(r)), index: index))
        }
        for (r, route) in model.gcpRoutes.enumerated() {
            guard case .peering = route.nextHop, let cidr = route.destination?.normalized,
                let network = route.network
            else { continue }
            let group = "peered:" + network.id
            guard producer.insert("\(group) \(cidr)").inserted else { continue }
            owners.append(
                AddressOwner(
                    kind: .peeredRange, hybrid: index.isVPNAttached(network), cidr: cidr, resource: network.id,
                    group: group, source: .peeredRoute(Int32(r)), index: index))
        }
        self.owners = owners
        table = PrefixTable(owners.indices.map { (owners[$0].cidr, $0) })
        // (network, prefix length) as one number, read once: the sort compares integers, not owners.
        let keys = owners.indices.map {
            UInt64(owners[$0].cidr.network.value) << 8 | UInt64(owners[$0].cidr.prefixLength)
        }
        sorted = owners.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
    }

    /// Owners whose range contains all of `cidr`, most specific first.
    func owners(containing cidr: CIDR) -> [AddressOwner] {
        table.matches(containing: cidr).flatMap { $0.1.map { owners[$0] } }
    }

    /// The first owner (most specific first, as `owners(containing:)` lists them) for which
    /// `wanted` holds; no owner is copied but the one returned.
    func firstOwner(containing cidr: CIDR, where wanted: (AddressOwner) -> Bool) -> AddressOwner? {
        table.first(containing: cidr) { _, positions in positions.first { wanted(owners[$0]) }.map { owners[$0] } }
    }

    /// The first owner inside `cidr` (in address order, as `owners(inside:)` lists them) for which
    /// `wanted` holds; no owner is copied but the one returned.
    func firstOwner(inside cidr: CIDR, where wanted: (AddressOwner) -> Bool) -> AddressOwner? {
        firstPosition(inside: cidr) { wanted(owners[$0]) }.map { owners[$0] }
    }

    /// Owners whose range lies inside `cidr` (strictly smaller or equal), in address order.
    func owners(inside cidr: CIDR) -> [AddressOwner] {
        var result: [AddressOwner] = []
        _ = firstPosition(inside: cidr) { o in
            result.append(owners[o])
            return false
        }
        return result
    }

    /// Visits the owners inside `cidr` in address order until `stop` returns true for one (its position).
    private func firstPosition(inside cidr: CIDR, _ stop: (Int) -> Bool) -> Int? {
        let start = cidr.network.value
        let end = cidr.lastAddress.value
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if owners[sorted[mid]].cidr.network.value < start { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < sorted.count, owners[sorted[i]].cidr.network.value <= end {
            let o = sorted[i]
            if cidr.contains(owners[o].cidr), stop(o) { return o }
            i += 1
        }
        return nil
    }

    /// Every owner overlapping `cidr`: the ones containing it and the ones inside it.
    func owners(overlapping cidr: CIDR) -> [AddressOwner] {
        owners(containing: cidr) + owners(inside: cidr).filter { $0.cidr.prefixLength > cidr.prefixLength }
    }

}
