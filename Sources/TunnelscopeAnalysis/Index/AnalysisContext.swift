import TunnelscopeModel

/// Everything the rules, the what-if and the path query derive from one model, built once.
final class AnalysisContext: Sendable {
    let index: ModelIndex
    let states: [TunnelState]
    let links: [CrossCloudLink]
    /// The exported state: which tunnels carry routes now.
    let baseline: Liveness
    /// The address space, the route tables and the route exchange: built with the context,
    /// released by `releaseRouting()` once nothing will walk paths any more, rebuilt if something does.
    private let routing: Deferred<Routing>

    var space: AddressSpace { routing.value.space }
    var tables: RouteTables { routing.value.tables }
    var exchange: RouteExchange { routing.value.exchange }

    /// Whether independent parts are built on several cores: only for a large network (for a
    /// small one, starting threads costs more than the work).
    let concurrent: Bool

    var model: NetworkModel { index.model }

    init(model: NetworkModel) {
        let concurrent = model.vpcs.count + model.subnets.count + model.gcpSubnets.count >= 1000
        self.concurrent = concurrent
        let index = ModelIndex(model: model, concurrently: concurrent)
        self.index = index
        let states = model.tunnels.map { tunnel in
            TunnelState(
                tunnel: tunnel,
                staticRouting: tunnel.aws.flatMap { model.vpnConnection($0.vpnConnectionId)?.staticRoutesOnly } ?? false
            )
        }
        self.states = states
        routing = Deferred(now: true) { Routing(index: index, states: states, concurrently: concurrent) }
        links = index.crossCloudLinks()
        baseline = Liveness(states: states)
    }

    /// Frees the address space, the route tables and the route exchange (`check` needs none of
    /// them once the rules have run); whatever asks for them later gets them rebuilt.
    func releaseRouting(inBackground: Bool = true) { routing.release(inBackground: inBackground) }

    /// Whether the routing lookups are held now (for tests).
    var routingIsHeld: Bool { routing.isHeld }

    /// What the forwarder, the route exchange and several rules look addresses and routes up in.
    final class Routing: Sendable {
        let space: AddressSpace
        let tables: RouteTables
        let exchange: RouteExchange

        init(index: ModelIndex, states: [TunnelState], concurrently: Bool) {
            // The route exchange needs the address space only at its end: one core collects the
            // exchanged prefixes while the other builds the address space, then the route tables.
            let space = Deferred { AddressSpace(index: index) }
            (exchange, tables) = Parallel.run(
                { RouteExchange(index: index, space: { space.value }, states: states) },
                {
                    _ = space.value
                    return RouteTables(index: index)
                }, concurrently: concurrently)
            self.space = space.value
        }
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
