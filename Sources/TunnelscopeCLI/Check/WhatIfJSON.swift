import TunnelscopeAnalysis

/// The `whatIf` object of `check --format json --fail ID…`.
struct WhatIfJSON: JSONWritable {
    struct Element: JSONWritable {
        let id, kind, label: String

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("id", id)
                o.field("kind", kind)
                o.field("label", label)
            }
        }
    }
    struct Tunnel: JSONWritable {
        let id: String
        let crossCloud, carriedBefore, tunnelUpAfter, sessionUpAfter, survives: Bool
        let cause: String?

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("carriedBefore", carriedBefore)
                o.field(ifPresent: "cause", cause)
                o.field("crossCloud", crossCloud)
                o.field("id", id)
                o.field("sessionUpAfter", sessionUpAfter)
                o.field("survives", survives)
                o.field("tunnelUpAfter", tunnelUpAfter)
            }
        }
    }
    struct Link: JSONWritable {
        let id, label: String
        let upBefore, upAfter: Bool
        let carrying: [String]
        let singlePointsOfFailure: [String]

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("carrying", carrying)
                o.field("id", id)
                o.field("label", label)
                o.field("singlePointsOfFailure", singlePointsOfFailure)
                o.field("upAfter", upAfter)
                o.field("upBefore", upBefore)
            }
        }
    }
    struct Site: JSONWritable {
        let id, name: String
        let reachableBefore, reachableAfter: Bool

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("id", id)
                o.field("name", name)
                o.field("reachableAfter", reachableAfter)
                o.field("reachableBefore", reachableBefore)
            }
        }
    }
    struct Prefix: JSONWritable {
        let prefix: String
        let origin: String?
        let originLabel: String
        let originSide: String
        let lost: [String]

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("lost", lost)
                o.field(ifPresent: "origin", origin)
                o.field("originLabel", originLabel)
                o.field("originSide", originSide)
                o.field("prefix", prefix)
            }
        }
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

    func write(to json: inout PrettyJSON) {
        json.object { o in
            o.key("failed")
            o.array(failed) { $1.write(to: &$0) }
            o.key("links")
            o.array(links) { $1.write(to: &$0) }
            o.key("lostPrefixes")
            o.array(lostPrefixes) { $1.write(to: &$0) }
            o.key("sites")
            o.array(sites) { $1.write(to: &$0) }
            o.field("summary", summary)
            o.key("tunnels")
            o.array(tunnels) { $1.write(to: &$0) }
            o.key("unreachableBefore")
            o.array(unreachableBefore) { $1.write(to: &$0) }
        }
    }
}
