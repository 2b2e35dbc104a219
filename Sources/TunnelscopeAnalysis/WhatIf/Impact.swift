import TunnelscopeModel

/// What is down and what it breaks, per element: the exported state (no failures), or the state
/// after a what-if's failures. The header, the incident summary, the what-if panel and every
/// view's what-if marks read this; none of them works out impact on its own.
public struct Impact: Sendable {
    /// The outcome it was made from (no failures: the exported state).
    public let outcome: FailureOutcome
    /// AWS ⇄ GCP tunnels carrying routes, of all of them.
    public let crossCloudCarrying: Int
    public let crossCloudTotal: Int
    /// BGP sessions over AWS ⇄ GCP tunnels that are up (carry routes), of those configured.
    public let sessionsUp: Int
    public let sessionsTotal: Int
    /// Prefixes without a path across: lost to the failures, or (no failures) already without one.
    public let prefixesWithoutPath: [PrefixLoss]
    /// Element ID → the sides it can no longer reach: VPCs, GCP subnets, sites, GCP networks and
    /// projects (a project when every prefix it sent across is lost; a service project with its host).
    public let cutOff: [String: [Side]]
    /// Element ID → the failed element's label that took it down: tunnels, BGP sessions, VPN
    /// connections, gateways, interfaces, links, attachments that carried before and carry nothing after.
    public let takenDown: [String: String]
    /// Elements that still carry but on fewer tunnels than before (redundancy lost): ID → `1 of 2`.
    public let weakened: [String: String]
    /// Resolved IDs of the failed elements.
    public let failed: Set<String>
    /// How many sites and GCP projects `cutOff` names (the header's count, made once).
    public let sitesAndProjectsCutOff: Int

    public var links: [LinkOutcome] { outcome.links }
    public var isWhatIf: Bool { !outcome.failed.isEmpty }
    /// Sites with no path to AWS left.
    public var sitesCutOff: [SiteOutcome] {
        outcome.sites.filter { cutOff[$0.id]?.contains(.aws) == true }
    }
    /// GCP project IDs (`project/<id>`) cut off from AWS.
    public var projectsCutOff: [String] { cutOff.keys.filter { $0.hasPrefix("project/") }.sorted() }

    /// What one more failure would cut, per link that still carries: its single points of failure.
    public var nextSinglePointsOfFailure: [(link: String, labels: [String])] {
        outcome.links.filter { $0.upAfter && !$0.singlePointsOfFailureLabels.isEmpty }.map {
            ($0.link.label, $0.singlePointsOfFailureLabels)
        }
    }

    /// `exported`: what each element carries in the exported state (the verdicts have it).
    init(
        context c: AnalysisContext, outcome: FailureOutcome,
        exported: [String: (carrying: Int, total: Int, what: String)]
    ) {
        self.outcome = outcome
        let model = c.model
        let whatIf = !outcome.failed.isEmpty
        failed = Set(outcome.failed.map(\.id))
        let labels = Dictionary(outcome.failed.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })

        var carrying = 0
        var total = 0
        var sessionsUp = 0
        var sessionsTotal = 0
        var takenDown: [String: String] = [:]
        for (t, tunnel) in outcome.tunnels.enumerated() {
            if tunnel.crossCloud {
                total += 1
                if tunnel.sessionUpAfter { carrying += 1 }
                if c.states[t].bgpConfigured, !c.states[t].staticRouting {
                    sessionsTotal += 1
                    if tunnel.sessionUpAfter { sessionsUp += 1 }
                }
            }
            if whatIf, tunnel.lost, !failed.contains(tunnel.id) {
                takenDown[tunnel.id] = tunnel.cause.flatMap { labels[$0] } ?? "the failures"
            }
        }
        crossCloudCarrying = carrying
        crossCloudTotal = total
        self.sessionsUp = sessionsUp
        self.sessionsTotal = sessionsTotal

        var weakened: [String: String] = [:]
        if whatIf {
            let before = exported
            let after = Verdicts.carriers(
                c, carries: { outcome.tunnels[$0].sessionUpAfter },
                failedVirtualInterfaces: Set(outcome.virtualInterfacesDown))
            let cause =
                outcome.failed.count == 1 ? outcome.failed[0].label : "the \(outcome.failed.count) failed elements"
            for (id, b) in before where !failed.contains(id) && b.carrying > 0 {
                guard let a = after[id] else { continue }
                if a.carrying == 0 {
                    if takenDown[id] == nil { takenDown[id] = cause }
                } else if a.carrying < b.carrying {
                    weakened[id] = "\(a.carrying) of \(b.total) \(b.what)\(b.total == 1 ? "" : "s") carry"
                }
            }
            for id in outcome.attachmentsDown + outcome.virtualInterfacesDown where !failed.contains(id) {
                takenDown[id] = takenDown[id] ?? cause
            }
        }
        self.takenDown = takenDown
        self.weakened = weakened

        let losses = whatIf ? outcome.lostPrefixes : outcome.unreachableBefore
        prefixesWithoutPath = losses
        var cutOff: [String: Set<Side>] = [:]
        var lostByProject: [String: Int] = [:]
        var lostSidesByProject: [String: Set<Side>] = [:]
        var gcpOrigins: [String: Set<Side>] = [:]
        for loss in losses {
            guard let origin = loss.origin else { continue }
            cutOff[origin, default: []].formUnion(loss.lost)
            if loss.originSide == .gcp, let project = Self.project(of: origin) {
                lostByProject[project, default: 0] += 1
                lostSidesByProject[project, default: []].formUnion(loss.lost)
                gcpOrigins[origin, default: []].formUnion(loss.lost)
            }
        }
        // Their networks (one pass over the subnets, only when GCP prefixes were lost).
        if !gcpOrigins.isEmpty {
            for subnet in model.gcpSubnets {
                guard let sides = gcpOrigins[subnet.ref.id], let network = subnet.network else { continue }
                cutOff[network.id, default: []].formUnion(sides)
            }
        }
        // A site is cut off when it loses its last path to AWS; in the exported state only when the
        // exports show it paths (a site whose tunnels are not exported is unknown, not cut off).
        let known = exported
        for site in outcome.sites {
            let cut =
                whatIf
                ? site.reachableBefore && !site.reachableAfter
                : !site.reachableBefore && (known[site.id]?.total ?? 0) > 0
            if cut { cutOff[site.id, default: []].formUnion([.aws, .gcp]) }
        }
        // A project is cut off when every prefix it sent across is lost; its service projects with it.
        if !lostByProject.isEmpty {
            var sentByProject: [String: Int] = [:]
            var seen = Set<String>()
            for route in c.exchange.gcpToAWS {
                guard let origin = route.origin, let project = Self.project(of: origin),
                    lostByProject[project] != nil, seen.insert("\(origin) \(route.prefix)").inserted
                else { continue }
                sentByProject[project, default: 0] += 1
            }
            for (project, lost) in lostByProject where lost >= (sentByProject[project] ?? 0) {
                let sides = lostSidesByProject[project] ?? []
                cutOff["project/\(project)", default: []].formUnion(sides)
                for p in model.gcpProjects where p.hostProject == project {
                    cutOff["project/\(p.id)", default: []].formUnion(sides)
                }
            }
        }
        self.cutOff = cutOff.mapValues { $0.sorted() }
        sitesAndProjectsCutOff =
            outcome.sites.filter { cutOff[$0.id] != nil }.count + cutOff.keys.filter { $0.hasPrefix("project/") }.count
    }

    /// The project a GCP resource URL or ID names (`projects/P/...`).
    static func project(of id: String) -> String? {
        if let ref = GCPRef(url: id) { return ref.project }
        let parts = id.split(separator: "/")
        guard parts.count >= 2, parts[0] == "projects" else { return nil }
        return String(parts[1])
    }
}

extension Analysis {
    /// The impact of the exported state: what carries, what has no path, the single points of failure.
    public var impact: Impact {
        Impact(context: context, outcome: simulator.outcome(failing: []), exported: verdicts.carriers)
    }

    /// The impact of a what-if outcome (from `whatIf(failing:)`).
    public func impact(of outcome: FailureOutcome) -> Impact {
        Impact(context: context, outcome: outcome, exported: verdicts.carriers)
    }
}
