import TunnelscopeModel

/// The AWS hops of a walk: VPC route tables, the Transit Gateway and its route tables, VPN
/// connections towards GCP or a site, Direct Connect, on-prem sites.
extension Forwarder {
    // MARK: AWS VPC

    func vpcStep(_ vpc: String, table tableId: String?, _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        record(&hops) { PathHop(kind: .awsVpc, resources: [vpc], text: "AWS VPC \(index.vpcName(vpc))") }
        if live.failedVpcs.contains(vpc) {
            return .end(stopped(resource: vpc, reason: "\(index.vpcShortName(vpc)) is down (failed)"))
        }
        let table =
            tableId.flatMap(index.routeTable)
            ?? index.mainRouteTableByVpc[vpc].map { model.routeTables[$0] }
        guard let table else {
            if contains(vpc: vpc, dst) { return .end(arrival(vpc: vpc, dst)) }
            return .end(
                unknown(resource: vpc, reason: "no route table of \(index.vpcShortName(vpc)) is in the exports"))
        }
        guard
            let (prefix, routeIndex) = tables.vpc.longestMatch(table: table.id, containing: dst)
        else {
            record(&hops) {
                PathHop(
                    kind: .routeTable, resources: [table.id],
                    text: "route table \(index.routeTableName(table)): no route for \(dst)")
            }
            return .end(stopped(resource: table.id, reason: "\(index.routeTableName(table)) has no route for \(dst)"))
        }
        let route = table.routes[routeIndex]
        record(&hops) {
            PathHop(
                kind: .routeTable, resources: [table.id],
                text: "route table \(index.routeTableName(table)): \(prefix) → \(route.target)")
        }
        if route.isBlackhole {
            return .end(
                stopped(
                    resource: table.id,
                    reason: "blackhole route \(prefix) → \(route.target) in \(table.id): its target is gone"))
        }
        switch route.target {
        case .local:
            return .end(arrival(vpc: vpc, dst))
        case .transitGateway(let tgw):
            guard let attachment = index.attachments(of: vpc, on: tgw).first(where: { $0.resourceType == "vpc" }) else {
                return .end(
                    stopped(
                        resource: tgw,
                        reason: "\(index.vpcShortName(vpc)) routes to \(tgw) but has no attachment to it in the exports"
                    ))
            }
            guard live.attachmentAlive(attachment) else {
                return .end(
                    stopped(
                        resource: attachment.id,
                        reason: "attachment \(index.attachmentName(attachment.id)) is down (failed)"))
            }
            return .next(.tgw(tgw, attachment: attachment.id))
        case .vpnGateway(let vgw):
            record(&hops) { PathHop(kind: .vpnGateway, resources: [vgw], text: "virtual private gateway \(vgw)") }
            let connections = (index.connectionsByVgw[vgw] ?? []).map { model.vpnConnections[$0].id }
            // The VGW sends the prefix to the connection whose far end owns it: a site, else GCP.
            let toSites = connections.filter { c in
                guard let cgw = model.vpnConnection(c)?.customerGatewayId, let s = index.siteByCustomerGateway[cgw]
                else { return false }
                return model.onPremSites[s].addressRanges.contains { $0.normalized.contains(dst) }
            }
            if !toSites.isEmpty { return toSite(viaConnections: toSites, dst, &hops) }
            let cross = connections.filter { c in
                (index.tunnelsByConnection[c] ?? []).contains { model.tunnels[$0].isCrossCloud }
            }
            if !cross.isEmpty { return crossFromAWS(connections: cross, dst, &hops) }
            return toSite(viaConnections: connections, dst, &hops)
        case .peering(let pcx):
            if live.failedPeerings.contains(pcx) {
                return .end(stopped(resource: pcx, reason: "VPC peering \(pcx) is down (failed)"))
            }
            guard let peering = index.vpcPeeringById[pcx].map({ model.vpcPeerings[$0] }) else {
                return .end(unknown(resource: pcx, reason: "VPC peering \(pcx) is not in the exports"))
            }
            let other = peering.requester.vpcId == vpc ? peering.accepter.vpcId : peering.requester.vpcId
            record(&hops) {
                PathHop(kind: .vpcPeering, resources: [pcx], text: "VPC peering \(pcx) to \(index.vpcShortName(other))")
            }
            if model.vpc(other) == nil {
                let cidrs = (peering.requester.vpcId == vpc ? peering.accepter : peering.requester).cidrs
                if cidrs.contains(where: { $0.contains(dst) }) {
                    return .end(reached(resource: other, label: "AWS VPC \(other) (peered, not exported)", side: .aws))
                }
            }
            return .next(.vpc(other, table: nil))
        case .internetGateway(let igw), .natGateway(let igw):
            return .end(
                stopped(resource: igw, reason: "leaves through \(igw) to the internet, not the hybrid network"))
        case .other(let kind, let id):
            return .end(unknown(resource: id, reason: "goes to \(kind) \(id), which tunnelscope does not follow yet"))
        case .none:
            return .end(stopped(resource: table.id, reason: "route \(prefix) has no target"))
        }
    }

    func contains(vpc: String, _ dst: CIDR) -> Bool {
        model.vpc(vpc)?.cidrs.contains { $0.normalized.contains(dst) } ?? false
    }

    func arrival(vpc: String, _ dst: CIDR) -> PathEnd {
        if let subnet = space.firstOwner(containing: dst, where: { $0.kind == .awsSubnet && $0.vpcId == vpc }) {
            return reached(resource: subnet.resource, label: subnet.label, side: .aws)
        }
        guard contains(vpc: vpc, dst) else {
            return stopped(
                resource: vpc, reason: "delivered to \(index.vpcShortName(vpc)), but \(dst) is not in its CIDRs")
        }
        return reached(resource: vpc, label: "AWS VPC \(index.vpcName(vpc))", side: .aws)
    }

    // MARK: Transit Gateway

    func tgwStep(_ tgw: String, attachment attachmentId: String, _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        record(&hops) {
            PathHop(
                kind: .transitGateway, resources: [tgw, attachmentId],
                text: "Transit Gateway \(index.transitGatewayName(tgw)) via \(index.attachmentName(attachmentId))")
        }
        if live.failedTransitGateways.contains(tgw) {
            return .end(stopped(resource: tgw, reason: "the Transit Gateway is down (failed)"))
        }
        guard let attachment = index.attachment(attachmentId), let tableId = attachment.associatedRouteTableId else {
            return .end(
                stopped(
                    resource: attachmentId,
                    reason: "attachment \(attachmentId) is not associated with a TGW route table"))
        }
        return .next(.tgwTable(tgw, table: tableId))
    }

    func tgwTableStep(_ tgw: String, table tableId: String, _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        guard let table = index.tgwRouteTable(tableId), let lpm = tables.tgw[tableId] else {
            return .end(unknown(resource: tableId, reason: "TGW route table \(tableId) is not in the exports"))
        }
        var withdrawn: [String] = []
        // Longest prefix first; for one prefix a static route wins over propagated ones, and every
        // propagated route to the prefix whose target is alive is an equal-cost next hop (ECMP).
        let chosen: (CIDR, TGWRoute, [TGWRouteTarget])? = lpm.first(containing: dst) { prefix, indices in
            let routes = indices.map { table.routes[$0] }
            let statics = routes.filter { $0.type == "static" }
            for route in statics {
                if route.isBlackhole { return (prefix, route, []) }
                let targets = route.targets.filter(targetAlive)
                if targets.isEmpty, !route.targets.isEmpty {
                    note(&withdrawn, "\(prefix) (every target down)")
                    continue
                }
                return (prefix, route, targets)
            }
            let propagated = routes.filter { $0.type != "static" }
            if let hole = propagated.first(where: \.isBlackhole) { return (prefix, hole, []) }
            var targets: [TGWRouteTarget] = []
            var seen = Set<String>()
            for route in propagated {
                for target in route.targets where targetAlive(target) {
                    if seen.insert(target.attachmentId ?? target.resourceId ?? "?").inserted { targets.append(target) }
                }
            }
            guard let route = propagated.first else { return nil }
            if targets.isEmpty, propagated.contains(where: { r in r.targets.contains { $0.resourceType == "vpn" } }) {
                let standby = standbyTargets(table, dst)
                if !standby.isEmpty {
                    note(
                        &withdrawn,
                        "\(prefix) via \(route.targets.compactMap(\.resourceId).joined(separator: " + ")) (down)")
                    return (prefix, route, standby)
                }
            }
            if targets.isEmpty {
                if propagated.contains(where: { !$0.targets.isEmpty }) {
                    note(&withdrawn, "\(prefix) (every target down)")
                }
                return propagated.contains(where: { $0.targets.isEmpty }) ? (prefix, route, []) : nil
            }
            return (prefix, route, targets)
        }
        guard let (prefix, route, targets) = chosen else {
            let note = withdrawn.isEmpty ? "" : "; withdrawn: \(withdrawn.joined(separator: ", "))"
            record(&hops) {
                PathHop(
                    kind: .tgwRouteTable, resources: [tableId],
                    text: "TGW route table \(index.tgwRouteTableName(tableId)): no route for \(dst)\(note)")
            }
            return .end(
                stopped(
                    resource: tableId,
                    reason: "TGW route table \(index.tgwRouteTableName(tableId)) has no route for \(dst)\(note)"))
        }
        record(&hops) {
            let targetText = targets.map { $0.resourceId ?? $0.attachmentId ?? "?" }.joined(separator: " + ")
            let ecmp =
                targets.count > 1
                ? (model.transitGateway(tgw)?.vpnEcmpSupport == false
                    && targets.allSatisfy { $0.resourceType == "vpn" }
                    ? ", VPN ECMP off: one next hop at a time, the others standby"
                    : ", ECMP over \(targets.count) next hops") : ""
            return PathHop(
                kind: .tgwRouteTable, resources: [tableId],
                text:
                    "TGW route table \(index.tgwRouteTableName(tableId)): \(prefix) → \(route.isBlackhole ? "blackhole" : targetText) (\(route.type ?? "route")\(ecmp))"
                    + (withdrawn.isEmpty
                        ? ""
                        : "; failover: \(withdrawn.joined(separator: ", ")) withdrawn, learned again over \(targetText)")
            )
        }
        if route.isBlackhole {
            return .end(stopped(resource: tableId, reason: "blackhole route \(prefix) in TGW route table \(tableId)"))
        }
        guard let first = targets.first else {
            return .end(stopped(resource: tableId, reason: "route \(prefix) has no attachment"))
        }
        switch first.resourceType {
        case "vpc":
            guard let vpc = first.resourceId else {
                return .end(stopped(resource: tableId, reason: "VPC attachment without a VPC ID"))
            }
            record(&hops) { PathHop(kind: .awsVpc, resources: [vpc], text: "AWS VPC \(index.vpcName(vpc))") }
            return .end(arrival(vpc: vpc, dst))
        case "vpn":
            let connections = targets.filter { $0.resourceType == "vpn" }.compactMap(\.resourceId)
            let cross = connections.filter { c in
                (index.tunnelsByConnection[c] ?? []).contains { model.tunnels[$0].isCrossCloud }
            }
            if !cross.isEmpty { return crossFromAWS(connections: cross, dst, &hops) }
            return toSite(viaConnections: connections, dst, &hops)
        case "direct-connect-gateway":
            guard let dx = first.resourceId else {
                return .end(stopped(resource: tableId, reason: "Direct Connect attachment without a gateway ID"))
            }
            record(&hops) {
                PathHop(
                    kind: .directConnect, resources: [dx],
                    text: "Direct Connect gateway \(index.directConnectGatewayName(dx))")
            }
            guard let s = index.siteByDirectConnectGateway[dx] else {
                return .end(reached(resource: dx, label: "Direct Connect gateway \(dx) (site unknown)", side: .onPrem))
            }
            return .end(siteArrival(s, dst, &hops))
        default:
            return .end(
                unknown(
                    resource: first.attachmentId,
                    reason: "goes to a \(first.resourceType ?? "?") attachment, which tunnelscope does not follow yet"))
        }
    }

    /// VPN attachments propagating into the table whose live tunnels are advertised a prefix
    /// containing `dst` (by Cloud Router, or by the site that owns it): where the TGW learns the
    /// route again when the active one goes.
    func standbyTargets(_ table: TGWRouteTable, _ dst: CIDR) -> [TGWRouteTarget] {
        table.propagations.compactMap { p in
            guard p.resourceType == "vpn", p.state != "disabled", let c = p.resourceId,
                let a = index.attachment(p.attachmentId), live.attachmentAlive(a)
            else { return nil }
            // A site's other connection: its site owns the destination.
            let siteOwns =
                model.vpnConnection(c)?.customerGatewayId.flatMap { index.siteByCustomerGateway[$0] }
                .map { model.onPremSites[$0].addressRanges.contains { $0.normalized.contains(dst) } } ?? false
            let carrying = (index.tunnelsByConnection[c] ?? []).filter { t in
                live.toGCP[t]
                    && (model.tunnels[t].isCrossCloud
                        ? (gcpAdvertised[t] ?? []).contains { $0.contains(dst) }
                        : siteOwns && (model.tunnels[t].aws?.tunnel.acceptedRouteCount ?? 1) > 0)
            }
            return carrying.isEmpty
                ? nil : TGWRouteTarget(attachmentId: p.attachmentId, resourceId: c, resourceType: "vpn")
        }
    }

    func targetAlive(_ target: TGWRouteTarget) -> Bool {
        if let a = target.attachmentId.flatMap(index.attachment), !live.attachmentAlive(a) { return false }
        switch target.resourceType {
        case "vpn":
            guard let c = target.resourceId, let tunnels = index.tunnelsByConnection[c] else { return true }
            return tunnels.contains { live.toGCP[$0] }
        case "direct-connect-gateway":
            return target.resourceId.map(directConnectAlive) ?? true
        default:
            return true
        }
    }

    func directConnectAlive(_ dx: String) -> Bool {
        let vifs = index.virtualInterfaces(ofGateway: dx)
        guard !vifs.isEmpty else { return true }
        return vifs.contains { vif in
            !live.failedVirtualInterfaces.contains(vif.id) && vif.state != "down" && vif.state != "deleted"
                && (vif.bgpPeers.isEmpty || vif.bgpPeers.contains { $0.bgpStatus != "down" })
        }
    }

    // MARK: VPN crossings

    func crossFromAWS(connections: [String], _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        let tunnels = connections.flatMap { index.tunnelsByConnection[$0] ?? [] }.filter {
            model.tunnels[$0].isCrossCloud
        }
        let alive = recordCrossing(connections, tunnels, &hops, listing: true)
        guard let t = alive.first else {
            return .end(
                stopped(
                    resource: connections.first,
                    reason:
                        "no tunnel of \(connections.map(index.connectionShortName).joined(separator: ", ")) carries routes (all down or failed)"
                ))
        }
        guard let network = alive.lazy.compactMap({ index.gcpNetwork(ofTunnel: $0) }).first else {
            return .end(
                unknown(resource: model.tunnels[t].id, reason: "the GCP end of these tunnels is not in the exports"))
        }
        let router = alive.lazy.compactMap { model.tunnels[$0].gcp?.router }.first
        if let router {
            record(&hops) {
                PathHop(
                    kind: .cloudRouter, resources: [router.id],
                    text: "Cloud Router \(router.name) (\(router.region ?? "?"))")
            }
        }
        return .next(.gcp(network, region: router?.region, producer: nil))
    }

    /// Records the VPN connections and the tunnels of them that carry towards the far end (every one
    /// of them: ECMP), and returns those tunnels.
    func recordCrossing(_ connections: [String], _ tunnels: [Int], _ hops: inout [PathHop], listing: Bool) -> [Int] {
        let alive = tunnels.filter { live.toGCP[$0] }
        record(&hops) {
            PathHop(
                kind: .vpnConnection, resources: connections,
                text: "VPN " + connections.map(index.connectionName).joined(separator: " + "))
        }
        record(&hops) {
            let ips = alive.map { model.tunnels[$0].outsideIp?.description ?? model.tunnels[$0].id }
            return PathHop(
                kind: .tunnels, resources: alive.map { model.tunnels[$0].id },
                text: "\(alive.count) of \(plural(tunnels.count, "tunnel")) carrying"
                    + (listing ? ": " + (alive.isEmpty ? "none" : ips.joined(separator: ", ")) : ""))
        }
        return alive
    }

    func toSite(viaConnections connections: [String], _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        let tunnels = connections.flatMap { index.tunnelsByConnection[$0] ?? [] }
        let alive = recordCrossing(connections, tunnels, &hops, listing: false)
        guard !alive.isEmpty else {
            return .end(stopped(resource: connections.first, reason: "every tunnel to the site is down or failed"))
        }
        guard let cgw = connections.lazy.compactMap({ self.model.vpnConnection($0)?.customerGatewayId }).first,
            let s = index.siteByCustomerGateway[cgw]
        else {
            return .end(
                reached(
                    resource: connections[0], label: "the far end of \(index.connectionName(connections[0]))",
                    side: .onPrem))
        }
        return .end(siteArrival(s, dst, &hops))
    }

    func siteArrival(_ s: Int, _ dst: CIDR, _ hops: inout [PathHop]) -> PathEnd {
        let site = model.onPremSites[s]
        record(&hops) { PathHop(kind: .site, resources: [site.id], text: "on-prem \(site.name)") }
        if site.addressRanges.isEmpty || site.addressRanges.contains(where: { $0.normalized.contains(dst) }) {
            return reached(resource: site.id, label: "on-prem \(site.name)", side: .onPrem)
        }
        return stopped(
            resource: site.id, reason: "delivered to \(site.name), whose known ranges do not include \(dst)")
    }

    // MARK: On-prem

    func siteStep(_ s: Int, _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        let site = model.onPremSites[s]
        record(&hops) { PathHop(kind: .site, resources: [site.id], text: "on-prem \(site.name)") }
        if site.addressRanges.contains(where: { $0.normalized.contains(dst) }) {
            return .end(reached(resource: site.id, label: "on-prem \(site.name)", side: .onPrem))
        }
        // The site reaches AWS through its VPN connections or Direct Connect gateways.
        for cgw in site.customerGatewayIds {
            for t in index.tunnelsByCustomerGateway[cgw] ?? [] where live.toAWS[t] {
                guard let aws = model.tunnels[t].aws, let tgw = aws.transitGatewayId,
                    let a = index.attachments(of: aws.vpnConnectionId, on: tgw).first(where: live.attachmentAlive)
                else { continue }
                record(&hops) {
                    PathHop(
                        kind: .vpnConnection, resources: [aws.vpnConnectionId],
                        text: "VPN \(index.connectionName(aws.vpnConnectionId))")
                }
                return .next(.tgw(tgw, attachment: a.id))
            }
        }
        // A VPN on a virtual private gateway reaches the VPCs attached to it (a VGW does not transit).
        for cgw in site.customerGatewayIds {
            for t in index.tunnelsByCustomerGateway[cgw] ?? [] where live.toAWS[t] {
                guard let aws = model.tunnels[t].aws, aws.transitGatewayId == nil, let vgw = aws.vpnGatewayId else {
                    continue
                }
                record(&hops) {
                    PathHop(
                        kind: .vpnConnection, resources: [aws.vpnConnectionId],
                        text: "VPN \(index.connectionName(aws.vpnConnectionId))")
                }
                record(&hops) { PathHop(kind: .vpnGateway, resources: [vgw], text: "virtual private gateway \(vgw)") }
                let vpcs = index.vpnGateway(vgw)?.attachedVpcIds ?? []
                guard let vpc = vpcs.first(where: { contains(vpc: $0, dst) }) else {
                    return .end(
                        stopped(
                            resource: vgw,
                            reason:
                                "\(dst) is not in the VPC attached to \(vgw) (a virtual private gateway does not route onwards)"
                        ))
                }
                record(&hops) { PathHop(kind: .awsVpc, resources: [vpc], text: "AWS VPC \(index.vpcName(vpc))") }
                return .end(arrival(vpc: vpc, dst))
            }
        }
        for dx in site.directConnectGatewayIds where directConnectAlive(dx) {
            if let a = index.attachments(of: dx).first(where: {
                $0.resourceType == "direct-connect-gateway" && live.attachmentAlive($0)
            }) {
                record(&hops) {
                    PathHop(
                        kind: .directConnect, resources: [dx],
                        text: "Direct Connect gateway \(index.directConnectGatewayName(dx))")
                }
                return .next(.tgw(a.transitGatewayId, attachment: a.id))
            }
        }
        return .end(stopped(resource: site.id, reason: "\(site.name) has no live VPN or Direct Connect link to AWS"))
    }
}
