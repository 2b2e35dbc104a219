import TunnelscopeAnalysis

/// The `whatIf` object of `check --format json --fail ID…`.
struct WhatIfJSON: Encodable {
    struct Element: Encodable { let id, kind, label: String }
    struct Tunnel: Encodable {
        let id: String
        let crossCloud, carriedBefore, tunnelUpAfter, sessionUpAfter, survives: Bool
        let cause: String?
    }
    struct Link: Encodable {
        let id, label: String
        let upBefore, upAfter: Bool
        let carrying: [String]
        let singlePointsOfFailure: [String]
    }
    struct Site: Encodable {
        let id, name: String
        let reachableBefore, reachableAfter: Bool
    }
    struct Prefix: Encodable {
        let prefix: String
        let origin: String?
        let originLabel: String
        let originSide: String
        let lost: [String]
    }

    let failed: [Element]
    let summary: String
    let tunnels: [Tunnel]
    let links: [Link]
    let sites: [Site]
    let lostPrefixes: [Prefix]
    let unreachableBefore: [Prefix]

    init(_ o: FailureOutcome) {
        failed = o.failed.map { Element(id: $0.id, kind: $0.kind.rawValue, label: $0.label) }
        summary = o.summary
        tunnels = o.tunnels.map {
            Tunnel(
                id: $0.id, crossCloud: $0.crossCloud, carriedBefore: $0.carriedBefore, tunnelUpAfter: $0.tunnelUpAfter,
                sessionUpAfter: $0.sessionUpAfter, survives: $0.survives, cause: $0.cause)
        }
        links = o.links.map {
            Link(
                id: $0.link.id, label: $0.link.label, upBefore: $0.upBefore, upAfter: $0.upAfter, carrying: $0.carrying,
                singlePointsOfFailure: $0.singlePointsOfFailure)
        }
        sites = o.sites.map {
            Site(id: $0.id, name: $0.name, reachableBefore: $0.reachableBefore, reachableAfter: $0.reachableAfter)
        }
        func prefix(_ p: PrefixLoss) -> Prefix {
            Prefix(
                prefix: p.prefix.description, origin: p.origin, originLabel: p.originLabel,
                originSide: p.originSide.rawValue,
                lost: p.lost.map(\.rawValue))
        }
        lostPrefixes = o.lostPrefixes.map(prefix)
        unreachableBefore = o.unreachableBefore.map(prefix)
    }
}
