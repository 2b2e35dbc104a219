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
    let cidr: CIDR
    /// The resource ID findings name.
    let resource: String
    /// Ranges of one group may nest (a subnet in its VPC); ranges of different groups must not overlap.
    let group: String
    /// `AWS VPC shared-services (vpc-0c33…) 10.30.0.0/16`: made when a message needs it (most
    /// owners never appear in one; formatting them all was a sixth of the analysis).
    var label: String { describe() }
    let describe: @Sendable () -> String
    /// Part of the connected hybrid network (attached to the TGW, behind the VPN, on-prem).
    let hybrid: Bool
    /// For GCP ranges: the network they are reached in.
    let gcpNetwork: GCPRef?
    /// For AWS ranges: the VPC.
    let vpcId: String?
    let siteIndex: Int?
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
        var hybridVPCs: [String: Bool] = [:]
        for vpc in model.vpcs {
            let hybrid = index.isHybridVPC(vpc.id)
            hybridVPCs[vpc.id] = hybrid
            for cidr in vpc.cidrs {
                owners.append(
                    AddressOwner(
                        kind: .awsVpc, cidr: cidr.normalized, resource: vpc.id, group: vpc.id,
                        describe: { "AWS VPC \(index.vpcName(vpc.id)) \(cidr.normalized)" }, hybrid: hybrid,
                        gcpNetwork: nil, vpcId: vpc.id, siteIndex: nil))
            }
        }
        for subnet in model.subnets {
            guard let cidr = subnet.cidr else { continue }
            owners.append(
                AddressOwner(
                    kind: .awsSubnet, cidr: cidr.normalized, resource: subnet.id, group: subnet.vpcId,
                    describe: {
                        "AWS subnet \(index.named(subnet.name, subnet.id)) \(cidr.normalized) in \(index.vpcShortName(subnet.vpcId))"
                    },
                    hybrid: hybridVPCs[subnet.vpcId] ?? index.isHybridVPC(subnet.vpcId), gcpNetwork: nil,
                    vpcId: subnet.vpcId, siteIndex: nil))
        }
        for subnet in model.gcpSubnets {
            let network = subnet.network
            let hybrid = network.map(index.isVPNAttached) ?? false
            let group = network?.id ?? subnet.ref.id
            let location = network.map { " in \(index.gcpName($0))" } ?? ""
            if let cidr = subnet.cidr {
                owners.append(
                    AddressOwner(
                        kind: .gcpSubnet, cidr: cidr.normalized, resource: subnet.ref.id, group: group,
                        describe: { "GCP subnet \(subnet.name) \(cidr.normalized)\(location)" }, hybrid: hybrid,
                        gcpNetwork: network, vpcId: nil, siteIndex: nil))
            }
            for range in subnet.secondaryRanges {
                owners.append(
                    AddressOwner(
                        kind: .gcpSecondaryRange, cidr: range.cidr.normalized, resource: subnet.ref.id,
                        group: group,
                        describe: {
                            "GCP secondary range \(subnet.name)/\(range.name) \(range.cidr.normalized)\(location)"
                        },
                        hybrid: hybrid, gcpNetwork: network, vpcId: nil, siteIndex: nil))
            }
        }
        for (i, site) in model.onPremSites.enumerated() {
            // A site known only by the prefixes the TGW learns from it: redundant connections to
            // one remote network learn the same prefixes, so identical learned prefixes are one owner.
            let learned = site.cidrs.isEmpty
            for cidr in site.addressRanges {
                owners.append(
                    AddressOwner(
                        kind: .onPremSite, cidr: cidr.normalized, resource: site.id,
                        group: learned ? "learned:\(cidr.normalized)" : site.id,
                        describe: { "on-prem \(site.name) \(cidr.normalized)" }, hybrid: true,
                        gcpNetwork: nil, vpcId: nil, siteIndex: i))
            }
        }
        // Producer ranges: Memorystore instances, and whatever else the consumer network imports over peering.
        var producer = Set<String>()
        for redis in model.redisInstances {
            guard let cidr = redis.reservedIpRange?.normalized else { continue }
            let network = redis.authorizedNetwork
            let group = "peered:" + (network?.id ?? redis.id)
            producer.insert("\(group) \(cidr)")
            owners.append(
                AddressOwner(
                    kind: .redis, cidr: cidr, resource: redis.id, group: group,
                    describe: { "Memorystore \(redis.displayName ?? redis.name) \(cidr) (\(redis.project))" },
                    hybrid: network.map(index.isVPNAttached) ?? false, gcpNetwork: network, vpcId: nil, siteIndex: nil))
        }
        for route in model.gcpRoutes {
            guard case .peering(let peering) = route.nextHop, let cidr = route.destination?.normalized,
                let network = route.network
            else { continue }
            let group = "peered:" + network.id
            guard producer.insert("\(group) \(cidr)").inserted else { continue }
            owners.append(
                AddressOwner(
                    kind: .peeredRange, cidr: cidr, resource: network.id, group: group,
                    describe: { "range \(cidr) imported into \(index.gcpName(network)) over peering \(peering)" },
                    hybrid: index.isVPNAttached(network), gcpNetwork: network, vpcId: nil, siteIndex: nil))
        }
        self.owners = owners
        table = PrefixTable(owners.enumerated().map { ($1.cidr, $0) })
        sorted = owners.indices.sorted {
            (owners[$0].cidr.network.value, owners[$0].cidr.prefixLength, $0)
                < (owners[$1].cidr.network.value, owners[$1].cidr.prefixLength, $1)
        }
    }

    /// Owners whose range contains all of `cidr`, most specific first.
    func owners(containing cidr: CIDR) -> [AddressOwner] {
        table.matches(containing: cidr).flatMap { $0.1.map { owners[$0] } }
    }

    /// Owners whose range lies inside `cidr` (strictly smaller or equal), in address order.
    func owners(inside cidr: CIDR) -> [AddressOwner] {
        let start = cidr.network.value
        let end = cidr.lastAddress.value
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if owners[sorted[mid]].cidr.network.value < start { low = mid + 1 } else { high = mid }
        }
        var result: [AddressOwner] = []
        var i = low
        while i < sorted.count, owners[sorted[i]].cidr.network.value <= end {
            let owner = owners[sorted[i]]
            if cidr.contains(owner.cidr) { result.append(owner) }
            i += 1
        }
        return result
    }

    /// Every owner overlapping `cidr`: the ones containing it and the ones inside it.
    func owners(overlapping cidr: CIDR) -> [AddressOwner] {
        owners(containing: cidr) + owners(inside: cidr).filter { $0.cidr.prefixLength > cidr.prefixLength }
    }

    /// The most specific owner of an address (or of a whole prefix).
    func mostSpecificOwner(of cidr: CIDR) -> AddressOwner? { owners(containing: cidr).first }
}
