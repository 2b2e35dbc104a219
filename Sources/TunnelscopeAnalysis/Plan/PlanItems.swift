import TunnelscopeModel
import TunnelscopeText

extension String {
    fileprivate var trimmingUnderscores: String {
        var s = Substring(self)
        while s.hasPrefix("_") { s = s.dropFirst() }
        while s.hasSuffix("_") { s = s.dropLast() }
        return String(s)
    }
}

/// The items (resources with their values and a command sketch) of each plan step.
struct ItemBuilder {
    let context: AnalysisContext
    let gathered: PlanBuilder.Gathered
    let step: [CreationOrder.Kind: Int]

    var model: NetworkModel { context.model }
    var index: ModelIndex { context.index }

    func title(_ kind: CreationOrder.Kind) -> String {
        switch kind {
        case .network: "GCP: create the custom-mode VPC network"
        case .router: "GCP: create the Cloud Router (its ASN is what AWS will peer with)"
        case .haGateway: "GCP: create the HA VPN gateway (GCP assigns its two interface IPs)"
        case .awsGateway:
            gathered.transitGateways.isEmpty
                ? "AWS: the virtual private gateway"
                : "AWS: create the Transit Gateway (its Amazon-side ASN is what Cloud Router will peer with)"
        case .customerGateways: "AWS: create one customer gateway per HA VPN interface"
        case .vpnConnections:
            "AWS: create one VPN connection per customer gateway (AWS assigns the tunnel outside IPs and pre-shared keys)"
        case .peerGateway: "GCP: create the peer (external) VPN gateway with the AWS tunnel outside IPs"
        case .tunnels: "GCP: create the VPN tunnels (HA interface ⇄ peer interface, one per AWS tunnel)"
        case .routerInterfaces:
            "GCP: add a Cloud Router interface per tunnel (the customer-gateway inside address, N+2/30)"
        case .bgpPeers: "GCP: add a BGP peer per interface (the AWS inside address N+1, the Amazon-side ASN)"
        case .awsRouting:
            "AWS: route through the hub (associate and propagate the VPN attachments; VPC routes to GCP via the TGW)"
        case .verify: "Both: verify"
        }
    }

    /// What a step says once, for all its items.
    func notes(_ kind: CreationOrder.Kind) -> [String] {
        kind == .tunnels ? [pskNote] : []
    }

    /// Shell lines a step runs once, before its items' commands.
    func setup(_ kind: CreationOrder.Kind) -> [String] {
        kind == .tunnels ? pskCommands() : []
    }

    func items(_ kind: CreationOrder.Kind) -> [PlanItem] {
        switch kind {
        case .network: networks()
        case .router: routers()
        case .haGateway: haGateways()
        case .awsGateway: awsGateways()
        case .customerGateways: customerGateways()
        case .vpnConnections: connections()
        case .peerGateway: peerGateways()
        case .tunnels: tunnels()
        case .routerInterfaces: routerInterfaces()
        case .bgpPeers: bgpPeers()
        case .awsRouting: awsRouting()
        case .verify: verify()
        }
    }

    /// A JSON string literal (quotes included) for a value inside a JSON argument. Controls,
    /// bidi and invisible format characters are `\uXXXX` escapes, so the argument stays printable.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for character in text {
            let escape = Sanitizer.needsEscape(character)
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default:
                    if escape {
                        for unit in String(scalar).utf16 {
                            let hex = String(unit, radix: 16)
                            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        }
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return out + "\""
    }

    private func from(_ kind: CreationOrder.Kind) -> PlanValue.Source { step[kind].map { .step($0) } ?? .chosen }

    // MARK: GCP, before AWS

    private func networks() -> [PlanItem] {
        gathered.networks.map { ref in
            let network = model.gcpNetwork(ref)
            let mode = network?.routingMode ?? "GLOBAL"
            return PlanItem(
                resource: ref.id, name: ref.name,
                values: [
                    PlanValue("project", ref.project),
                    PlanValue(
                        "subnet mode",
                        "CUSTOM" + (network?.subnetMode == .auto ? " (currently AUTO: must be custom)" : "")),
                    PlanValue("routing mode", mode),
                ],
                produces: [],
                command: Shell.command(
                    "gcloud", "compute", "networks", "create", ref.name, "--project", ref.project, "--subnet-mode",
                    "custom", "--bgp-routing-mode", mode.lowercased())
            )
        }
    }

    private func routers() -> [PlanItem] {
        gathered.routers.map { r in
            var values = [
                PlanValue("network", r.network?.name ?? "?", from(.network)), PlanValue("region", r.ref.region ?? "?"),
                PlanValue("ASN", r.asn.map(String.init) ?? "?"),
                PlanValue("advertise mode", r.advertiseMode ?? "DEFAULT"),
            ]
            var command = [
                "gcloud", "compute", "routers", "create", r.name, "--project", r.ref.project, "--region",
                r.ref.region ?? "?", "--network", r.network?.name ?? "?", "--asn", r.asn.map(String.init) ?? "?",
            ]
            if r.advertiseMode == "CUSTOM" {
                values.append(PlanValue("advertised groups", r.advertisedGroups.joined(separator: ", ")))
                values.append(
                    PlanValue("advertised ranges", r.advertisedIpRanges.map(\.description).joined(separator: ", ")))
                command += ["--advertisement-mode", "custom"]
                if !r.advertisedGroups.isEmpty {
                    command += [
                        "--set-advertisement-groups", r.advertisedGroups.map { $0.lowercased() }.joined(separator: ","),
                    ]
                }
                if !r.advertisedIpRanges.isEmpty {
                    command += [
                        "--set-advertisement-ranges", r.advertisedIpRanges.map(\.description).joined(separator: ","),
                    ]
                }
            }
            return PlanItem(
                resource: r.ref.id, name: r.name, values: values, produces: [], command: Shell.command(command))
        }
    }

    private func haGateways() -> [PlanItem] {
        gathered.haGateways.map { g in
            PlanItem(
                resource: g.ref.id, name: g.name,
                values: [
                    PlanValue("network", g.network?.name ?? "?", from(.network)),
                    PlanValue("region", g.ref.region ?? "?"),
                ],
                produces: g.interfaces.map {
                    PlanValue("interface \($0.id) IP", $0.ipAddress?.description ?? "?", .assigned)
                },
                command: Shell.command(
                    "gcloud", "compute", "vpn-gateways", "create", g.name, "--project", g.ref.project, "--region",
                    g.ref.region ?? "?", "--network", g.network?.name ?? "?")
            )
        }
    }

    // MARK: AWS

    private func awsGateways() -> [PlanItem] {
        let tgws = gathered.transitGateways.map { id -> PlanItem in
            let tgw = model.transitGateway(id)
            let asn = tgw?.amazonSideAsn.map(String.init) ?? "?"
            return PlanItem(
                resource: id, name: tgw?.name ?? id,
                values: [
                    PlanValue("Amazon-side ASN", asn),
                    PlanValue(
                        "VPN ECMP",
                        tgw?.vpnEcmpSupport == false ? "disable (enable it to use both connections)" : "enable"),
                ],
                produces: [PlanValue("Transit Gateway ID", id, .assigned)],
                command: Shell.command(
                    "aws", "ec2", "create-transit-gateway", "--options",
                    "AmazonSideAsn=\(asn),VpnEcmpSupport=enable,DefaultRouteTableAssociation=enable,DefaultRouteTablePropagation=enable"
                )
            )
        }
        let vgws = gathered.vpnGateways.map { id -> PlanItem in
            let vgw = index.vpnGateway(id)
            return PlanItem(
                resource: id, name: vgw?.name ?? id,
                values: [PlanValue("Amazon-side ASN", vgw?.amazonSideAsn.map(String.init) ?? "?")],
                produces: [PlanValue("VGW ID", id, .assigned)],
                command: Shell.command(
                    "aws", "ec2", "create-vpn-gateway", "--type", "ipsec.1", "--amazon-side-asn",
                    vgw?.amazonSideAsn.map(String.init) ?? "?") + "  # prefer a Transit Gateway"
            )
        }
        return tgws + vgws
    }

    private func customerGateways() -> [PlanItem] {
        let routerAsn = gathered.routers.first?.asn.map(String.init) ?? "?"
        return gathered.customerGateways.map { id in
            let cgw = model.customerGateway(id)
            let ip = cgw?.ipAddress
            let ha = ip.flatMap { index.haInterfaceByIp[$0] }
            let ipNote =
                ha.map { "\(ip!) (HA interface \($0.interface))" }
                ?? "\(ip?.description ?? "?") (no HA VPN interface has it!)"
            return PlanItem(
                resource: id, name: cgw?.name ?? id,
                values: [
                    PlanValue("IP address", ipNote, from(.haGateway)),
                    PlanValue("BGP ASN", cgw?.bgpAsn.map(String.init) ?? routerAsn, from(.router)),
                ],
                produces: [PlanValue("customer gateway ID", id, .assigned)],
                command: Shell.command(
                    [
                        "aws", "ec2", "create-customer-gateway", "--type", "ipsec.1", "--ip-address",
                        ip?.description ?? "?", "--bgp-asn", cgw?.bgpAsn.map(String.init) ?? routerAsn,
                    ]
                        // JSON, not the shorthand syntax: a name with `,` `]` `}` stays one value.
                        + (cgw?.name.map {
                            [
                                "--tag-specifications",
                                #"[{"ResourceType":"customer-gateway","Tags":[{"Key":"Name","Value":"#
                                    + Self.jsonString($0) + "}]}]",
                            ]
                        } ?? [])))
        }
    }

    private func connections() -> [PlanItem] {
        gathered.connections.map { id in
            let c = model.vpnConnection(id)
            let tunnels = c?.tunnels ?? []
            var values = [
                PlanValue("customer gateway", c?.customerGatewayId ?? "?", from(.customerGateways)),
                PlanValue(
                    c?.transitGatewayId != nil ? "transit gateway" : "VPN gateway",
                    c?.transitGatewayId ?? c?.vpnGatewayId ?? "?", from(.awsGateway)),
                PlanValue("static routes only", c?.staticRoutesOnly == true ? "true (use BGP: false)" : "false"),
            ]
            for (i, t) in tunnels.enumerated() {
                values.append(
                    PlanValue("tunnel \(i + 1) inside CIDR", t.insideCidr?.description ?? "any free 169.254.x.y/30"))
            }
            var produces = tunnels.enumerated().map {
                PlanValue("tunnel \($0 + 1) outside IP", $1.outsideIp.description, .assigned)
            }
            produces.append(PlanValue("pre-shared keys", "(not printed)", .assigned))
            if let a = index.attachments(of: id).first { produces.append(PlanValue("TGW attachment", a.id, .assigned)) }
            let options = tunnels.map {
                "{\"TunnelInsideCidr\":\"\($0.insideCidr?.description ?? "?")\",\"IKEVersions\":[{\"Value\":\"ikev2\"}]}"
            }.joined(separator: ",")
            let target =
                c?.transitGatewayId.map { ["--transit-gateway-id", $0] } ?? c?.vpnGatewayId.map {
                    ["--vpn-gateway-id", $0]
                } ?? []
            return PlanItem(
                resource: id, name: c?.name ?? id, values: values, produces: produces,
                command: Shell.command(
                    [
                        "aws", "ec2", "create-vpn-connection", "--type", "ipsec.1", "--customer-gateway-id",
                        c?.customerGatewayId ?? "<step \(step[.customerGateways] ?? 0)>",
                    ] + target + ["--options", "{\"StaticRoutesOnly\":false,\"TunnelOptions\":[\(options)]}"]))
        }
    }

    // MARK: GCP, after AWS

    /// Peer interface → AWS tunnel: as the GCP tunnels say, else A on 0/1 and B on 2/3.
    private func peerInterfaces() -> [(interface: Int, tunnel: Int)] {
        var result: [(Int, Int)] = []
        var next = 0
        for t in gathered.tunnels {
            if let n = model.tunnels[t].gcp?.peerInterface { result.append((n, t)) } else { result.append((next, t)) }
            next = max(next, (result.last?.0 ?? 0) + 1)
        }
        return result.sorted { $0.0 < $1.0 }
    }

    private func peerGateways() -> [PlanItem] {
        let mapping = peerInterfaces()
        let interfaces = mapping.map { m -> PlanValue in
            let tunnel = model.tunnels[m.tunnel]
            let aws =
                tunnel.aws.map { "\(index.connectionShortName($0.vpnConnectionId)) tunnel \($0.tunnelNumber)" }
                ?? "AWS tunnel"
            return PlanValue(
                "interface \(m.interface)", "\(tunnel.outsideIp?.description ?? "?") (\(aws))", from(.vpnConnections))
        }
        let list = mapping.map { "\($0.interface)=\(model.tunnels[$0.tunnel].outsideIp?.description ?? "?")" }.joined(
            separator: ",")
        let existing = gathered.peerGateways.first
        let project = existing?.ref.project ?? gathered.haGateways.first?.ref.project ?? "?"
        let name = existing?.name ?? "aws-peer"
        return [
            PlanItem(
                resource: existing?.ref.id, name: name,
                values: [
                    PlanValue(
                        "redundancy",
                        mapping.count == 4
                            ? "FOUR_IPS_REDUNDANCY" : "\(mapping.count == 2 ? "TWO_IPS" : "FOUR_IPS")_REDUNDANCY")
                ] + interfaces,
                produces: [],
                command: Shell.command(
                    "gcloud", "compute", "external-vpn-gateways", "create", name, "--project", project, "--interfaces",
                    list)
            )
        ]
    }

    private struct TunnelNames {
        let tunnel: String, interface: String, peer: String, router: CloudRouter?, project: String, region: String
    }

    private func names(_ t: Int) -> TunnelNames {
        let tunnel = model.tunnels[t]
        let gcp = tunnel.gcp
        let name = gcp?.tunnel.name ?? "aws-tunnel-\(gathered.tunnels.firstIndex(of: t) ?? 0)"
        let router = gcp?.router.flatMap { model.cloudRouter($0) } ?? gathered.routers.first
        return TunnelNames(
            tunnel: name, interface: gcp?.routerInterface?.name ?? "if-\(name)",
            peer: gcp?.bgpPeer?.name ?? "peer-\(name)",
            router: router, project: gcp?.tunnel.ref.project ?? router?.ref.project ?? "?",
            region: gcp?.tunnel.ref.region ?? router?.ref.region ?? "?")
    }

    private func tunnels() -> [PlanItem] {
        let peerOf = Dictionary(peerInterfaces().map { ($0.tunnel, $0.interface) }, uniquingKeysWith: { a, _ in a })
        let peer = gathered.peerGateways.first?.name ?? "aws-peer"
        let variables = pskVariables
        return gathered.tunnels.map { t in
            let tunnel = model.tunnels[t]
            let n = names(t)
            let haInterface =
                tunnel.gcp?.haInterface ?? index.haInterface(ofTunnel: t).flatMap {
                    Int($0.split(separator: "f").last ?? "")
                } ?? 0
            let ha = tunnel.gcp?.haGateway?.name ?? gathered.haGateways.first?.name ?? "?"
            let variable = variables[t] ?? "PSK"
            let psk =
                "$\(variable) ("
                + (tunnel.aws.map {
                    "the key of \(index.connectionShortName($0.vpnConnectionId)) tunnel \($0.tunnelNumber)"
                }
                    ?? "the key of the AWS tunnel \(tunnel.outsideIp?.description ?? "?")") + "; not printed)"
            return PlanItem(
                resource: tunnel.gcp?.tunnel.ref.id, name: n.tunnel,
                values: [
                    PlanValue("HA VPN gateway, interface", "\(ha) if\(haInterface)", from(.haGateway)),
                    PlanValue(
                        "peer gateway, interface",
                        "\(peer) if\(peerOf[t] ?? 0) = \(tunnel.outsideIp?.description ?? "?")", from(.peerGateway)),
                    PlanValue("router", n.router?.name ?? "?", from(.router)), PlanValue("IKE version", "2"),
                    PlanValue("shared secret", psk, from(.vpnConnections)),
                ],
                produces: [],
                // The key is read into its variable in the step's setup; the variable name is [A-Z0-9_].
                command: Shell.command(
                    "gcloud", "compute", "vpn-tunnels", "create", n.tunnel, "--project", n.project, "--region",
                    n.region,
                    "--vpn-gateway", ha, "--interface", "\(haInterface)", "--peer-external-gateway", peer,
                    "--peer-external-gateway-interface", "\(peerOf[t] ?? 0)", "--router", n.router?.name ?? "?",
                    "--ike-version", "2") + " --shared-secret \"$\(variable)\""
            )
        }
    }

    // MARK: Pre-shared keys

    /// One shell variable per tunnel for its pre-shared key, named after the AWS tunnel:
    /// `PSK_TO_GCP_IF0_T1` (VPN connection name or ID, tunnel number), or `PSK_TUNNEL_3_210_10_11`
    /// (the outside IP) when names collide or the AWS side is not in the exports.
    var pskVariables: [Int: String] {
        func word(_ text: String) -> String {
            var out = ""
            for c in text.uppercased().unicodeScalars {
                let keep = (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
                if keep { out.unicodeScalars.append(c) } else if !out.hasSuffix("_") { out += "_" }
            }
            return out.trimmingUnderscores
        }
        func byAddress(_ t: Int) -> String {
            let tunnel = model.tunnels[t]
            if let ip = tunnel.outsideIp { return "PSK_TUNNEL_" + word(ip.description) }
            return "PSK_" + word(tunnel.gcp?.tunnel.name ?? "tunnel \(t)")
        }
        var names: [Int: String] = [:]
        for t in gathered.tunnels {
            guard let aws = model.tunnels[t].aws else {
                names[t] = byAddress(t)
                continue
            }
            let connection = word(index.connectionShortName(aws.vpnConnectionId))
            names[t] = connection.isEmpty ? byAddress(t) : "PSK_\(connection)_T\(aws.tunnelNumber)"
        }
        let counts = Dictionary(names.values.map { ($0, 1) }, uniquingKeysWith: +)
        for (t, name) in names where counts[name, default: 0] > 1 { names[t] = byAddress(t) }
        return names
    }

    /// Where the keys come from, said once in the tunnels step (the plan never prints a key).
    var pskNote: String {
        "Each AWS tunnel has its own pre-shared key (never printed here): set one variable per tunnel before these commands, "
            + "from aws ec2 describe-vpn-connections … Options.TunnelOptions[].PreSharedKey of the tunnel with that outside IP."
    }

    /// The AWS CLI line that sets each tunnel's key variable.
    func pskCommands() -> [String] {
        let variables = pskVariables
        return gathered.tunnels.map { t in
            let tunnel = model.tunnels[t]
            let variable = variables[t] ?? "PSK"
            guard let aws = tunnel.aws else {
                return
                    "\(variable)=…  # the key of the tunnel to \(tunnel.outsideIp?.description ?? "?"): its AWS side is not in the exports"
            }
            let region =
                (aws.transitGatewayId.flatMap { model.transitGateway($0)?.region }).map { ["--region", $0] } ?? []
            // The query holds only the typed outside IP (digits and dots), so it is written in double quotes.
            return
                "\(variable)=$("
                + Shell.command(
                    ["aws", "ec2", "describe-vpn-connections"] + region + ["--vpn-connection-ids", aws.vpnConnectionId])
                + " --query \"VpnConnections[0].Options.TunnelOptions[?OutsideIpAddress=='\(aws.tunnel.outsideIp)'].PreSharedKey\" --output text)"
        }
    }

    private func insideAddresses(_ t: Int) -> (cidr: CIDR?, aws: IPv4Address?, gcp: IPv4Address?) {
        let aws = model.tunnels[t].aws?.tunnel
        let cidr = aws?.insideCidr?.normalized ?? model.tunnels[t].gcp?.routerInterface?.ipRange?.normalized
        return (
            cidr, aws?.awsInsideIp ?? cidr.map { $0.network.advanced(by: 1) },
            aws?.customerInsideIp ?? cidr.map { $0.network.advanced(by: 2) }
        )
    }

    private func routerInterfaces() -> [PlanItem] {
        gathered.tunnels.map { t in
            let n = names(t)
            let inside = insideAddresses(t)
            let length = inside.cidr?.prefixLength ?? 30
            return PlanItem(
                resource: nil, name: n.interface,
                values: [
                    PlanValue("tunnel", n.tunnel, from(.tunnels)),
                    PlanValue(
                        "IP range",
                        "\(inside.gcp?.description ?? "?")/\(length) (AWS \(inside.cidr?.description ?? "?"), customer side)",
                        from(.vpnConnections)),
                ],
                produces: [],
                command: Shell.command(
                    "gcloud", "compute", "routers", "add-interface", n.router?.name ?? "?", "--project", n.project,
                    "--region", n.region, "--interface-name", n.interface, "--vpn-tunnel", n.tunnel, "--ip-address",
                    inside.gcp?.description ?? "?", "--mask-length", "\(length)"))
        }
    }

    private func bgpPeers() -> [PlanItem] {
        gathered.tunnels.map { t in
            let n = names(t)
            let inside = insideAddresses(t)
            let asn =
                model.tunnels[t].aws?.amazonSideAsn.map(String.init) ?? model.tunnels[t].gcp?.bgpPeer?.peerAsn.map(
                    String.init) ?? "?"
            return PlanItem(
                resource: nil, name: n.peer,
                values: [
                    PlanValue("interface", n.interface, from(.routerInterfaces)),
                    PlanValue("peer IP", "\(inside.aws?.description ?? "?") (AWS side)", from(.vpnConnections)),
                    PlanValue("peer ASN", asn, from(.awsGateway)),
                ],
                produces: [],
                command: Shell.command(
                    "gcloud", "compute", "routers", "add-bgp-peer", n.router?.name ?? "?", "--project", n.project,
                    "--region", n.region, "--peer-name", n.peer, "--interface", n.interface, "--peer-ip-address",
                    inside.aws?.description ?? "?", "--peer-asn", asn)
            )
        }
    }

    // MARK: Routing and verification

    private func awsRouting() -> [PlanItem] {
        var items: [PlanItem] = []
        for c in gathered.connections {
            for a in index.attachments(of: c) where a.resourceType == "vpn" {
                let propagating = model.tgwRouteTables.filter {
                    $0.propagations.contains { $0.attachmentId == a.id && $0.state != "disabled" }
                }.map(\.id)
                items.append(
                    PlanItem(
                        resource: a.id, name: a.name ?? a.id,
                        values: [
                            PlanValue("associated route table", a.associatedRouteTableId ?? "the default", .chosen),
                            PlanValue(
                                "propagates into",
                                propagating.isEmpty ? "(none exported)" : propagating.joined(separator: ", ")),
                        ],
                        produces: [],
                        command: Shell.command(
                            "aws", "ec2", "enable-transit-gateway-route-table-propagation",
                            "--transit-gateway-route-table-id", propagating.first ?? a.associatedRouteTableId ?? "?",
                            "--transit-gateway-attachment-id", a.id)
                    ))
            }
        }
        let gcpPrefixes = context.exchange.gcpToAWS.map(\.prefix.description)
        let tgws = Set(gathered.transitGateways)
        let tables = model.routeTables.filter { table in
            table.routes.contains { if case .transitGateway(let id) = $0.target { tgws.contains(id) } else { false } }
        }
        if !tables.isEmpty {
            items.append(
                PlanItem(
                    resource: nil, name: "VPC route tables",
                    values: [
                        PlanValue("tables", tables.map(\.id).listed(limit: 8)),
                        PlanValue("GCP prefixes → TGW", gcpPrefixes.joined(separator: ", ")),
                    ],
                    produces: [],
                    command: Shell.command(
                        "aws", "ec2", "create-route", "--route-table-id", "<table>", "--destination-cidr-block",
                        "<GCP prefix>", "--transit-gateway-id", gathered.transitGateways.first ?? "?")
                ))
        }
        return items
    }

    private func verify() -> [PlanItem] {
        let count = gathered.tunnels.count
        let router = gathered.routers.first
        return [
            PlanItem(
                resource: nil, name: "tunnels",
                values: [
                    PlanValue("AWS", "\(count) × UP (VgwTelemetry)", .expected),
                    PlanValue("GCP", "\(count) × ESTABLISHED", .expected),
                ], produces: [],
                command: Shell.command(
                    ["aws", "ec2", "describe-vpn-connections", "--vpn-connection-ids"] + gathered.connections)
            ),
            PlanItem(
                resource: router?.ref.id, name: "BGP",
                values: [
                    PlanValue("Cloud Router", "\(count) peers UP (Established)", .expected),
                    PlanValue(
                        "GCP learns", context.exchange.awsToGCP.map(\.prefix.description).listed(limit: 8), .expected),
                    PlanValue(
                        "AWS learns", context.exchange.gcpToAWS.map(\.prefix.description).listed(limit: 8), .expected),
                ], produces: [],
                command: router.map {
                    Shell.command(
                        "gcloud", "compute", "routers", "get-status", $0.name, "--project", $0.ref.project, "--region",
                        $0.ref.region ?? "?")
                }),
        ]
    }
}
