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
    /// grouped warning), in the order of the sources.
    private static func check(
        _ sources: [Source], network: GCPRef, region: String?, gcpPrefixes: [CIDR], _ c: AnalysisContext
    ) -> (findings: [Finding], isolated: [Isolated]) {
        var result: [Finding] = []
        var isolated: [Isolated] = []
        var quiet = c.forwarder()
        quiet.recordsHops = false
        let cache = WalkCache()
        let verdicts = TGWVerdicts(prefixes: gcpPrefixes, forwarder: quiet, cache: cache)
        for source in sources {
            let rev = source.ranges.map { cidr in
                (cidr, quiet.walk(from: .gcp(network, region: region, producer: nil), to: cidr))
            }
            let revOK = rev.filter { reachedSource($0.1.end, source, c) }
            let revKnown = rev.filter { !$0.1.end.isUnknown }
            var anyFwd = false
            for start in source.starts {
                let check = StartCheck(start: start, source: source, c, verdicts)
                let verdicts = gcpPrefixes.indices.map { i in (gcpPrefixes[i], check.reachesGCP(i)) }
                let fwdOK = verdicts.filter { $0.1 == true }.map(\.0)
                let fwdFailed = verdicts.filter { $0.1 == false }.map(\.0)
                anyFwd = anyFwd || !fwdOK.isEmpty
                guard !revOK.isEmpty, !fwdFailed.isEmpty else { continue }
                if fwdOK.isEmpty {
                    isolated.append(
                        (source.label + (source.starts.count > 1 ? " (\(start.label))" : ""), source.id))
                    continue
                }
                // Reasons: the full walk, for the prefixes the message names.
                let reasons = Set(
                    fwdFailed.prefix(4).map { stopReason(quiet.walk(from: start.place, to: $0, cache: cache).end) }
                ).sorted()
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message:
                            "GCP \(c.index.gcpName(network)) reaches \(source.label) \(revOK.map { $0.0.description }.joined(separator: ", ")), but "
                            + "\(start.label) has no way back to \(fwdFailed.map(\.description).listed(limit: 4)): \(reasons.listed(limit: 2))",
                        resources: [source.id] + start.resources + [network.id],
                        hint:
                            "Route the GCP prefixes back through the hub: in \(start.label) add \(fwdFailed.map(\.description).listed(limit: 3)) → the Transit Gateway (or one covering route), and make sure the TGW route table associated with its attachment has them."
                    ))
            }
            let revFailed = revKnown.filter { !reachedSource($0.1.end, source, c) }
            if anyFwd, !revFailed.isEmpty {
                let reasons = Set(revFailed.map { stopReason($0.1.end) }).sorted()
                result.append(
                    Finding(
                        rule: Self.id, severity: .error,
                        message:
                            "\(source.label.capitalizedFirst) routes to GCP \(c.index.gcpName(network)), but GCP has no route back to \(revFailed.map { $0.0.description }.joined(separator: ", ")): \(reasons.listed(limit: 2))",
                        resources: [source.id, network.id],
                        hint:
                            "GCP learns AWS prefixes from the TGW route table associated with the VPN attachments: propagate \(source.kind) into it (or add a static route there) so Cloud Router learns \(revFailed.map { $0.0.description }.listed(limit: 3))."
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
        let table: AWSRouteTable?
        let lpm: (index: VPCRouteIndex, slot: Int32)?
        /// TGW → verdict slot of the route table its live attachment is associated with (nil: none).
        let slots: [String: Int?]
        let verdicts: TGWVerdicts

        init(start: Start, source: Source, _ c: AnalysisContext, _ verdicts: TGWVerdicts) {
            self.start = start
            self.verdicts = verdicts
            if case .vpc(_, let tableId?) = start.place {
                table = c.index.routeTable(tableId)
                lpm = c.tables.vpc.slot(of: tableId).map { (c.tables.vpc, $0) }
            } else {
                table = nil
                lpm = nil
            }
            slots = source.tgwTables.mapValues { table in table.map { verdicts.slot($0) } }
        }

        func reachesGCP(_ i: Int) -> Bool? {
            let g = verdicts.prefixes[i]
            guard let table, let lpm else { return verdicts.walk(from: start.place, to: g) }
            guard let routeIndex = lpm.index.longestMatch(slot: lpm.slot, containing: g)?.route else { return false }
            let route = table.routes[routeIndex]
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

    struct Start {
        let place: Forwarder.Place
        let label: String
        let resources: [String]
    }
    struct Source {
        let id: String, label: String, kind: String
        let ranges: [CIDR]
        let starts: [Start]
        let vpc: String?
        let site: Int?
        /// For a VPC: TGW → the route table its live attachment is associated with (nil: attachment down or unassociated).
        var tgwTables: [String: String?] = [:]
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
            if c.space.owners(containing: prefix).contains(where: { $0.kind.side == .gcp }) {
                owned.insert(prefix)
                continue
            }
            let inside = c.space.owners(inside: prefix).filter { $0.kind.side == .gcp }.map(\.cidr.normalized)
            if inside.isEmpty { owned.insert(prefix) } else { owned.formUnion(inside) }
        }
        return owned.sorted()
    }

    /// The AWS VPCs behind the link's gateway and the on-prem sites attached to it.
    static func sources(of link: CrossCloudLink, _ c: AnalysisContext) -> [Source] {
        guard let gateway = link.awsGateway else { return [] }
        var result: [Source] = []
        var vpcs: [String] = []
        if gateway.hasPrefix("tgw-") {
            for a in c.model.tgwAttachments
            where a.transitGatewayId == gateway && a.resourceType == "vpc" && c.baseline.attachmentAlive(a) {
                if let vpc = a.resourceId { vpcs.append(vpc) }
            }
        } else {
            vpcs = c.index.vpnGateway(gateway)?.attachedVpcIds ?? []
        }
        for vpc in Set(vpcs).sorted() {
            let tables = c.index.routeTablesInUse(vpc: vpc)
            guard let cidrs = c.model.vpc(vpc)?.cidrs, !cidrs.isEmpty, !tables.isEmpty else { continue }
            var tgwTables: [String: String?] = [:]
            for a in c.index.attachments(of: vpc) where a.resourceType == "vpc" {
                tgwTables[a.transitGatewayId] = c.baseline.attachmentAlive(a) ? a.associatedRouteTableId : String?.none
            }
            result.append(
                Source(
                    id: vpc, label: "AWS VPC \(c.index.vpcName(vpc))", kind: "the VPC attachment",
                    ranges: cidrs.map(\.normalized),
                    starts: tables.map {
                        Start(
                            place: .vpc(vpc, table: $0.id), label: "route table \(c.index.routeTableName($0))",
                            resources: [$0.id])
                    },
                    vpc: vpc, site: nil, tgwTables: tgwTables))
        }
        for (s, site) in c.model.onPremSites.enumerated() where !site.addressRanges.isEmpty {
            let attached =
                site.customerGatewayIds.contains { cgw in
                    (c.index.tunnelsByCustomerGateway[cgw] ?? []).contains {
                        c.index.awsGateway(ofTunnel: $0) == gateway
                    }
                }
                || site.directConnectGatewayIds.contains { dx in !c.index.attachments(of: dx, on: gateway).isEmpty }
            guard attached else { continue }
            result.append(
                Source(
                    id: site.id, label: "on-prem \(site.name)", kind: "the site's attachment",
                    ranges: site.addressRanges.map(\.normalized),
                    starts: [Start(place: .site(s), label: "\(site.name)'s TGW route table", resources: [])], vpc: nil,
                    site: s))
        }
        return result
    }

    static func reachedSource(_ end: PathEnd, _ source: Source, _ c: AnalysisContext) -> Bool {
        guard case .reached(let resource, _, _) = end else { return false }
        if resource == source.id { return true }
        if let vpc = source.vpc, let s = c.model.subnetIndex[resource] { return c.model.subnets[s].vpcId == vpc }
        return false
    }

    static func stopReason(_ end: PathEnd) -> String {
        switch end {
        case .stopped(_, let reason), .unknown(_, let reason): reason
        case .reached(_, let label, _): "it ends at \(label) instead (overlapping ranges: see cidr-overlap)"
        }
    }
}
