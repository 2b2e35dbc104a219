/// Every rule (in the order the README documents them; findings are listed by
/// `Finding.ruleUrgency`, not by this order).
enum RuleCatalog {
    static var all: [any AnalysisRule.Type] {
        [
            TunnelDownRule.self,
            BGPDownRule.self,
            StatusMismatchRule.self,
            UnmatchedTunnelRule.self,
            InsideAddressMismatchRule.self,
            ASNMismatchRule.self,
            RedundancyRule.self,
            CIDROverlapRule.self,
            PeeredRangeRule.self,
            AutoModeNetworkRule.self,
            VGWAttachmentRule.self,
            BlackholeRouteRule.self,
            NoReturnRouteRule.self,
        ]
    }

    static var descriptions: [RuleDescription] { all.map { RuleDescription(id: $0.id, summary: $0.summary) } }

    /// All findings, most severe first, then by how urgent the rule is, then by resource.
    static func run(_ context: AnalysisContext, concurrently: Bool? = nil) -> [Finding] {
        Finding.ordered(findingsByRule(context, concurrently: concurrently).flatMap { $0 })
    }

    /// Each rule's findings, in the order of `all`. The rules only read the context, so they run
    /// on the available cores (the heaviest first, so that it starts at once); the result does
    /// not depend on which finishes first, and equals a serial run's.
    /// `concurrently`: nil as the context decides (only for a large network).
    static func findingsByRule(_ context: AnalysisContext, concurrently: Bool? = nil) -> [[Finding]] {
        let rules = all
        let heaviestFirst = rules.indices.sorted {
            (rules[$0] == NoReturnRouteRule.self ? 0 : 1, $0) < (rules[$1] == NoReturnRouteRule.self ? 0 : 1, $1)
        }
        let jobs: [@Sendable () -> [Finding]] = heaviestFirst.map { i in
            let rule = rules[i]
            return { rule.findings(context) }
        }
        let results = Parallel.run(jobs, concurrently: concurrently ?? context.concurrent)
        var byRule = Array(repeating: [Finding](), count: rules.count)
        for (job, i) in heaviestFirst.enumerated() { byRule[i] = results[job] }
        return byRule
    }
}

extension Finding {
    /// Rule ids from the most to the least urgent: what is down now, then what disagrees between
    /// the two clouds, then what breaks traffic, then risks to the address plan and the design.
    /// `incomplete-input` (made from the load report by `Analysis(model:report:)`)
    /// comes first: every other finding is only as complete as the input.
    public static let ruleUrgency: [String] = [
        "incomplete-input",
        "tunnel-down", "bgp-down", "status-mismatch", "unmatched-tunnel", "inside-address-mismatch", "asn-mismatch",
        "redundancy", "no-return-route", "blackhole-route", "cidr-overlap", "peered-range-not-advertised",
        "auto-mode-network", "vgw-attachment",
    ]

    /// Findings in the order every consumer lists them: most severe first, then by the urgency of
    /// the rule (`ruleUrgency`; an unknown rule after the known ones), then by resource and message.
    /// Use it to merge findings made elsewhere (such as the load report's) with `Analysis.findings`.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        let rank = Dictionary(uniqueKeysWithValues: ruleUrgency.enumerated().map { ($1, $0) })
        // Severity and the rule's urgency as one number per finding, read once (not twice per
        // comparison); the texts are compared in place (a finding is not copied to be compared),
        // and only between findings of one severity and urgency. The same order (a stable sort of
        // the positions by the same comparison).
        let unknown = ruleUrgency.count
        let key = findings.map { $0.severity.rank * (unknown + 1) + (rank[$0.rule] ?? unknown) }
        let order = findings.withUnsafeBufferPointer { f in
            f.indices.sorted { a, b in
                if key[a] != key[b] { return key[a] < key[b] }
                if f[a].rule != f[b].rule { return f[a].rule < f[b].rule }
                let first = f[a].resources.first ?? ""
                let other = f[b].resources.first ?? ""
                if first != other { return first < other }
                return f[a].message < f[b].message
            }
        }
        return order.map { findings[$0] }
    }
}
