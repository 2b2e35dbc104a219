import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// Findings order, paths that reach the other copy of an overlapping range, and one pre-shared
/// key variable per tunnel in the plan.
@Suite struct FindingsOrderTests {
    @Test func mostSevereFirstThenTheMostUrgentRule() {
        let findings = Variants.example.analysis.findings
        let severities = findings.map(\.severity)
        #expect(severities == severities.sorted(), "most severe first")
        let rank = Dictionary(uniqueKeysWithValues: Finding.ruleUrgency.enumerated().map { ($1, $0) })
        for (a, b) in zip(findings, findings.dropFirst()) where a.severity == b.severity {
            #expect(rank[a.rule]! <= rank[b.rule]!, "\(a.rule) before \(b.rule)")
        }
        #expect(findings.filter { $0.severity == .error }.map(\.rule) == ["tunnel-down", "bgp-down", "cidr-overlap"])
        #expect(
            findings.filter { $0.severity == .warning }.map(\.rule)
                == ["status-mismatch", "blackhole-route", "peered-range-not-advertised", "auto-mode-network"],
            "a blackhole route breaks traffic now: before the address-plan risks, not alphabetical")
    }

    @Test func theUrgencyListNamesEveryRuleOnce() {
        let ids = Analysis.rules.map(\.id)
        #expect(Set(ids).isSubset(of: Set(Finding.ruleUrgency)))
        #expect(Set(Finding.ruleUrgency).count == Finding.ruleUrgency.count)
        #expect(
            Finding.ruleUrgency.filter { !ids.contains($0) } == ["incomplete-input"], "every analysis rule has a rank")
        #expect(
            Finding.ruleUrgency.prefix(8) == [
                "incomplete-input", "tunnel-down", "bgp-down", "status-mismatch", "unmatched-tunnel",
                "inside-address-mismatch", "asn-mismatch", "redundancy",
            ])
        #expect(
            Array(Finding.ruleUrgency.suffix(6)) == [
                "no-return-route", "blackhole-route", "cidr-overlap",
                "peered-range-not-advertised", "auto-mode-network", "vgw-attachment",
            ])
    }

    @Test func orderedMergesFindingsMadeElsewhere() {
        let made = [
            Finding(rule: "vgw-attachment", severity: .warning, message: "v", resources: ["a"]),
            Finding(rule: "cidr-overlap", severity: .error, message: "c", resources: ["b"]),
            Finding(rule: "incomplete-input", severity: .warning, message: "i", resources: ["z"]),
            Finding(rule: "no-return-route", severity: .warning, message: "n", resources: ["y"]),
            Finding(rule: "some-new-rule", severity: .warning, message: "s", resources: ["0"]),
            Finding(rule: "tunnel-down", severity: .error, message: "t", resources: ["c"]),
        ]
        #expect(
            Finding.ordered(made).map(\.rule) == [
                "tunnel-down", "cidr-overlap", "incomplete-input", "no-return-route",
                "vgw-attachment", "some-new-rule",
            ])
    }
}

@Suite struct PathDestinationTests {
    let example = Variants.example.analysis

    @Test func reachingTheOtherCopyOfAnOverlapIsNotReachingTheDestination() throws {
        let path = try example.path(from: "10.10.1.10", to: "orders-cache")
        #expect(path.forward.end.reached, "the trace is delivered…")
        let other = try #require(path.reachedInstead)
        #expect(other.reached.contains("shared-services") && other.reachedResource == "vpc-0c33cc33cc33cc330")
        #expect(
            other.intended.contains("Memorystore orders-cache")
                && other.intendedResource == "projects/svc-prj-a/locations/us-east4/instances/orders-cache")
        #expect(!path.reachesDestination && !path.reachable, "…but not to the destination")
        #expect(path.reverse?.end.reached == true, "the way back from shared-services works, which is not the point")
    }

    @Test func anAddressInTheOverlapNamesTheMostSpecificOwner() throws {
        let path = try example.path(from: "10.10.1.10", to: "10.30.0.3")
        #expect(path.reachedInstead?.intended.contains("orders-cache") == true)
        #expect(!path.reachable)
    }

    @Test func namingTheReachedOwnerIsReachingIt() throws {
        let path = try example.path(from: "10.10.1.10", to: "shared-services")
        #expect(path.reachedInstead == nil && path.reachesDestination && path.reachable)
        let gcp = try example.path(from: "10.10.1.10", to: "10.100.16.5")
        #expect(gcp.reachedInstead == nil && gcp.reachable)
        let memorystore = try example.path(from: "10.100.16.5", to: "10.30.0.3")
        #expect(
            memorystore.reachedInstead == nil && memorystore.reachesDestination,
            "from GCP the peering reaches the instance itself")
    }

    @Test func aStoppedPathIsNeitherReachedNorMisdelivered() throws {
        let path = try example.path(from: "app-vpc", to: "10.99.1.1")
        #expect(path.reachedInstead == nil && !path.reachesDestination && !path.reachable)
    }
}

@Suite struct PlanPreSharedKeyTests {
    let plan = Variants.example.analysis.plan

    @Test func eachTunnelHasItsOwnKeyVariable() throws {
        let step = try #require(plan.steps.first { $0.title.contains("VPN tunnels") })
        let commands = step.items.compactMap(\.command)
        #expect(commands.count == 4)
        let secrets = commands.map { $0.components(separatedBy: "--shared-secret ").last ?? "" }
        #expect(
            secrets == [
                "\"$PSK_TO_GCP_IF0_T1\"", "\"$PSK_TO_GCP_IF0_T2\"", "\"$PSK_TO_GCP_IF1_T1\"", "\"$PSK_TO_GCP_IF1_T2\"",
            ])
        #expect(!commands.contains { $0.contains("\"$PSK\"") })
        let values = step.items.compactMap { $0.values.first { $0.key == "shared secret" }?.value }
        #expect(values.first == "$PSK_TO_GCP_IF0_T1 (the key of to-gcp-if0 tunnel 1; not printed)")
    }

    @Test func theStepSaysOnceWhereEachKeyComesFrom() throws {
        let step = try #require(plan.steps.first { $0.title.contains("VPN tunnels") })
        #expect(step.notes.count == 1 && step.notes[0].contains("Options.TunnelOptions[].PreSharedKey"))
        #expect(step.setup.count == 4)
        #expect(
            step.setup[0]
                == "PSK_TO_GCP_IF0_T1=$(aws ec2 describe-vpn-connections --region us-east-1 --vpn-connection-ids vpn-0aa11bb22cc33dd44 "
                + "--query \"VpnConnections[0].Options.TunnelOptions[?OutsideIpAddress=='3.210.10.11'].PreSharedKey\" --output text)"
        )
        #expect(step.setup[3].hasPrefix("PSK_TO_GCP_IF1_T2=") && step.setup[3].contains("'54.80.40.44'"))
        #expect(
            plan.steps.filter { !$0.setup.isEmpty || !$0.notes.isEmpty }.count == 1, "said once, in the tunnels step")
        var everything: [String] = []
        for s in plan.steps {
            everything += s.notes + s.setup
            for item in s.items { everything += (item.values + item.produces).map(\.value) + [item.command ?? ""] }
        }
        #expect(!everything.contains { $0.contains("Zk3x_example_psk") }, "never a key")
    }

    @Test func connectionsWithTheSameNameFallBackToTheOutsideIP() throws {
        // Both connections named "to-gcp": their variables would collide.
        let model = Variants.model([
            (
                Variants.vpnConnections,
                editConnection("vpn-0bb22cc33dd44ee55") { c in
                    c["Tags"] = [["Key": "Name", "Value": "to-gcp-if0"]]
                }
            )
        ])
        let step = try #require(model.analysis.plan.steps.first { $0.title.contains("VPN tunnels") })
        let variables = step.setup.map { String($0.prefix { $0 != "=" }) }
        #expect(Set(variables).count == 4, "\(variables)")
        #expect(variables.contains("PSK_TUNNEL_3_210_10_11") && variables.contains("PSK_TUNNEL_54_80_40_44"))
    }
}
