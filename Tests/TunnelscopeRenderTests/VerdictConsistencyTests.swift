import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeModel
import TunnelscopeRender
import TunnelscopeTestSupport

/// The analysis is the only judge: on every fixture, `≠` appears exactly on the tunnels a
/// mismatch finding names, every tunnel's mark in the AWS and GCP views is its verdict, and the
/// header counts are the analysis' counts.
@Suite struct VerdictConsistencyTests {
    static let fixtures: [(String, LoadResult)] = [
        ("example", ExampleNetwork.load()),
        ("healthy", FixtureNetworks.healthy),
        ("healthy, nextHopIp only", FixtureNetworks.healthyNextHopIpOnly),
        (
            "AWS accepts no route on a tunnel Cloud Router advertises on",
            Variants.load(
                Variants.healthyEdits + [
                    (Variants.vpnConnections, editTelemetry("3.220.30.33") { $0["AcceptedRouteCount"] = 0 })
                ])
        ),
        (
            "AWS: IPsec up, BGP down; Cloud Router: UP",
            Variants.load(
                Variants.healthyEdits + [
                    (
                        Variants.vpnConnections,
                        editTelemetry("54.80.40.44") {
                            $0["Status"] = "DOWN"
                            $0["StatusMessage"] = "IPSEC IS UP"
                            $0["AcceptedRouteCount"] = 0
                        }
                    )
                ])
        ),
        (
            "BGP dead on both sides, AWS reporting UP with 0 routes",
            Variants.load(Variants.healthyEdits + Variants.deadSessionOnTunnelB1)
        ),
        (
            "peer ASN differs",
            Variants.load(
                Variants.healthyEdits + [
                    (Variants.routers, editRouterPeer("peer-aws-tunnel-3") { $0["peerAsn"] = 64999 })
                ])
        ),
        (
            "a GCP tunnel missing",
            Variants.load(
                Variants.healthyEdits + [
                    (
                        Variants.gcpTunnels,
                        { text in
                            JSONEdit.removing(text, where: { $0["name"] as? String == "aws-tunnel-1" })
                        }
                    )
                ])
        ),
        ("no router status", Variants.load(Variants.healthyEdits + [(Variants.routerStatus, { _ in nil })])),
    ]

    @Test(arguments: Array(fixtures.indices)) func mismatchMarksFollowTheFindings(fixture: Int) {
        let (name, result) = Self.fixtures[fixture]
        let state = Screens.state(result, width: 200, height: 60, screen: .split)
        let analysis = state.analysis
        let named = Set(
            analysis.findings.filter { Verdicts.mismatchRules[$0.rule] != nil }.flatMap(\.resources)
                .filter { id in result.model.tunnels.contains { $0.id == id && $0.isCrossCloud } })
        let marked = Set(state.content.split.filter { $0.joinerText == "≠" }.compactMap(\.tunnel))
        #expect(marked == named, "\(name): ≠ on \(marked.sorted()), mismatch findings name \(named.sorted())")
    }

    @Test(arguments: Array(fixtures.indices)) func viewMarksAndHeaderAreTheVerdicts(fixture: Int) {
        let (name, result) = Self.fixtures[fixture]
        let state = Screens.state(result, width: 200, height: 60, screen: .aws)
        let verdicts = state.analysis.verdicts
        let marks: [Health: String] = [.ok: "●", .degraded: "▲", .down: "✖", .unknown: "○"]
        var checked = 0
        for (rows, view) in [(state.content.aws, "AWS"), (state.content.gcp, "GCP")] {
            for row in rows {
                guard let id = row.tunnelId, row.elementId == id, let verdict = verdicts.tunnel(id) else { continue }
                checked += 1
                if result.model.tunnel(id)?.isCrossCloud == true {
                    #expect(row.text.contains("≠") == verdict.hasDisagreement, "\(name), \(view) view: \(row.text)")
                }
                let mark = row.spans.first { ["●", "▲", "✖", "○", "⊘", "↯"].contains($0.text) }?.text
                #expect(
                    mark == marks[verdict.health],
                    "\(name), \(view) view: \(id) shows \(mark ?? "no mark"), verdict \(verdict.health)")
            }
        }
        #expect(
            checked >= 2 * result.model.tunnels.filter { $0.sides == .both && $0.isCrossCloud }.count,
            "\(name): every tunnel row checked")
        let header = Screens.frame(state).split(separator: "\n").first.map(String.init) ?? ""
        // The header states the impact, as the analysis counts it.
        let impact = state.analysis.impact
        let (carrying, total) = (impact.crossCloudCarrying, impact.crossCloudTotal)
        #expect(
            header.contains("\(carrying) of \(total) AWS⇄GCP tunnels carry") == (total > 0), "\(name): \(header)")
        #expect(
            header.contains("BGP \(impact.sessionsUp) of \(impact.sessionsTotal) up")
                == (impact.sessionsUp < impact.sessionsTotal), "\(name): \(header)")
        let noRoutes = verdicts.carryNoRoutes
        #expect(header.contains("\(noRoutes) carr") == (noRoutes > 0), "\(name): \(header)")
        #expect(header.contains("\(verdicts.oneWay) one-way") == (verdicts.oneWay > 0), "\(name): \(header)")
        let lost = impact.prefixesWithoutPath.count
        #expect(header.contains("\(lost) prefix") == (lost > 0), "\(name): \(header)")
        #expect(
            header.contains("\(state.analysis.count(.error)) error") == (state.analysis.count(.error) > 0),
            "\(name): \(header)")
    }
}

/// The Routes screen shows what the clouds report learning, per prefix and per tunnel.
@Suite struct RoutesScreenTests {
    @Test(arguments: [0, 1]) func theHealthyNetworkLearnsEveryPrefixOnFourTunnels(variant: Int) {
        let result = [FixtureNetworks.healthy, FixtureNetworks.healthyNextHopIpOnly][variant]
        let state = Screens.state(result, width: 160, height: 60, screen: .routes)
        let text = state.rows(for: .routes).map(\.text).joined(separator: "\n")
        for prefix in ["10.40.0.0/16", "10.41.0.0/16", "172.20.0.0/16", "192.168.60.0/24", "10.150.0.0/20"] {
            let line = text.split(separator: "\n").first { $0.contains(prefix) && $0.contains("advertised on") }
            #expect(line?.contains("advertised on 4, learned on 4") == true, "\(prefix): \(line ?? "missing")")
        }
        #expect(
            text.components(separatedBy: "Cloud Router learned 6: 10.40.0.0/16").count - 1 == 4,
            "every tunnel's best routes")
        #expect(text.components(separatedBy: "TGW routes over it 4 (AWS telemetry: 4 accepted)").count - 1 == 4)
    }
}
