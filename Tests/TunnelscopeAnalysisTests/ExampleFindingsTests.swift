import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// The built-in example: every planted fault is found by the right rule, and nothing else is
/// flagged; its healthy variant (faults fixed in memory) has no error or warning at all.
@Suite struct ExampleFindingsTests {
    @Test func everyPlantedFaultIsFoundWithTheRightRule() throws {
        let analysis = Variants.example.analysis
        let byRule = Dictionary(grouping: analysis.findings, by: \.rule)
        // Tunnel A2 52.1.20.22: AWS DOWN, GCP ESTABLISHED, BGP DOWN/Idle.
        for rule in ["tunnel-down", "bgp-down", "status-mismatch"] {
            let f = try #require(byRule[rule]?.only, "\(rule): \(byRule[rule] ?? [])")
            #expect(f.resources.contains("tunnel/52.1.20.22"))
            #expect(f.resources.contains("projects/net-host-prj/regions/us-east4/vpnTunnels/aws-tunnel-1"))
        }
        #expect(byRule["tunnel-down"]?.first?.severity == .error)
        #expect(byRule["bgp-down"]?.first?.message.contains("Idle") == true)
        // Auto-mode default network in the Shared VPC host project.
        let auto = try #require(byRule["auto-mode-network"]?.only)
        #expect(auto.resources.first == "projects/net-host-prj/global/networks/default")
        #expect(auto.severity == .warning, "not VPN-attached, but in the host project")
        // Memorystore 10.30.0.0/29 overlapping AWS VPC 10.30.0.0/16.
        let overlap = try #require(byRule["cidr-overlap"]?.only)
        #expect(
            Set(overlap.resources) == [
                "projects/svc-prj-a/locations/us-east4/instances/orders-cache", "vpc-0c33cc33cc33cc330",
            ])
        #expect(overlap.severity == .error, "both are in the hybrid network")
        // …and reached only through peering, not advertised.
        let peered = try #require(byRule["peered-range-not-advertised"]?.only)
        #expect(peered.resources.first == "projects/svc-prj-a/locations/us-east4/instances/orders-cache")
        #expect(peered.message.contains("svc-prj-a, svc-prj-b"), "names the service projects that see it")
        // The blackhole route in app-vpc's route table.
        let blackhole = try #require(byRule["blackhole-route"]?.only)
        #expect(blackhole.resources.prefix(2) == ["rtb-0a7c3e9f1b5d2a468", "vpc-0a11aa11aa11aa110"])
        #expect(blackhole.message.contains("10.99.0.0/16"))
        // Nothing else.
        #expect(
            Set(byRule.keys) == [
                "tunnel-down", "bgp-down", "status-mismatch", "auto-mode-network", "cidr-overlap",
                "peered-range-not-advertised", "blackhole-route",
            ])
        #expect(analysis.hasErrors)
    }

    @Test func healthyVariantHasNoErrorOrWarning() {
        let analysis = Variants.healthy.analysis
        #expect(analysis.serious.isEmpty, "\(analysis.serious.map { "\($0.rule): \($0.message)" })")
        #expect(analysis.findings.isEmpty, "no info either: \(analysis.findings.map(\.message))")
        #expect(!analysis.hasErrors)
    }

    @Test func everyFindingNamesResourcesTheCatalogKnows() {
        let analysis = Variants.example.analysis
        for finding in analysis.findings {
            #expect(!finding.resources.isEmpty)
            #expect(!finding.message.isEmpty && !finding.message.contains("\n"))
            // The first resource of every finding can be selected (and most can be failed).
            let first = finding.resources[0]
            let known =
                analysis.resolve(first).element != nil || first.hasPrefix("rtb-") || first.hasPrefix("projects/")
            #expect(known, "\(finding.rule): \(first)")
        }
    }

    @Test func rulesAreDocumented() {
        let ids = Analysis.rules.map(\.id)
        #expect(
            ids == [
                "tunnel-down", "bgp-down", "status-mismatch", "unmatched-tunnel", "inside-address-mismatch",
                "asn-mismatch",
                "redundancy", "cidr-overlap", "peered-range-not-advertised", "auto-mode-network", "vgw-attachment",
                "blackhole-route", "no-return-route",
            ])
        #expect(Analysis.rules.allSatisfy { !$0.summary.isEmpty })
    }
}

extension Array {
    /// The one element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
