import TunnelscopeModel

/// The analysis of one model: findings, the failure what-if, the route exchange over the VPN,
/// path queries and the creation order. Build it once per model (the indexes, route tables and
/// findings are computed here); then `whatIf(failing:)` and `path(from:to:)` are cheap enough for
/// every keypress.
///
///     let analysis = Analysis(model: result.model, report: result.report, failed: ["tunnel/52.1.20.22"])
///     analysis.findings            // every rule and incomplete-input, most severe first, then the most urgent rule
///     analysis.whatIf              // the outcome of the failure set given to init
///     analysis.whatIf(failing: ["to-gcp-if0"])
///     analysis.routes              // what each side advertises and learns
///     analysis.path(from: "10.10.1.5", to: "10.100.16.9")
///     analysis.plan                // creation order of the cross-cloud link
public struct Analysis: Sendable {
    public let model: NetworkModel
    /// Every rule's findings, and `incomplete-input` from the load report when one was given
    /// (`LoadFindings`); most severe first, then by how urgent the rule is
    /// (`Finding.ruleUrgency`: incomplete-input, tunnel-down, bgp-down, … vgw-attachment), then by resource.
    public let findings: [Finding]
    /// The outcome for the `failed` set given to `init`; nil when it was empty.
    public let whatIf: FailureOutcome?
    /// One verdict per element (tunnels, sessions, connections, gateways, sites, …): what every
    /// view, the header and `check` show. Nothing else judges health.
    public let verdicts: Verdicts
    let context: AnalysisContext
    /// The directory, the catalog and the simulator are made when first used: `check` without
    /// `--fail` reads none of them.
    private let deferredDirectory: Deferred<ElementDirectory>
    private let deferredCatalog: Deferred<ElementCatalog>
    private let deferredSimulator: Deferred<FailureSimulator>
    var catalog: ElementCatalog { deferredCatalog.value }
    /// Every element by typed ID, display name and alias: what search, `--select`, `--fail` and
    /// `path` resolve names against.
    public var directory: ElementDirectory { deferredDirectory.value }
    var simulator: FailureSimulator { deferredSimulator.value }

    /// Lets go of the directory, the catalog, the simulator and the routing lookups (made again
    /// when next used), freeing them now: the explorer calls it on the analysis it is replacing
    /// while a reload builds the new one, so the two are not both whole in memory.
    public func releaseDerived() {
        deferredSimulator.release()
        deferredCatalog.release()
        deferredDirectory.release()
        context.releaseRouting(inBackground: false)
    }

    /// Every rule `findings` applies, with what it checks.
    public static var rules: [RuleDescription] { RuleCatalog.descriptions }

    /// `report`: what loading could not use; it adds `incomplete-input` findings (nil: none).
    public init(model: NetworkModel, report: LoadReport? = nil, failed: Set<String> = []) {
        self.model = model
        let context = AnalysisContext(model: model)
        self.context = context
        let directory = Deferred { ElementDirectory(index: context.index) }
        deferredDirectory = directory
        let catalog = Deferred { ElementCatalog(index: context.index, directory: directory.value) }
        deferredCatalog = catalog
        let simulator = Deferred { FailureSimulator(context: context) }
        deferredSimulator = simulator
        let ruleFindings = RuleCatalog.run(context)
        // What could not be loaded is a finding too: the rules cannot see what it held.
        let loadFindings = report.map(LoadFindings.findings(for:)) ?? []
        let findings = loadFindings.isEmpty ? ruleFindings : Finding.ordered(loadFindings + ruleFindings)
        self.findings = findings
        verdicts = Verdicts(context: context, findings: findings)
        whatIf =
            failed.isEmpty ? nil : simulator.value.outcome(failing: failed.sorted().map { catalog.value.resolve($0) })
    }

    /// Resolves an exact resource ID or an unambiguous short name (`aws-tunnel-1`, `to-gcp-if0`,
    /// `52.1.20.22`, a unique ID prefix) to an element that can fail.
    public static func resolve(id: String, in model: NetworkModel) -> Resolution {
        let index = ModelIndex(model: model)
        return ElementCatalog(index: index, directory: ElementDirectory(index: index)).resolve(id)
    }

    public func resolve(_ id: String) -> Resolution { catalog.resolve(id) }

    /// Every element that can be failed, for completion and menus.
    public var failableElements: [FailableElement] { catalog.elements }

    /// The outcome of failing these elements (IDs or short names); names that do not resolve
    /// are listed in `FailureOutcome.unresolved`.
    public func whatIf(failing ids: Set<String>) -> FailureOutcome {
        simulator.outcome(failing: ids.sorted().map { catalog.resolve($0) })
    }

    public func whatIf(failing elements: [FailableElement]) -> FailureOutcome {
        simulator.outcome(failing: elements.map { .found($0) })
    }

    /// Frees what path walks look things up in (the address space, the route tables, the route
    /// exchange): `check` calls it once the findings, the verdicts and the what-if are made, so the
    /// output is built without them. Whatever needs them later (a path, a what-if, the routes) has
    /// them rebuilt, once.
    public func releaseRoutingIndexes() { context.releaseRouting() }

    /// The AWS ⇄ GCP links (tunnels grouped by HA VPN gateway and TGW/VGW).
    public var links: [CrossCloudLink] { context.links }

    /// What each side advertises and learns over the VPN.
    public var routes: RouteExchange { context.exchange }

    public func findings(for resource: String) -> [Finding] { findings.filter { $0.resources.contains(resource) } }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

extension Analysis {
    /// Tunnels whose IPsec is down on either side (the tunnel-down rule's count).
    public var tunnelsDown: Int { verdicts.ipsecDown }

    /// BGP sessions not up: tunnel sessions (the bgp-down rule's view) and Direct Connect BGP peers.
    public var bgpSessionsDown: Int {
        verdicts.bgpDown + model.virtualInterfaces.flatMap(\.bgpPeers).filter { $0.bgpStatus == "down" }.count
    }

    /// (Counted in place: filtering would copy every finding of the severity.)
    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}
