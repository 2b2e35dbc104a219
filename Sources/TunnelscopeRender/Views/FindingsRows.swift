import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The findings list, worst first, filtered by severity; Enter jumps to the first resource.
struct FindingsRows {
    let insights: Insights
    let filter: AppState.SeverityFilter
    let model: NetworkModel
    /// Columns the text may use: messages and hints wrap rather than being cut.
    var width: Int = 200

    static func mark(_ severity: Severity) -> Span {
        switch severity {
        case .error: Span("✖ error  ", Style(.error, bold: true))
        case .warning: Span("▲ warning", .warning)
        case .info: Span("ℹ info   ", .info)
        }
    }

    static func shortMark(_ severity: Severity) -> Span {
        switch severity {
        case .error: Span("✖", Style(.error, bold: true))
        case .warning: Span("▲", .warning)
        case .info: Span("ℹ", .info)
        }
    }

    func rows() -> [Row] {
        let shown = insights.findings.filter { filter.admits($0.severity) }  // already most urgent first
        var rows: [Row] = [
            Row(
                kind: .heading,
                spans: [
                    Span("Findings", Style(.title, bold: true)),
                    Span(
                        "  \(insights.errorCount) error\(insights.errorCount == 1 ? "" : "s"), \(insights.warningCount) warning\(insights.warningCount == 1 ? "" : "s"), \(insights.findings.count - insights.errorCount - insights.warningCount) info · \(filter.label) · s filters",
                        .dim),
                ])
        ]
        if shown.isEmpty {
            rows.append(
                Row(spans: [
                    Span(
                        insights.findings.isEmpty
                            ? "No findings: nothing is down or at risk in the loaded exports."
                            : "No findings at this severity.", .ok)
                ]))
        }
        for finding in shown {
            // The message first (it is what a tired engineer reads); rule and hint below it.
            let text = max(20, width - 4)
            for (i, line) in Wrap.lines(finding.message, width: text).enumerated() {
                rows.append(
                    i == 0
                        ? Row(
                            spans: [Self.shortMark(finding.severity), Span(" " + line, .normal)],
                            elementId: finding.resources.first,
                            searchText: finding.resources.joined(separator: " "))
                        : Row(spans: [Span("  " + line, .normal)]))
            }
            let hint = "\(finding.rule)" + (finding.hint.map { "  → \($0)" } ?? "")
            for line in Wrap.lines(hint, width: text - 2) { rows.append(Row(spans: [Span("    " + line, .dim)])) }
        }
        return rows
    }
}

/// What each side advertises and learns over the VPN, the what-if's losses, and the last path query.
struct RoutesRows {
    let routes: RouteExchange
    let verdicts: Verdicts
    /// The what-if outcome, when elements are failed.
    let whatIf: FailureOutcome?
    let path: (from: String, to: String, lines: [Span])?

    func rows() -> [Row] {
        var rows: [Row] = [
            Row(
                kind: .heading,
                spans: [
                    Span("Routes", Style(.title, bold: true)),
                    Span("  what each side advertises and learns · :path FROM TO traces a path", .dim),
                ])
        ]
        if let path {
            rows.append(.blank)
            rows.append(.heading("Path \(path.from) → \(path.to)", .accent))
            for span in path.lines { rows.append(Row(spans: [Span("  "), span])) }
        }
        func section(_ title: String, _ lines: [String]) {
            rows.append(.blank)
            rows.append(.heading(title, .title))
            if lines.isEmpty { rows.append(Row(spans: [Span("  (none)", .dim)])) }
            for line in lines { rows.append(Row(spans: [Span("  " + line, .normal)], searchText: line)) }
        }
        if let whatIf {
            if whatIf.failed.isEmpty {
                // Nothing the user marked resolved to an element that can fail: "Nothing failed."
                section("What-if: \(whatIf.summary)", [])
            } else {
                // The what-if summary is a sentence: wrap it rather than cut it.
                rows.append(.blank)
                for line in Wrap.lines("What-if: \(whatIf.summary)", width: 100) {
                    rows.append(.heading(line, .failed))
                }
            }
            section(
                "What-if: prefixes that lose every path (\(whatIf.lostPrefixes.count))",
                whatIf.lostPrefixes.map(Self.line))
        }
        section(
            "AWS → GCP: what AWS advertises over the VPN and Cloud Router learns (\(routes.awsToGCP.count))",
            routes.awsToGCP.map(Self.line))
        section(
            "GCP → AWS: what Cloud Router advertises and the TGW learns (\(routes.gcpToAWS.count))",
            routes.gcpToAWS.map(Self.line))
        if !routes.notes.isEmpty { section("Where the two sides' views disagree", routes.notes) }
        perTunnel(&rows)
        return rows
    }

    /// Per physical tunnel: what each side advertises on it and what the other side learned over it,
    /// as each cloud reports it (`unknown` where the exports do not say).
    func perTunnel(_ rows: inout [Row]) {
        guard !routes.perTunnel.isEmpty else { return }
        rows.append(.blank)
        rows.append(.heading("Per tunnel: advertised by one side, learned by the other", .title))
        func list(_ prefixes: [CIDR]) -> String {
            prefixes.isEmpty
                ? "none"
                : prefixes.prefix(6).map(\.description).joined(separator: ", ")
                    + (prefixes.count > 6 ? " … +\(prefixes.count - 6)" : "")
        }
        let lost = Set(whatIf?.tunnelsLost.map(\.id) ?? [])
        for t in routes.perTunnel {
            let verdict = verdicts.tunnel(t.tunnel)
            let failed = lost.contains(t.tunnel)
            // Routes AWS advertises reach GCP when the session carries towards AWS, and the reverse.
            let toAWS = (verdict?.state.carriesToAWS ?? false) && !failed
            let toGCP = (verdict?.state.carriesToGCP ?? false) && !failed
            let sessionUp = !failed && verdict.map { $0.state.ipsecUp && !$0.state.bgpDown } == true
            rows.append(
                Row(
                    spans: [
                        Span("  "), failed ? Mark.failed : verdict.map { Mark.health($0.health) } ?? Mark.unknown,
                        Span(" \(t.tunnel)", Style(.normal, bold: true)),
                        Span("  " + (verdict?.summary ?? ""), .dim),
                    ] + (failed ? [Span("  ✕ carries nothing in the what-if", .failed)] : []),
                    elementId: t.tunnel, tunnelId: t.tunnel, searchText: t.tunnel))
            let gcpLearned =
                t.gcpLearns.map { "Cloud Router learned \($0.count): \(list($0))" }
                ?? "Cloud Router learned: unknown (\(t.gcpLearnsUnknown ?? "not in the exports"))"
            // "Advertises" only over a session that carries; otherwise what it would send.
            let sends = toAWS ? "AWS advertises" : "AWS would advertise (nothing is sent: the session is down)"
            rows.append(
                Row(
                    spans: [
                        Span("      AWS → GCP  ", .aws),
                        Span("\(sends) \(t.awsAdvertises.count): \(list(t.awsAdvertises))", toAWS ? .normal : .dim),
                    ],
                    tunnelId: t.tunnel))
            rows.append(
                Row(
                    spans: [
                        Span("                 ", .aws),
                        Span(
                            gcpLearned,
                            t.gcpLearns.map { $0.count < t.awsAdvertises.count ? Style(.warning) : Style(.normal) }
                                ?? Style(.dim)),
                    ],
                    tunnelId: t.tunnel))
            let accepted = t.awsAcceptedRoutes.map { " (AWS telemetry: \($0) accepted)" } ?? ""
            rows.append(
                Row(
                    spans: [
                        Span("      GCP → AWS  ", .gcp),
                        Span(
                            "Cloud Router \(toGCP || sessionUp ? "advertises" : "would advertise (nothing is sent: the session is down)") "
                                + "\(t.gcpAdvertises.count): " + list(t.gcpAdvertises),
                            toGCP || sessionUp ? .normal : .dim),
                    ],
                    tunnelId: t.tunnel))
            rows.append(
                Row(
                    spans: [
                        Span("                 ", .gcp),
                        Span(
                            "TGW routes over it \(t.awsLearns.count)\(accepted): \(list(t.awsLearns))",
                            t.awsLearns.count < t.gcpAdvertises.count ? Style(.warning) : Style(.normal)),
                    ],
                    tunnelId: t.tunnel))
        }
    }

    /// `10.10.0.0/16       AWS VPC app-vpc (vpc-0a11aa11aa11aa110)  · advertised on 4 tunnels, learned on 4`
    static func line(_ route: VPNRoute) -> String {
        "\(DisplayWidth.pad(route.prefix.description, to: 18)) advertised on \(route.advertisedOn.count), "
            + "learned on \(route.learnedOn.count)  \(route.originLabel)"
    }

    /// `10.100.16.0/20 GCP subnet svc-a-east4: no path to AWS, on-prem`
    static func line(_ loss: PrefixLoss) -> String {
        "\(loss.prefix) \(loss.originLabel): no path to \(loss.lost.map(\.rawValue).joined(separator: ", "))"
    }
}
