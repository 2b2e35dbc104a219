import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// The GCP side as the Google Cloud console shows it: host project network → Cloud Router →
/// HA VPN gateway interfaces 0/1 → vpn-tunnels → peer gateway interfaces 0–3 (the AWS tunnel
/// outside IPs) → BGP peers and their status.
struct GCPPerspective {
    let model: NetworkModel
    let insights: Insights

    func rows() -> [Row] {
        let naming = Naming(model: model)
        var rows: [Row] = [
            Row(
                kind: .heading,
                spans: [
                    Span("GCP view", Style(.gcp, bold: true)),
                    Span("  what the Google Cloud console shows: HA gateway, peer gateway, tunnels, BGP peers", .dim),
                ])
        ]
        let tunnelsByGCPRef = Dictionary(
            model.tunnels.compactMap { t in t.gcp.map { ($0.tunnel.ref, t) } }, uniquingKeysWith: { a, _ in a })
        let roles = Dictionary(model.gcpProjects.map { ($0.id, $0.role) }, uniquingKeysWith: { a, _ in a })
        var shown = Set<GCPRef>()

        for gateway in model.haVpnGateways {
            let network = gateway.network.flatMap { model.gcpNetwork($0) }
            let role = roles[gateway.ref.project] == .sharedVPCHost ? " (Shared VPC host)" : ""
            rows.append(
                Row(
                    spans: [
                        Span("Project ", .dim),
                        Span(naming.project(gateway.ref.project) + role, Style(.gcp, bold: true)),
                        insights.note(gateway.network?.id ?? "")
                            ?? insights.note("project/\(gateway.ref.project)") ?? Span(""),
                        Span("  network \(gateway.network?.name ?? "?")", .normal),
                        Span(
                            network.map {
                                "  \($0.subnetMode.rawValue.lowercased()) mode, \($0.routingMode ?? "?") routing"
                            } ?? "", network?.subnetMode == .auto ? .warning : .dim),
                    ],
                    elementId: gateway.network?.id, searchText: gateway.network?.id ?? ""))
            let tunnels = model.gcpTunnels.filter { $0.vpnGateway == gateway.ref }
            let routers = Set(tunnels.compactMap(\.router)).sorted()
            for routerRef in routers {
                let router = model.cloudRouter(routerRef)
                var advertises: String
                if let router {
                    if router.advertiseMode == "CUSTOM" {
                        let ranges =
                            router.advertisedIpRanges.map(\.description)
                            + router.advertisedGroups.map { $0 == "ALL_SUBNETS" ? "all subnets" : $0 }
                        advertises = "advertises " + (ranges.isEmpty ? "nothing" : ranges.joined(separator: ", "))
                    } else {
                        advertises = "advertises all subnets (DEFAULT)"
                    }
                    // BGP peers in CUSTOM mode advertise their own ranges instead of the router's.
                    let custom = router.bgpPeers.filter { $0.advertiseMode == "CUSTOM" }
                    if !custom.isEmpty {
                        let ranges = Set(
                            custom.flatMap {
                                $0.advertisedIpRanges.map(\.description)
                                    + $0.advertisedGroups.map { $0 == "ALL_SUBNETS" ? "all subnets" : $0 }
                            })
                        advertises =
                            (custom.count == router.bgpPeers.count ? "" : advertises + "; ")
                            + (custom.count == router.bgpPeers.count
                                ? "every BGP peer CUSTOM: "
                                : "\(custom.count) BGP peer\(custom.count == 1 ? "" : "s") CUSTOM: ")
                            + (ranges.isEmpty ? "nothing" : ranges.sorted().joined(separator: ", "))
                    }
                } else {
                    advertises = "router not in the exports"
                }
                rows.append(
                    Row(
                        spans: [
                            Span("├─ ", .border), Span("Cloud Router ", .dim),
                            Span(routerRef.name, Style(.normal, bold: true)),
                            insights.note(routerRef.id) ?? Span(""),
                            Span(
                                "  \(routerRef.region ?? "")  ASN \(router?.asn.map(String.init) ?? "?")  \(advertises)",
                                .normal),
                            Span(
                                router?.hasStatus == false ? "  (no get-status export: BGP status unknown)" : "",
                                .warning),
                        ],
                        elementId: routerRef.id, searchText: routerRef.id))
            }
            rows.append(
                Row(
                    spans: [
                        Span("├─ ", .border), Span("HA VPN gateway ", .dim),
                        Span(gateway.name, Style(.gcp, bold: true)),
                        insights.note(gateway.ref.id) ?? Span(""),
                        Span("  \(gateway.ref.region ?? "")  \(gateway.interfaces.count) interfaces", .normal),
                    ],
                    elementId: gateway.ref.id, searchText: gateway.ref.id))
            for (ii, interface) in gateway.interfaces.enumerated() {
                let lastInterface = ii == gateway.interfaces.count - 1
                let onInterface = tunnels.filter { $0.vpnGatewayInterface == interface.id }.sorted {
                    ($0.peerExternalGatewayInterface ?? 9, $0.name) < ($1.peerExternalGatewayInterface ?? 9, $1.name)
                }
                let interfaceId = gateway.ref.interfaceID(interface.id)
                let note = insights.note(interfaceId)
                rows.append(
                    Row(
                        spans: [
                            Span("│  " + (lastInterface ? "└─ " : "├─ "), .border),
                            note == nil ? Span("", .normal) : insights.mark(interfaceId), Span(note == nil ? "" : " "),
                            Span("Interface \(interface.id)  ", Style(.normal, bold: true)),
                            Span(interface.ipAddress?.description ?? "?", .normal),
                            awsCustomerGateway(for: interface.ipAddress),
                            note ?? Span(""),
                        ],
                        elementId: gateway.ref.interfaceID(interface.id),
                        searchText: "\(gateway.ref.interfaceID(interface.id)) \(interface.ipAddress?.description ?? "")"
                    ))
                let indent = "│  " + (lastInterface ? "   " : "│  ")
                for (ti, tunnel) in onInterface.enumerated() {
                    shown.insert(tunnel.ref)
                    rows.append(
                        contentsOf: tunnelRows(
                            tunnel, physical: tunnelsByGCPRef[tunnel.ref], indent: indent,
                            last: ti == onInterface.count - 1))
                }
            }
            for tunnel in tunnels where !shown.contains(tunnel.ref) {
                shown.insert(tunnel.ref)
                rows.append(
                    contentsOf: tunnelRows(tunnel, physical: tunnelsByGCPRef[tunnel.ref], indent: "│  ", last: false))
            }
            let peers = Set(tunnels.compactMap(\.peerExternalGateway))
            for external in model.externalVpnGateways where peers.contains(external.ref) {
                rows.append(contentsOf: externalRows(external, last: true))
            }
            rows.append(.blank)
        }
        let usedExternals = Set(model.gcpTunnels.compactMap(\.peerExternalGateway))
        for external in model.externalVpnGateways where !usedExternals.contains(external.ref) {
            rows.append(contentsOf: externalRows(external, last: true))
        }
        let others = model.gcpTunnels.filter { !shown.contains($0.ref) }
        if !others.isEmpty {
            rows.append(Row.heading("Tunnels whose HA gateway is not in the exports", .dim))
            for (i, tunnel) in others.enumerated() {
                rows.append(
                    contentsOf: tunnelRows(
                        tunnel, physical: tunnelsByGCPRef[tunnel.ref], indent: "", last: i == others.count - 1))
            }
        }
        if model.haVpnGateways.isEmpty && model.gcpTunnels.isEmpty {
            rows.append(Row(spans: [Span("No GCP VPN resources in the loaded exports.", .dim)]))
        }
        return rows
    }

    private func awsCustomerGateway(for ip: IPv4Address?) -> Span {
        guard let ip, let cgw = model.customerGateways.first(where: { $0.ipAddress == ip }) else {
            return Span("  (no AWS customer gateway with this IP in the exports)", .dim)
        }
        return Span("  = AWS customer gateway \(Naming(model: model).customerGateway(cgw.id))", .aws)
    }

    private func tunnelRows(_ tunnel: GCPVPNTunnel, physical: PhysicalTunnel?, indent: String, last: Bool) -> [Row] {
        let id = physical?.id ?? tunnel.ref.id
        let failed = insights.isFailed(tunnel.ref.id)
        let end = physical?.gcp
        let state = physical.flatMap { insights.verdicts.tunnel($0.id) }?.state
        var spans = [
            Span(indent + (last ? "└─ " : "├─ "), .border), insights.mark(id, alsoFailed: failed),
            Span(" \(tunnel.name)", Style(.normal, bold: true)),
            Span(" → peer if\(tunnel.peerExternalGatewayInterface.map(String.init) ?? "?")  ", .normal),
            Span(tunnel.status ?? "status ?", Mark.style(Self.health(state?.gcpTunnel))),
        ]
        if let peer = end?.bgpPeer {
            let status = peer.enabled ? peer.status?.status : "DISABLED"
            spans.append(Span("  BGP ", .dim))
            spans.append(
                Span(
                    "\(status ?? "?")" + (peer.status?.state.map { $0 == "Established" ? "" : " (\($0))" } ?? ""),
                    Mark.style(Self.health(state?.gcpBGP))))
        } else {
            spans.append(Span("  no BGP peer on this tunnel", .warning))
        }
        if let aws = physical?.aws {
            let disagrees = physical.flatMap { insights.verdicts.tunnel($0.id) }?.hasDisagreement == true
            spans.append(
                Span(
                    "  \(disagrees ? "≠" : "⇄") \(Naming(model: model).awsTunnelShort(aws))",
                    disagrees ? .mismatch : .aws))
        }
        spans.append(Span("  peer IP \(end?.peerIp?.description ?? tunnel.peerIp?.description ?? "?")", .dim))
        if let peer = end?.bgpPeer {
            spans.append(
                Span(
                    "  BGP \(peer.ipAddress?.description ?? "?") ⇄ \(peer.peerIpAddress?.description ?? "?")  peer ASN \(peer.peerAsn.map(String.init) ?? "?")",
                    .dim))
        }
        if let note = failed ? insights.note(tunnel.ref.id) : insights.note(id) { spans.append(note) }
        return [
            Row(
                spans: spans, elementId: id, tunnelId: physical?.id,
                searchText: "\(tunnel.ref.id) \(tunnel.peerIp?.description ?? "") \(end?.bgpPeer?.name ?? "")")
        ]
    }

    /// A layer as Cloud Router or the tunnel reports it, as a verdict colour.
    static func health(_ view: TunnelState.View?) -> Health {
        switch view {
        case .up?: .ok
        case .down?: .down
        default: .unknown
        }
    }

    private func externalRows(_ external: ExternalVPNGateway, last: Bool) -> [Row] {
        var rows = [
            Row(
                spans: [
                    Span(last ? "└─ " : "├─ ", .border), Span("Peer VPN gateway ", .dim),
                    Span(external.name, Style(.gcp, bold: true)),
                    insights.note(external.ref.id) ?? Span(""),
                    Span(
                        "  \(external.redundancyType ?? "?")  \(external.interfaces.count) interfaces (the AWS tunnel outside IPs)",
                        .normal),
                ],
                elementId: external.ref.id, searchText: external.ref.id)
        ]
        let byIp = Dictionary(
            model.tunnels.compactMap { t in t.aws.map { ($0.tunnel.outsideIp, t) } }, uniquingKeysWith: { a, _ in a })
        for (i, interface) in external.interfaces.enumerated() {
            let physical = interface.ipAddress.flatMap { byIp[$0] }
            let interfaceId = external.ref.interfaceID(interface.id)
            // `≠` when the analysis reports the interface unmatched (unmatched-tunnel names it).
            let unmatched =
                insights.verdicts.findings(naming: interfaceId).contains {
                    insights.findings[$0].rule == "unmatched-tunnel"
                }
                || physical.flatMap { insights.verdicts.tunnel($0.id) }?.disagreements.contains {
                    $0.rule == "unmatched-tunnel"
                } == true
            let counterpart =
                physical?.aws.map {
                    Span(
                        "  \(unmatched ? "≠" : "=") AWS \(Naming(model: model).awsTunnel($0))",
                        unmatched ? .mismatch : .aws)
                }
                ?? Span("  (no AWS tunnel with this outside IP in the exports)", .dim)
            let note = insights.note(interfaceId)
            rows.append(
                Row(
                    spans: [
                        Span((last ? "   " : "│  ") + (i == external.interfaces.count - 1 ? "└─ " : "├─ "), .border),
                        note == nil ? Span("", .normal) : insights.mark(interfaceId), Span(note == nil ? "" : " "),
                        Span("if\(interface.id)  \(interface.ipAddress?.description ?? "?")", .normal), counterpart,
                        note ?? Span(""),
                    ],
                    elementId: external.ref.interfaceID(interface.id), tunnelId: physical?.id,
                    searchText: "\(external.ref.interfaceID(interface.id)) \(interface.ipAddress?.description ?? "")"))
        }
        return rows
    }
}
