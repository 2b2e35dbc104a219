import TunnelscopeModel

/// cidr-overlap: two address ranges of different owners overlap: AWS VPC CIDRs, GCP subnets
/// (primary and secondary), on-prem site ranges, Memorystore and other ranges imported over VPC
/// peering. Ranges of one owner may nest (a subnet in its VPC: AWS subnets are not compared, an
/// AWS subnet that overlaps something implies its VPC does, and the finding names it).
///
/// Severity: error when both ranges are in the connected hybrid network (TGW-attached VPC,
/// VPN-connected GCP network and what it peers with, on-prem); warning when one is; info when
/// neither is (two isolated networks that will collide the day they are connected).
///
/// Scale: CIDR blocks never partially overlap — two blocks are disjoint or one contains the
/// other. Sorted by (start, prefix length), a sweep with a stack of open enclosing blocks finds
/// every overlap; distinct nested blocks are at most 33 deep, so the sweep is O(n log n).
/// Identical ranges of many owners make one finding, not one per pair.
enum CIDROverlapRule: AnalysisRule {
    static let id = "cidr-overlap"
    static let summary =
        "Address ranges of different owners overlap across AWS VPCs, GCP subnets, on-prem sites and peered producer ranges (Memorystore, peering)."

    struct Node {
        let cidr: CIDR
        var owners: [AddressOwner]
    }

    static func findings(_ c: AnalysisContext) -> [Finding] {
        // Sorted by (start, prefix length, group) as positions: the owners are compared by one
        // number read once, and by group only where that is equal (not copied to be compared).
        let all = c.space.owners
        let key = all.map { UInt64($0.cidr.network.value) << 8 | UInt64($0.cidr.prefixLength) }
        let order = all.withUnsafeBufferPointer { o in
            o.indices.filter { o[$0].kind != .awsSubnet }
                .sorted { a, b in key[a] != key[b] ? key[a] < key[b] : o[a].group < o[b].group }
        }
        var nodes: [Node] = []
        for i in order {
            if nodes.last?.cidr == all[i].cidr {
                nodes[nodes.count - 1].owners.append(all[i])
            } else {
                nodes.append(Node(cidr: all[i].cidr, owners: [all[i]]))
            }
        }
        var result: [Finding] = []
        var stack: [Node] = []
        for node in nodes {
            while let top = stack.last, !top.cidr.contains(node.cidr) { stack.removeLast() }
            // A node's owners are sorted by group: several groups when the first and last differ.
            let owners = node.owners
            // Same range, several owners.
            if owners[0].group != owners[owners.count - 1].group {
                let distinct = byLabel(firstOfEachGroup(node.owners))
                result.append(finding(inner: distinct, outer: [], c))
            }
            // Enclosing ranges of other owners.
            var outer: [AddressOwner] = []
            var seen = Set<String>()
            for open in stack.reversed() {
                for owner in open.owners
                where !owners.contains(where: { $0.group == owner.group }) && seen.insert(owner.group).inserted
                    && outer.count < 50
                {
                    outer.append(owner)
                }
            }
            if !outer.isEmpty {
                let inner = byLabel(firstOfEachGroup(node.owners))
                result.append(finding(inner: inner, outer: outer, c))
            }
            stack.append(node)
        }
        return result
    }

    /// The first owner of each group, in the order given (not a dictionary's, which differs from
    /// one process to the next).
    static func firstOfEachGroup(_ owners: [AddressOwner]) -> [AddressOwner] {
        var seen = Set<String>()
        return owners.filter { seen.insert($0.group).inserted }
    }

    /// Sorted by label, then by group where two labels are equal (so the order never depends on
    /// the order given); each label made once (not twice per comparison).
    static func byLabel(_ owners: [AddressOwner]) -> [AddressOwner] {
        owners.map { ($0, $0.label) }.sorted { ($0.1, $0.0.group) < ($1.1, $1.0.group) }.map(\.0)
    }

    /// `inner` ranges lie inside (or, with no `outer`, are equal to each other) the `outer` ones.
    static func finding(inner: [AddressOwner], outer: [AddressOwner], _ c: AnalysisContext) -> Finding {
        let all = inner + outer
        let hybrid = all.filter(\.hybrid).count
        let pairsHybrid =
            outer.isEmpty ? hybrid >= 2 : inner.contains(where: \.hybrid) && outer.contains(where: \.hybrid)
        let severity: Severity = pairsHybrid ? .error : hybrid > 0 ? .warning : .info
        let message: String
        if outer.isEmpty {
            message =
                "\(inner[0].cidr) is used by \(plural(inner.count, "owner")): " + inner.map(\.label).listed(limit: 4)
        } else {
            message = inner.map(\.label).listed(limit: 3) + " overlaps " + outer.map(\.label).listed(limit: 3)
        }
        var notes: [String] = []
        // Which AWS subnets sit in the overlap (none: the clash is latent in AWS but routing still sends the traffic there).
        let vpcs = all.filter { $0.kind == .awsVpc }
        if vpcs.count == 1, let vpcOwner = vpcs.first {
            let overlap = inner[0].cidr
            let subnets = c.space.owners(overlapping: overlap).filter {
                $0.kind == .awsSubnet && $0.vpcId == vpcOwner.vpcId
            }
            notes.append(
                subnets.isEmpty
                    ? "no subnet of \(c.index.vpcShortName(vpcOwner.resource)) uses \(overlap) yet, but its routes still claim it"
                    : "in AWS: " + subnets.map(\.label).listed(limit: 3))
        }
        if !pairsHybrid {
            notes.append(
                hybrid == 0
                    ? "neither is connected to the hybrid network today"
                    : "only one side is connected to the hybrid network today")
        }
        return Finding(
            rule: Self.id, severity: severity,
            message: message + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"),
            resources: unique(all.map(\.resource)), hint: hint(all))
    }

    static func hint(_ owners: [AddressOwner]) -> String {
        let kinds = Set(owners.map(\.kind))
        if kinds.contains(.redis) || kinds.contains(.peeredRange) {
            return
                "Keep one address plan across clouds and on-prem: re-create the producer service in a reserved range nobody else uses (Memorystore: --reserved-ip-range; Private Service Access: a new allocated range), or renumber the other side. Traffic to the overlap goes to whichever route is more specific on each side."
        }
        if kinds.contains(.onPremSite) {
            return
                "Renumber one side or NAT at the edge; until then each cloud routes the overlap to whichever it prefers and the other copy is unreachable from there."
        }
        return
            "Renumber one of them (for a VPC: add a non-overlapping secondary CIDR and migrate) — overlapping ranges cannot both be reached over the hybrid network."
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
