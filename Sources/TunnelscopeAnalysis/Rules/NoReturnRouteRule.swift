import TunnelscopeModel

/// no-return-route: a prefix is routed one way across the AWS ⇄ GCP link but the other way has no
/// path back. Checked with the same forwarding walk as the path query, for every TGW-attached VPC
/// (each route table in use) and every on-prem site, against every GCP prefix of the link:
/// - GCP reaches the VPC (site), but the VPC's route table (or its TGW route table) does not
///   route some GCP prefixes back (error; warning, grouped, when the VPC routes nothing to GCP
///   at all: it is advertised to GCP without being meant to talk to it);
/// - the VPC (site) routes to GCP, but the GCP network has no route back to its CIDR (error).
/// Walks from the TGW on are cached per (attachment, prefix), so the cost grows with
/// route tables × GCP prefixes, not with all routes squared.
enum NoReturnRouteRule: AnalysisRule {
    static let id = "no-return-route"
    static let summary = "A prefix is routed one way between AWS (or on-prem) and GCP with no path back."

    static func findings(_ c: AnalysisContext) -> [Finding] { findings(c, split: c.concurrent) }

    /// `split`: each link's sources are checked in two halves on two cores (each with caches of
    /// its own: they only memoise, so the findings, in order, are the serial run's).
    static func findings(_ c: AnalysisContext, split: Bool) -> [Finding] {
        var result: [Finding] = []
        for link in c.links {
            guard let t = link.tunnelIndices.first(where: { c.index.gcpNetwork(ofTunnel: $0) != nil }),
                let network = c.index.gcpNetwork(ofTunnel: t)
            else { continue }
            let region = link.tunnelIndices.lazy.compactMap { c.model.tunnels[$0].gcp?.router?.region }.first
            let gcpPrefixes = prefixes(of: link, network: network, c)
            guard !gcpPrefixes.isEmpty else { continue }
            let all = sources(of: link, c)
            let halves =
                split && all.count >= 64 ? [Array(all[..<(all.count / 2)]), Array(all[(all.count / 2)...])] : [all]
            let checked = Parallel.run(
                halves.map { half in
                    { @Sendable in
                        check(half, network: network, region: region, gcpPrefixes: gcpPrefixes, c)
                    }
                }, concurrently: halves.count > 1)
            result += checked.flatMap(\.findings)
            let isolated = checked.flatMap(\.isolated)
            if !isolated.isEmpty {
                result.append(
                    Finding(
                        rule: Self.id, severity: .warning,
                        message:
                            "\(plural(isolated.count, "AWS network is", "AWS networks are")) advertised to GCP \(c.index.gcpName(network)) but route nothing to GCP, so GCP traffic to them never gets an answer: "
                            + isolated.map(\.0).listed(limit: 4),
                        resources: Array(Set(isolated.map(\.1))).sorted() + [network.id],
                        hint:
                            "If they are not meant to talk to GCP, stop propagating them into the TGW route table associated with the VPN attachments; otherwise add routes for the GCP prefixes → the Transit Gateway."
                    ))
            }
        }
        return result
    }

    /// The findings of some of a link's sources, and those that route nothing to GCP (for the
    /// grouped warning), in the order of the sources. The walks that decide run without texts
    /// (`Forwarder.explains`); the few a message explains are walked again with them. A source
    /// that GCP neither reaches nor fails to reach is not checked further, and one that GCP does not
    /// reach is checked only until one of its route tables routes to GCP: nothing else can be reported.
    private static func check(
        _ sources: [Source], network: GCPRef, region: String?, gcpPrefixes: [CIDR], _ c: AnalysisContext
    ) -> (findings: [Finding], isolated: [Isolated]) {
        var result: [Finding] = []
        var isolated: [Isolated] = []
        var quiet = c.forwarder()
        quiet.recordsHops = false
        quiet.explains = false
        var explaining = c.forwarder()
        explaining.recordsHops = false
        let explained = WalkCache()
        let verdicts = TGWVerdicts(prefixes: gcpPrefixes, forwarder: quiet, cache: WalkCache())
        let gcp = Forwarder.Place.gcp(network, region: region, producer: nil)
        for source in sources {
            var revOK: [CIDR] = []
            var revFailed: [CIDR] = []
            for cidr in source.ranges {
                let end = quiet.walk(from: gcp, to: cidr).end
                if reachedSource(end, source, c) {
                    revOK.append(cidr)
                } else if !end.isUnknown {
                    revFailed.append(cidr)
                }
            }
            if revOK.isEmpty && revFailed.isEmpty { continue }
            var anyFwd = false
            // The verdict slot of each TGW's table: the same for every start of the source.
            let slots = source.tgwTables.mapValues { table in table.map { verdicts.slot($0) } }
            for start in source.starts {
                let check = StartCheck(start: start, slots: slots, c, verdicts)
                guard !revOK.isEmpty else {
                    // Only whether the source routes to GCP at all matters now.
                    if !anyFwd { anyFwd = gcpPrefixes.indices.contains { check.reachesGCP($0) == true } }
                    continue
                }
                var fwdOK: [CIDR] = []
                var fwdFailed: [CIDR] = []
                for i in gcpPrefixes.indices {
                    switch check.reachesGCP(i) {
                    case true?: fwdOK.append(gcpPrefixes[i])
                    case false?: fwdFailed.append(gcpPrefixes[i])
                    case nil: break
                    }
                }
                anyFwd = anyFwd || !fwdOK.isEmpty
                guard !fwdFailed.isEmpty else { continue }
                let startLabel = start.label(c)
                if fwdOK.isEmpty {
                    isolated.append((source.label(c) + (source.starts.count > 1 ? " (\(startLabel))" : ""), source.id))
                    continue
                }
                // Reasons: the full walk, for the prefixes the message names.
                let reasons = Set(
                    fwdFailed.prefix(4).map {
                        stopReason(explaining.walk(from: start.place, to: $0, cache: explained).end)
                    }
                ).sorted()
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message:
                            "GCP \(c.index.gcpName(network)) reaches \(source.label(c)) \(revOK.map { $0.description }.joined(separator: ", ")), but "
                            + "\(startLabel) has no way back to \(fwdFailed.map(\.description).listed(limit: 4)): \(reasons.listed(limit: 2))",
                        resources: [source.id] + start.resources(c) + [network.id],
                        hint:
                            "Route the GCP prefixes back through the hub: in \(startLabel) add \(fwdFailed.map(\.description).listed(limit: 3)) → the Transit Gateway (or one covering route), and make sure the TGW route table associated with its attachment has them."
                    ))
            }
            if anyFwd, !revFailed.isEmpty {
                let reasons = Set(revFailed.map { stopReason(explaining.walk(from: gcp, to: $0).end) }).sorted()
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message:
                            "\(source.label(c).capitalizedFirst) routes to GCP \(c.index.gcpName(network)), but GCP has no route back to \(revFailed.map { $0.description }.joined(separator: ", ")): \(reasons.listed(limit: 2))",
                        resources: [source.id, network.id],
                        hint:
                            "GCP learns AWS prefixes from the TGW route table associated with the VPN attachments: propagate \(source.kind) into it (or add a static route there) so Cloud Router learns \(revFailed.map { $0.description }.listed(limit: 3))."
                    ))
            }
        }
        return (result, isolated)
    }

    typealias Isolated = (label: String, id: String)

    /// Does traffic from one start reach GCP for each GCP prefix? nil: the exports do not say. For
    /// a VPC route table this is one longest-prefix match per prefix; what happens from the TGW
    /// route table on is walked once per (TGW route table, prefix) and shared by every VPC, so a
    /// thousand VPCs cost a thousand lookups per prefix, not a thousand walks.
    struct StartCheck {
        let start: Start
        /// The routes of the start's VPC route table (not a copy of the whole table).
        let routes: [AWSRoute]?
        let lpm: (index: VPCRouteIndex, slot: Int32)?
        /// TGW → verdict slot of the route table its live attachment is associated with (nil: none).
        let slots: [String: Int?]
        let verdicts: TGWVerdicts

        init(start: Start, slots: [String: Int?], _ c: AnalysisContext, _ verdicts: TGWVerdicts) {
            self.start = start
            self.verdicts = verdicts
            self.slots = slots
            if case .vpc(_, let tableId?) = start.place, let t = c.index.routeTableById[tableId] {
                routes = c.model.routeTables[t].routes
                lpm = c.tables.vpc.slot(of: tableId).map { (c.tables.vpc, $0) }
            } else {
                routes = nil
                lpm = nil
            }
        }

        func reachesGCP(_ i: Int) -> Bool? {
            let g = verdicts.prefixes[i]
            guard let routes, let lpm else { return verdicts.walk(from: start.place, to: g) }
            guard let routeIndex = lpm.index.longestMatch(slot: lpm.slot, containing: g)?.route else { return false }
            let route = routes[routeIndex]
            if route.isBlackhole { return false }
            switch route.target {
            case .transitGateway(let tgw):
                guard let entry = slots[tgw], let slot = entry else { return false }
                return verdicts.value(slot, tgw: tgw, i)
            case .local, .internetGateway, .natGateway, .other, .none:
                return false
            case .vpnGateway, .peering:
                return verdicts.walk(from: start.place, to: g)
            }
        }
    }

    /// Verdicts from each TGW route table for each GCP prefix, walked once each.
    final class TGWVerdicts {
        let prefixes: [CIDR]
        let forwarder: Forwarder
        let cache: WalkCache
        private var slotByTable: [String: Int] = [:]
        private var tables: [String] = []
        private var values: [[Bool??]] = []

        init(prefixes: [CIDR], forwarder: Forwarder, cache: WalkCache) {
            self.prefixes = prefixes
            self.forwarder = forwarder
            self.cache = cache
        }

        func slot(_ table: String) -> Int {
            if let s = slotByTable[table] { return s }
            slotByTable[table] = tables.count
            tables.append(table)
            values.append(Array(repeating: .none, count: prefixes.count))
            return tables.count - 1
        }

        func value(_ slot: Int, tgw: String, _ i: Int) -> Bool? {
            if let known = values[slot][i] { return known }
            let v = walk(from: .tgwTable(tgw, table: tables[slot]), to: prefixes[i])
            values[slot][i] = .some(v)
            return v
        }

        func walk(from place: Forwarder.Place, to g: CIDR) -> Bool? {
            switch forwarder.walk(from: place, to: g, cache: cache).end {
            case .reached(_, _, let side): side == .gcp
            case .unknown: nil
            case .stopped: false
            }
        }
    }

    /// The GCP prefixes this link carries (or would, by Cloud Router configuration).
    static func prefixes(of link: CrossCloudLink, network: GCPRef, _ c: AnalysisContext) -> [CIDR] {
        let tunnels = Set(link.tunnelIndices)
        var result = Set(
            c.exchange.gcpToAWS.filter { r in
                r.originSide == .gcp
                    && (r.advertisedOnIndices.contains(where: tunnels.contains)
                        || r.learnedOnIndices.contains(where: tunnels.contains))
            }.map(\.prefix))
        if result.isEmpty {
            let advertisement = GCPAdvertisement(index: c.index)
            for r in c.index.routersByNetwork[network] ?? [] {
                result.formUnion(advertisement.allAdvertised(by: c.model.cloudRouters[r]))
            }
        }
        // An advertised aggregate (a Private Service Access allocation, a summary) that no GCP range
        // contains stands for the GCP ranges inside it: those are what traffic is sent to.
        var owned = Set<CIDR>()
        for prefix in result {
            if c.space.firstOwner(containing: prefix, where: { $0.kind.side == .gcp }) != nil {
                owned.insert(prefix)
                continue
            }
            let inside = c.space.owners(inside: prefix).filter { $0.kind.side == .gcp }.map(\.cidr.normalized)
            if inside.isEmpty { owned.insert(prefix) } else { owned.formUnion(inside) }
        }
        return owned.sorted()
    }

    static func stopReason(_ end: PathEnd) -> String {
        switch end {
        case .stopped(_, let reason), .unknown(_, let reason): reason
        case .reached(_, let label, _): "it ends at \(label) instead (overlapping ranges: see cidr-overlap)"
        }
    }
}
