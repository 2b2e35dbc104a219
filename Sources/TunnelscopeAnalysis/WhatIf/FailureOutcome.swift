import TunnelscopeModel

/// What survives a set of failures: tunnels and BGP sessions, each AWS ⇄ GCP link, each on-prem
/// site, and which prefixes lose every path. "Before" is the exported state (a tunnel already
/// down stays down); "after" adds the failures.
public struct FailureOutcome: Sendable {
    public let failed: [FailableElement]
    /// Names given that did not resolve (unknown or ambiguous).
    public let unresolved: [Resolution]
    public let tunnels: [TunnelOutcome]
    public let links: [LinkOutcome]
    public let sites: [SiteOutcome]
    /// Prefixes that had a path to a side before and have none after.
    public let lostPrefixes: [PrefixLoss]
    /// Prefixes already without a path across the link in the exported state.
    public let unreachableBefore: [PrefixLoss]
    /// TGW attachments and Direct Connect virtual interfaces the failures take down, sorted.
    public internal(set) var attachmentsDown: [String] = []
    public internal(set) var virtualInterfacesDown: [String] = []

    public var tunnelsLost: [TunnelOutcome] { tunnels.filter(\.lost) }
    public var tunnelsSurviving: [TunnelOutcome] { tunnels.filter(\.survives) }
    public var linksCut: [LinkOutcome] { links.filter { $0.upBefore && !$0.upAfter } }

    /// One line for a status bar.
    public var summary: String {
        guard !failed.isEmpty else { return "Nothing failed." }
        let cross = tunnels.filter(\.crossCloud)
        var parts = ["\(cross.filter(\.survives).count) of \(cross.count) cross-cloud tunnels carry routes"]
        for link in links {
            if !link.upAfter {
                parts.append("\(link.link.label) is DOWN")
            } else if !link.singlePointsOfFailure.isEmpty {
                parts.append(
                    "\(link.link.label) is up but hangs on \(link.singlePointsOfFailureLabels.joined(separator: ", "))")
            } else {
                parts.append("\(link.link.label) is up and still redundant")
            }
        }
        let cut = sites.filter { $0.reachableBefore && !$0.reachableAfter }
        if !cut.isEmpty { parts.append("cut off: " + cut.map(\.name).joined(separator: ", ")) }
        parts.append(
            lostPrefixes.isEmpty
                ? "no prefix loses its path" : "\(plural(lostPrefixes.count, "prefix", "prefixes")) lose a path")
        return "Failing " + failed.map(\.label).joined(separator: ", ") + ": " + parts.joined(separator: "; ") + "."
    }
}

public struct TunnelOutcome: Sendable, Hashable {
    public let id: String
    public let label: String
    public let crossCloud: Bool
    /// Carried routes in the exported state.
    public let carriedBefore: Bool
    /// IPsec up after the failures.
    public let tunnelUpAfter: Bool
    /// BGP session (or static routing) carries routes after the failures.
    public let sessionUpAfter: Bool
    /// The failed element that took it down, or "already down".
    public let cause: String?

    public var survives: Bool { sessionUpAfter }
    public var lost: Bool { carriedBefore && !sessionUpAfter }
}

public struct LinkOutcome: Sendable, Hashable {
    public let link: CrossCloudLink
    public let upBefore: Bool
    public let upAfter: Bool
    /// Tunnel IDs still carrying routes.
    public let carrying: [String]
    /// What every surviving tunnel still depends on: one more failure of any of these cuts the link.
    public let singlePointsOfFailure: [String]
    public let singlePointsOfFailureLabels: [String]
}

public struct SiteOutcome: Sendable, Hashable {
    public let id: String
    public let name: String
    /// Has a live VPN or Direct Connect path to AWS.
    public let reachableBefore: Bool
    public let reachableAfter: Bool
}

public struct PrefixLoss: Sendable, Hashable {
    public let prefix: CIDR
    public let origin: String?
    public let originLabel: String
    public let originSide: Side
    /// The sides it can no longer reach (on-prem: no site at all).
    public let lost: [Side]
}
