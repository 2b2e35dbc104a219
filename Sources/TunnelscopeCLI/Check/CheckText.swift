import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

/// `check --format text`: the load report, the inventory, the tunnel join, the findings and the
/// what-if, for a person.
struct CheckText {
    let result: LoadResult
    let verbose: Bool
    let analysis: Analysis
    var whatIf: FailureOutcome?
    /// The time the export's age is counted to (seconds since 1970).
    let now: Double

    init(
        result: LoadResult, verbose: Bool, analysis: Analysis? = nil, whatIf: FailureOutcome? = nil,
        now: Double = LoadProvenanceText.systemNow
    ) {
        self.result = result
        self.verbose = verbose
        self.now = now
        self.analysis = analysis ?? Analysis(model: result.model, report: result.report)
        self.whatIf = whatIf
    }

    /// The analysis's findings, the load report's (`incomplete-input`) among them.
    var findings: [Finding] { analysis.findings }
    /// Lists longer than this are cut with "… and N more" (unless verbose).
    let listLimit = 8

    func render() -> String {
        let sections = [
            header(), inventory(), tunnels(), problems(), FindingsText(findings: findings, verbose: verbose).render(),
            whatIf.map { WhatIfText(outcome: $0, verbose: verbose).render() } ?? "",
        ]
        return Sanitizer.text(sections.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n")
    }

    // Every section builds its lines with each single-line field sanitised (a line feed in a name
    // or file name is escaped, it cannot forge a report line); `Output` passes over the whole text.

    private var model: NetworkModel { result.model }
    private var report: LoadReport { result.report }

    private func list(_ items: [String]) -> String {
        guard !verbose, items.count > listLimit else { return items.joined(separator: ", ") }
        return items.prefix(listLimit).joined(separator: ", ") + " … and \(items.count - listLimit) more"
    }

    private func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? word : plural ?? word + "s")"
    }

    func header() -> String {
        let files = report.files.count
        let loaded = report.loadedFiles.count
        var lines = ["Tunnelscope — \(result.origin)"]
        var counts =
            "Loaded \(loaded) of \(plural(files, "file")): \(plural(report.resourcesSeen, "resource")) "
            + "(\(report.resourcesLoaded) loaded"
        if report.duplicates > 0 { counts += ", \(report.duplicates) duplicates merged" }
        counts += ", \(report.resourcesSkipped) skipped)."
        lines.append(counts)
        lines += LoadProvenanceText(report: report, now: now, verbose: verbose).headerLines()
        let notJSON = report.files.filter { $0.outcome == .notJSON && !($0.reason ?? "").hasPrefix("invalid JSON") }
            .count
        let unrecognized = report.files.filter { $0.outcome == .unrecognized }.count
        var passed: [String] = []
        if notJSON > 0 { passed.append("\(plural(notJSON, "file")) not JSON") }
        if unrecognized > 0 { passed.append("\(plural(unrecognized, "JSON file")) not an export tunnelscope reads") }
        if !passed.isEmpty {
            lines.append(
                "Passed over: " + passed.joined(separator: "; ") + (verbose ? "." : " (--verbose lists them)."))
        }
        return lines.map(Sanitizer.line).joined(separator: "\n")
    }

    func inventory() -> String {
        var lines: [String] = []
        func section(_ title: String, _ entries: [String]) {
            for (i, entry) in entries.enumerated() {
                lines.append(DisplayWidth.pad(i == 0 ? title : "", to: 8) + Sanitizer.line(entry))
            }
        }
        var aws: [String] = []
        if !model.awsAccounts.isEmpty {
            aws.append("\(plural(model.awsAccounts.count, "account")): \(list(model.awsAccounts))")
        }
        for tgw in model.transitGateways {
            let attachments = model.tgwAttachments.filter { $0.transitGatewayId == tgw.id }
            let byType = Dictionary(grouping: attachments, by: \.resourceType).map { "\($0.value.count) \($0.key)" }
                .sorted()
            aws.append(
                "Transit Gateway \(tgw.id)\(tgw.name.map { " \"\($0)\"" } ?? "") ASN \(tgw.amazonSideAsn.map(String.init) ?? "?")"
                    + "\(tgw.region.map { " \($0)" } ?? "") · attachments: \(byType.isEmpty ? "none" : byType.joined(separator: ", "))"
            )
        }
        if !model.tgwRouteTables.isEmpty {
            aws.append(
                "\(plural(model.tgwRouteTables.count, "TGW route table")) (\(plural(model.tgwRouteTables.reduce(0) { $0 + $1.routes.count }, "route")))"
            )
        }
        if !model.vpcs.isEmpty {
            aws.append(
                "\(plural(model.vpcs.count, "VPC")): "
                    + list(
                        model.vpcs.map { vpc in
                            "\(model.labels[vpc.id] ?? vpc.name ?? vpc.id) \(vpc.cidrs.map(\.description).joined(separator: "+"))\(vpc.isDefault ? " (default VPC)" : "")"
                        }))
        }
        if !model.subnets.isEmpty || !model.routeTables.isEmpty {
            aws.append(
                "\(plural(model.subnets.count, "subnet")), \(plural(model.routeTables.count, "VPC route table"))"
                    + (model.vpcPeerings.isEmpty ? "" : ", \(plural(model.vpcPeerings.count, "VPC peering"))"))
        }
        if !model.vpnConnections.isEmpty {
            aws.append(
                "\(plural(model.vpnConnections.count, "VPN connection")): "
                    + list(
                        model.vpnConnections.map { c in
                            "\(c.name ?? c.id) → \(c.transitGatewayId != nil ? "TGW" : c.vpnGatewayId != nil ? "VGW" : "?") (\(plural(c.tunnels.count, "tunnel")))"
                        }))
        }
        if !model.customerGateways.isEmpty || !model.vpnGateways.isEmpty {
            aws.append(
                "\(plural(model.customerGateways.count, "customer gateway")): "
                    + list(model.customerGateways.map { "\($0.name ?? $0.id) \($0.ipAddress?.description ?? "?")" })
                    + (model.vpnGateways.isEmpty
                        ? "" : "; \(plural(model.vpnGateways.count, "virtual private gateway"))"))
        }
        if !model.directConnectGateways.isEmpty || !model.virtualInterfaces.isEmpty {
            aws.append(
                "Direct Connect: \(plural(model.directConnectGateways.count, "gateway")), \(plural(model.virtualInterfaces.count, "virtual interface"))"
            )
        }
        section("AWS", aws)

        var gcp: [String] = []
        let projects = model.gcpProjects.filter { $0.role != .external }
        if !projects.isEmpty {
            gcp.append(
                "\(plural(projects.count, "project")): "
                    + list(
                        projects.map { p in
                            switch p.role {
                            case .sharedVPCHost: "\(p.id) (Shared VPC host)"
                            case .sharedVPCService: "\(p.id) (service of \(p.hostProject ?? "?"))"
                            default: p.id
                            }
                        }))
        }
        if !model.gcpNetworks.isEmpty {
            gcp.append(
                "\(plural(model.gcpNetworks.count, "network")): "
                    + list(
                        model.gcpNetworks.map {
                            "\($0.project)/\($0.name) \($0.subnetMode.rawValue.lowercased())-mode"
                                + ($0.peerings.isEmpty ? "" : " (\(plural($0.peerings.count, "peering")))")
                        }))
        }
        if !model.gcpSubnets.isEmpty {
            gcp.append("\(plural(model.gcpSubnets.count, "subnet")), \(plural(model.gcpRoutes.count, "route"))")
        }
        for gateway in model.haVpnGateways {
            gcp.append(
                "HA VPN gateway \(gateway.name): "
                    + gateway.interfaces.map { "if\($0.id) \($0.ipAddress?.description ?? "?")" }.joined(
                        separator: ", "))
        }
        for gateway in model.externalVpnGateways {
            gcp.append(
                "Peer VPN gateway \(gateway.name) \(gateway.redundancyType ?? ""): "
                    + gateway.interfaces.map { "if\($0.id) \($0.ipAddress?.description ?? "?")" }.joined(
                        separator: ", "))
        }
        if !model.gcpTunnels.isEmpty { gcp.append(plural(model.gcpTunnels.count, "VPN tunnel")) }
        for router in model.cloudRouters {
            gcp.append(
                "Cloud Router \(router.name) ASN \(router.asn.map(String.init) ?? "?") · \(plural(router.bgpPeers.count, "BGP peer"))"
                    + (router.hasStatus ? ", status exported" : ", no get-status export"))
        }
        if !model.redisInstances.isEmpty {
            gcp.append(
                "Memorystore: "
                    + list(model.redisInstances.map { "\($0.name) \($0.reservedIpRangeText ?? "?") (\($0.project))" }))
        }
        section("GCP", gcp)
        section(
            "On-prem",
            model.onPremSites.isEmpty
                ? []
                : [
                    "\(plural(model.onPremSites.count, "site")): "
                        + list(
                            model.onPremSites.map { site in
                                let ranges = site.addressRanges.map(\.description).joined(separator: "+")
                                let via = [
                                    site.customerGatewayIds.isEmpty ? nil : "VPN",
                                    site.directConnectGatewayIds.isEmpty ? nil : "Direct Connect",
                                ].compactMap { $0 }
                                return
                                    "\(site.name)\(ranges.isEmpty ? "" : " \(ranges)")\(via.isEmpty ? "" : " (\(via.joined(separator: ", ")))")"
                            })
                ])
        return lines.joined(separator: "\n")
    }

    func tunnels() -> String {
        var blocks: [String] = []
        let cross = model.tunnels.filter(\.isCrossCloud)
        if !cross.isEmpty {
            let verdicts = cross.compactMap { analysis.verdicts.tunnel($0.id) }
            let down = verdicts.filter { !$0.state.ipsecUp }.count
            let bgp = verdicts.filter { $0.state.bgpDown }.count
            var table = TextTable(headers: [
                "#", "AWS VPN connection", "tun", "outside IP", "inside /30", "AWS", "⇄", "GCP tunnel", "HA if",
                "peer if",
                "GCP status", "BGP", "verdict",
            ])
            for (i, t) in cross.enumerated() {
                let verdict = analysis.verdicts.tunnel(t.id)
                table.add([
                    "\(i + 1)",
                    t.aws.map {
                        model.vpnConnection($0.vpnConnectionId)?.name.map { n in "\(n)" } ?? $0.vpnConnectionId
                    } ?? "— (not in AWS exports)",
                    t.aws.map { "\($0.tunnelNumber)" } ?? "",
                    t.outsideIp?.description ?? "?",
                    t.aws?.tunnel.insideCidr?.description ?? t.gcp?.routerInterface?.ipRange?.normalized.description
                        ?? "?",
                    t.aws?.tunnel.status.rawValue ?? "—",
                    t.sides != .both ? "✕" : verdict?.hasDisagreement == true ? "≠" : "⇄",
                    t.gcp?.tunnel.name ?? "— (not in GCP exports)",
                    t.gcp?.haInterface.map(String.init) ?? "",
                    t.gcp?.peerInterface.map(String.init) ?? "",
                    t.gcp?.tunnel.status ?? (t.gcp == nil ? "—" : "?"),
                    t.gcp?.bgpPeer.map {
                        $0.enabled
                            ? ($0.status?.status ?? "?")
                                + ($0.status?.state.map { $0 == "Established" ? "" : " (\($0))" } ?? "") : "DISABLED"
                    } ?? "",
                    verdict?.word ?? "?",
                ])
            }
            let disagree = verdicts.filter(\.hasDisagreement)
            blocks.append(
                "Cross-cloud tunnels: \(cross.count) (\(verdicts.filter(\.carries).count) carry routes, \(down) down, \(plural(bgp, "BGP session")) down)\n"
                    + table.render()
                    + disagree.map { v in
                        "\n"
                            + Sanitizer.line(
                                "  ≠ \(v.id): "
                                    + v.disagreements.map { "\($0.layer): \($0.text)" }.joined(separator: "; "))
                    }.joined())
            let ids = cross.enumerated().map { i, t in
                Sanitizer.line(
                    "  \(i + 1)  \(t.id)  \(t.aws?.vpnConnectionId ?? "—") ⇄ \(t.gcp.map { "\($0.tunnel.ref)" } ?? "—")"
                )
            }
            blocks.append("Tunnel IDs (for --select and --fail):\n" + ids.joined(separator: "\n"))
        }
        let site = model.tunnels.filter { $0.kind == .awsToOnPrem }
        if !site.isEmpty {
            var table = TextTable(headers: ["AWS VPN connection", "tun", "outside IP", "inside /30", "AWS", "site"])
            for t in site {
                table.add([
                    t.aws.map { model.vpnConnection($0.vpnConnectionId)?.name ?? $0.vpnConnectionId } ?? "?",
                    t.aws.map { "\($0.tunnelNumber)" } ?? "", t.outsideIp?.description ?? "?",
                    t.aws?.tunnel.insideCidr?.description ?? "?", t.aws?.tunnel.status.rawValue ?? "?",
                    t.siteName ?? "?",
                ])
            }
            blocks.append("Tunnels to on-prem: \(site.count)\n" + table.render())
        }
        let other = model.tunnels.filter { $0.kind == .gcpToOther }
        if !other.isEmpty {
            blocks.append(
                "Other GCP tunnels: \(other.count)\n"
                    + other.map {
                        Sanitizer.line("  \($0.gcp?.tunnel.ref.description ?? $0.id)  \($0.gcp?.tunnel.status ?? "?")")
                    }
                    .joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    func problems() -> String {
        var blocks: [String] = []
        func block(_ title: String, _ messages: [String], counted: String? = nil) {
            guard !messages.isEmpty else { return }
            let shown = verbose ? messages : Array(messages.prefix(20))
            var lines = ["\(title) (\(counted ?? "\(messages.count)")):"] + shown.map { "  " + Sanitizer.line($0) }
            if shown.count < messages.count {
                lines.append("  … and \(messages.count - shown.count) more (--verbose lists them)")
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        // Whole files (invalid JSON, JSON that is not an export) and single resources are both
        // listed; the heading counts each, so it agrees with the resource counts above and the
        // reconciliation below.
        let notLoaded = Dictionary(
            report.files.filter { $0.outcome != .loaded }.map { ($0.file, $0.reason ?? "") },
            uniquingKeysWith: { a, _ in a })
        let wholeFiles = report.skipped.filter { m in notLoaded[m.file].map { m.path == nil || m.text == $0 } ?? false }
            .count
        let resources = report.skipped.count - wholeFiles
        let counted = [
            resources > 0 ? plural(resources, "resource") : nil, wholeFiles > 0 ? plural(wholeFiles, "file") : nil,
        ]
        .compactMap { $0 }.joined(separator: ", ")
        block("Skipped", report.skipped.map(\.description), counted: counted)
        if verbose {
            block(
                "Not read",
                report.files.filter { $0.outcome == .notJSON || $0.outcome == .unreadable }
                    .filter { !($0.reason ?? "").hasPrefix("invalid JSON") }.map {
                        "\($0.file): \($0.reason ?? $0.outcome.rawValue)"
                    })
        } else {
            block(
                "Not read",
                report.files.filter { $0.outcome == .unreadable }.map { "\($0.file): \($0.reason ?? "unreadable")" })
        }
        LoadProvenanceText(report: report, now: now, verbose: verbose).blocks { block($0, $1, counted: $2) }
        block("Warnings (the resource loaded; this field was not used)", report.warnings.map(\.description))
        var notes = report.notes.map(\.description) + model.joinNotes
        let gcpLoaded = !model.haVpnGateways.isEmpty || !model.gcpTunnels.isEmpty || !model.gcpNetworks.isEmpty
        let awsLoaded = !model.vpnConnections.isEmpty || !model.transitGateways.isEmpty || !model.vpcs.isEmpty
        if awsLoaded && !gcpLoaded && !model.customerGateways.isEmpty {
            notes.append(
                "No GCP export was loaded: customer gateways cannot be matched to GCP HA VPN interfaces, so each is shown as an on-prem site. Add the GCP exports (scripts/export-gcp.sh) to see the cross-cloud link."
            )
        }
        if gcpLoaded && !awsLoaded && !model.gcpTunnels.isEmpty {
            notes.append(
                "No AWS export was loaded: every GCP tunnel is one-sided. Add the AWS exports (scripts/export-aws.sh) to join them."
            )
        }
        block("Notes", notes)
        if report.reconciles, !report.files.isEmpty {
            blocks.append(
                "Every resource is accounted for: \(report.resourcesLoaded) loaded + \(report.duplicates) duplicates + \(report.resourcesSkipped) skipped = \(report.resourcesSeen)."
            )
        }
        return blocks.joined(separator: "\n\n")
    }
}
