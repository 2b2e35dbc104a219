import TunnelscopeAnalysis
import TunnelscopeCanvas

extension AppState {
    /// Where the engineer is: the screens opened, the selection and scroll of each, the map's
    /// selection, scroll, zoom and expanded groups, the help and the tour.
    public struct Navigation: Sendable {
        public var stack: [Screen]
        /// Each list screen's selection and scroll, by `Screen.memoryKey`.
        public var memory: [String: ListMemory] = [:]
        /// The physical tunnel the selection follows across perspectives.
        public var followedTunnel: String?
        public var focusedPane: Pane = .aws
        public var topologySelection: String?
        public var topologyScroll = 0
        /// The group of VPCs the map is zoomed into (its key), if any: Esc zooms out.
        public var mapZoom: String?
        public var expandedGroups: Set<String> = []
        public var helpVisible = false
        public var helpScroll = 0
        public var tourStep = 0
    }

    /// The prompt line: what is being typed, the last search and where `n`/`N` are in it, and the
    /// message line.
    public struct Prompt: Sendable {
        public var input: Input?
        public var lastSearch: String?
        /// Position in the last search's matches (n/N move it).
        public var searchPosition = 0
        /// The results listed while `/` is typed, narrowed as the query grows.
        var searchTyping: SearchResults?
        /// The last search's results, so that n/N step through them without searching again (the
        /// search index is the analysis', so they hold until a reload).
        var searchResults: SearchResults?
        public var message: Span?
        /// While a reload runs in the background: what it is doing, and for how many seconds (the
        /// explorer keeps answering keys on the model it has until the new one is swapped in).
        public var reloading: (phase: String, seconds: Int)?
    }

    /// The what-if: the elements failed, whether its panel shows, and the `:path` query (traced
    /// with the failures of the moment it was asked).
    public struct WhatIf: Sendable {
        public var failed: Set<String> = []
        /// `w` hides the what-if panel (the what-if stays; the message line then sums it up).
        public var panelHidden = false
        public var pathQuery: PathQuery?
    }

    /// A `:path` query and the lines that answer it.
    public struct PathQuery: Sendable, Equatable {
        public var from: String
        public var to: String
        public var lines: [Span]
    }

    /// Diff mode: the snapshot the loaded one is compared with (`--before`, `:diff PATH`), and how
    /// the side by side shows it.
    public struct Compare: Sendable {
        /// BEFORE and what differs; nil outside diff mode.
        public private(set) var comparison: Comparison?
        /// Counts the comparisons set (0: none yet): the key of what is derived from it.
        private(set) var generation = 0
        /// `b` in the side by side: BEFORE and AFTER of the focused perspective, not AWS and GCP.
        public var beforeAfter = false
        /// A `:diff PATH` being read and analysed in the background.
        public var loading: String?

        mutating func set(_ comparison: Comparison?) {
            self.comparison = comparison
            generation += 1
            if comparison == nil { beforeAfter = false }
        }
    }

    /// What the lists admit: the severity cycled with `s`, and the findings screen's filter and
    /// expanded rules.
    public struct Filters: Sendable {
        public var severity: SeverityFilter = .all
        public var findings = FindingsFilter()
    }
}
