import TunnelscopeAnalysis
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

        /// The mark between the panes: `⇄` (agree), `≠` (the analysis reports a disagreement), `✕` (what-if).
        public var joinerText: String { joiner.text }
        /// The physical tunnel the line belongs to (nil for headings).
        public var tunnel: String? { tunnelId }
    }

    let model: NetworkModel
    let insights: Insights

    /// The layers on which the analysis says the two ends disagree (its mismatch findings).
    struct Disagreement: OptionSet, Sendable {
        let rawValue: Int
        static let status = Disagreement(rawValue: 1)
        static let insideAddress = Disagreement(rawValue: 2)
        static let asn = Disagreement(rawValue: 4)
        static let missingEnd = Disagreement(rawValue: 8)
        static let bgp = Disagreement(rawValue: 16)

        init(rawValue: Int) { self.rawValue = rawValue }

        init(_ verdict: TunnelVerdict?) {
            var result: Disagreement = []
            for d in verdict?.disagreements ?? [] {
                switch d.layer {
                case "IPsec", "status": result.insert(.status)
                case "BGP", "routes": result.insert(.bgp)
                case "inside /30": result.insert(.insideAddress)
                case "ASN": result.insert(.asn)
                default: result.insert(.missingEnd)
                }
            }
            self = result
        }
    }

    func lines() -> [Line] {
        let naming = Naming(model: model)
        let cross = model.tunnels.filter(\.isCrossCloud)
        var lines: [Line] = []
        if !cross.isEmpty {
            // Why the two consoles count differently: the same tunnels, grouped two ways.
            let connections = Set(cross.compactMap { $0.aws?.vpnConnectionId }).count
            let gateways = Set(cross.compactMap { $0.gcp?.haGateway })
            let interfaces = Set(
                cross.compactMap { t in t.gcp.flatMap { g in g.haInterface.map { "\(g.haGateway?.id ?? "")#\($0)" } } }
            ).count
            let peers = Set(
                cross.compactMap { t in
                    t.gcp.flatMap { g in g.peerInterface.map { "\(g.peerGateway?.id ?? "")#\($0)" } }
                }
            ).count
            let bgp = cross.filter { $0.gcp?.bgpPeer != nil }.count
            lines.append(
                Line(
                    left: [Span("\(cross.count) tunnels = \(connections) connections × 2 tunnels", .aws)],
                    right: [Span("\(gateways.count) HA gw × \(interfaces) ifs → \(peers) peer ifs, \(bgp) BGP", .gcp)],
                    joiner: Span("=", .accent), tunnelId: nil, isHeading: true))
        }
        var lastGroup: String?
        for tunnel in cross {
            let group = "\(tunnel.aws?.vpnConnectionId ?? "-")|\(tunnel.gcp?.haInterface.map(String.init) ?? "-")"
            if group != lastGroup {
                lastGroup = group
                if !lines.isEmpty { lines.append(Line(left: [], right: [], joiner: Span(" ", .border), tunnelId: nil)) }
                let left: [Span] =
                    tunnel.aws.map { a in
                        [
                            Span("VPN ", .dim), Span(naming.connection(a.vpnConnectionId), Style(.aws, bold: true)),
                            insights.note(a.vpnConnectionId) ?? Span(""),
                            Span("  CGW \(a.customerGatewayIp?.description ?? "?")", .normal),
                        ]
                    } ?? [Span("(no AWS VPN connection in the exports)", .warning)]
                let right: [Span] =
                    tunnel.gcp.map { g in
                        [
                            Span("HA ", .dim),
                            Span(
                                "\(g.haGateway?.name ?? "?") interface \(g.haInterface.map(String.init) ?? "?")",
                                Style(.gcp, bold: true)),
                            g.haGateway.flatMap { ha in
                                g.haInterface.flatMap { insights.note(ha.interfaceID($0)) }
                            }
                                ?? Span(""),
                            Span("  \(g.haInterfaceIp?.description ?? "?")", .normal),
                        ]
                    } ?? [Span("(no GCP tunnel in the exports)", .warning)]
                // `≠` when the analysis reports the customer gateway as no HA VPN interface (unmatched-tunnel).
                let cgwFindings = tunnel.aws?.customerGatewayId.map { insights.verdicts.findings(naming: $0) } ?? []
                let same = !cgwFindings.contains { insights.findings[$0].rule == "unmatched-tunnel" }
                lines.append(
                    Line(
                        left: left, right: right, joiner: Span(same ? "=" : "≠", same ? .accent : .mismatch),
                        tunnelId: nil, isHeading: true))
            }
            lines.append(contentsOf: tunnelLines(tunnel, naming: naming))
        }
        if cross.isEmpty {
            lines.append(
                Line(
                    left: [Span("No cross-cloud tunnels in the loaded exports.", .dim)], right: [],
                    joiner: Span(" ", .border), tunnelId: nil))
        }
        return lines
    }

    private func tunnelLines(_ t: PhysicalTunnel, naming: Naming) -> [Line] {
        let verdict = insights.verdicts.tunnel(t.id)
        let diff = Disagreement(verdict)
        let whatIf = insights.note(t.id)
        let failed = insights.isFailed(t.id) || insights.isLost(t.id)
        let state = verdict?.state
        let mismatch = Style(.mismatch)
        var left1: [Span] = []
        var left2: [Span] = []
        if let a = t.aws {
            let awsText =
                state?.awsTunnel == .up && state?.awsBGP == .down ? "IPsec up, BGP DOWN" : a.tunnel.status.rawValue
            left1 = [
                Span("  "), insights.mark(t.id),
                Span(" tunnel \(a.tunnelNumber)  ", Style(.normal, bold: true)),
                Span(a.tunnel.outsideIp.description, .normal),
            ]
            left2 = [
                Span("    "),
                Span(
                    awsText,
                    diff.contains(.status) || diff.contains(.bgp)
                        ? mismatch
                        : Mark.style(
                            GCPPerspective.health(state?.awsTunnel == .down ? .down : state?.awsBGP ?? state?.awsTunnel)
                        )),
                Span("  ", .normal),
                Span(
                    a.tunnel.insideCidr?.description ?? "?", diff.contains(.insideAddress) ? mismatch : Style(.normal)),
                Span("  ASN \(a.amazonSideAsn.map(String.init) ?? "?")", diff.contains(.asn) ? mismatch : Style(.dim)),
                Span(a.tunnel.acceptedRouteCount.map { "  \($0) route\($0 == 1 ? "" : "s")" } ?? "", .dim),
            ]
        } else {
            left1 = [Span("  ✕ not in the AWS exports", mismatch)]
            left2 = [Span("    peer IP \(t.gcp?.peerIp?.description ?? "?") matches no AWS tunnel", .dim)]
        }
        var right1: [Span] = []
        var right2: [Span] = []
        if let g = t.gcp {
            // The mark is the verdict on the whole tunnel: IPsec and, with BGP, the session.
            right1 = [
                insights.mark(t.id), Span(" \(g.tunnel.name)", Style(.normal, bold: true)),
                Span("  → peer if\(g.peerInterface.map(String.init) ?? "?") \(g.peerIp?.description ?? "?")", .normal),
            ]
            let bgp = g.bgpPeer.map {
                $0.enabled
                    ? ($0.status.map { s in
                        (s.status ?? "?") + (s.state.map { $0 == "Established" ? "" : " (\($0))" } ?? "")
                    } ?? "?") : "DISABLED"
            }
            right2 = [
                Span("  "),
                Span(
                    g.tunnel.status ?? "?",
                    diff.contains(.status) ? mismatch : Mark.style(GCPPerspective.health(state?.gcpTunnel))),
                Span("  BGP ", .dim),
                Span(bgp ?? "none", diff.contains(.bgp) ? mismatch : Mark.style(GCPPerspective.health(state?.gcpBGP))),
                Span("  ", .normal),
                Span(
                    g.routerInterface?.ipRange?.description ?? "?",
                    diff.contains(.insideAddress) ? mismatch : Style(.normal)),
                Span(
                    "  peer ASN \(g.bgpPeer?.peerAsn.map(String.init) ?? "?")",
                    diff.contains(.asn) ? mismatch : Style(.dim)),
            ]
        } else {
            right1 = [Span("✕ not in the GCP exports", mismatch)]
            right2 = [Span("  no GCP tunnel has peer IP \(t.aws?.tunnel.outsideIp.description ?? "?")", .dim)]
        }
        let joiner: Span =
            failed ? insights.mark(t.id) : diff.isEmpty ? Span("⇄", .accent) : Span("≠", mismatch)
        let search =
            "\(t.id) \(t.aws?.vpnConnectionId ?? "") \(t.gcp?.tunnel.ref.id ?? "") \(t.outsideIp?.description ?? "")"
        var lines = [
            Line(left: left1, right: right1, joiner: joiner, tunnelId: t.id, searchText: search),
            Line(
                left: left2, right: right2, joiner: Span(diff.isEmpty && !failed ? "│" : joiner.text, joiner.style),
                tunnelId: t.id, searchText: search),
        ]
        if failed, let whatIf {
            let text = "  " + whatIf.text.trimmingPrefix("  ")
            lines.append(
                Line(
                    left: [Span("  " + text, .whatIf)], right: [Span(text, .whatIf)], joiner: joiner, tunnelId: t.id,
                    searchText: search))
        }
        // Which layer disagrees, with each side's value in its own pane (the analysis' disagreements).
        var layers = Set<String>()
        for d in verdict?.disagreements ?? [] where layers.insert(d.layer).inserted {
            lines.append(
                Line(
                    left: [Span("    ≠ \(d.layer): ", mismatch), Span(d.aws, mismatch)],
                    right: [Span("  \(d.layer): ", .dim), Span(d.gcp, mismatch)], joiner: Span("≠", mismatch),
                    tunnelId: t.id, searchText: search))
        }
        return lines
    }
}
