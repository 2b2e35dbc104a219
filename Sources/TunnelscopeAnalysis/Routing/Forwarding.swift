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

    /// False: the ends of walks carry no texts (their reasons and labels are empty, a stop names no
    /// resource) and no notes are gathered for them, for rules that only need where many walks
    /// end; they walk again with texts for the few paths a message explains. Where a walk goes
    /// does not depend on it.
    var explains = true

    func record(_ hops: inout [PathHop], _ make: () -> PathHop) {
        if recordsHops { hops.append(make()) }
    }

    /// A note for a reason (a route skipped or withdrawn), gathered only when the walk explains.
    func note(_ notes: inout [String], _ text: @autoclosure () -> String) {
        if explains { notes.append(text()) }
    }

    /// Where a walk stops, and why. Without `explains`, neither (only that it stops).
    func stopped(resource: @autoclosure () -> String?, reason: @autoclosure () -> String) -> PathEnd {
        explains ? .stopped(resource: resource(), reason: reason()) : .stopped(resource: nil, reason: "")
    }

    /// Where the exports stop saying, and what is missing. Without `explains`, neither.
    func unknown(resource: @autoclosure () -> String?, reason: @autoclosure () -> String) -> PathEnd {
        explains ? .unknown(resource: resource(), reason: reason()) : .unknown(resource: nil, reason: "")
    }

    /// Where a walk arrives (the resource always: it says whose range it is), and its label.
    func reached(resource: String, label: @autoclosure () -> String, side: Side) -> PathEnd {
        .reached(resource: resource, label: explains ? label() : "", side: side)
    }

    var model: NetworkModel { index.model }

    func walk(from start: Place, to dst: CIDR, cache: WalkCache? = nil) -> PathTrace {
        var hops: [PathHop] = []
        var place = start
        // At most 24 places: a list compares fewer strings than hashing each place would.
        var visited: [Place] = []
        for _ in 0..<24 {
            if case .tgwTable = place, let cache {
                let rest = cache.trace(place, dst) { walk(from: place, to: dst, cache: nil) }
                return PathTrace(hops: hops + rest.hops, end: rest.end)
            }
            guard !visited.contains(place) else {
                return PathTrace(
                    hops: hops,
                    end: stopped(resource: nil, reason: "routing loop: the path comes back to where it has been"))
            }
            visited.append(place)
            switch step(place, dst, &hops) {
            case .next(let p): place = p
            case .end(let e): return PathTrace(hops: hops, end: e)
            }
        }
        return PathTrace(hops: hops, end: stopped(resource: nil, reason: "path too long"))
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
