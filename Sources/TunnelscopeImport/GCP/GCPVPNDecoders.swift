import TunnelscopeModel

/// `vpn-gateways`, `external-vpn-gateways`, `vpn-tunnels`, `routers`, `routers get-status`.
enum GCPVPNDecoders {
    static func interfaces(_ n: Node, _ key: String) -> [GatewayInterface] {
        n.array(key).enumerated().map { offset, item in
            GatewayInterface(id: item.int("id") ?? offset, ipAddress: item.ipv4("ipAddress"))
        }
    }

    static func haGateway(_ n: Node) throws(DecodeError) -> HAVPNGateway {
        HAVPNGateway(
            ref: try n.selfRef(collection: "vpnGateways"), network: n.ref("network"),
            interfaces: interfaces(n, "vpnInterfaces"), source: n.source)
    }

    static func externalGateway(_ n: Node) throws(DecodeError) -> ExternalVPNGateway {
        ExternalVPNGateway(
            ref: try n.selfRef(collection: "externalVpnGateways"),
            redundancyType: n.string("redundancyType"), interfaces: interfaces(n, "interfaces"),
            source: n.source)
    }

    static func tunnel(_ n: Node) throws(DecodeError) -> GCPVPNTunnel {
        GCPVPNTunnel(
            ref: try n.selfRef(collection: "vpnTunnels"), vpnGateway: n.ref("vpnGateway"),
            vpnGatewayInterface: n.int("vpnGatewayInterface"), peerExternalGateway: n.ref("peerExternalGateway"),
            peerExternalGatewayInterface: n.int("peerExternalGatewayInterface"),
            peerGcpGateway: n.ref("peerGcpGateway"), peerIp: n.ipv4("peerIp"), router: n.ref("router"),
            ikeVersion: n.int("ikeVersion"), status: n.string("status"),
            detailedStatus: n.string("detailedStatus"), source: n.source)
    }

    static func router(_ n: Node) throws(DecodeError) -> CloudRouter {
        let bgp = n.object("bgp")
        let interfaces = n.array("interfaces").compactMap { i -> RouterInterface? in
            guard let name = i.string("name") else {
                i.context.warn(i.path, "interface without a name; ignored")
                return nil
            }
            return RouterInterface(
                name: name, linkedVpnTunnel: i.ref("linkedVpnTunnel"), ipRange: i.cidr("ipRange").cidr)
        }
        let peers = n.array("bgpPeers").compactMap { p -> BGPPeer? in
            guard let name = p.string("name") else {
                p.context.warn(p.path, "BGP peer without a name; ignored")
                return nil
            }
            return BGPPeer(
                name: name, interfaceName: p.string("interfaceName"), ipAddress: p.ipv4("ipAddress"),
                peerIpAddress: p.ipv4("peerIpAddress"), peerAsn: p.int("peerAsn"),
                enabled: p.bool("enable") ?? true, advertisedRoutePriority: p.int("advertisedRoutePriority"),
                advertisedIpRanges: p.array("advertisedIpRanges").compactMap { $0.cidr("range").cidr },
                advertiseMode: p.string("advertiseMode"), advertisedGroups: p.strings("advertisedGroups"))
        }
        return CloudRouter(
            ref: try n.selfRef(collection: "routers"), network: n.ref("network"), asn: bgp?.int("asn"),
            advertiseMode: bgp?.string("advertiseMode"), advertisedGroups: bgp?.strings("advertisedGroups") ?? [],
            advertisedIpRanges: bgp?.array("advertisedIpRanges").compactMap { $0.cidr("range").cidr } ?? [],
            interfaces: interfaces, bgpPeers: peers, source: n.source)
    }

    /// `routers get-status` output: does not name its router; it is matched later by its peers.
    struct RouterStatus {
        var network: GCPRef?
        var peers: [String: BGPPeerStatus]
        var linkedTunnels: [String: GCPRef]
        var bestRoutes: [GCPRoute]
        var source: SourceRef
    }

    static func routerStatus(_ n: Node) throws(DecodeError) -> RouterStatus {
        guard let result = n.object("result") else { throw DecodeError(path: n.path, message: "missing result") }
        var peers: [String: BGPPeerStatus] = [:]
        var linked: [String: GCPRef] = [:]
        for p in result.array("bgpPeerStatus") {
            guard let name = p.string("name") else {
                p.context.warn(p.path, "peer status without a name; ignored")
                continue
            }
            peers[name] = BGPPeerStatus(
                status: p.string("status"), state: p.string("state"),
                numLearnedRoutes: p.int("numLearnedRoutes"), uptime: p.string("uptime"),
                advertisedRoutes: p.array("advertisedRoutes").compactMap { $0.cidr("destRange").cidr })
            if let tunnel = p.ref("linkedVpnTunnel") { linked[name] = tunnel }
        }
        let routes = result.array("bestRoutes").compactMap { try? GCPNetworkDecoders.route($0) }
        return RouterStatus(
            network: result.ref("network"), peers: peers, linkedTunnels: linked, bestRoutes: routes,
            source: n.source)
    }
}
