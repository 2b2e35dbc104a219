import TunnelscopeCanvas

extension TopologyLayout {
    /// Makes the boxes of the VPC band: a VPC's box from its position in `vpcOrder`, and a
    /// cluster's group or collapse box as the layout made it. The layout keeps one, so that the
    /// boxes of an expanded group's rows are made when they are shown.
    struct VPCBoxes: Sendable {
        let insights: Insights
        let width: Int
        let height: Int
        /// Per cluster: its group or collapse box, if it has one.
        let extra: [Node?]

        func vpc(_ i: Int, health lookup: HealthLookup) -> Node {
            let (vpc, name) = insights.index.vpcOrder[i]
            let lost = insights.lostOrigins.contains(vpc.id)
            let graph = insights.index.graph
            return Node(
                id: vpc.id, elementId: vpc.id, rect: Rect(x: 0, y: 0, width: width, height: height),
                lines: [
                    [Span("VPC ", .dim), Span(name, Style(.normal, bold: true))],
                    lost
                        ? [Span("↯ loses its path (what-if)", .whatIf)]
                        : [Span(vpc.cidrs.map(\.description).joined(separator: " "), .normal)],
                    [Span("acct \(vpc.accountId ?? "?")", .dim)]
                        + ((graph.hubsByVpc[vpc.id] ?? []).isEmpty ? [Span(" · not attached", .dim)] : []),
                ],
                role: .aws, health: lookup(vpc.id), opens: .detail(vpc.id), group: nil)
        }

        /// The box of a grid slot's item at x, y.
        func node(_ item: Int, x: Int, y: Int, health lookup: HealthLookup) -> Node {
            var node = item >= 0 ? vpc(item, health: lookup) : extra[-1 - item]!
            node.rect = Rect(x: x, y: y, width: width, height: height)
            return node
        }
    }
}
