import Testing
import TunnelscopeModel

@Suite struct AddressingTests {
    @Test func parsesDottedQuads() {
        #expect(IPv4Address("10.1.2.3")?.value == 0x0A01_0203)
        #expect(IPv4Address("255.255.255.255")?.description == "255.255.255.255")
        for bad in ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "a.b.c.d", "1.2.3.4 ", "1234.1.1.1", "::1"] {
            #expect(IPv4Address(bad) == nil, "\(bad) should not parse")
        }
    }

    @Test func parsesCIDRsAndKeepsHostBits() throws {
        let range = try #require(CIDR("169.254.10.2/30"))
        #expect(range.hasHostBits)
        #expect(range.network.description == "169.254.10.0")
        #expect(range.normalized.description == "169.254.10.0/30")
        #expect(range.lastAddress.description == "169.254.10.3")
        #expect(CIDR("0.0.0.0/0")?.contains(IPv4Address("8.8.8.8")!) == true)
        for bad in ["10.0.0.0", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0/8", "fd00::/8", "10.0.0.0/1a"] {
            #expect(CIDR(bad) == nil, "\(bad) should not parse")
        }
    }

    @Test func containmentAndOverlap() throws {
        let vpc = try #require(CIDR("10.30.0.0/16"))
        let redis = try #require(CIDR("10.30.0.0/29"))
        let other = try #require(CIDR("10.31.0.0/16"))
        #expect(vpc.contains(redis))
        #expect(!redis.contains(vpc))
        #expect(vpc.overlaps(redis) && redis.overlaps(vpc))
        #expect(!vpc.overlaps(other))
        #expect(vpc.size == 65536)
    }

    @Test func readsGCPReferencesInEveryForm() throws {
        let full = try #require(
            GCPRef(
                url:
                    "https://www.googleapis.com/compute/v1/projects/net-host-prj/regions/us-east4/vpnTunnels/aws-tunnel-0"
            ))
        #expect(
            full == GCPRef(project: "net-host-prj", region: "us-east4", collection: "vpnTunnels", name: "aws-tunnel-0"))
        #expect(full.id == "projects/net-host-prj/regions/us-east4/vpnTunnels/aws-tunnel-0")
        let beta = try #require(
            GCPRef(url: "https://compute.googleapis.com/compute/beta/projects/p/global/networks/hub"))
        #expect(beta.region == nil && beta.collection == "networks" && beta.name == "hub")
        let partial = try #require(GCPRef(url: "projects/p/global/externalVpnGateways/peer"))
        #expect(partial.project == "p" && partial.name == "peer")
        #expect(GCPRef(url: "https://example.com/not/a/resource") == nil)
        #expect(GCPRef(url: "projects/p") == nil)
        #expect(full.interfaceID(1).hasSuffix("#if1"))
    }
}
