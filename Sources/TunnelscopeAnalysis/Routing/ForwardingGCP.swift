import TunnelscopeModel

/// The GCP hops of a walk: a network's routes (subnets, peering, static, Cloud Router best
/// routes, regional or global), the way back over the tunnels, Shared VPC service projects.
extension Forwarder {
    // MARK: GCP

    func gcpStep(_ network: GCPRef, region: String?, producer: String?, _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        let net = model.gcpNetwork(network)
        record(&hops) {
            PathHop(
                kind: .gcpNetwork, resources: [network.id],
                text: "GCP network \(index.gcpName(network))"
                    + (net?.routingMode.map { " (\($0.lowercased()) routing)" } ?? ""))
        }
        let global = net?.routingMode != "REGIONAL"
        var customHidden = false
        if let producer, let peering = net?.peerings.first(where: { $0.name == producer }) {
            customHidden = !peering.exportCustomRoutes
        }
        var skipped: [String] = []
        let chosen: (CIDR, [GCPCandidate])? = tables.gcp[network]?.first(containing: dst) { prefix, candidates in
            let usable = candidates.filter { c in
                if customHidden, c.isCustom {
                    note(&skipped, "\(prefix) (custom route not exported to the peered network)")
                    return false
                }
                switch c.hop {
                case .bgp(_, _, let t):
                    if let t, !live.toAWS[t] {
                        note(&skipped, "\(prefix) via a down tunnel")
                        return false
                    }
                    if !global, let region, let r = c.region, r != region {
                        note(&skipped, "\(prefix) (learned in \(r); routing is regional)")
                        return false
                    }
                case .staticTunnel(_, let t):
                    if let t, !live.toAWS[t] {
                        note(&skipped, "\(prefix) via a down tunnel")
                        return false
                    }
                default: break
                }
                return true
            }
            guard let best = usable.map(\.priority).min() else { return nil }
            return (prefix, usable.filter { $0.priority == best })
        }
        guard let (prefix, candidates) = chosen, let first = candidates.first else {
            let note = skipped.isEmpty ? "" : " (not usable: \(Array(Set(skipped)).sorted().joined(separator: ", ")))"
            return .end(
                stopped(resource: network.id, reason: "\(index.gcpName(network)) has no route for \(dst)\(note)"))
        }
        switch first.hop {
        case .subnet(let s, let secondary):
            let subnet = model.gcpSubnets[s]
            record(&hops) {
                PathHop(
                    kind: .gcpSubnet, resources: [subnet.ref.id],
                    text:
                        "subnet \(subnet.name) \(prefix)\(secondary.map { " (secondary range \($0))" } ?? "") in \(subnet.ref.region ?? "?")"
                )
            }
            let services = index.serviceProjects(ofHost: network.project)
            if !services.isEmpty {
                record(&hops) {
                    PathHop(
                        kind: .sharedVPC, resources: [network.project] + services,
                        text:
                            "Shared VPC host \(network.project) → service projects \(services.joined(separator: ", "))")
                }
            }
            let range = secondary.map { " (secondary range \($0))" } ?? ""
            return .end(
                reached(resource: subnet.ref.id, label: "GCP subnet \(subnet.name) \(prefix)\(range)", side: .gcp))
        case .peering(let name):
            record(&hops) { PathHop(kind: .gcpRoute, resources: [network.id], text: "\(prefix) → peering \(name)") }
            if live.failedPeerings.contains("\(network.id)/peerings/\(name)") {
                return .end(stopped(resource: network.id, reason: "VPC peering \(name) is down (failed)"))
            }
            record(&hops) { PathHop(kind: .peering, resources: [network.id], text: "VPC peering \(name)") }
            if let redis = (index.redisByNetwork[network] ?? []).map({ model.redisInstances[$0] })
                .first(where: { $0.reservedIpRange?.normalized.contains(dst) ?? false })
            {
                record(&hops) {
                    PathHop(
                        kind: .producer, resources: [redis.id],
                        text: "Memorystore \(redis.displayName ?? redis.name) (\(redis.project))")
                }
                return .end(
                    reached(
                        resource: redis.id, label: "Memorystore \(redis.displayName ?? redis.name) \(prefix)",
                        side: .gcp))
            }
            return .end(reached(resource: network.id, label: "peered network via \(name) (\(prefix))", side: .gcp))
        case .bgp, .staticTunnel:
            let tunnels = candidates.compactMap { c -> Int? in
                switch c.hop {
                case .bgp(_, _, let t): t
                case .staticTunnel(_, let t): t
                default: nil
                }
            }
            let via = candidates.map { c -> String in
                switch c.hop {
                case .bgp(_, let ip, _): ip
                case .staticTunnel(let ref, _): ref.name
                default: "?"
                }
            }
            record(&hops) {
                PathHop(
                    kind: .gcpRoute, resources: [network.id],
                    text: "\(prefix) → \(first.isBGP ? "BGP" : "static") next hop \(via.joined(separator: ", "))")
            }
            return crossFromGCP(tunnels: tunnels, dst, &hops)
        case .internet(let gateway):
            let unusable =
                skipped.isEmpty ? "" : " (not usable: \(Array(Set(skipped)).sorted().joined(separator: ", ")))"
            return .end(
                stopped(
                    resource: network.id,
                    reason:
                        "only \(prefix) → \(Self.lastPathComponent(gateway)) matches: "
                        + "\(index.gcpName(network)) has no hybrid route for \(dst)\(unusable)"))
        case .interconnect(let attachment):
            record(&hops) {
                PathHop(
                    kind: .gcpRoute, resources: [network.id],
                    text: "\(prefix) → Interconnect attachment \(attachment.name)")
            }
            return .end(
                unknown(
                    resource: attachment.id,
                    reason:
                        "\(prefix) leaves over Interconnect attachment \(attachment.name), which tunnelscope does not follow yet"
                ))
        case .other(let what):
            return .end(
                unknown(
                    resource: network.id, reason: "\(prefix) goes to \(what), which tunnelscope does not follow yet"))
        }
    }

    /// `default-internet-gateway` of `…/global/gateways/default-internet-gateway`: the last
    /// non-empty `/`-separated part (the whole text when there is none). The same as
    /// `split(separator: "/").last`, without making every part (that was a third of no-return-route's walks).
    static func lastPathComponent(_ text: String) -> String {
        let utf8 = text.utf8
        // ASCII (every gateway URL): a byte is a character, so bytes can be scanned instead of
        // characters (a CR LF pair is one character, but neither byte is a slash).
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard let end = utf8.lastIndex(where: { $0 != UInt8(ascii: "/") }) else { return text }
            let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
            return String(text[start...end])
        }
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "/" { end = text.index(before: end) }
        guard end > text.startIndex else { return text }
        var start = end
        while start > text.startIndex, text[text.index(before: start)] != "/" { start = text.index(before: start) }
        return String(text[start..<end])
    }

    func crossFromGCP(tunnels: [Int], _ dst: CIDR, _ hops: inout [PathHop]) -> Step {
        let alive = tunnels.filter { live.toAWS[$0] }
        record(&hops) {
            PathHop(
                kind: .tunnels, resources: alive.map { model.tunnels[$0].id },
                text: "\(plural(alive.count, "tunnel")) (ECMP): "
                    + alive.map { index.tunnelName($0) }.joined(separator: ", "))
        }
        guard !alive.isEmpty else {
            return .end(stopped(resource: nil, reason: "every tunnel of the route is down or failed"))
        }
        let ends = alive.compactMap { model.tunnels[$0].aws }
        guard let aws = ends.first else {
            return .end(
                unknown(
                    resource: model.tunnels[alive[0]].id, reason: "the AWS end of these tunnels is not in the exports"))
        }
        let connections = Array(Set(ends.map(\.vpnConnectionId))).sorted()
        record(&hops) {
            PathHop(
                kind: .vpnConnection, resources: connections,
                text: "VPN " + connections.map(index.connectionName).joined(separator: " + "))
        }
        if let tgw = aws.transitGatewayId {
            for c in connections {
                if let a = index.attachments(of: c, on: tgw).first(where: {
                    $0.resourceType == "vpn" && live.attachmentAlive($0)
                }) {
                    return .next(.tgw(tgw, attachment: a.id))
                }
            }
            if connections.contains(where: { !index.attachments(of: $0, on: tgw).isEmpty }) {
                return .end(
                    stopped(
                        resource: tgw,
                        reason:
                            "the VPN attachments of \(connections.joined(separator: ", ")) to \(tgw) are down (failed)")
                )
            }
            return .end(
                unknown(
                    resource: tgw,
                    reason:
                        "the VPN attachment of \(connections.joined(separator: ", ")) to \(tgw) is not in the exports"))
        }
        if let vgw = aws.vpnGatewayId {
            record(&hops) { PathHop(kind: .vpnGateway, resources: [vgw], text: "virtual private gateway \(vgw)") }
            let vpcs = index.vpnGateway(vgw)?.attachedVpcIds ?? []
            if let vpc = vpcs.first(where: { contains(vpc: $0, dst) }) {
                record(&hops) { PathHop(kind: .awsVpc, resources: [vpc], text: "AWS VPC \(index.vpcName(vpc))") }
                return .end(arrival(vpc: vpc, dst))
            }
            return .end(stopped(resource: vgw, reason: "\(dst) is not in the VPC attached to \(vgw)"))
        }
        return .end(
            stopped(resource: aws.vpnConnectionId, reason: "the VPN connection is attached to neither a TGW nor a VGW")
        )
    }
}
