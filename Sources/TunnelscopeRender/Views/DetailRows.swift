import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The detail of one element: its fields (secrets are never in the model), its counterpart on
/// the other cloud, the findings that involve it, and the file and JSON path it came from.
struct DetailRows {
    let model: NetworkModel
    let insights: Insights
    let elementId: String
    let report: LoadReport
    /// At most this many items of each long list (attachments, subnets, routes): the pane beside
    /// a list shows what fits and says how many more the detail screen (`d`) lists.
    var limit = Int.max

    /// The colour of a field stating one layer as the analysis reads it.
    static func role(_ view: TunnelState.View?) -> Role {
        switch view {
        case .up?: .ok
        case .down?: .error
        default: .dim
        }
    }

    func rows() -> [Row] {
        var rows: [Row] = []
        func field(_ name: String, _ value: String?, _ role: Role = .normal, link: String? = nil) {
            guard let value, !value.isEmpty else { return }
            rows.append(
                Row(
                    spans: [
                        Span(column(DisplayWidth.truncate(name, to: 17), 18), .dim),
                        Span(value, link != nil ? Style(role, underline: true) : Style(role)),
                    ],
                    elementId: link, searchText: value))
        }
        func heading(_ title: String, _ role: Role = .title) {
            rows.append(.blank)
            rows.append(.heading(title, role))
        }
        func source(_ ref: SourceRef?) {
            guard let ref else { return }
            heading("Source", .dim)
            field("file", ref.file, .dim)
            field("JSON path", ref.path, .dim)
        }

        if let tunnel = model.tunnel(elementId) {
            // Colours of each side's raw fields come from the analysis' reading of that layer.
            let state = insights.verdicts.tunnel(tunnel.id)?.state
            let naming = Naming(model: model)
            rows.append(
                .heading(
                    "Physical tunnel " + Naming.nameAndId(Tour.tunnelName(tunnel, naming: naming), tunnel.id), .title))
            field(
                "kind",
                tunnel.kind == .awsToGCP
                    ? "AWS ⇄ GCP"
                    : tunnel.kind == .awsToOnPrem ? "AWS ⇄ on-prem (\(tunnel.siteName ?? "?"))" : "GCP ⇄ other")
            field(
                "seen from",
                tunnel.sides == .both
                    ? "both clouds"
                    : tunnel.sides == .awsOnly
                        ? "AWS only — the GCP end is missing from the exports"
                        : "GCP only — the AWS end is missing from the exports",
                tunnel.sides == .both ? .normal : .warning)
            if let verdict = insights.verdicts.tunnel(tunnel.id) {
                // The analysis' verdict, before either side's raw fields.
                let role: Role =
                    verdict.health == .ok
                    ? .ok : verdict.health == .degraded ? .warning : verdict.health == .down ? .error : .dim
                field("verdict", "\(verdict.word) · \(verdict.carries ? "carries routes" : "carries nothing")", role)
                field("IPsec", verdict.ipsecText)
                field("BGP", verdict.bgpText)
                // Which layer differs, with both values (the analysis' disagreements), then its words.
                var layers = Set<String>()
                for d in verdict.disagreements where layers.insert(d.layer).inserted {
                    field("≠ \(d.layer)", "AWS \(d.aws) · GCP \(d.gcp)", .mismatch)
                }
                if let note = insights.whatIfNote(tunnel.id) {
                    field("what-if", String(note.text.drop { $0 == " " }), .whatIf)
                }
            }
            if let a = tunnel.aws {
                heading("AWS end", .aws)
                field(
                    "VPN connection",
                    naming.connection(a.vpnConnectionId)
                        + Naming.secondaryId(naming.connection(a.vpnConnectionId), a.vpnConnectionId),
                    link: a.vpnConnectionId)
                field("tunnel", "\(a.tunnelNumber) of the connection")
                field("outside IP", a.tunnel.outsideIp.description)
                field("inside /30", a.tunnel.insideCidr?.description)
                field("AWS inside IP", a.tunnel.awsInsideIp?.description)
                field("CGW inside IP", a.tunnel.customerInsideIp?.description)
                field(
                    "inside from",
                    a.tunnel.insideAddressSource == .configurationXML
                        ? "configuration XML"
                        : a.tunnel.insideAddressSource == .convention ? "N+1/N+2 convention" : nil, .dim)
                field(
                    "status",
                    a.tunnel.status.rawValue + (a.tunnel.statusMessage.map { $0.isEmpty ? "" : "  \"\($0)\"" } ?? ""),
                    Self.role(state?.awsTunnel == .down ? .down : state?.awsBGP ?? state?.awsTunnel))
                field("accepted routes", a.tunnel.acceptedRouteCount.map(String.init))
                field("last change", a.tunnel.lastStatusChange, .dim)
                field(
                    "customer gateway",
                    "\(a.customerGatewayId.map { Naming.nameAndId(naming.customerGateway($0), $0) } ?? "?")  \(a.customerGatewayIp?.description ?? "")",
                    link: a.customerGatewayId)
                field("Amazon-side ASN", a.amazonSideAsn.map(String.init))
                field("IKE", a.tunnel.ikeVersions.joined(separator: ", "), .dim)
                field("pre-shared key", "(never shown)", .dim)
            }
            if let g = tunnel.gcp {
                heading("GCP end", .gcp)
                field(
                    "VPN tunnel",
                    "\(g.tunnel.name)  project \(g.tunnel.ref.project)\(g.tunnel.ref.region.map { "  region \($0)" } ?? "")"
                )
                field(
                    "status", (g.tunnel.status ?? "?") + (g.tunnel.detailedStatus.map { "  \"\($0)\"" } ?? ""),
                    Self.role(state?.gcpTunnel))
                field(
                    "HA gateway",
                    g.haGateway.map {
                        "\($0.name) interface \(g.haInterface.map(String.init) ?? "?") (\(g.haInterfaceIp?.description ?? "?"))"
                    }, link: g.haGateway.flatMap { ref in g.haInterface.map { ref.interfaceID($0) } })
                field(
                    "peer gateway",
                    g.peerGateway.map {
                        "\($0.name) interface \(g.peerInterface.map(String.init) ?? "?") (\(g.peerIp?.description ?? "?"))"
                    })
                field(
                    "Cloud Router", g.router.map { "\($0.name)  ASN \(g.routerAsn.map(String.init) ?? "?")" },
                    link: g.router?.id)
                field("router interface", g.routerInterface.map { "\($0.name)  \($0.ipRange?.description ?? "?")" })
                if let peer = g.bgpPeer {
                    field(
                        "BGP peer",
                        "\(peer.name)  \(peer.ipAddress?.description ?? "?") ⇄ \(peer.peerIpAddress?.description ?? "?")  peer ASN \(peer.peerAsn.map(String.init) ?? "?")"
                    )
                    field(
                        "BGP status",
                        peer.status.map {
                            "\($0.status ?? "?") (\($0.state ?? "?"))  \($0.numLearnedRoutes.map { "\($0) routes learned" } ?? "")  \($0.uptime.map { "up \($0)" } ?? "")"
                        } ?? "unknown (no routers get-status export)",
                        Self.role(state?.gcpBGP))
                }
                field("shared secret", "(never shown)", .dim)
            }
            appendChanges(&rows)
            appendFindings(&rows)
            appendLiveCommands(&rows)
            source(tunnel.aws?.tunnel.source ?? tunnel.gcp?.tunnel.source)
            return rows
        }
        if let resource = ResourceFacts(
            model: model, verdicts: insights.verdicts, lookups: insights.index.lookups, limit: limit
        ).facts(for: elementId) {
            rows.append(.heading(resource.title, resource.role))
            if let note = insights.whatIfNote(elementId) {
                field("what-if", String(note.text.drop { $0 == " " }), .whatIf)
            }
            for (name, value, link) in resource.fields { field(name, value, link: link) }
            if !resource.related.isEmpty {
                heading("Related")
                for (label, id) in resource.related {
                    rows.append(
                        Row(
                            spans: [Span("→ ", .dim), Span(label, Style(.normal, underline: true))], elementId: id,
                            searchText: id))
                }
            }
            if resource.more > 0 {
                rows.append(Row(spans: [Span("… \(resource.more) more: d lists them all", .dim)]))
            }
            appendChanges(&rows)
            appendFindings(&rows)
            appendLiveCommands(&rows)
            source(resource.source)
            return rows
        }
        rows.append(.heading("Unknown element \(elementId)", .warning))
        appendChanges(&rows)
        appendFindings(&rows)
        return rows
    }

    /// The read-only commands that show the element's live state, each on lines of their own (no
    /// label on them) so that they can be selected with the mouse; `y` copies one.
    private func appendLiveCommands(_ rows: inout [Row]) {
        let commands = LiveCommand.commands(for: elementId, in: model)
        guard !commands.isEmpty else { return }
        rows.append(.blank)
        rows.append(.heading("Live state (read-only command; y copies)", .title))
        for command in commands {
            rows.append(Row(spans: [Span("\(command.cloud.rawValue) · \(command.what)", .dim)]))
            for line in command.lines { rows.append(Row(spans: [Span(line, Style(.accent))], searchText: line)) }
        }
    }

    /// Diff mode: how the element differs from BEFORE, field by field (the Changes screen's lines).
    private func appendChanges(_ rows: inout [Row]) {
        guard let change = insights.change(elementId) else { return }
        rows.append(.blank)
        rows.append(
            Row(
                kind: .heading,
                spans: [
                    ChangeMark.span(change.kind), Span(" Since before: \(change.summary)", Style(.title, bold: true)),
                ]))
        for field in change.fields { rows += ChangesRows.fieldRows(field, oneSide: change.isOneSided) }
    }

    private func appendFindings(_ rows: inout [Row]) {
        let findings = insights.findings(involving: elementId)
        guard !findings.isEmpty else { return }
        rows.append(.blank)
        rows.append(.heading("Findings (\(findings.count))", .warning))
        for f in findings {
            rows.append(
                Row(spans: [FindingsRows.mark(f.severity), Span(" \(f.rule)  ", .dim), Span(f.message, .normal)]))
            if let hint = f.hint { rows.append(Row(spans: [Span("    → \(hint)", .dim)])) }
        }
    }
}
