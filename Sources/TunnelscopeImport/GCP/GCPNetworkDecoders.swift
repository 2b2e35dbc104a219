import TunnelscopeModel

/// `networks`, `networks subnets`, `routes`, `redis instances`.
enum GCPNetworkDecoders {
    static func network(_ n: Node) throws(DecodeError) -> GCPNetwork {
        // gcloud adds x_gcloud_subnet_mode; the API leaves out a false autoCreateSubnetworks, and
        // only legacy networks have an IPv4Range.
        let mode: SubnetMode
        switch (n.string("x_gcloud_subnet_mode")?.uppercased(), n.bool("autoCreateSubnetworks")) {
        case ("AUTO", _), (nil, true?): mode = .auto
        case ("LEGACY", _): mode = .legacy
        case (nil, nil) where n.child("IPv4Range") != nil: mode = .legacy
        default: mode = .custom
        }
        let peerings = n.array("peerings").compactMap { p -> GCPPeering? in
            guard let name = p.string("name") else {
                p.context.warn(p.path, "peering without a name; ignored")
                return nil
            }
            return GCPPeering(
                name: name, peerNetwork: p.ref("network"), peerNetworkURL: p.string("network"),
                state: p.string("state"), exportCustomRoutes: p.bool("exportCustomRoutes") ?? false,
                importCustomRoutes: p.bool("importCustomRoutes") ?? false)
        }
        return GCPNetwork(
            ref: try n.selfRef(collection: "networks"), subnetMode: mode,
            routingMode: n.object("routingConfig")?.string("routingMode") ?? n.string("x_gcloud_bgp_routing_mode"),
            mtu: n.int("mtu"), peerings: peerings, description: n.string("description"), source: n.source)
    }

    static func subnet(_ n: Node) throws(DecodeError) -> GCPSubnet {
        let secondary = n.array("secondaryIpRanges").compactMap { r -> GCPSecondaryRange? in
            guard let cidr = r.cidr("ipCidrRange").cidr else { return nil }
            return GCPSecondaryRange(name: r.string("rangeName") ?? "", cidr: cidr)
        }
        return GCPSubnet(
            ref: try n.selfRef(collection: "subnetworks"), network: n.ref("network"),
            cidr: n.cidr("ipCidrRange").cidr, secondaryRanges: secondary, purpose: n.string("purpose"),
            source: n.source)
    }

    static func route(_ n: Node) throws(DecodeError) -> GCPRoute {
        let destination = n.cidr("destRange")
        guard let text = destination.text else { throw DecodeError(path: n.path, message: "missing destRange") }
        let hop: GCPNextHop
        if let tunnel = n.ref("nextHopVpnTunnel") {
            hop = .vpnTunnel(tunnel)
        } else if let attachment = n.ref("nextHopInterconnectAttachment") {
            hop = .interconnectAttachment(attachment)
        } else if let peering = n.string("nextHopPeering") {
            hop = .peering(peering)
        } else if let gateway = n.string("nextHopGateway") {
            hop = .gateway(gateway)
        } else if let ip = n.string("nextHopIp") {
            hop = .ip(ip)
        } else if let network = n.string("nextHopNetwork") {
            hop = .network(network)
        } else if let instance = n.string("nextHopInstance") {
            hop = .instance(instance)
        } else if let ilb = n.string("nextHopIlb") {
            hop = .ilb(ilb)
        } else if let hub = n.string("nextHopHub") {
            hop = .other("hub \(hub)")
        } else {
            hop = .none
        }
        let selfRef = n.string("selfLink").flatMap(GCPRef.init(url:))
        let network = n.ref("network")
        return GCPRoute(
            name: n.string("name"), project: selfRef?.project ?? network?.project, network: network,
            destination: destination.cidr, destinationText: text, priority: n.int("priority"),
            nextHop: hop, nextHopIp: n.string("nextHopIp"), routeType: n.string("routeType"),
            asPath: n.array("asPaths").flatMap { seg in seg.array("asLists").compactMap { Self.int($0) } },
            source: n.source)
    }

    private static func int(_ n: Node) -> Int? { n.intValue }

    static func redis(_ n: Node) throws(DecodeError) -> RedisInstance {
        let fullName = try n.required("name")
        let parts = fullName.split(separator: "/").map(String.init)
        guard parts.count >= 6, parts[0] == "projects", parts[2] == "locations", parts[4] == "instances" else {
            throw DecodeError(
                path: n.path + ".name", message: "\(Node.quoted(fullName)) is not projects/P/locations/R/instances/N")
        }
        // In PRIVATE_SERVICE_ACCESS mode this is the *name* of an allocated range, not a CIDR.
        let rangeText = n.string("reservedIpRange")
        return RedisInstance(
            project: parts[1], region: parts[3], name: parts[5], displayName: n.string("displayName"),
            reservedIpRange: rangeText.flatMap { CIDR($0) }, reservedIpRangeText: rangeText, host: n.ipv4("host"),
            port: n.int("port"), authorizedNetwork: n.ref("authorizedNetwork"),
            connectMode: n.string("connectMode") ?? "DIRECT_PEERING", tier: n.string("tier"),
            state: n.string("state"), source: n.source)
    }
}
