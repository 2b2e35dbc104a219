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

    /// Whether independent parts are built on several cores: only for a large network (for a
    /// small one, starting threads costs more than the work).
    let concurrent: Bool

    var model: NetworkModel { index.model }

    init(model: NetworkModel) {
        let concurrent = model.vpcs.count + model.subnets.count + model.gcpSubnets.count >= 1000
        self.concurrent = concurrent
        let index = ModelIndex(model: model)
        self.index = index
        let states = model.tunnels.map { tunnel in
            TunnelState(
                tunnel: tunnel,
                staticRouting: tunnel.aws.flatMap { model.vpnConnection($0.vpnConnectionId)?.staticRoutesOnly } ?? false
            )
        }
        self.states = states
        // The route tables do not depend on the address space or the route exchange: built beside them.
        let ((space, exchange), tables) = Parallel.run(
            {
                let space = AddressSpace(index: index)
                return (space, RouteExchange(index: index, space: space, states: states))
            },
            { RouteTables(index: index) }, concurrently: concurrent)
        self.space = space
        self.tables = tables
        self.exchange = exchange
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
