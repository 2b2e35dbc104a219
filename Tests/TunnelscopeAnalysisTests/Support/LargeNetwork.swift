import TunnelscopeModel

/// A generated network at enterprise scale, built straight into `ModelParts`: one TGW hub with
/// `vpcs` attached VPCs (each with subnets and two route tables full of routes), the 4-tunnel HA
/// VPN link to a GCP Shared VPC with `gcpSubnets` subnets and a Cloud Router status listing its
/// best routes, `sites` on-prem sites on their own VPNs, Memorystore instances, and a few
/// planted faults (reused CIDRs, blackholes, one tunnel down).
enum LargeNetwork {
    static func parts(vpcs: Int = 1000, gcpSubnets: Int = 250, sites: Int = 20, noiseRoutesPerTable: Int = 20)
        -> ModelParts
    {
        var p = ModelParts()
        let src = SourceRef(file: "generated", path: "$")
        let tgw = "tgw-0000000000000hub"
        let table = "tgw-rtb-00000000000hub"
        p.transitGateways = [
            TransitGateway(
                id: tgw, accountId: "111122223333", region: "us-east-1", amazonSideAsn: 64512, state: "available",
                vpnEcmpSupport: true, defaultAssociationRouteTableId: table, defaultPropagationRouteTableId: table,
                tags: ["Name": "hub"], source: src)
        ]
        func ip(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> IPv4Address {
            IPv4Address(a << 24 | b << 16 | c << 8 | d)
        }
        func cidr(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ len: Int) -> CIDR {
            CIDR(address: ip(a, b, c, d), prefixLength: len)
        }

        // GCP side prefixes: 10.128.0.0/9-ish region of the plan → 172.20.x.0/24 subnets, pods 100.64.x.0/20.
        let gcpPrefixes = (0..<gcpSubnets).map { cidr(172, 20 + UInt32($0 / 256), UInt32($0 % 256), 0, 24) }
        var tgwRoutes: [TGWRoute] = []
        let vpnA = "vpn-00000000000000a"
        let vpnB = "vpn-00000000000000b"
        let attachA = "tgw-attach-vpn-a"
        let attachB = "tgw-attach-vpn-b"
        let vpnTargets = [
            TGWRouteTarget(attachmentId: attachA, resourceId: vpnA, resourceType: "vpn"),
            TGWRouteTarget(attachmentId: attachB, resourceId: vpnB, resourceType: "vpn"),
        ]
        for g in gcpPrefixes {
            tgwRoutes.append(
                TGWRoute(
                    destination: g, destinationText: "\(g)", type: "propagated", state: "active", targets: vpnTargets,
                    source: src))
        }

        // VPCs: 10.(v/64).((v%64)*4).0/22 — unique, except every 250th reuses the previous one's CIDR (planted overlap).
        for v in 0..<vpcs {
            let id = "vpc-\(String(format: "%017d", v))"
            let n = v % 250 == 249 ? v - 1 : v
            let vpcCidr = cidr(10, UInt32(n / 64), UInt32((n % 64) * 4), 0, 22)
            p.vpcs.append(
                AWSVpc(
                    id: id, accountId: "1111\(v % 10)", region: "us-east-1", cidrs: [vpcCidr], isDefault: false,
                    state: "available",
                    tags: ["Name": "app-\(v)"], source: src))
            var subnetIds: [String] = []
            for s in 0..<3 {
                let sid = "subnet-\(String(format: "%05d", v))\(s)"
                subnetIds.append(sid)
                p.subnets.append(
                    AWSSubnet(
                        id: sid, vpcId: id, accountId: nil,
                        cidr: CIDR(address: vpcCidr.network.advanced(by: s * 256), prefixLength: 24),
                        availabilityZone: "us-east-1a", state: "available", tags: [:], source: src))
            }
            let attachment = "tgw-attach-\(String(format: "%08d", v))"
            p.tgwAttachments.append(
                TGWAttachment(
                    id: attachment, transitGatewayId: tgw, resourceType: "vpc", resourceId: id, resourceOwnerId: nil,
                    state: "available", associatedRouteTableId: table, subnetIds: subnetIds, tags: [:], source: src))
            tgwRoutes.append(
                TGWRoute(
                    destination: vpcCidr, destinationText: "\(vpcCidr)", type: "propagated", state: "active",
                    targets: [TGWRouteTarget(attachmentId: attachment, resourceId: id, resourceType: "vpc")],
                    source: src))
            for t in 0..<2 {
                var routes = [
                    AWSRoute(
                        destination: vpcCidr, destinationText: "\(vpcCidr)", target: .local, state: "active",
                        origin: "CreateRouteTable")
                ]
                routes.append(
                    AWSRoute(
                        destination: cidr(172, 16, 0, 0, 12), destinationText: "172.16.0.0/12",
                        target: .transitGateway(tgw), state: "active", origin: "CreateRoute"))
                routes.append(
                    AWSRoute(
                        destination: cidr(192, 168, 0, 0, 16), destinationText: "192.168.0.0/16",
                        target: .transitGateway(tgw), state: "active", origin: "CreateRoute"))
                routes.append(
                    AWSRoute(
                        destination: cidr(0, 0, 0, 0, 0), destinationText: "0.0.0.0/0", target: .natGateway("nat-\(v)"),
                        state: "active", origin: "CreateRoute"))
                for r in 0..<noiseRoutesPerTable {
                    let d = cidr(10, 200 + UInt32(r % 50), UInt32(v % 256), 0, 24)
                    routes.append(
                        AWSRoute(
                            destination: d, destinationText: "\(d)", target: .peering("pcx-\(v)-\(r)"),
                            state: v % 500 == 7 && r == 0 ? "blackhole" : "active", origin: "CreateRoute"))
                }
                p.routeTables.append(
                    AWSRouteTable(
                        id: "rtb-\(String(format: "%08d", v))\(t)", vpcId: id, accountId: nil, isMain: t == 0,
                        subnetIds: t == 0 ? [] : [subnetIds[0]], propagatingVgwIds: [], routes: routes, tags: [:],
                        source: src))
            }
        }

        // The HA VPN link: 2 connections × 2 tunnels; tunnel A2 down.
        let host = "net-host-prj"
        let region = "us-east4"
        let network = GCPRef(project: host, region: nil, collection: "networks", name: "hub")
        let haRef = GCPRef(project: host, region: region, collection: "vpnGateways", name: "ha")
        let extRef = GCPRef(project: host, region: nil, collection: "externalVpnGateways", name: "aws")
        let routerRef = GCPRef(project: host, region: region, collection: "routers", name: "cr")
        let haIps = [ip(35, 242, 1, 10), ip(35, 220, 2, 20)]
        p.haVpnGateways = [
            HAVPNGateway(
                ref: haRef, network: network,
                interfaces: [
                    GatewayInterface(id: 0, ipAddress: haIps[0]), GatewayInterface(id: 1, ipAddress: haIps[1]),
                ], source: src)
        ]
        let outside = [ip(3, 210, 10, 11), ip(52, 1, 20, 22), ip(3, 220, 30, 33), ip(54, 80, 40, 44)]
        p.externalVpnGateways = [
            ExternalVPNGateway(
                ref: extRef, redundancyType: "FOUR_IPS_REDUNDANCY",
                interfaces: outside.enumerated().map { GatewayInterface(id: $0, ipAddress: $1) }, source: src)
        ]
        var interfaces: [RouterInterface] = []
        var peers: [BGPPeer] = []
        var best: [GCPRoute] = []
        let vpcPrefixes = p.vpcs.flatMap(\.cidrs) + (0..<sites).map { cidr(192, 168, UInt32($0), 0, 24) }
        for (c, (vpn, cgw)) in [(vpnA, "cgw-a"), (vpnB, "cgw-b")].enumerated() {
            p.customerGateways.append(
                CustomerGateway(
                    id: cgw, accountId: nil, ipAddress: haIps[c], bgpAsn: 65000, state: "available", tags: [:],
                    source: src))
            var tunnels: [AWSTunnel] = []
            for k in 0..<2 {
                let t = c * 2 + k
                let inside = cidr(169, 254, 10 + UInt32(c * 10), UInt32(k * 4), 30)
                let down = t == 1
                tunnels.append(
                    AWSTunnel(
                        outsideIp: outside[t], insideCidr: inside, awsInsideIp: inside.network.advanced(by: 1),
                        customerInsideIp: inside.network.advanced(by: 2), insideAddressSource: .convention,
                        status: down ? .down : .up, acceptedRouteCount: down ? 0 : gcpSubnets, source: src))
                let tref = GCPRef(project: host, region: region, collection: "vpnTunnels", name: "t\(t)")
                p.gcpTunnels.append(
                    GCPVPNTunnel(
                        ref: tref, vpnGateway: haRef, vpnGatewayInterface: c, peerExternalGateway: extRef,
                        peerExternalGatewayInterface: t, peerGcpGateway: nil, peerIp: outside[t], router: routerRef,
                        ikeVersion: 2, status: "ESTABLISHED", detailedStatus: nil, source: src))
                interfaces.append(
                    RouterInterface(
                        name: "if\(t)", linkedVpnTunnel: tref,
                        ipRange: CIDR(address: inside.network.advanced(by: 2), prefixLength: 30)))
                peers.append(
                    BGPPeer(
                        name: "peer\(t)", interfaceName: "if\(t)", ipAddress: inside.network.advanced(by: 2),
                        peerIpAddress: inside.network.advanced(by: 1),
                        peerAsn: 64512, enabled: true, advertisedRoutePriority: 100, advertisedIpRanges: [],
                        status: BGPPeerStatus(
                            status: down ? "DOWN" : "UP", state: down ? "Idle" : "Established", numLearnedRoutes: vpcs,
                            uptime: nil, advertisedRoutes: down ? [] : gcpPrefixes)))
                if !down {
                    for prefix in vpcPrefixes {
                        best.append(
                            GCPRoute(
                                name: nil, project: host, network: network, destination: prefix,
                                destinationText: "\(prefix)", priority: 100,
                                nextHop: .ip("\(inside.network.advanced(by: 1))"), routeType: "BGP", asPath: [64512],
                                source: src))
                    }
                }
            }
            p.vpnConnections.append(
                VPNConnection(
                    id: vpn, accountId: nil, state: "available", customerGatewayId: cgw, transitGatewayId: tgw,
                    vpnGatewayId: nil,
                    staticRoutesOnly: false, category: "VPN", staticRoutes: [], tunnels: tunnels, tags: [:], source: src
                ))
            p.tgwAttachments.append(
                TGWAttachment(
                    id: c == 0 ? attachA : attachB, transitGatewayId: tgw, resourceType: "vpn", resourceId: vpn,
                    resourceOwnerId: nil,
                    state: "available", associatedRouteTableId: table, subnetIds: [], tags: [:], source: src))
        }
        p.cloudRouters = [
            CloudRouter(
                ref: routerRef, network: network, asn: 65000, advertiseMode: "DEFAULT", advertisedGroups: [],
                advertisedIpRanges: [],
                interfaces: interfaces, bgpPeers: peers, bestRoutes: best, hasStatus: true, source: src)
        ]
        p.gcpNetworks = [
            GCPNetwork(
                ref: network, subnetMode: .custom, routingMode: "GLOBAL", mtu: 1460, peerings: [], description: nil,
                source: src)
        ]
        for (i, prefix) in gcpPrefixes.enumerated() {
            p.gcpSubnets.append(
                GCPSubnet(
                    ref: GCPRef(project: host, region: region, collection: "subnetworks", name: "s\(i)"),
                    network: network, cidr: prefix,
                    secondaryRanges: [], purpose: "PRIVATE", source: src))
        }
        p.sharedVPCs = [SharedVPC(hostProject: host, serviceProjects: (0..<50).map { "svc-\($0)" }, sources: [src])]
        for r in 0..<20 {
            let range = cidr(10, 250, UInt32(r), 0, 29)
            p.redisInstances.append(
                RedisInstance(
                    project: "svc-\(r)", region: region, name: "cache-\(r)", displayName: nil, reservedIpRange: range,
                    reservedIpRangeText: "\(range)", host: range.network.advanced(by: 3), port: 6379,
                    authorizedNetwork: network,
                    connectMode: "DIRECT_PEERING", tier: "BASIC", state: "READY", source: src))
        }

        // On-prem sites, each on its own 2-tunnel VPN, announcing a /24 in 192.168.0.0/16.
        for s in 0..<sites {
            let vpn = "vpn-site-\(s)"
            let cgw = "cgw-site-\(s)"
            let attachment = "tgw-attach-site-\(s)"
            let range = cidr(192, 168, UInt32(s), 0, 24)
            p.customerGateways.append(
                CustomerGateway(
                    id: cgw, accountId: nil, ipAddress: ip(198, 51, 100, UInt32(s)), bgpAsn: 65100 + s,
                    state: "available",
                    tags: ["Name": "site-\(s)"], source: src))
            p.vpnConnections.append(
                VPNConnection(
                    id: vpn, accountId: nil, state: "available", customerGatewayId: cgw, transitGatewayId: tgw,
                    vpnGatewayId: nil,
                    staticRoutesOnly: false, category: "VPN", staticRoutes: [],
                    tunnels: (0..<2).map {
                        AWSTunnel(
                            outsideIp: ip(18, 204, UInt32(s), UInt32($0)), status: .up, acceptedRouteCount: 1,
                            source: src)
                    },
                    tags: [:], source: src))
            p.tgwAttachments.append(
                TGWAttachment(
                    id: attachment, transitGatewayId: tgw, resourceType: "vpn", resourceId: vpn, resourceOwnerId: nil,
                    state: "available", associatedRouteTableId: table, subnetIds: [], tags: [:], source: src))
            tgwRoutes.append(
                TGWRoute(
                    destination: range, destinationText: "\(range)", type: "propagated", state: "active",
                    targets: [TGWRouteTarget(attachmentId: attachment, resourceId: vpn, resourceType: "vpn")],
                    source: src))
        }
        p.tgwRouteTables = [
            TGWRouteTable(
                id: table, transitGatewayId: tgw, isDefaultAssociation: true, isDefaultPropagation: true,
                state: "available",
                routes: tgwRoutes, propagations: [], tags: [:], source: src)
        ]
        return p
    }
}
