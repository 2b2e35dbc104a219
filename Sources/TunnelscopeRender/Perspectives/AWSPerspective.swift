import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The AWS side as the AWS console shows it: Transit Gateway (or VGW) → VPN connections →
/// their two tunnels each → customer gateways (which are the GCP HA VPN interface IPs).
struct AWSPerspective {
    let model: NetworkModel
    let insights: Insights

    func rows() -> [Row] {
        let naming = Naming(model: model)
        var rows: [Row] = [
            Row(
                kind: .heading,
                spans: [
                    Span("AWS view", Style(.aws, bold: true)),
                    Span("  what the AWS console shows: VPN connections with two tunnels each", .dim),
                ])
        ]
        let tunnelsByConnection = Dictionary(
            grouping: model.tunnels.filter { $0.aws != nil }, by: { $0.aws!.vpnConnectionId })
        let widths = TunnelColumns(
            model.tunnels.compactMap(\.aws),
            status: insights.verdicts.tunnels.map { DisplayWidth.of($0.word) }.max() ?? 4)

        func connectionRows(_ connections: [VPNConnection], indent: String) {
            for (ci, connection) in connections.enumerated() {
                let lastConnection = ci == connections.count - 1
                let branch = indent + (lastConnection ? "└─ " : "├─ ")
                let child = indent + (lastConnection ? "   " : "│  ")
                var spans = [
                    Span(branch, .border), Span("VPN ", .dim),
                    Span(naming.connection(connection.id), Style(.normal, bold: true)),
                ]
                if let note = insights.note(connection.id) { spans.append(note) }
                if let cgwId = connection.customerGatewayId {
                    let cgw = model.customerGateway(cgwId)
                    spans.append(Span("  CGW \(cgw?.ipAddress?.description ?? "?")", .normal))
                    spans.append(counterpart(ofCustomerGateway: cgw))
                }
                if connection.staticRoutesOnly { spans.append(Span("  static routing", .warning)) }
                spans.append(Span(Naming.secondaryId(naming.connection(connection.id), connection.id), .dim))
                if let cgwId = connection.customerGatewayId {
                    spans.append(Span("  customer gateway \(naming.customerGateway(cgwId))", .dim))
                }
                rows.append(
                    Row(
                        spans: spans, elementId: connection.id,
                        searchText: "\(connection.id) \(connection.customerGatewayId ?? "")"))
                let tunnels = (tunnelsByConnection[connection.id] ?? []).sorted {
                    $0.aws!.tunnelNumber < $1.aws!.tunnelNumber
                }
                for (ti, tunnel) in tunnels.enumerated() {
                    rows.append(
                        tunnelRow(tunnel, prefix: child + (ti == tunnels.count - 1 ? "└─ " : "├─ "), widths: widths))
                }
                if tunnels.isEmpty {
                    rows.append(
                        Row(spans: [
                            Span(child + "└─ ", .border),
                            Span("no tunnel details in the export (no TunnelOptions or VgwTelemetry)", .dim),
                        ]))
                }
            }
        }

        for tgw in model.transitGateways {
            let counts = insights.index.lookups.attachmentCounts[tgw.id] ?? ""
            rows.append(
                Row(
                    spans: [
                        Span("Transit Gateway ", .aws), Span(naming.tgw(tgw.id), Style(.aws, bold: true)),
                        insights.note(tgw.id) ?? Span(""),
                        Span(
                            "\(Naming.secondaryId(naming.tgw(tgw.id), tgw.id))  ASN \(tgw.amazonSideAsn.map(String.init) ?? "?")",
                            .normal),
                        Span("  \(tgw.region ?? "")  account \(tgw.accountId ?? "?")  attachments: \(counts)", .dim),
                    ],
                    elementId: tgw.id, searchText: tgw.id))
            connectionRows(model.vpnConnections.filter { $0.transitGatewayId == tgw.id }, indent: "")
            rows.append(.blank)
        }
        for vgw in model.vpnGateways {
            rows.append(
                Row(
                    spans: [
                        Span("Virtual private gateway ", .aws), Span(naming.vgw(vgw.id), Style(.aws, bold: true)),
                        insights.note(vgw.id) ?? Span(""),
                        Span(
                            "\(Naming.secondaryId(naming.vgw(vgw.id), vgw.id))  ASN \(vgw.amazonSideAsn.map(String.init) ?? "?")  VPC \(vgw.attachedVpcIds.map(naming.vpc).joined(separator: ", "))",
                            .normal),
                        Span("  ▲ VGW: moving to the TGW later means a BGP reconvergence", .warning),
                    ],
                    elementId: vgw.id, searchText: vgw.id))
            connectionRows(model.vpnConnections.filter { $0.vpnGatewayId == vgw.id }, indent: "")
            rows.append(.blank)
        }
        let known = Set(model.transitGateways.map(\.id)).union(model.vpnGateways.map(\.id))
        let orphans = model.vpnConnections.filter {
            ($0.transitGatewayId ?? $0.vpnGatewayId).map { !known.contains($0) } ?? true
        }
        if !orphans.isEmpty {
            rows.append(Row.heading("VPN connections whose gateway is not in the exports", .dim))
            connectionRows(orphans, indent: "")
            rows.append(.blank)
        }
        if !model.directConnectGateways.isEmpty || !model.virtualInterfaces.isEmpty {
            rows.append(Row.heading("Direct Connect", .aws))
            for gateway in model.directConnectGateways {
                rows.append(
                    Row(
                        spans: [
                            Span("Gateway ", .dim), Span(gateway.name ?? gateway.id, Style(.normal, bold: true)),
                            insights.note(gateway.id) ?? Span(""),
                            Span("  \(gateway.id)  ASN \(gateway.amazonSideAsn.map(String.init) ?? "?")", .dim),
                        ],
                        elementId: gateway.id, searchText: gateway.id))
                let vifs = model.virtualInterfaces.filter { $0.directConnectGatewayId == gateway.id }
                for (i, vif) in vifs.enumerated() {
                    rows.append(vifRow(vif, prefix: i == vifs.count - 1 ? "└─ " : "├─ "))
                }
            }
            for vif in model.virtualInterfaces where vif.directConnectGatewayId == nil {
                rows.append(vifRow(vif, prefix: "· "))
            }
        }
        if model.transitGateways.isEmpty && model.vpnConnections.isEmpty && model.directConnectGateways.isEmpty {
            rows.append(Row(spans: [Span("No AWS VPN resources in the loaded exports.", .dim)]))
        }
        return rows
    }

    private func counterpart(ofCustomerGateway cgw: CustomerGateway?) -> Span {
        guard let ip = cgw?.ipAddress else { return Span("", .dim) }
        let lookups = insights.index.lookups
        if let (gateway, interface) = lookups.haInterfaceByIp[ip] {
            return Span(" = GCP \(model.haVpnGateways[gateway].name) if\(interface)", .gcp)
        }
        if let site = lookups.siteByCustomerGateway[cgw!.id] {
            return Span(" = on-prem \(model.onPremSites[site].name)", .onPrem)
        }
        return Span("  (not a known GCP address)", .dim)
    }

    private func tunnelRow(_ tunnel: PhysicalTunnel, prefix: String, widths: TunnelColumns) -> Row {
        let end = tunnel.aws!
        let verdict = insights.verdicts.tunnel(tunnel.id)
        let health = verdict?.health ?? .unknown
        var spans = [
            Span(prefix, .border), insights.mark(tunnel.id),
            Span(" tunnel \(end.tunnelNumber)  ", .normal),
            Span(column(end.tunnel.outsideIp.description, widths.ip) + "  ", .normal),
            Span(column(end.tunnel.insideCidr?.description ?? "?", widths.inside) + "  ", .normal),
            Span(
                column(verdict?.word ?? "?", widths.status + 2),
                Mark.style(verdict.map { $0.carries ? health : .down } ?? .unknown)),
        ]
        if let gcp = tunnel.gcp {
            // `≠` exactly where a mismatch finding names the tunnel (the analysis' verdict).
            let disagrees = verdict?.hasDisagreement == true
            spans.append(Span("\(disagrees ? "≠" : "⇄") \(gcp.tunnel.name)", disagrees ? .mismatch : .gcp))
        } else if tunnel.kind == .awsToGCP {
            spans.append(Span("\(verdict?.hasDisagreement == true ? "≠" : "⇄") no GCP tunnel in the exports", .warning))
        } else if let site = tunnel.siteName {
            spans.append(Span("⇄ \(site)", .onPrem))
        }
        spans.append(Span(end.tunnel.acceptedRouteCount.map { "  \($0) route\($0 == 1 ? "" : "s")" } ?? "", .dim))
        if let note = insights.note(tunnel.id) { spans.append(note) }
        return Row(
            spans: spans, elementId: tunnel.id, tunnelId: tunnel.id,
            searchText:
                "\(tunnel.id) \(end.tunnel.outsideIp) \(end.tunnel.insideCidr?.description ?? "") \(end.vpnConnectionId)"
        )
    }

    private func vifRow(_ vif: DirectConnectVirtualInterface, prefix: String) -> Row {
        return Row(
            spans: [
                Span(prefix, .border), insights.mark(vif.id), Span(" VIF \(vif.name ?? vif.id)", .normal),
                insights.note(vif.id) ?? Span(""),
                Span(
                    "  \(vif.id)  \(vif.type ?? "")  VLAN \(vif.vlan.map(String.init) ?? "?")  \(vif.location ?? "")  BGP \(vif.bgpPeers.compactMap(\.bgpStatus).joined(separator: "/"))",
                    .dim),
            ],
            elementId: vif.id, searchText: vif.id)
    }
}

/// Column widths shared by every tunnel row, so the columns line up.
struct TunnelColumns {
    let ip: Int
    let inside: Int
    /// The widest status word (UP, DOWN, BGP DOWN …).
    let status: Int

    init(_ ends: [PhysicalTunnel.AWSEnd], status: Int) {
        self.status = status
        ip = ends.map { DisplayWidth.of($0.tunnel.outsideIp.description) }.max() ?? 15
        inside = ends.map { DisplayWidth.of($0.tunnel.insideCidr?.description ?? "?") }.max() ?? 15
    }
}
