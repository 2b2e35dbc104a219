import Testing
import TunnelscopeExample
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeAnalysis

/// The rules run on several cores: each rule's findings, and the merged list, are exactly what a
/// serial run gives, in the same order, every time.
@Suite struct ParallelRulesTests {
    static func networks() -> [(String, NetworkModel)] {
        [
            ("example", ExampleNetwork.load().model),
            ("healthy", FixtureNetworks.healthy.model),
            ("1000 VPCs", NetworkModel(parts: LargeNetwork.parts())),
        ]
    }

    @Test func parallelRunEqualsSerialRun() {
        for (name, model) in Self.networks() {
            let context = AnalysisContext(model: model)
            let serial = RuleCatalog.findingsByRule(context, concurrently: false)
            #expect(serial.count == RuleCatalog.all.count)
            if name != "healthy" { #expect(serial.contains { !$0.isEmpty }, "\(name) has findings") }
            for _ in 0..<3 {
                #expect(RuleCatalog.findingsByRule(context, concurrently: true) == serial, "\(name)")
                #expect(
                    RuleCatalog.run(context, concurrently: true) == RuleCatalog.run(context, concurrently: false),
                    "\(name)")
            }
            // Each rule's findings land in its own slot.
            for (i, rule) in RuleCatalog.all.enumerated() {
                #expect(serial[i] == rule.findings(context), "\(name): \(rule.id)")
            }
        }
    }

    @Test func parallelJobsKeepTheirOrder() {
        let jobs: [@Sendable () -> Int] = (0..<64).map { i in { (0..<(64 - i) * 1000).reduce(i, &+) } }
        #expect(Parallel.run(jobs) == Parallel.run(jobs, concurrently: false))
        let (a, b) = Parallel.run({ "first" }, { 2 })
        #expect(a == "first" && b == 2)
    }
}

/// no-return-route checks a link's sources in two halves on two cores: the same findings, in the
/// same order, as one pass.
@Suite struct SplitNoReturnRouteTests {
    @Test func halvesEqualOnePass() {
        var checked = 0
        for (name, model) in ParallelRulesTests.networks() {
            let context = AnalysisContext(model: model)
            let one = NoReturnRouteRule.findings(context, split: false)
            #expect(NoReturnRouteRule.findings(context, split: true) == one, "\(name)")
            if name == "1000 VPCs" { checked = one.count }
        }
        #expect(checked > 0, "the network large enough to be split has no-return-route findings to compare")
    }
}
