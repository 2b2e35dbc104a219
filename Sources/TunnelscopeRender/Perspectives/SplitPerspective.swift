import TunnelscopeCanvas
import TunnelscopeModel

/// Both perspectives side by side, one block per physical tunnel, with the join between them
/// and every disagreement (status, inside addresses, ASN, a missing end) highlighted.
public struct SplitPerspective {
    public struct Line: Sendable {
        var left: [Span]
        var right: [Span]
        var joiner: Span
        var tunnelId: String?
        /// A heading line spans both panes (a connection ⇄ interface pair).
        var isHeading = false
        var searchText = ""
    }

    let model: NetworkModel
    let insights: Insights

    /// What differs between the two ends of a tunnel.
    struct Disagreement: OptionSet, Sendable {
        let rawValue: Int
        static let status = Disagreement(rawValue: 1)
        static let insideAddress = Disagreement(rawValue: 2)
        static let asn = Disagreement(rawValue: 4)
        static let missingEnd = Disagreement(rawValue: 8)
        static let bgp = Disagreement(rawValue: 16)
    }

    static func disagreement(_ t: PhysicalTunnel) -> Disagreement {
        guard let aws = t.aws, let gcp = t.gcp else { return .missingEnd }
        var result: Disagreement = []
        let awsUp = aws.tunnel.status == .up
        if aws.tunnel.status != .unknown, let status = gcp.tunnel.status, awsUp != (status == "ESTABLISHED") { result.insert(.status) }
        if let bgp = gcp.bgpPeer?.status?.status, aws.tunnel.status != .unknown, (bgp == "UP") != awsUp { result.insert(.bgp) }
        if let awsInside = aws.tunnel.insideCidr?.normalized, let gcpRange = gcp.routerInterface?.ipRange {
            if gcpRange.normalized != awsInside || (aws.tunnel.customerInsideIp.map { $0 != gcpRange.address } ?? false) { result.insert(.insideAddress) }
        }
        if let awsPeer = gcp.bgpPeer?.peerIpAddress, let awsInside = aws.tunnel.awsInsideIp, awsPeer != awsInside { result.insert(.insideAddress) }
        if let peerAsn = gcp.bgpPeer?.peerAsn, let amazon = aws.amazonSideAsn, peerAsn != amazon { result.insert(.asn) }
        if let cgwAsn = aws.customerGatewayAsn, let routerAsn = gcp.routerAsn, cgwAsn != routerAsn { result.insert(.asn) }
        return result
    }

    func lines() -> [Line] {
        let naming = Naming(model: model)
        let cross = model.tunnels.filter(\.isCrossCloud)
        var lines: [Line] = []
        if !cross.isEmpty {
            // Why the two consoles count differently: the same tunnels, grouped two ways.
            let connections = Set(cross.compactMap { $0.aws?.vpnConnectionId }).count
            let gateways = Set(cross.compactMap { $0.gcp?.haGateway })
            let interfaces = Set(cross.compactMap { t in t.gcp.flatMap { g in g.haInterface.map { "\(g.haGateway?.id ?? "")#\($0)" } } }).count
            let peers = Set(cross.compactMap { t in t.gcp.flatMap { g in g.peerInterface.map { "\(g.peerGateway?.id ?? "")#\($0)" } } }).count
            let bgp = cross.filter { $0.gcp?.bgpPeer != nil }.count
            lines.append(Line(left: [Span("\(cross.count) tunnels = \(connections) connections × 2 tunnels", .aws)],
                              right: [Span("\(gateways.count) HA gw × \(interfaces) ifs → \(peers) peer ifs, \(bgp) BGP", .gcp)],
                              joiner: Span("=", .accent), tunnelId: nil, isHeading: true))
        }
        var lastGroup: String?
        for tunnel in cross {
            let group = "\(tunnel.aws?.vpnConnectionId ?? "-")|\(tunnel.gcp?.haInterface.map(String.init) ?? "-")"
            if group != lastGroup {
                lastGroup = group
                if !lines.isEmpty { lines.append(Line(left: [], right: [], joiner: Span(" ", .border), tunnelId: nil)) }
                let left: [Span] = tunnel.aws.map { a in
                    [Span("VPN ", .dim), Span(naming.connection(a.vpnConnectionId), Style(.aws, bold: true)),
                     Span("  CGW \(a.customerGatewayIp?.description ?? "?")", .normal)]
                } ?? [Span("(no AWS VPN connection in the exports)", .warning)]
                let right: [Span] = tunnel.gcp.map { g in
                    [Span("HA ", .dim), Span("\(g.haGateway?.name ?? "?") interface \(g.haInterface.map(String.init) ?? "?")", Style(.gcp, bold: true)),
                     Span("  \(g.haInterfaceIp?.description ?? "?")", .normal)]
                } ?? [Span("(no GCP tunnel in the exports)", .warning)]
                let same = tunnel.aws?.customerGatewayIp != nil && tunnel.aws?.customerGatewayIp == tunnel.gcp?.haInterfaceIp
                lines.append(Line(left: left, right: right, joiner: Span(same ? "=" : "≠", same ? .accent : .mismatch), tunnelId: nil, isHeading: true))
            }
            lines.append(contentsOf: tunnelLines(tunnel, naming: naming))
        }
        if cross.isEmpty {
            lines.append(Line(left: [Span("No cross-cloud tunnels in the loaded exports.", .dim)], right: [], joiner: Span(" ", .border), tunnelId: nil))
        }
        return lines
    }

    private func tunnelLines(_ t: PhysicalTunnel, naming: Naming) -> [Line] {
        let diff = Self.disagreement(t)
        let failed = insights.failed.contains(t.id) || insights.lostTunnels.contains(t.id)
        let mismatch = Style(.mismatch)
        var left1: [Span] = []
        var left2: [Span] = []
        if let a = t.aws {
            let up: Bool? = a.tunnel.status == .unknown ? nil : a.tunnel.status == .up
            left1 = [Span("  "), Mark.status(up: up, failed: failed), Span(" tunnel \(a.tunnelNumber)  ", Style(.normal, bold: true)),
                     Span(a.tunnel.outsideIp.description, .normal)]
            left2 = [Span("    "), Span(a.tunnel.status.rawValue, diff.contains(.status) || diff.contains(.bgp) ? mismatch : up == false ? Style(.error, bold: true) : Style(.ok)),
                     Span("  ", .normal), Span(a.tunnel.insideCidr?.description ?? "?", diff.contains(.insideAddress) ? mismatch : Style(.normal)),
                     Span("  ASN \(a.amazonSideAsn.map(String.init) ?? "?")", diff.contains(.asn) ? mismatch : Style(.dim)),
                     Span(a.tunnel.acceptedRouteCount.map { "  \($0) routes" } ?? "", .dim)]
        } else {
            left1 = [Span("  ✕ not in the AWS exports", mismatch)]
            left2 = [Span("    peer IP \(t.gcp?.peerIp?.description ?? "?") matches no AWS tunnel", .dim)]
        }
        var right1: [Span] = []
        var right2: [Span] = []
        if let g = t.gcp {
            let established = g.tunnel.status.map { $0 == "ESTABLISHED" }
            // The mark is the whole tunnel's health: IPsec and, with BGP, the session.
            let healthy: Bool? = established.map { $0 && !t.bgpDown }
            right1 = [Mark.status(up: healthy, failed: failed), Span(" \(g.tunnel.name)", Style(.normal, bold: true)),
                      Span("  → peer if\(g.peerInterface.map(String.init) ?? "?") \(g.peerIp?.description ?? "?")", .normal)]
            let bgp = g.bgpPeer?.status?.status
            right2 = [Span("  "), Span(g.tunnel.status ?? "?", diff.contains(.status) ? mismatch : established == false ? Style(.error, bold: true) : Style(.ok)),
                      Span("  BGP ", .dim), Span(bgp ?? (g.bgpPeer == nil ? "none" : "?"), diff.contains(.bgp) ? mismatch : bgp == "UP" ? Style(.ok) : Style(.error, bold: true)),
                      Span("  ", .normal), Span(g.routerInterface?.ipRange?.description ?? "?", diff.contains(.insideAddress) ? mismatch : Style(.normal)),
                      Span("  peer ASN \(g.bgpPeer?.peerAsn.map(String.init) ?? "?")", diff.contains(.asn) ? mismatch : Style(.dim))]
        } else {
            right1 = [Span("✕ not in the GCP exports", mismatch)]
            right2 = [Span("  no GCP tunnel has peer IP \(t.aws?.tunnel.outsideIp.description ?? "?")", .dim)]
        }
        let joiner: Span = failed ? Span("✕", .failed) : diff.isEmpty ? Span("⇄", .accent) : Span("≠", mismatch)
        var notes: [String] = []
        if diff.contains(.status) || diff.contains(.bgp) { notes.append("status") }
        if diff.contains(.insideAddress) { notes.append("inside /30") }
        if diff.contains(.asn) { notes.append("ASN") }
        let search = "\(t.id) \(t.aws?.vpnConnectionId ?? "") \(t.gcp?.tunnel.ref.id ?? "") \(t.outsideIp?.description ?? "")"
        var lines = [
            Line(left: left1, right: right1, joiner: joiner, tunnelId: t.id, searchText: search),
            Line(left: left2, right: right2, joiner: Span(diff.isEmpty && !failed ? "│" : joiner.text, joiner.style), tunnelId: t.id, searchText: search),
        ]
        if failed {
            lines.append(Line(left: [Span("    ✕ FAILED (what-if)", .failed)], right: [Span("  ✕ FAILED (what-if)", .failed)],
                              joiner: Span("✕", .failed), tunnelId: t.id, searchText: search))
        }
        if !notes.isEmpty {
            lines.append(Line(left: [Span("    ≠ sides differ: " + notes.joined(separator: ", "), mismatch)], right: [],
                              joiner: Span("≠", mismatch), tunnelId: t.id, searchText: search))
        }
        return lines
    }
}
