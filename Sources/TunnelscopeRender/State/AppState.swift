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
    /// The analysis under the current what-if, as the views look it up.
    internal(set) var insights: Insights {
        didSet { mapBoxes = Self.mapBoxes(result.model, insights) }
    }
    /// The map's boxes but the VPCs', made once per what-if when the map is first laid out, so
    /// that expanding a group or a resize only places them.
    private var mapBoxes: Deferred<TopologyLayout.Boxes>
    /// The map's boxes but the VPCs' under the current what-if (the tour lays the map out again
    /// for its own room).
    var topologyBoxes: TopologyLayout.Boxes { mapBoxes.value }
    /// What the views look up that the what-if does not change (sorts, counts, the search index).
    private(set) var index: AnalysisIndex
    public internal(set) var stack: [Screen]
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var memory: [String: ListMemory] = [:]
    /// The physical tunnel the selection follows across perspectives.
    public internal(set) var followedTunnel: String?
    public internal(set) var focusedPane: Pane = .aws
    public internal(set) var input: Input?
    public internal(set) var lastSearch: String?
    /// Position in the last search's matches (n/N move it).
    public internal(set) var searchPosition = 0
    /// The results listed while `/` is typed, narrowed as the query grows.
    var searchTyping: SearchResults?
    /// The last search's results, so that n/N step through them without searching again (the
    /// search index is the analysis', so they hold until a reload).
    var searchResults: SearchResults?
    /// The findings screen's filter and expanded rules, and the last filter's matches.
    public internal(set) var findingsFilter = FindingsFilter()
    var findingsMatches: FindingsMatches?
    /// The findings' text for the filter, made once per analysis when first filtered.
    var findingsText: Deferred<FindingsIndex>
    public internal(set) var helpVisible = false
    public internal(set) var helpScroll = 0
    public internal(set) var message: Span?
    /// The clock the header counts the export's age with (seconds since 1970); `render --now`
    /// and tests fix it.
    public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    public internal(set) var severityFilter: SeverityFilter = .all
    public internal(set) var tourStep = 0
    public internal(set) var expandedGroups: Set<String> = []
    public internal(set) var topologySelection: String?
    public internal(set) var topologyScroll = 0
    /// The group of VPCs the map is zoomed into (its key), if any: Esc zooms out.
    public internal(set) var mapZoom: String?
    public internal(set) var failed: Set<String> = []
    /// `w` hides the what-if panel (the what-if stays; the message line then sums it up).
    public internal(set) var whatIfPanelHidden = false
    public internal(set) var pathQuery: (from: String, to: String, lines: [Span])?
    /// While a reload runs in the background: what it is doing, and for how many seconds (the
    /// explorer keeps answering keys on the model it has until the new one is swapped in).
    public internal(set) var reloading: (phase: String, seconds: Int)?
    public internal(set) var content: Content
    /// The map, laid out when it is first read after the model, the what-if, the size or the
    /// expanded groups change (a what-if on a list screen does not lay out a map nobody sees).
    public internal(set) var topology: TopologyLayout {
        get { topologyCache.layout }
        set { topologyCache = LazyTopology(newValue) }
    }
    private var topologyCache: LazyTopology
    /// The detail pane's rows by element, for the current model and what-if (a TGW's lists its
    /// attachments: not rebuilt every frame).
    private var detailPane = DetailPaneCache()
    /// Rows of the screens built on demand (findings, routes, details), by memory key.
    var screenRows: [String: RowList] = [:]

    public init(result: LoadResult, width: Int = 80, height: Int = 24, screen: Screen = .topology) {
        self.result = result
        self.width = width
        self.height = height
        stack = screen == .topology ? [.topology] : [.topology, screen]
        analysis = Analysis(model: result.model, report: result.report)
        findingsText = Self.findingsText(analysis)
        index = AnalysisIndex(model: result.model, analysis: analysis)
        insights = Insights(analysis: analysis, failed: [], index: index)
        mapBoxes = Self.mapBoxes(result.model, insights)
        content = Content(model: result.model, insights: insights)
        topologyCache = LazyTopology(
            model: result.model, insights: insights, width: Layout.mapWidth(width, height), height: height - 4,
            expanded: [], boxes: mapBoxes)
        topologySelection = topology.node("link")?.id ?? topology.firstNode?.id
        if case .tour = screen { stack = [.topology, .tour] }
        refreshScreenRows()
        Reducer.follow(&self, tunnel: nil)
    }

    /// What a reload needs to know of the state to build the new one off the main thread.
    public var reloadContext: Reload.Context {
        Reload.Context(failed: failed, width: width, height: height, expanded: expandedGroups, zoom: mapZoom)
    }

    /// Swaps in another result (a reload), analysed and prepared off the main thread: failures of
    /// elements that are gone are dropped; what the reload was prepared for (the what-if, the
    /// size, the expanded groups) is used as it is, anything changed since is redone here.
    mutating func replace(_ reload: Reload) {
        result = reload.result
        searchTyping = nil
        searchResults = nil
        analysis = reload.analysis
        findingsText = Self.findingsText(analysis)
        findingsMatches = nil
        index = reload.index
        failed = failed.filter { reload.analysis.directory.entry($0) != nil }
        insights =
            failed == reload.insights.failed
            ? reload.insights : Insights(analysis: analysis, failed: failed, index: index)
        detailPane = DetailPaneCache()
        content = failed == reload.insights.failed ? reload.content : Content(model: result.model, insights: insights)
        if failed == reload.insights.failed, reload.context.width == width, reload.context.height == height,
            reload.context.expanded == expandedGroups, reload.context.zoom == mapZoom
        {
            topologyCache = reload.topology
        } else {
            relayout()
        }
        screenRows = [:]
        refreshScreenRows()
        index.prefetchSearch()
    }

    /// Lets go of what the analysis and the search can make again when asked (see `.reload`).
    func releaseDerived() {
        index.releaseSearch()
        analysis.releaseDerived()
    }

    /// Recomputes what the views show of the analysis for the current `failed` set, and the rows.
    mutating func applyWhatIf() {
        insights = Insights(analysis: analysis, failed: failed, index: index)
        rebuild()
    }

    /// After a what-if on the same analysis: the findings list does not change with it (findings
    /// are the analysis', the what-if shows elsewhere), so its rows are kept.
    mutating func applyWhatIfKeepingFindings() {
        let findings = screenRows[Screen.findings.memoryKey]
        insights = Insights(analysis: analysis, failed: failed, index: index)
        detailPane = DetailPaneCache()
        content = Content(model: result.model, insights: insights)
        relayout()
        screenRows = [:]
        screenRows[Screen.findings.memoryKey] = findings
        refreshScreenRows()
    }

    /// Rebuilds what depends on the model, the what-if and the width.
    mutating func rebuild() {
        detailPane = DetailPaneCache()
        content = Content(model: result.model, insights: insights)
        relayout()
        screenRows = [:]
        refreshScreenRows()
    }

    /// After a resize: the detail pane shows as much of long lists as the new height holds.
    mutating func forgetDetailPane() { detailPane = DetailPaneCache() }

    mutating func relayout() {
        topologyCache = LazyTopology(
            model: result.model, insights: insights, width: Layout.mapWidth(width, height), height: height - 4,
            expanded: expandedGroups, boxes: mapBoxes, zoom: mapZoom)
    }

    private static func mapBoxes(_ model: NetworkModel, _ insights: Insights) -> Deferred<TopologyLayout.Boxes> {
        Deferred {
            TopologyLayout.Boxes(model: model, insights: insights, lookup: TopologyLayout.healthFromVerdicts(insights))
        }
    }

    /// Builds the rows of every on-demand screen in the stack that has none yet.
    mutating func refreshScreenRows() {
        for screen in stack where screenRows[screen.memoryKey] == nil {
            switch screen {
            case .findings:
                let width = Layout(width: self.width, height: height, screen: .findings).list.width - 2
                screenRows[screen.memoryKey] = RowList(findings: groupedFindings(width: width))
            case .routes:
                screenRows[screen.memoryKey] = RowList(
                    RoutesRows(
                        routes: analysis.routes, verdicts: analysis.verdicts, whatIf: insights.whatIf, path: pathQuery
                    ).rows())
            case .detail(let id):
                screenRows[screen.memoryKey] = RowList(
                    DetailRows(model: model, insights: insights, elementId: id, report: result.report).rows())
            default: break
            }
        }
    }

    public var screen: Screen { stack.last ?? .topology }

    /// Rows the panel takes on this screen: the what-if's, or the incident summary on the first
    /// screen of a tall terminal (0: neither, hidden with `w`, or the tour).
    var whatIfPanelRows: Int {
        // Help has the whole body (as `HelpOverlay.maxScroll` measures it).
        guard !whatIfPanelHidden, screen != .tour, !helpVisible else { return 0 }
        if !failed.isEmpty, let report = insights.whatIfReport {
            return WhatIfPanel.height(lines: report.lines.count, screenHeight: height)
        }
        // The incident summary: on the first screen, when the terminal is tall enough to spare it.
        if failed.isEmpty, screen == .topology, height >= WhatIfPanel.incidentHeight,
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
        case .split: RowList(content.splitRows)
        case .findings, .routes, .detail: screenRows[screen.memoryKey] ?? RowList([])
        case .topology, .tour: RowList([])
        }
    }

    public func listMemory(_ screen: Screen) -> ListMemory { memory[screen.memoryKey] ?? ListMemory() }

    /// What `f` acts on: the subject of a detail screen, else the selection.
    public var focusElement: String? {
        if case .detail(let id) = screen { return id }
        return selectedElement
    }

    /// The element selected on the current screen, if any.
    public var selectedElement: String? {
        switch screen {
        case .topology, .tour: return topologySelection
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
    }

    public let result: LoadResult
    let context: Context
    let analysis: Analysis
    let index: AnalysisIndex
    let insights: Insights
    let content: Content
    let topology: LazyTopology

    /// Analyses `result` and builds the rows and the map for `context`; `progress` is told
    /// each step as it starts.
    public init(_ result: LoadResult, for context: Context, progress: (String) -> Void = { _ in }) {
        self.result = result
        self.context = context
        progress("analysing \(result.report.resourcesLoaded) resources")
        let analysis = Analysis(model: result.model, report: result.report)
        progress("building the views")
        let index = AnalysisIndex(model: result.model, analysis: analysis, prefetch: false)
        let insights = Insights(
            analysis: analysis, failed: context.failed.filter { analysis.directory.entry($0) != nil }, index: index)
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
    public mutating func clearMessage() { message = nil }
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
        detailPane = DetailPaneCache()
        if map {
            mapBoxes = Self.mapBoxes(result.model, insights)
            relayout()
        }
    }

    /// The rows of the detail pane beside a list, built once per element, model and what-if.
    func detailPaneRows(_ id: String) -> [Row] {
        detailPane.rows(id) {
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
