import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// `/` while it is typed: the results over the body, narrowing with each key, as fzf lists them.
/// Each row: what the element is, its name (when it has one besides its ID), its ID and where it
/// lives (account and region, project and region). Only the rows on screen are drawn.
enum SearchList {
    /// Rows of results the body holds (under the title and the column heads).
    static func visibleRows(_ state: AppState) -> Int {
        max(1, Layout(width: state.width, height: state.height, screen: state.screen).body.height - 2)
    }

    static func draw(_ buffer: inout CellBuffer, _ body: Rect, _ state: AppState) {
        guard case .search(let query)? = state.prompt.input, !body.isEmpty else { return }
        buffer.fill(body)
        let results = state.prompt.searchTyping
        let inner = Rect(x: body.x + 1, y: body.y, width: max(0, body.width - 2), height: body.height)
        var title = [Span("Search", Style(.title, bold: true))]
        if let results, !query.trimmingCharacters(in: .whitespaces).isEmpty {
            title.append(Span("  \(results.countText)", Style(.normal, bold: true)))
            title.append(Span(" for '\(query)'", .normal))
        } else if !query.trimmingCharacters(in: .whitespaces).isEmpty {
            // A reload swapped the network in while the query was typed: the next key searches it.
            title.append(Span("  the exports were reloaded: type on to search them", .normal))
        } else {
            title.append(Span("  type a name, ID, IP or CIDR", .normal))
        }
        title.append(Span("  · ↑↓ select · Enter open · Esc cancel", .dim))
        buffer.writeFitted(title, x: inner.x, y: inner.y, width: inner.width)
        let columns = Columns(width: inner.width)
        buffer.writeFitted(
            [
                Span(
                    columns.line("KIND", columns.name > 0 ? "NAME" : "", columns.name > 0 ? "ID" : "NAME  ID", "WHERE"),
                    Style(.dim, bold: true))
            ], x: inner.x, y: inner.y + 1,
            width: inner.width)
        guard let results, !results.isEmpty else {
            if let results, !results.query.trimmingCharacters(in: .whitespaces).isEmpty {
                buffer.write("Nothing matches '\(query)'.", x: inner.x, y: inner.y + 2, style: Style(.warning))
            }
            return
        }
        let entries = state.content.search.entries
        let visible = max(0, body.height - 2)
        // The selection stays in view when the window got smaller since it was moved.
        let scroll = max(min(results.scroll, results.selected), results.selected - visible + 1)
        for line in 0..<visible {
            let position = scroll + line
            guard position < results.matches.count else { break }
            let entry = entries[results.matches[position]]
            let y = inner.y + 2 + line
            let name = entry.name == entry.elementId ? "" : entry.name
            buffer.writeFitted(
                [
                    Span(
                        columns.line(entry.kind.title, name, shortId(entry.elementId), place(entry, state)), .normal)
                ], x: inner.x, y: y, width: inner.width)
            if position == results.selected {
                buffer.write("▌", x: body.x, y: y, style: Style(.accent, bold: true))
                buffer.restyle(Rect(x: body.x, y: y, width: body.width, height: 1)) { $0.reverse = true }
            }
        }
    }

    /// Column widths for a width: the kind and the place fixed, the rest for the name and the ID
    /// (one column "name  ID" below 100 columns, two from there).
    struct Columns {
        let kind: Int
        let name: Int
        let id: Int
        let place: Int

        init(width: Int) {
            kind = width >= 120 ? 24 : 13
            place = width >= 120 ? 40 : width >= 100 ? 26 : 22
            let rest = max(10, width - kind - place - 6)
            name = width >= 100 ? rest / 2 : 0
            id = width >= 100 ? rest - name : rest + 2
        }

        /// A place cut to a width in its middle word (the account or project), so that the region,
        /// which tells apart the same name in two regions, stays: `gcp cloud-cu… asia-east1`.
        static func fit(_ place: String, to width: Int) -> String {
            guard DisplayWidth.of(place) > width else { return place }
            var words = place.split(separator: " ").map(String.init)
            guard words.count >= 3 else { return place }
            let others = DisplayWidth.of(place) - DisplayWidth.of(words[words.count - 2])
            words[words.count - 2] = DisplayWidth.truncate(words[words.count - 2], to: max(2, width - others))
            return words.joined(separator: " ")
        }

        /// One line of the columns, each cut to its width (the texts sanitised first, so that an
        /// escaped character cannot push the columns out of line). In one "name  ID" column the
        /// name gives way first: the ID is what tells two elements apart.
        func line(_ kind: String, _ name: String, _ id: String, _ place: String) -> String {
            let (kind, name, id) = (Sanitizer.line(kind), Sanitizer.line(name), Sanitizer.line(id))
            let place = Self.fit(Sanitizer.line(place), to: self.place)
            let cells: [(String, Int)]
            if self.name > 0 {
                cells = [(kind, self.kind), (name, self.name), (id, self.id), (place, self.place)]
            } else if name.isEmpty {
                cells = [(kind, self.kind), (id, self.id), (place, self.place)]
            } else {
                // A GCP ID's names without its collections (the kind says what it is).
                let compact = SearchList.compactId(id)
                if compact == name || compact.hasSuffix("/" + name) || name.hasSuffix("/" + compact) {
                    return [
                        (kind, self.kind), (name.count > compact.count ? name : compact, self.id), (place, self.place),
                    ]
                    .map { DisplayWidth.pad($0.0, to: $0.1) }.joined(separator: "  ")
                }
                let shownId = DisplayWidth.truncate(compact, to: max(8, self.id - 10))
                let shownName = DisplayWidth.truncate(name, to: max(0, self.id - 2 - DisplayWidth.of(shownId)))
                cells = [(kind, self.kind), (shownName + "  " + shownId, self.id), (place, self.place)]
            }
            return cells.map { DisplayWidth.pad($0.0, to: $0.1) }.joined(separator: "  ")
        }
    }

    /// A GCP ID without its project and region (the place column says them):
    /// `vpnTunnels/aws-tunnel-0` for `projects/p/regions/r/vpnTunnels/aws-tunnel-0`.
    static func shortId(_ id: String) -> String {
        guard id.hasPrefix("projects/") else { return id }
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 4, ["regions", "zones", "locations"].contains(parts[2]) {
            return parts.dropFirst(4).joined(separator: "/")
        }
        if parts.count > 3, parts[2] == "global" { return parts.dropFirst(3).joined(separator: "/") }
        return id
    }

    /// A short GCP ID's names without the collections between them, for narrow lists:
    /// `cr-aws/peer-aws-tunnel-3` for `routers/cr-aws/bgpPeers/peer-aws-tunnel-3`.
    static func compactId(_ short: String) -> String {
        let parts = short.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count % 2 == 0, !short.hasPrefix("tunnel/") else { return short }
        return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }.joined(separator: "/")
    }

    /// Where an element lives, as the exports say: `aws 111122223333 us-east-1`,
    /// `gcp net-host-prj us-east4`; what they do not say is left out.
    static func place(_ entry: SearchIndex.Entry, _ state: AppState) -> String {
        let model = state.model
        func aws(_ account: String?, _ region: String?) -> String {
            (["aws", account, region].compactMap { $0 }).joined(separator: " ")
        }
        func tgw(_ id: String?) -> String {
            let gateway = id.flatMap { model.transitGatewayIndex[$0] }.map { model.transitGateways[$0] }
            return aws(gateway?.accountId, gateway?.region)
        }
        let id = entry.elementId
        switch entry.kind {
        case .site: return "on-prem"
        case .project: return "gcp \(entry.name)"
        case .vpc:
            let vpc = model.vpcIndex[id].map { model.vpcs[$0] }
            return aws(vpc?.accountId, vpc?.region)
        case .subnet:
            let subnet = model.subnetIndex[id].map { model.subnets[$0] }
            return aws(subnet?.accountId, subnet?.region)
        case .customerGateway:
            return aws(model.customerGatewayIndex[id].map { model.customerGateways[$0] }?.accountId, nil)
        case .vpnGateway: return aws(model.vpnGatewayIndex[id].map { model.vpnGateways[$0] }?.accountId, nil)
        case .transitGateway: return tgw(id)
        case .vpnConnection:
            let connection = model.vpnConnectionIndex[id].map { model.vpnConnections[$0] }
            let gateway = connection?.transitGatewayId.flatMap { model.transitGatewayIndex[$0] }
                .map { model.transitGateways[$0] }
            return aws(connection?.accountId, gateway?.region)
        case .tgwAttachment:
            return tgw(state.index.lookups.attachment[id].map { model.tgwAttachments[$0].transitGatewayId })
        case .tgwRouteTable:
            return tgw(model.tgwRouteTables.first { $0.id == id }?.transitGatewayId)
        case .routeTable:
            let table = state.index.lookups.routeTable[id].map { model.routeTables[$0] }
            let vpc = table.flatMap { model.vpcIndex[$0.vpcId] }.map { model.vpcs[$0] }
            return aws(table?.accountId ?? vpc?.accountId, vpc?.region)
        case .tunnel:
            guard let tunnel = model.tunnel(id) else { return "" }
            let awsSide = tunnel.aws.map { end in
                aws(model.vpnConnectionIndex[end.vpnConnectionId].map { model.vpnConnections[$0] }?.accountId, nil)
            }
            let gcpSide = tunnel.gcp.map {
                "gcp \($0.tunnel.ref.project)" + ($0.tunnel.ref.region.map { " \($0)" } ?? "")
            }
            return [awsSide, gcpSide].compactMap { $0 }.joined(separator: awsSide == "aws" ? "⇄" : " ⇄ ")
        default:
            if let (project, region) = gcpProjectAndRegion(fromURL: id) {
                return "gcp \(project)" + (region.map { " \($0)" } ?? "")
            }
            return entry.kind == .directConnectGateway || entry.kind == .virtualInterface || entry.kind == .vpcPeering
                ? "aws" : ""
        }
    }
}
