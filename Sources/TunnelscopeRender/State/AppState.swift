import Foundation
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// The one state value of the explorer. Only the reducer changes it.
public struct AppState: Sendable {
    public enum Input: Sendable, Equatable {
        case search(String)
        case command(String)
        /// The findings filter, applied as it is typed.
        case filter(String)
    }

    public enum SeverityFilter: String, Sendable, CaseIterable {
        case all, errors, warnings
        var next: SeverityFilter { self == .all ? .errors : self == .errors ? .warnings : .all }
        func admits(_ s: Severity) -> Bool {
            self == .all || (self == .errors && s == .error) || (self == .warnings && s != .info)
        }
        var label: String { self == .all ? "all" : self == .errors ? "errors only" : "errors and warnings" }
    }

    /// Where the selection and scroll of one screen are.
    public struct ListMemory: Sendable, Equatable {
        public var selected: Int = 0
        public var scroll: Int = 0
        /// The selected element's ID, so a reload or a rebuild keeps the selection.
        public var elementId: String?
    }

    /// What was loaded (the model, the load report, the origin for the header).
    public internal(set) var result: LoadResult
    /// The analysis of the loaded model and its load report: findings, what-if, routes, paths.
    /// Built here from `result`, and again on reload; the views show its verdicts.
    public internal(set) var analysis: Analysis
    /// The terminal's size.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// Where the engineer is: the screens, each one's selection, the map's.
    public internal(set) var navigation: Navigation
    /// What is typed at the prompt, the last search, the message line.
    public internal(set) var prompt = Prompt()
    /// The what-if: what is failed, whether its panel shows, the `:path` query.
    public internal(set) var whatIf = WhatIf()
    /// What the lists admit: the severity, the findings screen's filter.
    public internal(set) var filters = Filters()
    /// Diff mode: BEFORE and what differs from it.
    public internal(set) var compare = Compare()
    /// The clock the header counts the export's age with (seconds since 1970); `render --now`
    /// and tests fix it.
    public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    /// What the views show, made from the parts above and the analysis by `derive()` alone.
    private(set) var derived: Derived

    /// The analysis under the current what-if, as the views look it up.
    var insights: Insights { derived.insights.value }
    /// The map's boxes but the VPCs' under the current what-if (the tour lays the map out again
    /// for its own room).
    var topologyBoxes: TopologyLayout.Boxes { derived.mapBoxes.value.value }
    /// What the views look up that the what-if does not change (sorts, counts, the search index).
    var index: AnalysisIndex { derived.index }
    /// The rows of the perspectives for the model and the what-if.
    public var content: Content { derived.content.value }
    /// Diff mode's BEFORE as the perspectives show it, while the side by side shows before and after.
    var beforeRows: BeforeRows? { derived.before?.value }
    /// The map, laid out when it is first read after the model, the what-if, the size or the
    /// expanded groups change (a what-if on a list screen does not lay out a map nobody sees).
    public var topology: TopologyLayout { derived.topology.value.layout }

    /// `comparison`: diff mode from the start (`--before OLD NEW`).
    public init(
        result: LoadResult, width: Int = 80, height: Int = 24, screen: Screen = .topology,
        comparison: Comparison? = nil
    ) {
        self.result = result
        self.width = width
        self.height = height
        navigation = Navigation(stack: screen == .topology ? [.topology] : [.topology, screen])
        analysis = Analysis(model: result.model, report: result.report)
        derived = Derived(
            result: result, analysis: analysis, index: AnalysisIndex(model: result.model, analysis: analysis),
            width: width, height: height)
        navigation.topologySelection = topology.node("link")?.id ?? topology.firstNode?.id
        if case .tour = screen { navigation.stack = [.topology, .tour] }
        if let comparison { compare.set(comparison) }
        derive()
        Reducer.follow(&self, tunnel: nil)
    }

    /// The derive step: builds again each derived part whose inputs (the load, the what-if, the
    /// size, the expanded groups and zoom, the filters, the screens open) changed since it was
    /// built, and only those. The reducer runs it at the end of every step; a step that reads
    /// what it derives after changing an input (the rows of a screen it opens, the map after a
    /// zoom) runs it there too. It is cheap when nothing changed: it compares small keys.
    mutating func derive() {
        let inputs = self
        derived.update(for: inputs)
    }

    /// What a reload needs to know of the state to build the new one off the main thread.
    public var reloadContext: Reload.Context {
        Reload.Context(
            failed: whatIf.failed, width: width, height: height, expanded: navigation.expandedGroups,
            zoom: navigation.mapZoom, comparison: compare.comparison, comparisonGeneration: compare.generation)
    }

    /// Swaps in another result (a reload), analysed and prepared off the main thread: failures of
    /// elements that are gone are dropped; what the reload was prepared for (the what-if, the
    /// size, the expanded groups) is used as it is, anything changed since is redone here.
    mutating func replace(_ reload: Reload) {
        result = reload.result
        analysis = reload.analysis
        prompt.searchTyping = nil
        prompt.searchResults = nil
        whatIf.failed = whatIf.failed.filter { reload.analysis.directory.entry($0) != nil }
        // BEFORE compared again with the new AFTER: off the main thread by the reload, unless
        // the comparison changed while it ran.
        if compare.generation == reload.context.comparisonGeneration {
            compare.set(reload.comparison)
        } else if let comparison = compare.comparison {
            compare.set(comparison.against(reload.analysis))
        }
        derived.load(reload, comparison: compare.generation)
        derive()
        index.prefetchSearch()
    }

    /// Lets go of what the analysis and the search can make again when asked (see `.reload`).
    func releaseDerived() {
        index.releaseSearch()
        analysis.releaseDerived()
    }

    /// A copy of the state that draws `map` as its map: the tour's, laid out for the room beside
    /// its text, and reference renders in tests. The state itself keeps its own.
    func drawing(map: TopologyLayout) -> AppState {
        var copy = self
        copy.derived = derived.drawing(map: map)
        return copy
    }

    public var screen: Screen { navigation.stack.last ?? .topology }

    /// Rows the panel takes on this screen: the what-if's, or the incident summary on the first
    /// screen of a tall terminal (0: neither, hidden with `w`, or the tour).
    var whatIfPanelRows: Int {
        // Help has the whole body (as `HelpOverlay.maxScroll` measures it).
        guard !whatIf.panelHidden, screen != .tour, !navigation.helpVisible else { return 0 }
        if !whatIf.failed.isEmpty, let report = insights.whatIfReport {
            return WhatIfPanel.height(lines: report.lines.count, screenHeight: height)
        }
        // The incident summary: on the first screen, when the terminal is tall enough to spare it.
        if whatIf.failed.isEmpty, screen == .topology, height >= WhatIfPanel.incidentHeight,
            let report = insights.incidentReport
        {
            return WhatIfPanel.height(lines: report.lines.count, screenHeight: height)
        }
        return 0
    }

    /// What each side advertises and learns over one physical tunnel.
    func routes(ofTunnel id: String) -> TunnelRoutes? {
        index.routesByTunnel[id].map { analysis.routes.perTunnel[$0] }
    }

    /// Where everything goes on the current screen, the what-if panel included.
    public var layout: Layout { Layout(width: width, height: height, screen: screen, bottomPanel: whatIfPanelRows) }
    public var model: NetworkModel { result.model }

    /// The rows of a list screen.
    public func rows(for screen: Screen) -> RowList {
        switch screen {
        case .aws: RowList(content.aws)
        case .gcp: RowList(content.gcp)
        case .split:
            // Before and after: the focused perspective's rows of the loaded snapshot (AFTER).
            if compare.beforeAfter, compare.comparison != nil {
                RowList(navigation.focusedPane == .aws ? content.aws : content.gcp)
            } else {
                RowList(content.splitRows)
            }
        case .findings, .routes, .changes, .detail: derived.rows(for: screen) ?? RowList([])
        case .topology, .tour: RowList([])
        }
    }

    public func listMemory(_ screen: Screen) -> ListMemory { navigation.memory[screen.memoryKey] ?? ListMemory() }

    /// What `f` acts on: the subject of a detail screen, else the selection.
    public var focusElement: String? {
        if case .detail(let id) = screen { return id }
        return selectedElement
    }

    /// The element selected on the current screen, if any.
    public var selectedElement: String? {
        switch screen {
        case .topology, .tour: return navigation.topologySelection
        default:
            let rows = rows(for: screen)
            let m = listMemory(screen)
            guard rows.contains(index: m.selected) else { return nil }
            if screen == .split, let tunnel = rows.tunnelId(at: m.selected) { return tunnel }
            return rows.elementId(at: m.selected)
        }
    }
}

/// A reload: the load, its analysis and what the views show of it, built off the main thread
/// (`init` is the slow part: the analysis, the rows, the map), then swapped into the state with
/// `.reloaded`, which keeps the selection.
public struct Reload: Sendable {
    /// What the state looked like when the reload started: its what-if, size, expanded groups.
    public struct Context: Sendable {
        public var failed: Set<String>
        public var width: Int
        public var height: Int
        public var expanded: Set<String>
        /// The group of VPCs the map is zoomed into.
        public var zoom: String? = nil
        /// Diff mode's BEFORE, compared again with the reloaded AFTER.
        public var comparison: Comparison? = nil
        var comparisonGeneration = 0
    }

    public let result: LoadResult
    let context: Context
    let analysis: Analysis
    let index: AnalysisIndex
    let insights: Insights
    let content: Content
    let topology: LazyTopology
    /// Diff mode's BEFORE compared with the reloaded snapshot.
    let comparison: Comparison?

    /// Analyses `result` and builds the rows and the map for `context`; `progress` is told
    /// each step as it starts.
    public init(_ result: LoadResult, for context: Context, progress: (String) -> Void = { _ in }) {
        self.result = result
        self.context = context
        progress("analysing \(result.report.resourcesLoaded) resources")
        let analysis = Analysis(model: result.model, report: result.report)
        progress("building the views")
        let index = AnalysisIndex(model: result.model, analysis: analysis, prefetch: false)
        if context.comparison != nil { progress("comparing with BEFORE") }
        let comparison = context.comparison?.against(analysis)
        self.comparison = comparison
        let insights = Insights(
            analysis: analysis, failed: context.failed.filter { analysis.directory.entry($0) != nil }, index: index,
            comparison: comparison)
        self.analysis = analysis
        self.index = index
        self.insights = insights
        content = Content(model: result.model, insights: insights)
        topology = LazyTopology(
            model: result.model, insights: insights, width: Layout.mapWidth(context.width, context.height),
            height: context.height - 4, expanded: context.expanded,
            zoom: context.zoom)
        progress("laying out the map")
        _ = topology.layout
    }

    /// A reload of `result` for the state as it is now (for tests and one-shot use).
    public init(_ result: LoadResult, for state: AppState) { self.init(result, for: state.reloadContext) }
}

/// Rows built once per model and what-if, not per keystroke.
public struct Content: Sendable {
    public let aws: [Row]
    public let gcp: [Row]
    public let split: [SplitPerspective.Line]
    public let splitRows: [Row]
    private let index: AnalysisIndex
    public var search: SearchIndex { index.search }

    init(model: NetworkModel, insights: Insights) {
        aws = AWSPerspective(model: model, insights: insights).rows()
        gcp = GCPPerspective(model: model, insights: insights).rows()
        split = SplitPerspective(model: model, insights: insights).lines()
        var seen = Set<String>()
        splitRows = split.map { line in
            // The first line of each tunnel's block is the selectable one.
            let first = line.tunnelId.map { seen.insert($0).inserted } ?? false
            return Row(
                kind: line.isHeading ? .heading : .item, spans: line.left + [Span(" ")] + line.right,
                elementId: first ? line.tunnelId : nil, tunnelId: line.tunnelId, searchText: line.searchText)
        }
        index = insights.index
    }
}

extension AppState {
    /// For one-shot renders: drop the status message a navigation step left.
    public mutating func clearMessage() { prompt.message = nil }
}

extension AppState {
    /// Selects an element on the current screen as a search would (for `bench` and embedding).
    public mutating func select(elementId: String) { Reducer.select(&self, elementId: elementId) }
}

/// A topology layout computed on first use. Its inputs are fixed when it is made, so copies of
/// the state that share it see the same map; a change of input makes a new one.
final class LazyTopology: Sendable {
    private let deferred: Deferred<TopologyLayout>

    /// `boxes`: the map's boxes but the VPCs' for these insights, if the state keeps them;
    /// `zoom`: the group of VPCs the map is zoomed into.
    init(
        model: NetworkModel, insights: Insights, width: Int, height: Int, expanded: Set<String>,
        boxes: Deferred<TopologyLayout.Boxes>? = nil, zoom: String? = nil
    ) {
        deferred = Deferred {
            TopologyLayout(
                model: model, insights: insights, width: width, height: height, expanded: expanded, health: nil,
                repeatRows: true, boxes: boxes?.value, scope: MapScope(index: insights.index, zoom: zoom))
        }
    }

    init(_ layout: TopologyLayout) { deferred = Deferred { layout } }

    var layout: TopologyLayout { deferred.value }
}

extension AppState {
    /// Forgets what the views built lazily so far (the detail pane's rows, and with `map` the
    /// map's layout and boxes), so that the next frame builds its own: for `bench`, whose copies
    /// of one state would otherwise share them and time only the first run's work.
    public mutating func forgetViewCaches(map: Bool = false) {
        let inputs = self
        derived.forgetViewCaches(for: inputs, map: map)
    }

    /// The rows of the detail pane beside a list, built once per element, model and what-if.
    func detailPaneRows(_ id: String) -> [Row] {
        derived.detailPane.value.rows(id) {
            // The pane shows what fits of long lists (a TGW's thousands of attachments).
            DetailRows(
                model: model, insights: insights, elementId: id, report: result.report, limit: max(8, height)
            ).rows()
        }
    }
}

/// Rows computed on first use, by element ID. A change of model or what-if makes a new cache, so
/// copies of the state that share one agree on its contents.
final class DetailPaneCache: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [String: [Row]] = [:]

    func rows(_ id: String, make: () -> [Row]) -> [Row] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = rows[id] { return cached }
        if rows.count > 64 { rows = [:] }
        let made = make()
        rows[id] = made
        return made
    }
}
