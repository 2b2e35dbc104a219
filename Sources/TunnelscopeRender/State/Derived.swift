import TunnelscopeAnalysis
import TunnelscopeCanvas

extension AppState {
    /// What the views show, made from the state's inputs (the analysis, the what-if, the size,
    /// the navigation's groups and zoom, the filters).
    struct Derived: Sendable {
        /// The analysis under the current what-if, as the views look it up.
        var insights: Insights
        /// The map's boxes but the VPCs', made once per what-if when the map is first laid out, so
        /// that expanding a group or a resize only places them.
        var mapBoxes: Deferred<TopologyLayout.Boxes>
        /// What the views look up that the what-if does not change (sorts, counts, the search index).
        var index: AnalysisIndex
        /// The perspectives' rows.
        var content: Content
        /// The map, laid out when first read.
        var topology: LazyTopology
        /// The findings' text for the filter, made once per analysis when first filtered.
        var findingsText: Deferred<FindingsIndex>
        /// The last findings filter's matches.
        var findingsMatches: FindingsMatches?
        /// The detail pane's rows by element, for the current model and what-if (a TGW's lists its
        /// attachments: not rebuilt every frame).
        var detailPane = DetailPaneCache()
        /// Rows of the screens built on demand (findings, routes, details), by memory key.
        var screenRows: [String: RowList] = [:]
    }
}

extension AppState {
    /// A copy of the state that draws `map` as its map: the tour's, laid out for the room beside
    /// its text, and reference renders in tests. The state itself keeps its own.
    func drawing(map: TopologyLayout) -> AppState {
        var copy = self
        copy.derived.topology = LazyTopology(map)
        return copy
    }
}
