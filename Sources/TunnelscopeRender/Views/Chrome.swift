import TunnelscopeCanvas
import TunnelscopeText

/// Header (what is broken, first thing on screen), breadcrumb, message line and footer hints.
enum Chrome {
    static func header(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        buffer.fill(rect, style: Style(.header))
        let pieces = HeaderImpact.pieces(state)
        func width(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 } }
        let name = Span(" Tunnelscope ", Style(.header, bold: true))
        let origin = Span("· \(state.result.origin)  ", Style(.header))
        // Most that fits: every piece long with the origin; then short; then the least important
        // pieces dropped while the origin keeps 20 columns (which export this is matters too);
        // then the origin cut or dropped; then more pieces.
        func short(_ pieces: [HeaderImpact.Piece]) -> [Span] {
            pieces.enumerated().flatMap { i, p in i == 0 ? [p.short] : [Span("·", Style(.header)), p.short] }
        }
        func withOrigin(_ room: Int) -> [Span] {
            room >= 6
                ? [name, Span("· " + DisplayWidth.truncate(state.result.origin, to: room) + " ", Style(.header))]
                : [name]
        }
        let originWidth = DisplayWidth.of(state.result.origin)
        var left = [name, origin]
        var status = pieces.map(\.long)
        var kept = pieces.count
        if width(left) + width(status) > rect.width { status = short(pieces) }
        let keep = min(originWidth, 20)
        while width(withOrigin(keep)) + width(status) > rect.width, kept > 3 {
            kept -= 1
            status = short(Array(pieces.prefix(kept)))
        }
        if width(left) + width(status) > rect.width {
            left = withOrigin(rect.width - width(status) - width([name]) - 4)
        }
        while width(left) + width(status) > rect.width, kept > 1 {
            kept -= 1
            status = short(Array(pieces.prefix(kept)))
        }
        buffer.write(left, x: rect.x, y: rect.y, clip: rect)
        var x = max(rect.x + DisplayWidth.of(left.map(\.text).joined()), rect.maxX - width(status))
        for span in status {
            x = buffer.write(span.text, x: x, y: rect.y, style: span.style, clip: rect) + 1
        }
    }

    /// Where you are: the navigation stack, named as the elements are named elsewhere. When it
    /// does not fit, places are dropped from the left ("… › VPN to-gcp-if0 › to-gcp-if0 tunnel 2"),
    /// so the current place, the last one, always shows.
    static func breadcrumb(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState, reserved: Int = 0) {
        let naming = Naming(model: state.model)
        var places: [String] = state.navigation.stack.map { screen in
            switch screen {
            case .detail(let id): return naming.place(id, in: state.analysis.directory)
            case .split: return screen.title + (state.navigation.focusedPane == .aws ? " (AWS pane)" : " (GCP pane)")
            default: return screen.title
            }
        }
        if let zoom = TopologyView.zoomPlace(state) { places.append(zoom) }
        if state.screen == .tour, !places.isEmpty {
            places[places.count - 1] +=
                "  step \(state.navigation.tourStep + 1) of \(Tour.steps(for: state.model).count)"
        }
        var width = rect.width - 1
        // Something on the right of the line (the map's scroll hint): the breadcrumb keeps left of
        // it while the current place fits there whole; else it takes the line.
        if reserved > 0 {
            let room = width - reserved - 1
            if room >= DisplayWidth.of(places.last ?? "") + 4 {
                width = room
            } else {
                buffer.fill(rect)
            }
        }
        let spans = breadcrumbSpans(places, width: width)
        buffer.write([Span(" ", .dim)] + spans, x: rect.x, y: rect.y, clip: rect)
    }

    /// The places that fit in `width` columns, the last one in bold; dropped ones become "…".
    static func breadcrumbSpans(_ places: [String], width: Int) -> [Span] {
        guard !places.isEmpty else { return [] }
        let separator = " › "
        func total(_ shown: ArraySlice<String>, dropped: Bool) -> Int {
            shown.reduce(0) { $0 + DisplayWidth.of($1) } + max(0, shown.count - 1) * 3 + (dropped ? 1 + 3 : 0)
        }
        var first = 0
        while first < places.count - 1, total(places[first...], dropped: first > 0) > width { first += 1 }
        var spans: [Span] = []
        if first > 0 { spans += [Span("…", .dim), Span(separator, .dim)] }
        for i in first..<places.count {
            if i > first { spans.append(Span(separator, .dim)) }
            var text = places[i]
            if i == places.count - 1 {
                // Still too long alone: keep its end, where the detail is.
                let room = width - total(places[first..<i], dropped: first > 0) - (i > first ? 3 : 0)
                text = keepingEnd(text, width: room)
                spans.append(Span(text, Style(.title, bold: true)))
            } else {
                spans.append(Span(text, .dim))
            }
        }
        return spans
    }

    /// The end of a text that fits in `width` columns, "…" in front when cut.
    static func keepingEnd(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var kept = ""
        var used = 1
        for character in text.reversed() {
            let w = DisplayWidth.of(String(character))
            if used + w > width { break }
            kept.insert(character, at: kept.startIndex)
            used += w
        }
        return "…" + kept
    }

    static func message(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        switch state.prompt.input {
        case .search(let q)?:
            buffer.write(
                [
                    Span(" / ", Style(.key)), Span(" " + q, Style(.normal, bold: true)), Span("▏", .accent),
                    Span("   name, ID, IP or CIDR · ↑↓ select · Enter open · Esc cancel", .dim),
                ], x: rect.x, y: rect.y, clip: rect)
        case .filter(let q)?:
            buffer.write(
                [
                    Span(" / ", Style(.key)), Span(" " + q, Style(.normal, bold: true)), Span("▏", .accent),
                    Span("   filter findings: rule, title, name, ID, message · Enter keep · Esc clear", .dim),
                ], x: rect.x, y: rect.y, clip: rect)
        case .command(let c)?:
            buffer.write(
                [
                    Span(" : ", Style(.key)), Span(" " + c, Style(.normal, bold: true)), Span("▏", .accent),
                    Span("   fail ID · path FROM TO · view NAME · clear · quit · Esc cancel", .dim),
                ], x: rect.x, y: rect.y, clip: rect)
        case nil:
            if let message = state.prompt.message {
                buffer.write(" " + message.text, x: rect.x, y: rect.y, style: message.style, clip: rect)
            } else if let reloading = state.prompt.reloading {
                buffer.write(
                    [
                        Span(" Reloading… ", Style(.info, bold: true)),
                        Span(reloading.phase + (reloading.seconds > 0 ? " (\(reloading.seconds) s)" : "")),
                        Span("  · showing the model loaded before", .dim),
                    ], x: rect.x, y: rect.y, clip: rect)
            } else if let summary = state.insights.whatIfSummary, !state.whatIf.failed.isEmpty,
                state.whatIfPanelRows == 0
            {
                buffer.write(" What-if: " + summary, x: rect.x, y: rect.y, style: Style(.failed), clip: rect)
            } else if let warning = HeaderProvenance.inputWarning(state) {
                buffer.write(" " + warning, x: rect.x, y: rect.y, style: Style(.mismatch), clip: rect)
            }
        }
    }

    static func footer(_ buffer: inout CellBuffer, _ rect: Rect, _ state: AppState) {
        buffer.fill(rect, style: Style(.footer))
        var x = rect.x
        for hint in Keymap.footer(for: state.screen) {
            let needed = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3
            if x + needed > rect.maxX { break }
            x = buffer.write(hint.keys, x: x + 1, y: rect.y, style: Style(.key), clip: rect)
            x = buffer.write(" " + hint.label, x: x, y: rect.y, style: Style(.footer), clip: rect) + 1
        }
    }
}
