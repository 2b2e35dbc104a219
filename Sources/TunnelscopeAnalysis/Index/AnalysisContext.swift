import TunnelscopeModel

/// Everything the rules, the what-if and the path query derive from one model, built once.
final class AnalysisContext: Sendable {
    let index: ModelIndex
    let space: AddressSpace
    let states: [TunnelState]
    let tables: RouteTables
    let exchange: RouteExchange
    let links: [CrossCloudLink]
    /// The exported state: which tunnels carry routes now.
    let baseline: Liveness

    var model: NetworkModel { index.model }

    init(model: NetworkModel) {
        let index = ModelIndex(model: model)
        self.index = index
        space = AddressSpace(index: index)
        let states = model.tunnels.map { tunnel in
            TunnelState(
                tunnel: tunnel,
                staticRouting: tunnel.aws.flatMap { model.vpnConnection($0.vpnConnectionId)?.staticRoutesOnly } ?? false
            )
        }
        self.states = states
        tables = RouteTables(index: index)
        exchange = RouteExchange(index: index, space: space, states: states)
        links = index.crossCloudLinks()
        baseline = Liveness(states: states)
    }

    func forwarder(_ live: Liveness? = nil) -> Forwarder {
        var forwarder = Forwarder(index: index, tables: tables, space: space, live: live ?? baseline)
        forwarder.gcpAdvertised = exchange.gcpAdvertisedByTunnel
        return forwarder
    }
}

/// One analysis rule: a stable id, what it checks, and the check.
protocol AnalysisRule: Sendable {
    static var id: String { get }
    static var summary: String { get }
    static func findings(_ context: AnalysisContext) -> [Finding]
}

/// A rule as the explorer's help and `check --list-rules` would show it.
public struct RuleDescription: Sendable, Hashable {
    public let id: String
    public let summary: String
}
