import Testing
import TunnelscopeAnalysis

/// `Finding.ordered` sorts positions with each rule's urgency looked up once: the order must be
/// the one the whole comparison gives (severity, urgency, rule, first resource, message), ties
/// kept in their order.
@Suite struct FindingSortTests {
    @Test func theOrderIsTheWholeComparisonsWithTiesKept() {
        let rules = Finding.ruleUrgency + ["zz-unknown", "aa-unknown"]
        var generator = SystemRandomNumberGenerator()
        var findings: [Finding] = []
        for i in 0..<2_000 {
            findings.append(
                Finding(
                    rule: rules.randomElement(using: &generator)!,
                    severity: Severity.allCases.randomElement(using: &generator)!,
                    message: ["a", "b", "same"].randomElement(using: &generator)!,
                    resources: [[], ["r1"], ["r2", "x"]].randomElement(using: &generator)!, hint: "\(i)"))
        }
        let rank = Dictionary(uniqueKeysWithValues: Finding.ruleUrgency.enumerated().map { ($1, $0) })
        let reference = findings.enumerated().sorted { a, b in
            let x = a.element
            let y = b.element
            let left = (x.severity, rank[x.rule] ?? rank.count, x.rule, x.resources.first ?? "", x.message)
            let right = (y.severity, rank[y.rule] ?? rank.count, y.rule, y.resources.first ?? "", y.message)
            if left < right { return true }
            if right < left { return false }
            return a.offset < b.offset
        }.map(\.element)
        let ordered = Finding.ordered(findings)
        #expect(ordered.map(\.hint) == reference.map(\.hint))
        #expect(ordered.first?.severity == .error)
    }
}
