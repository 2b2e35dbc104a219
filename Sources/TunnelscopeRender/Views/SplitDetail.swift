import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The lower half of the side by side on a tall screen: the selected tunnel's two ends field by
/// field (AWS in the AWS pane, GCP in the GCP pane, `≠` where the analysis reports the layer
/// differs), what each side advertises and learns over it, and the findings that name it.
/// Only the selected tunnel's lines are made, per frame.
enum SplitDetail {
    /// From this body height the side by side gives its lower part to the selected tunnel.
    static let minimumHeight = 30

    static func lines(_ state: AppState, tunnel id: String) -> [SplitPerspective.Line] {
        guard let t = state.model.tunnel(id) else { return [] }
        let insights = state.insights
        let verdict = insights.verdicts.tunnel(id)
        let naming = Naming(model: state.model)
        var lines: [SplitPerspective.Line] = []
        let mismatch = Style(.mismatch)
        let differs = Set(verdict?.disagreements.map(\.layer) ?? [])
        func line(_ left: [Span], _ right: [Span], _ joiner: Span = Span("│", .border)) {
            lines.append(SplitPerspective.Line(left: left, right: right, joiner: joiner, tunnelId: id))
        }
        /// One field, each side's value in its pane; `≠` and both in the mismatch colour when the layer differs.
        func field(_ name: String, _ aws: String?, _ gcp: String?, layer: String? = nil) {
            let bad = layer.map { differs.contains($0) } ?? false
            let style = bad ? mismatch : Style(.normal)
            line(
                [Span(" " + column(name, 14), .dim), Span(aws ?? "—", style)], [Span(" " + (gcp ?? "—"), style)],
                bad ? Span("≠", mismatch) : Span("│", .border))
        }

        let title = verdict.map { "\($0.word) · \($0.carries ? "carries routes" : "carries nothing")" } ?? "no verdict"
        line(
            [
                insights.mark(id), Span(" AWS end", Style(.aws, bold: true)),
                Span(t.aws.map { "  \(naming.awsTunnel($0))" } ?? "  not in the exports", .normal),
            ],
            [
                Span(" GCP end", Style(.gcp, bold: true)),
                Span(t.gcp.map { "  \($0.tunnel.name)" } ?? "  not in the exports", .normal),
                Span("   verdict: \(title)", Mark.style(verdict?.health ?? .unknown)),
            ], Span("│", .border))
        if let note = insights.whatIfNote(id) {
            line([Span(" " + note.text.drop { $0 == " " }, .whatIf)], [], Span("│", .border))
        }
        let a = t.aws
        let g = t.gcp
        field("outside IP", a?.tunnel.outsideIp.description, g?.peerIp.map { "peer \($0)" })
        field(
            "gateway", a?.customerGatewayIp.map { "CGW \($0)" },
            g?.haInterfaceIp.map { "HA \(g?.haGateway?.name ?? "?") if\(g?.haInterface.map(String.init) ?? "?") \($0)" }
        )
        field(
            "IPsec", a.map { $0.tunnel.status.rawValue + Self.aside($0.tunnel.statusMessage) },
            g.map { ($0.tunnel.status ?? "?") + Self.aside($0.tunnel.detailedStatus) }, layer: "IPsec")
        let bgp = verdict?.state
        field(
            "BGP",
            bgp.map { s in
                s.awsBGP == .up
                    ? "UP" + (s.awsAcceptedRoutes.map { ", \($0) route\($0 == 1 ? "" : "s") accepted" } ?? "")
                    : s.awsBGP == .down ? "DOWN" : "unknown"
            },
            g?.bgpPeer.map { peer in
                !peer.enabled
                    ? "DISABLED"
                    : peer.status.map { s in
                        "\(s.status ?? "?") (\(s.state ?? "?"))"
                            + (s.numLearnedRoutes.map { ", \($0) learned" } ?? "")
                    } ?? "unknown (no routers get-status export)"
            } ?? "no BGP peer", layer: "BGP")
        field(
            "inside /30", a?.tunnel.insideCidr?.description, g?.routerInterface?.ipRange?.description,
            layer: "inside /30")
        field(
            "ASN",
            a.map {
                "Amazon \($0.amazonSideAsn.map(String.init) ?? "?") · CGW \($0.customerGatewayAsn.map(String.init) ?? "?")"
            },
            g.map {
                "peer \($0.bgpPeer?.peerAsn.map(String.init) ?? "?") · router \($0.routerAsn.map(String.init) ?? "?")"
            },
            layer: "ASN")
        for d in verdict?.disagreements ?? [] where !["IPsec", "BGP", "inside /30", "ASN"].contains(d.layer) {
            line(
                [Span(" " + column("≠ \(d.layer)", 14), mismatch), Span(d.aws, mismatch)],
                [Span(" " + d.gcp, mismatch)],
                Span("≠", mismatch))
        }
        if let routes = state.routes(ofTunnel: id) {
            func list(_ prefixes: [CIDR]) -> String {
                prefixes.isEmpty
                    ? "nothing"
                    : prefixes.prefix(4).map(\.description).joined(separator: ", ")
                        + (prefixes.count > 4 ? " +\(prefixes.count - 4) more" : "")
            }
            field("advertises", list(routes.awsAdvertises), list(routes.gcpAdvertises))
            field(
                "learns", list(routes.awsLearns),
                routes.gcpLearns.map(list) ?? "unknown (\(routes.gcpLearnsUnknown ?? "not exported"))",
                layer: "routes")
        }
        let findings = insights.findings(involving: id)
        for f in findings.prefix(3) {
            line([FindingsRows.mark(f.severity), Span(" \(f.rule)  ", .dim), Span(f.message)], [], Span(" ", .border))
        }
        if findings.count > 3 {
            line([Span("  … \(findings.count - 3) more findings (d: detail)", .dim)], [], Span(" ", .border))
        }
        return lines
    }

    /// ` (text)`, or nothing for a missing or blank text.
    static func aside(_ text: String?) -> String {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return "" }
        return " (\(text))"
    }
}
