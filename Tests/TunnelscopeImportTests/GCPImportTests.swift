import Testing
import TunnelscopeImport
import TunnelscopeModel

/// Every gcloud export type, as `list` arrays and single `describe` objects (export-formats.md §5–6).
@Suite struct GCPImportTests {
    let model = Fixtures.example().model

    @Test func networksAndSubnets() throws {
        let hub = try #require(model.gcpNetworks.first { $0.name == "hub-vpc" })
        #expect(hub.subnetMode == .custom && hub.routingMode == "GLOBAL")
        #expect(hub.peerings.first?.peerNetwork?.project == "x1a2b3c4d5e6f7-tp")
        #expect(model.gcpNetworks.first { $0.name == "default" }?.subnetMode == .auto)
        let subnet = try #require(model.gcpSubnets.first { $0.name == "hub-east4" })
        #expect(subnet.cidr == CIDR("10.100.0.0/20") && subnet.ref.region == "us-east4")
        #expect(subnet.network == hub.ref)
        #expect(subnet.secondaryRanges.first?.cidr == CIDR("10.104.0.0/16"))
    }

    @Test func haVpnPiecesAndRouterStatus() throws {
        let tunnel = try #require(model.gcpTunnels.first { $0.name == "aws-tunnel-1" })
        #expect(tunnel.vpnGatewayInterface == 0 && tunnel.peerExternalGatewayInterface == 1)
        #expect(tunnel.peerIp == IPv4Address("52.1.20.22") && tunnel.ikeVersion == 2)
        let router = try #require(model.cloudRouters.first)
        #expect(router.interfaces.first { $0.linkedVpnTunnel == tunnel.ref }?.ipRange == CIDR("169.254.10.6/30"))
        let peer = try #require(router.bgpPeers.first { $0.name == "peer-aws-tunnel-1" })
        #expect(peer.enabled && peer.peerAsn == 64512)
        #expect(peer.status?.status == "DOWN" && peer.status?.state == "Idle")
        #expect(!router.bestRoutes.isEmpty && router.bestRoutes.allSatisfy { $0.routeType == "BGP" })
    }

    @Test func describeObjectAndRESTListWrapperAreAccepted() throws {
        let describe =
            #"{"kind": "compute#vpnGateway", "name": "gw", "selfLink": "projects/p1/regions/r1/vpnGateways/gw", "network": "projects/p1/global/networks/n", "vpnInterfaces": [{"id": 0, "ipAddress": "35.1.1.1"}]}"#
        let wrapper =
            #"{"kind": "compute#externalVpnGatewayList", "items": [{"kind": "compute#externalVpnGateway", "name": "peer", "selfLink": "https://compute.googleapis.com/compute/beta/projects/p1/global/externalVpnGateways/peer", "redundancyType": "TWO_IPS_REDUNDANCY", "interfaces": [{"id": 0, "ipAddress": "3.1.1.1"}, {"id": 1, "ipAddress": "3.1.1.2"}]}]}"#
        let aggregated =
            #"{"kind": "compute#vpnTunnelAggregatedList", "items": {"regions/r1": {"vpnTunnels": [{"kind": "compute#vpnTunnel", "name": "t", "region": "projects/p1/regions/r1", "peerIp": "3.1.1.1", "status": "FIRST_HANDSHAKE"}]}, "regions/r2": {"warning": {"code": "NO_RESULTS_ON_PAGE"}}}}"#
        let result = Fixtures.load(["a.json": describe, "b.json": wrapper, "c.json": aggregated])
        #expect(result.report.skipped.isEmpty, "\(result.report.skipped)")
        #expect(result.model.haVpnGateways.first?.ref.project == "p1")
        #expect(result.model.externalVpnGateways.first?.interfaces.count == 2)
        let tunnel = try #require(result.model.gcpTunnels.first)
        #expect(
            tunnel.ref == GCPRef(project: "p1", region: "r1", collection: "vpnTunnels", name: "t"),
            "ref built from name + region")
        #expect(result.model.tunnels.first?.sides == .gcpOnly)
    }

    @Test func routes() throws {
        let peering = try #require(model.gcpRoutes.first { if case .peering = $0.nextHop { true } else { false } })
        #expect(peering.destination == CIDR("10.30.0.0/29"))
        #expect(model.gcpRoutes.contains { $0.routeType == "SUBNET" })
    }

    @Test func sharedVPCFromBothDirections() throws {
        // Only the associated-projects list, named after the host in its path.
        let list = #"[{"id": "svc-1", "type": "PROJECT"}, {"id": "svc-2", "type": "PROJECT"}]"#
        let result = Fixtures.load([
            "exports/gcp-host-9/shared-vpc-associated-projects.json": list,
            "exports/gcp-host-9/networks.json":
                #"[{"kind": "compute#network", "name": "n", "selfLink": "projects/host-9/global/networks/n", "autoCreateSubnetworks": false}]"#,
        ])
        #expect(result.model.sharedVPCs.first?.hostProject == "host-9")
        #expect(result.model.sharedVPCs.first?.serviceProjects == ["svc-1", "svc-2"])
        // The REST form of the same list.
        let rest = #"{"kind": "compute#projectsGetXpnResources", "resources": [{"id": "svc-3", "type": "PROJECT"}]}"#
        let host = #"{"kind": "compute#project", "name": "host-9", "xpnProjectStatus": "HOST", "id": "1"}"#
        let both = Fixtures.load(["x.json": rest, "gcp-svc-3/host.json": host])
        #expect(both.model.sharedVPCs.first?.serviceProjects == ["svc-3"])
        // Nothing says which host: a note, not a guess.
        let orphan = Fixtures.load(["list.json": list])
        #expect(orphan.model.sharedVPCs.isEmpty)
        #expect(orphan.report.notes.contains { $0.text.contains("host project is unknown") })
    }

    @Test func memorystore() throws {
        let redis = try #require(model.redisInstances.first)
        #expect(redis.project == "svc-prj-a" && redis.region == "us-east4" && redis.name == "orders-cache")
        #expect(redis.authorizedNetwork?.name == "hub-vpc" && redis.authorizedNetwork?.project == "net-host-prj")
        #expect(redis.connectMode == "DIRECT_PEERING" && redis.host == IPv4Address("10.30.0.3"))
        // Private-service-access mode names an allocated range instead of a CIDR: kept as text, no warning.
        let psa =
            #"{"name": "projects/p/locations/r/instances/c", "reservedIpRange": "google-managed-services-range", "connectMode": "PRIVATE_SERVICE_ACCESS", "authorizedNetwork": "projects/h/global/networks/n"}"#
        let result = Fixtures.load(["r.json": psa])
        #expect(result.model.redisInstances.first?.reservedIpRange == nil)
        #expect(result.model.redisInstances.first?.reservedIpRangeText == "google-managed-services-range")
        #expect(result.report.warnings.isEmpty)
    }
}

@Suite struct MemorystorePlaceholderTests {
    @Test func unreachableRegionsAreANoteNotAResource() {
        let list =
            #"[{"name": "projects/p/locations/us-east4/instances/c", "reservedIpRange": "10.9.0.0/29", "authorizedNetwork": "projects/p/global/networks/n"}, {"name": "projects/p/locations/me-central2/instances/-", "state": "ERROR"}]"#
        let result = Fixtures.load(["redis.json": list])
        #expect(result.model.redisInstances.count == 1)
        #expect(result.report.skipped.isEmpty)
        #expect(result.report.notes.contains { $0.text.contains("me-central2") })
    }
}
