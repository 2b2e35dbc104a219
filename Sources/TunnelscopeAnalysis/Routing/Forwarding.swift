import TunnelscopeModel

/// Follows a destination prefix hop by hop through the model: VPC route table → TGW route table →
/// VPN tunnels → Cloud Router → GCP network → subnet (or peering), and back the other way.
/// A route is used only if it contains the whole destination; routes over dead tunnels are
/// withdrawn (the next less specific route applies), as BGP would do.
struct Forwarder {
    enum Place: Hashable {
        /// In a VPC, routed by one route table (nil: the main table).
        case vpc(String, table: String?)
        /// Entering a TGW through an attachment (which decides the route table).
        case tgw(String, attachment: String)
        /// Routed by one TGW route table (what entering through any attachment associated with it leads to).
        case tgwTable(String, table: String)
        /// In a GCP network, in a region (BGP routes are regional in REGIONAL routing mode).
        /// `producer`: coming out of a peered producer network (custom routes only if exported to it).
        case gcp(GCPRef, region: String?, producer: String?)
        case site(Int)
    }

    enum Step {
        case next(Place)
        case end(PathEnd)
    }

    let index: ModelIndex
    let tables: RouteTables
    let space: AddressSpace
    let live: Liveness
    /// Per tunnel index: what Cloud Router advertises on it. A TGW route whose every attachment is
    /// down fails over to another propagated VPN attachment whose live tunnels are advertised the
    /// prefix (VPN ECMP off shows only the active attachment's route).
    var gcpAdvertised: [Int: [CIDR]] = [:]
    /// False: only the end of a walk matters (rules checking many paths); hop texts are not built.
    var recordsHops = true

    func record(_ hops: inout [PathHop], _ make: () -> PathHop) {
        if recordsHops { hops.append(make()) }
    }

    var model: NetworkModel { index.model }

    func walk(from start: Place, to dst: CIDR, cache: WalkCache? = nil) -> PathTrace {
        var hops: [PathHop] = []
        var place = start
        var visited = Set<Place>()
        for _ in 0..<24 {
            if case .tgwTable = place, let cache {
                let rest = cache.trace(place, dst) { walk(from: place, to: dst, cache: nil) }
                return PathTrace(hops: hops + rest.hops, end: rest.end)
            }
            guard visited.insert(place).inserted else {
                return PathTrace(
                    hops: hops,
                    end: .stopped(resource: nil, reason: "routing loop: the path comes back to where it has been"))
            }
            switch step(place, dst, &hops) {
            case .next(let p): place = p
            case .end(let e): return PathTrace(hops: hops, end: e)
            }
        }
        return PathTrace(hops: hops, end: .stopped(resource: nil, reason: "path too long"))
    }

    func step(_ place: Place, _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        switch place {
        case .vpc(let vpc, let table): return vpcStep(vpc, table: table, dst, &hops)
        case .tgw(let tgw, let attachment): return tgwStep(tgw, attachment: attachment, dst, &hops)
        case .tgwTable(let tgw, let table): return tgwTableStep(tgw, table: table, dst, &hops)
        case .gcp(let network, let region, let producer):
            return gcpStep(network, region: region, producer: producer, dst, &hops)
        case .site(let s): return siteStep(s, dst, &hops)
        }
    }
}

extension GCPCandidate {
    var isBGP: Bool { if case .bgp = hop { true } else { false } }
}

/// Remembers walks from a TGW on, so checking many sources against the same destinations stays linear.
final class WalkCache {
    private struct Key: Hashable {
        let place: Forwarder.Place
        let dst: CIDR
    }
    private var traces: [Key: PathTrace] = [:]

    func trace(_ place: Forwarder.Place, _ dst: CIDR, _ compute: () -> PathTrace) -> PathTrace {
        let key = Key(place: place, dst: dst)
        if let t = traces[key] { return t }
        let t = compute()
        traces[key] = t
        return t
    }
}
