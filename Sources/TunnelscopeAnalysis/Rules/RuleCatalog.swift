/// Every rule, in the order findings are produced.
enum RuleCatalog {
    static var all: [any AnalysisRule.Type] { [
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
    ] }

    static var descriptions: [RuleDescription] { all.map { RuleDescription(id: $0.id, summary: $0.summary) } }

    /// All findings, most severe first, then by rule (catalog order) and resource.
    static func run(_ context: AnalysisContext) -> [Finding] {
        let order = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })
        return all.flatMap { $0.findings(context) }.sorted {
            ($0.severity, order[$0.rule] ?? 99, $0.resources.first ?? "", $0.message)
                < ($1.severity, order[$1.rule] ?? 99, $1.resources.first ?? "", $1.message)
        }
    }
}
