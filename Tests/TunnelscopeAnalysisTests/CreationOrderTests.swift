import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// The creation order breaks the IP chicken-and-egg: GCP HA VPN gateway → AWS customer gateways
/// and VPN connections → GCP peer gateway → tunnels → router interfaces → BGP peers.
@Suite struct CreationOrderTests {
    let plan = Variants.example.analysis.plan

    func step(_ prefix: String) throws -> PlanStep {
        try #require(plan.steps.first { $0.title.contains(prefix) }, "no step \(prefix)")
    }

    @Test func stepsRespectEveryDependency() throws {
        #expect(plan.steps.map(\.number) == Array(1...plan.steps.count))
        for s in plan.steps { #expect(s.needs.allSatisfy { $0 < s.number }, "step \(s.number) needs a later step") }
        let ha = try step("HA VPN gateway")
        let cgw = try step("customer gateway")
        let vpn = try step("VPN connection")
        let peer = try step("peer (external)")
        let tunnels = try step("VPN tunnels")
        let interfaces = try step("Router interface")
        let bgp = try step("BGP peer")
        let router = try step("Cloud Router (")
        let tgw = try step("Transit Gateway")
        #expect(ha.number < cgw.number && cgw.number < vpn.number && vpn.number < peer.number)
        #expect(peer.number < tunnels.number && tunnels.number < interfaces.number && interfaces.number < bgp.number)
        #expect(cgw.needs == [router.number, ha.number].sorted() && vpn.needs.contains(tgw.number))
        #expect(ha.cloud == .gcp && cgw.cloud == .aws && peer.cloud == .gcp)
        #expect(plan.steps.last?.title.contains("verify") == true)
    }

    @Test func eachStepCarriesTheValuesItNeeds() throws {
        let cgw = try step("customer gateway")
        #expect(cgw.items.map(\.resource) == ["cgw-0c1c2c3c4c5c6c7c8", "cgw-0d1d2d3d4d5d6d7d8"])
        let ha = try step("HA VPN gateway").number
        let first = try #require(cgw.items.first)
        #expect(
            first.values.contains {
                $0.key == "IP address" && $0.value.hasPrefix("35.242.1.10") && $0.source == .step(ha)
            })
        #expect(first.values.contains { $0.key == "BGP ASN" && $0.value == "65000" })
        #expect(first.command?.contains("--ip-address 35.242.1.10 --bgp-asn 65000") == true)

        let vpn = try step("VPN connection")
        let a = try #require(vpn.items.first)
        #expect(a.resource == "vpn-0aa11bb22cc33dd44")
        #expect(
            a.values.contains {
                $0.key == "tunnel 2 inside CIDR" && $0.value == "169.254.10.4/30" && $0.source == .chosen
            })
        #expect(
            a.produces.contains {
                $0.key == "tunnel 2 outside IP" && $0.value == "52.1.20.22" && $0.source == .assigned
            })

        let peer = try #require(try step("peer (external)").items.only)
        #expect(peer.values.first?.value == "FOUR_IPS_REDUNDANCY")
        #expect(peer.command?.contains("--interfaces 0=3.210.10.11,1=52.1.20.22,2=3.220.30.33,3=54.80.40.44") == true)

        let interfaces = try step("Router interface")
        #expect(
            interfaces.items.map { $0.values[1].value.prefix(15) } == [
                "169.254.10.2/30", "169.254.10.6/30", "169.254.20.2/30", "169.254.20.6/30",
            ])
        let bgp = try step("BGP peer")
        #expect(bgp.items.first?.values.contains { $0.key == "peer IP" && $0.value.hasPrefix("169.254.10.1") } == true)
        #expect(bgp.items.allSatisfy { $0.values.contains { $0.key == "peer ASN" && $0.value == "64512" } })
        let tunnels = try step("VPN tunnels")
        #expect(tunnels.items.map(\.name) == ["aws-tunnel-0", "aws-tunnel-1", "aws-tunnel-2", "aws-tunnel-3"])
        #expect(tunnels.items[2].values.contains { $0.value == "ha-vpn-aws if1" })
    }

    @Test func neverPrintsAPreSharedKey() {
        for s in plan.steps {
            for item in s.items {
                let text = ([item.command ?? ""] + item.values.map(\.value) + item.produces.map(\.value)).joined()
                #expect(!text.contains("Zk3x_example_psk"))
            }
        }
        #expect(plan.notes.contains { $0.contains("breaks the cycle") })
    }

    @Test func aNetworkWithoutALinkHasNothingToOrder() {
        let plan = Variants.model([(Variants.vpnConnections, { _ in nil }), (Variants.gcpTunnels, { _ in nil })])
            .analysis.plan
        #expect(plan.steps.isEmpty && plan.notes.first?.contains("nothing to order") == true)
    }

    @Test func onlyTheAWSSideStillGivesTheGCPSteps() throws {
        // Rebuilding GCP from scratch: the GCP tunnels are named by convention, interfaces by connection order.
        let plan = Variants.model([
            (Variants.gcpTunnels, { _ in nil }), (Variants.routers, { _ in nil }),
            (Variants.routerStatus, { _ in nil }),
            (Variants.externalGateways, { _ in nil }),
        ]).analysis.plan
        let peer = try #require(plan.steps.first { $0.title.contains("peer (external)") }?.items.only)
        #expect(peer.command?.contains("0=3.210.10.11,1=52.1.20.22,2=3.220.30.33,3=54.80.40.44") == true)
        #expect(plan.steps.first { $0.title.contains("BGP peer") }?.items.count == 4)
    }
}
