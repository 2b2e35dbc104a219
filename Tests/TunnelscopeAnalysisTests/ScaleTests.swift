import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeModel

/// Analysis at enterprise scale (1000 VPCs, ~45 000 VPC routes, 4 000 Cloud Router best routes):
/// the right findings and what-if results on a large network. Speed is measured by
/// `tunnelscope bench`, not here (timed tests are flaky on shared machines).
@Suite struct ScaleTests {
    @Test func thousandVPCsGiveTheRightFindingsAndWhatIf() throws {
        let model = NetworkModel(parts: LargeNetwork.parts())
        let analysis = Analysis(model: model)

        // Planted: 4 reused VPC CIDRs, blackholes, tunnel 1 down (+ BGP, mismatch), 20 Memorystore ranges not advertised.
        let byRule = Dictionary(grouping: analysis.findings, by: \.rule).mapValues(\.count)
        #expect(byRule["cidr-overlap"] == 4)
        #expect(byRule["tunnel-down"] == 1 && byRule["bgp-down"] == 1 && byRule["status-mismatch"] == 1)
        #expect(byRule["blackhole-route"] == 4, "2 VPCs × 2 tables")
        #expect(byRule["peered-range-not-advertised"] == 20)
        #expect(byRule["no-return-route"] == 4, "GCP's replies to each duplicate VPC go to its twin")
        #expect(byRule["redundancy"] == nil)

        let names = [
            "vpn-00000000000000a", "tunnel/3.210.10.11", "cgw-b",
            "projects/net-host-prj/regions/us-east4/vpnGateways/ha#if0",
            "cgw-site-3", "tgw-attach-00000042", "peer3", "projects/net-host-prj/regions/us-east4/routers/cr",
        ]
        for name in names {
            let outcome = analysis.whatIf(failing: [name])
            #expect(outcome.unresolved.isEmpty, "\(name) resolves")
        }
        let cut = analysis.whatIf(failing: ["vpn-00000000000000a", "vpn-00000000000000b"])
        #expect(cut.links.first?.upAfter == false)
        #expect(
            cut.lostPrefixes.count == 1000 - 4 + 250 + 20,
            "every VPC (the 4 duplicates never reached GCP), GCP subnet and site prefix loses the other cloud")

        for v in stride(from: 0, to: 1000, by: 100) {
            let path = try analysis.path(from: "10.\(v / 64).\((v % 64) * 4).9", to: "172.20.0.9")
            #expect(path.reachable)
        }
        #expect(!analysis.plan.steps.isEmpty)
    }
}
