import TunnelscopeModel

/// Computes failure outcomes. Everything that does not depend on the failure set is prepared once
/// per model: which tunnels carry each prefix across the link (grouped, so prefixes with the same
/// carriers and origin are judged once), each site's links, the baseline. An outcome then costs
/// O(tunnels + sessions + prefix groups + site links) plus the size of the answer — never a walk
/// over the routes.
struct FailureSimulator: Sendable {
    struct Group: Sendable {
        enum Origin: Sendable, Hashable {
            case aws(attachment: String?, tgw: String?)
            case gcp
            case site(Int)
        }
        let origin: Origin
        /// Index into `carrierSets`.
        let carriers: Int
        var prefixes: [(prefix: CIDR, resource: String?, label: String)]
    }

    let context: AnalysisContext
    let carrierSets: [[Int]]
    let groups: [Group]
    let baselineSites: [Bool]
    let baselineReach: [Set<Side>]
    let baselineCarriers: [Bool]
    /// Which groups a change can affect: by carrier set, by origin attachment or TGW, by site.
    let groupsByCarrier: [[Int]]
    let groupsByAttachment: [String: [Int]]
    let groupsByTGW: [String: [Int]]
    let groupsBySite: [Int: [Int]]
    let tunnelLabels: [String]
    let unreachableBefore: [PrefixLoss]

    init(context: AnalysisContext) {
        self.context = context
        let index = context.index
        let model = context.model
        var carrierIds: [[Int]: Int] = [:]
        var carrierSets: [[Int]] = []
        var groupIds: [String: Int] = [:]
        var groups: [Group] = []
        var seen = Set<String>()

        func carrierSet(_ tunnels: [Int]) -> Int {
            let key = Array(Set(tunnels)).sorted()
            if let id = carrierIds[key] { return id }
            carrierSets.append(key)
            carrierIds[key] = carrierSets.count - 1
            return carrierSets.count - 1
        }
        func add(_ prefix: CIDR, resource: String?, label: String, origin: Group.Origin, carriers: [Int]) {
            guard seen.insert("\(resource ?? "?") \(prefix)").inserted else { return }
            let c = carrierSet(carriers)
            let key = "\(origin) \(c)"
            if let g = groupIds[key] {
                groups[g].prefixes.append((prefix, resource, label))
                return
            }
            groupIds[key] = groups.count
            groups.append(Group(origin: origin, carriers: c, prefixes: [(prefix, resource, label)]))
        }
        func awsOrigin(_ resource: String?) -> Group.Origin {
            if let resource, resource.hasPrefix("vpc-") {
                let attachment = index.attachments(of: resource).first { $0.resourceType == "vpc" }
                return .aws(attachment: attachment?.id, tgw: attachment?.transitGatewayId)
            }
            if let resource, let s = model.siteIndex[resource] { return .site(s) }
            return .aws(attachment: nil, tgw: nil)
        }
        for route in context.exchange.awsToGCP {
            let carriers = route.learnedOnIndices.isEmpty ? route.advertisedOnIndices : route.learnedOnIndices
            add(
                route.prefix, resource: route.origin, label: route.originLabel, origin: awsOrigin(route.origin),
                carriers: carriers)
        }
        for route in context.exchange.gcpToAWS {
            // Every tunnel whose live session advertises the prefix carries it once the others fail:
            // with VPN ECMP off the TGW shows one attachment's route, and learns the standby's when it goes.
            let carriers = Array(Set(route.learnedOnIndices).union(route.advertisedOnIndices))
            add(route.prefix, resource: route.origin, label: route.originLabel, origin: .gcp, carriers: carriers)
        }
        // Hybrid VPCs and sites that are not advertised across still lose the hub when cut off.
        for (v, vpc) in model.vpcs.enumerated() where index.hybridVPCs[v] {
            for cidr in vpc.cidrs {
                add(
                    cidr.normalized, resource: vpc.id, label: "AWS VPC \(index.vpcName(vpc.id))",
                    origin: awsOrigin(vpc.id), carriers: [])
            }
        }
        for (s, site) in model.onPremSites.enumerated() {
            for cidr in site.addressRanges {
                add(cidr.normalized, resource: site.id, label: "on-prem \(site.name)", origin: .site(s), carriers: [])
            }
        }
        self.carrierSets = carrierSets
        self.groups = groups
        let live = context.baseline
        let sites = Self.siteReach(context, live)
        baselineSites = sites
        let carriersAlive = carrierSets.map { $0.contains { live.carries[$0] } }
        baselineCarriers = carriersAlive
        let reach = groups.map { Self.reach($0, live: live, carrierAlive: { carriersAlive[$0] }, sites: sites) }
        baselineReach = reach
        var byCarrier = Array(repeating: [Int](), count: carrierSets.count)
        var byAttachment: [String: [Int]] = [:]
        var byTGW: [String: [Int]] = [:]
        var bySite: [Int: [Int]] = [:]
        var unreachable: [PrefixLoss] = []
        for (g, group) in groups.enumerated() {
            byCarrier[group.carriers].append(g)
            switch group.origin {
            case .aws(let attachment, let tgw):
                if let attachment { byAttachment[attachment, default: []].append(g) }
                if let tgw { byTGW[tgw, default: []].append(g) }
            case .site(let s): bySite[s, default: []].append(g)
            case .gcp: break
            }
            let side = Self.side(of: group.origin)
            let across: Side = side == .gcp ? .aws : .gcp
            if !carrierSets[group.carriers].isEmpty, !reach[g].contains(across) {
                unreachable += group.prefixes.map {
                    PrefixLoss(
                        prefix: $0.prefix, origin: $0.resource, originLabel: $0.label, originSide: side, lost: [across])
                }
            }
        }
        groupsByCarrier = byCarrier
        groupsByAttachment = byAttachment
        groupsByTGW = byTGW
        groupsBySite = bySite
        unreachableBefore = unreachable
        tunnelLabels = model.tunnels.indices.map { index.tunnelName($0) }
    }

    // MARK: Outcome

    func outcome(failing resolutions: [Resolution]) -> FailureOutcome {
        let model = context.model
        var failed: [FailableElement] = []
        var unresolved: [Resolution] = []
        for r in resolutions {
            if let e = r.element { if !failed.contains(e) { failed.append(e) } } else { unresolved.append(r) }
        }
        failed.sort()
        let (live, ipsecDown, sessionDown) = liveness(failing: failed)

        let states = context.states
        let tunnels = model.tunnels.enumerated().map { t, tunnel in
            let before = context.baseline.carries[t]
            let cause = before ? ipsecDown[t] ?? sessionDown[t] : "already down"
            return TunnelOutcome(
                id: tunnel.id, label: tunnelLabels[t], crossCloud: tunnel.isCrossCloud,
                carriedBefore: before, tunnelUpAfter: states[t].ipsecUp && ipsecDown[t] == nil,
                sessionUpAfter: live.carries[t], cause: cause)
        }
        let links = context.links.map { link in
            let before = link.tunnelIndices.filter { context.baseline.carries[$0] }
            let after = link.tunnelIndices.filter { live.carries[$0] }
            let spofs = after.isEmpty ? [] : context.index.sharedDependencies(of: after)
            return LinkOutcome(
                link: link, upBefore: !before.isEmpty, upAfter: !after.isEmpty,
                carrying: after.map { model.tunnels[$0].id }, singlePointsOfFailure: spofs.map(\.id),
                singlePointsOfFailureLabels: spofs.map(context.index.dependencyName))
        }
        let siteAlive = Self.siteReach(context, live)
        let sites = model.onPremSites.enumerated().map { s, site in
            SiteOutcome(id: site.id, name: site.name, reachableBefore: baselineSites[s], reachableAfter: siteAlive[s])
        }
        // Only groups whose carriers, origin attachment, TGW or site changed can lose anything
        // (all of them when the last on-prem site is cut off).
        let carriersAlive = carrierSets.map { $0.contains { live.carries[$0] } }
        var affected = Set<Int>()
        if siteAlive.contains(true) != baselineSites.contains(true) {
            affected = Set(groups.indices)
        } else {
            for c in carrierSets.indices where carriersAlive[c] != baselineCarriers[c] {
                affected.formUnion(groupsByCarrier[c])
            }
            for a in live.failedAttachments { affected.formUnion(groupsByAttachment[a] ?? []) }
            for t in live.failedTransitGateways { affected.formUnion(groupsByTGW[t] ?? []) }
            for s in siteAlive.indices where siteAlive[s] != baselineSites[s] {
                affected.formUnion(groupsBySite[s] ?? [])
            }
        }
        var lost: [PrefixLoss] = []
        for g in affected {
            let group = groups[g]
            let after = Self.reach(group, live: live, carrierAlive: { carriersAlive[$0] }, sites: siteAlive)
            let gone = baselineReach[g].subtracting(after).sorted()
            guard !gone.isEmpty else { continue }
            let side = Self.side(of: group.origin)
            lost += group.prefixes.map {
                PrefixLoss(prefix: $0.prefix, origin: $0.resource, originLabel: $0.label, originSide: side, lost: gone)
            }
        }
        lost.sort { ($0.originSide, $0.prefix, $0.origin ?? "") < ($1.originSide, $1.prefix, $1.origin ?? "") }
        var outcome = FailureOutcome(
            failed: failed, unresolved: unresolved, tunnels: tunnels, links: links, sites: sites,
            lostPrefixes: lost, unreachableBefore: unreachableBefore)
        outcome.attachmentsDown = live.failedAttachments.sorted()
        outcome.virtualInterfacesDown = live.failedVirtualInterfaces.sorted()
        return outcome
    }

    /// What is alive once these elements fail, and which element took each tunnel (IPsec) or session down.
    func liveness(failing failed: [FailableElement]) -> (Liveness, [Int: String], [Int: String]) {
        var live = context.baseline
        var ipsecDown: [Int: String] = [:]
        var sessionDown: [Int: String] = [:]
        for element in failed {
            let effect = effect(of: element)
            for t in effect.tunnels where ipsecDown[t] == nil { ipsecDown[t] = element.id }
            for t in effect.sessions where sessionDown[t] == nil { sessionDown[t] = element.id }
            live.failedAttachments.formUnion(effect.attachments)
            live.failedVirtualInterfaces.formUnion(effect.virtualInterfaces)
            live.failedTransitGateways.formUnion(effect.transitGateways)
            live.failedPeerings.formUnion(effect.peerings)
            live.failedVpcs.formUnion(effect.vpcs)
        }
        for (t, _) in ipsecDown { live.cut(t) }
        for (t, _) in sessionDown { live.cut(t) }
        return (live, ipsecDown, sessionDown)
    }

    static func side(of origin: Group.Origin) -> Side {
        switch origin {
        case .aws: .aws
        case .gcp: .gcp
        case .site: .onPrem
        }
    }

    /// The sides a group's prefixes can reach: the AWS hub, GCP (across the link), on-prem (any live site).
    static func reach(_ group: Group, live: Liveness, carrierAlive: (Int) -> Bool, sites: [Bool]) -> Set<Side> {
        let anySite = sites.contains(true)
        let across = carrierAlive(group.carriers)
        var result = Set<Side>()
        switch group.origin {
        case .aws(let attachment, let tgw):
            if let attachment, live.failedAttachments.contains(attachment) { return [] }
            if let tgw, live.failedTransitGateways.contains(tgw) { return [] }
            result.insert(.aws)
            if across { result.insert(.gcp) }
            if anySite { result.insert(.onPrem) }
        case .gcp:
            result.insert(.gcp)
            if across {
                result.insert(.aws)
                if anySite { result.insert(.onPrem) }
            }
        case .site(let s):
            guard sites.indices.contains(s), sites[s] else { return [] }
            result.insert(.aws)
            if across { result.insert(.gcp) }
        }
        return result
    }

    /// Per site: a live VPN tunnel (on a live attachment) or a live Direct Connect path to AWS.
    static func siteReach(_ c: AnalysisContext, _ live: Liveness) -> [Bool] {
        let forwarder = c.forwarder(live)
        return c.model.onPremSites.map { site in
            for cgw in site.customerGatewayIds {
                for t in c.index.tunnelsByCustomerGateway[cgw] ?? [] where live.carries[t] {
                    guard let aws = c.model.tunnels[t].aws else { continue }
                    let attachments = c.index.attachments(of: aws.vpnConnectionId)
                    if attachments.isEmpty || attachments.contains(where: live.attachmentAlive) { return true }
                }
            }
            for dx in site.directConnectGatewayIds where forwarder.directConnectAlive(dx) {
                let attachments = c.index.attachments(of: dx)
                if attachments.isEmpty || attachments.contains(where: live.attachmentAlive) { return true }
            }
            return false
        }
    }
}
