import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// A derived part and the inputs it was built from: `update` builds it again only when the
/// inputs differ. Keys are small (a load number, the failed set, the size), so comparing them
/// costs the same on any network.
struct Built<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private(set) var key: Key
    private(set) var value: Value

    init(_ key: Key, _ value: Value) {
        self.key = key
        self.value = value
    }

    init(_ key: Key, _ make: () -> Value) { self.init(key, make()) }

    /// Builds the value again for `key` unless it was built for it; true when it was rebuilt.
    @discardableResult
    mutating func update(_ key: Key, _ make: () -> Value) -> Bool {
        guard key != self.key else { return false }
        self.key = key
        value = make()
        return true
    }
}

extension AppState {
    /// The inputs of what the what-if changes: the load and the elements failed.
    struct WhatIfKey: Equatable, Sendable {
        /// Counts the loads (the first, then each reload swapped in).
        var load: Int
        var failed: Set<String>
        /// Diff mode's comparison (its generation; 0: none): notes and marks in every view.
        var comparison = 0
    }

    /// The inputs of the map's layout.
    struct MapKey: Equatable, Sendable {
        var whatIf: WhatIfKey
        var width: Int
        var height: Int
        var expanded: Set<String>
        var zoom: String?
    }

    /// The inputs of the findings list. The what-if is not one: findings are the analysis' (the
    /// what-if shows elsewhere), so a what-if keeps the findings rows.
    struct FindingsKey: Equatable, Sendable {
        var load: Int
        var severity: SeverityFilter
        var filter: FindingsFilter
        var width: Int
    }

    /// The inputs of the routes screen: the what-if's losses and the `:path` query.
    struct RoutesKey: Equatable, Sendable {
        var whatIf: WhatIfKey
        var path: PathQuery?
    }

    /// The inputs of the detail pane beside a list (it shows as much of long lists as the height holds).
    struct PaneKey: Equatable, Sendable {
        var whatIf: WhatIfKey
        var height: Int
    }

    /// What the views show, each part made from declared inputs of the state by `update`, the
    /// one derive step (run at the end of each reducer step, and after a load). Nothing else
    /// sets a part: its setters are this file's.
    ///
    /// To add a part (say a diff mode's marks per element, from a second snapshot held among the
    /// state's inputs): declare its key (the inputs it reads: the snapshot's load number, the
    /// what-if …), store it as `Built<Key, Value>` (optional when only some screens need it),
    /// and update it in `update` after the parts it reads. Actions then only set the input.
    struct Derived: Sendable {
        /// Counts the loads; a part built for another load is built again.
        fileprivate(set) var load: Int
        /// What the views look up that the what-if does not change (sorts, counts, the search
        /// index): the load's, made with it.
        fileprivate(set) var index: AnalysisIndex
        /// The findings' text for the filter, made once per load when first filtered.
        fileprivate(set) var findingsText: Deferred<FindingsIndex>
        /// The analysis under the current what-if, as the views look it up.
        fileprivate(set) var insights: Built<WhatIfKey, Insights>
        /// The map's boxes but the VPCs', made once per what-if when the map is first laid out,
        /// so that expanding a group or a resize only places them.
        fileprivate(set) var mapBoxes: Built<WhatIfKey, Deferred<TopologyLayout.Boxes>>
        /// The perspectives' rows.
        fileprivate(set) var content: Built<WhatIfKey, Content>
        /// The map, laid out when it is first read (a what-if on a list screen does not lay out
        /// a map nobody sees).
        fileprivate(set) var topology: Built<MapKey, LazyTopology>
        /// The detail pane's rows by element (a TGW's lists its attachments: not rebuilt every frame).
        fileprivate(set) var detailPane: Built<PaneKey, DetailPaneCache>
        /// The findings screen's rows, built while it is open, and the filter's matches.
        fileprivate(set) var findings: Built<FindingsKey, FindingsPart>?
        /// The routes screen's rows, built while it is open.
        fileprivate(set) var routes: Built<RoutesKey, RowList>?
        /// Diff mode's Changes screen, built while it is open (its key: the comparison's generation).
        fileprivate(set) var changes: Built<Int, RowList>?
        /// Diff mode's BEFORE as the perspectives show it (its rows and where each element is),
        /// built while the side by side shows before and after (its key: the comparison's generation).
        fileprivate(set) var before: Built<Int, BeforeRows>?
        /// The rows of the detail screens open, by element ID.
        fileprivate(set) var details: [String: Built<WhatIfKey, RowList>] = [:]

        var findingsMatches: FindingsMatches? { findings?.value.matches }

        /// The parts of the first load, for the state's first inputs (nothing failed, no group
        /// expanded, no zoom); the state's `derive()` then builds the rest.
        init(result: LoadResult, analysis: Analysis, index: AnalysisIndex, width: Int, height: Int) {
            load = 0
            self.index = index
            let whatIf = WhatIfKey(load: 0, failed: [])
            findingsText = Self.findingsText(analysis)
            let insights = Insights(analysis: analysis, failed: [], index: index)
            self.insights = Built(whatIf, insights)
            let boxes = Self.mapBoxes(result.model, insights)
            mapBoxes = Built(whatIf, boxes)
            content = Built(whatIf) { Content(model: result.model, insights: insights) }
            detailPane = Built(PaneKey(whatIf: whatIf, height: height), DetailPaneCache())
            let map = MapKey(whatIf: whatIf, width: width, height: height, expanded: [], zoom: nil)
            topology = Built(map) { Self.topology(result.model, insights, boxes: boxes, key: map) }
        }

        /// Takes in a reload made off the main thread for `reload.context`: its parts are used as
        /// they are; `update` then builds again those whose inputs changed since.
        mutating func load(_ reload: Reload, comparison: Int) {
            load += 1
            index = reload.index
            let whatIf = WhatIfKey(load: load, failed: reload.insights.failed, comparison: comparison)
            findingsText = Self.findingsText(reload.analysis)
            insights = Built(whatIf, reload.insights)
            mapBoxes = Built(whatIf, Self.mapBoxes(reload.result.model, reload.insights))
            content = Built(whatIf, reload.content)
            let context = reload.context
            topology = Built(
                MapKey(
                    whatIf: whatIf, width: context.width, height: context.height, expanded: context.expanded,
                    zoom: context.zoom), reload.topology)
            detailPane = Built(PaneKey(whatIf: whatIf, height: context.height), DetailPaneCache())
            findings = nil
            routes = nil
            changes = nil
            before = nil
            details = [:]
        }

        /// The derive step: builds again each part whose inputs in `state` differ from those it
        /// was built from, parts before the parts that read them.
        mutating func update(for state: AppState) {
            let whatIf = state.whatIfKey(load: load)
            insights.update(whatIf) {
                Insights(
                    analysis: state.analysis, failed: whatIf.failed, index: index,
                    comparison: state.compare.comparison)
            }
            let insights = insights.value
            mapBoxes.update(whatIf) { Self.mapBoxes(state.model, insights) }
            content.update(whatIf) { Content(model: state.model, insights: insights) }
            detailPane.update(PaneKey(whatIf: whatIf, height: state.height)) { DetailPaneCache() }
            let map = state.mapKey(whatIf)
            let boxes = mapBoxes.value
            topology.update(map) { Self.topology(state.model, insights, boxes: boxes, key: map) }
            updateScreenRows(for: state, whatIf: whatIf)
        }

        /// The rows of the screens built on demand (findings, routes, details) that are open.
        private mutating func updateScreenRows(for state: AppState, whatIf: WhatIfKey) {
            let stack = state.navigation.stack
            let insights = insights.value
            if stack.contains(.findings) {
                let width = Layout(width: state.width, height: state.height, screen: .findings).list.width - 2
                let key = FindingsKey(
                    load: load, severity: state.filters.severity, filter: state.filters.findings, width: width)
                if findings?.key != key {
                    // The last matches narrow the next when only the filter's text grew.
                    let last = findings?.key.load == load ? findings?.value.matches : nil
                    let text = findingsText.value
                    findings = Built(key) {
                        let matches = FindingsMatches.of(
                            key.filter, severity: key.severity, index: text, last: last)
                        let list = FindingsRows(
                            insights: insights, filter: key.severity, model: state.model, width: width
                        )
                        .list(matched: matches.positions, index: text, filter: key.filter)
                        return FindingsPart(rows: RowList(findings: list), matches: matches)
                    }
                }
            }
            if stack.contains(.routes) {
                let key = RoutesKey(whatIf: whatIf, path: state.whatIf.pathQuery)
                if routes?.key != key {
                    routes = Built(key) {
                        RowList(
                            RoutesRows(
                                routes: state.analysis.routes, verdicts: state.analysis.verdicts,
                                whatIf: insights.whatIf, path: key.path.map { ($0.from, $0.to, $0.lines) }
                            ).rows())
                    }
                }
            }
            if let comparison = state.compare.comparison, state.compare.beforeAfter {
                let generation = state.compare.generation
                if before?.key != generation { before = Built(generation) { BeforeRows(comparison) } }
            } else {
                before = nil
            }
            if stack.contains(.changes) {
                let generation = state.compare.generation
                if changes?.key != generation {
                    changes = Built(generation) { RowList(ChangesRows(comparison: state.compare.comparison).rows()) }
                }
            } else {
                changes = nil
            }
            var open: Set<String> = []
            for case .detail(let id) in stack {
                open.insert(id)
                guard details[id]?.key != whatIf else { continue }
                details[id] = Built(whatIf) {
                    RowList(
                        DetailRows(model: state.model, insights: insights, elementId: id, report: state.result.report)
                            .rows())
                }
            }
            // Details closed are let go of (opened again, they are built again).
            if details.count > open.count { details = details.filter { open.contains($0.key) } }
        }

        /// The rows of an on-demand screen as last derived (empty for a screen not open).
        func rows(for screen: Screen) -> RowList? {
            switch screen {
            case .findings: findings?.value.rows
            case .routes: routes?.value
            case .changes: changes?.value
            case .detail(let id): details[id]?.value
            default: nil
            }
        }

        /// The same parts but the map, which draws `layout` (see `AppState.drawing(map:)`).
        func drawing(map layout: TopologyLayout) -> Derived {
            var copy = self
            copy.topology = Built(topology.key, LazyTopology(layout))
            return copy
        }

        /// The same inputs with empty caches for what the views build lazily (the detail pane's
        /// rows, and with `map` the map's layout and boxes).
        mutating func forgetViewCaches(for state: AppState, map: Bool) {
            detailPane = Built(detailPane.key, DetailPaneCache())
            guard map else { return }
            let insights = insights.value
            mapBoxes = Built(mapBoxes.key, Self.mapBoxes(state.model, insights))
            topology = Built(
                topology.key, Self.topology(state.model, insights, boxes: mapBoxes.value, key: topology.key))
        }

        private static func findingsText(_ analysis: Analysis) -> Deferred<FindingsIndex> {
            Deferred { FindingsIndex(findings: analysis.findings, directory: analysis.directory) }
        }

        private static func mapBoxes(_ model: NetworkModel, _ insights: Insights) -> Deferred<TopologyLayout.Boxes> {
            Deferred {
                TopologyLayout.Boxes(
                    model: model, insights: insights, lookup: TopologyLayout.healthFromVerdicts(insights))
            }
        }

        private static func topology(
            _ model: NetworkModel, _ insights: Insights, boxes: Deferred<TopologyLayout.Boxes>, key: MapKey
        ) -> LazyTopology {
            LazyTopology(
                model: model, insights: insights, width: Layout.mapWidth(key.width, key.height),
                height: key.height - 4, expanded: key.expanded, boxes: boxes, zoom: key.zoom)
        }
    }

    /// The findings screen's rows and the filter's matches they list.
    struct FindingsPart: Sendable {
        var rows: RowList
        var matches: FindingsMatches
    }

    fileprivate func whatIfKey(load: Int) -> WhatIfKey {
        WhatIfKey(load: load, failed: whatIf.failed, comparison: compare.generation)
    }

    fileprivate func mapKey(_ whatIf: WhatIfKey) -> MapKey {
        MapKey(
            whatIf: whatIf, width: width, height: height, expanded: navigation.expandedGroups, zoom: navigation.mapZoom
        )
    }
}
