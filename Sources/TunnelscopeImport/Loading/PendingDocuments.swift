import TunnelscopeModel

/// Documents whose owner is not written inside them: route searches and propagations (which
/// route table?), router status (which router?), VPC attachment details (merged into the
/// attachment). They are kept here and resolved once every file is read.
struct PendingDocuments {
    struct RouteSearch {
        var tableHint: String?
        var routes: [TGWRoute]
        var file: String
    }
    struct Propagations {
        var tableHint: String?
        var items: [TGWPropagation]
        var file: String
    }
    struct Status {
        var status: GCPVPNDecoders.RouterStatus
        var file: String
    }

    var routeSearches: [RouteSearch] = []
    var propagations: [Propagations] = []
    var routerStatuses: [Status] = []
    var vpcAttachments: [TGWAttachment] = []
    var hostProjects: [(host: String, file: String, source: SourceRef)] = []
    var associatedLists: [(projects: [String], file: String, source: SourceRef)] = []

    /// Adds a later file's documents after these.
    mutating func merge(_ later: PendingDocuments) {
        routeSearches += later.routeSearches
        propagations += later.propagations
        routerStatuses += later.routerStatuses
        vpcAttachments += later.vpcAttachments
        hostProjects += later.hostProjects
        associatedLists += later.associatedLists
    }
}

/// A route table ID written in a file name (`search-transit-gateway-routes-tgw-rtb-0abc.json`).
func routeTableHint(in file: String) -> String? {
    guard let range = file.range(of: "tgw-rtb-") else { return nil }
    let id = file[range.lowerBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
    return id.count > "tgw-rtb-".count ? String(id) : nil
}

extension ImportState {
    mutating func addVpcAttachment(_ n: Node) {
        report.count("aws:TransitGatewayVpcAttachment") { $0.seen += 1 }
        do {
            try n.requireObject()
            pending.vpcAttachments.append(try AWSTransitGatewayDecoders.attachment(n))
        } catch {
            skip("aws:TransitGatewayVpcAttachment", n, error)
        }
    }

    mutating func addRouteSearch(_ items: [Node], file: String) {
        let routes = decodeEach(items, kind: "aws:TransitGatewayRoute", decode: AWSTransitGatewayDecoders.route)
        pending.routeSearches.append(.init(tableHint: routeTableHint(in: file), routes: routes, file: file))
    }

    mutating func addPropagations(_ items: [Node], file: String) {
        let list = decodeEach(
            items, kind: "aws:TransitGatewayPropagation", decode: AWSTransitGatewayDecoders.propagation)
        pending.propagations.append(.init(tableHint: routeTableHint(in: file), items: list, file: file))
    }

    /// Decodes each item of a list whose owner is resolved later, counting and skipping as `add` does.
    private mutating func decodeEach<T>(_ items: [Node], kind: String, decode: (Node) throws(DecodeError) -> T) -> [T] {
        var decoded: [T] = []
        for n in items {
            report.count(kind) { $0.seen += 1 }
            do {
                try n.requireObject()
                decoded.append(try decode(n))
                report.count(kind) { $0.loaded += 1 }
            } catch { skip(kind, n, error) }
        }
        return decoded
    }

    mutating func addRouterStatus(_ n: Node, file: String) {
        report.count("gcp:compute#routerStatusResponse") { $0.seen += 1 }
        do {
            pending.routerStatuses.append(.init(status: try GCPVPNDecoders.routerStatus(n), file: file))
            report.count("gcp:compute#routerStatusResponse") { $0.loaded += 1 }
        } catch { skip("gcp:compute#routerStatusResponse", n, error) }
    }

    /// Resolves everything that needed the whole input.
    mutating func resolvePending() {
        resolveVpcAttachments()
        resolveRouteTables()
        resolveRouterStatuses()
        SharedVPCReader.resolve(&self)
    }

    private mutating func resolveVpcAttachments() {
        var index = [String: Int](minimumCapacity: parts.tgwAttachments.count + pending.vpcAttachments.count)
        for (i, a) in parts.tgwAttachments.enumerated() { index[a.id] = i }
        for detail in pending.vpcAttachments {
            if let i = index[detail.id] {
                if parts.tgwAttachments[i].subnetIds.isEmpty { parts.tgwAttachments[i].subnetIds = detail.subnetIds }
                report.count("aws:TransitGatewayVpcAttachment") { $0.duplicates += 1 }
            } else {
                index[detail.id] = parts.tgwAttachments.count
                parts.tgwAttachments.append(detail)
                report.count("aws:TransitGatewayVpcAttachment") { $0.loaded += 1 }
            }
        }
    }

    private mutating func resolveRouteTables() {
        let known = Set(parts.tgwRouteTables.map(\.id))
        func table(for hint: String?, file: String, what: String) -> String {
            if let hint { return hint }
            if known.count == 1, let only = known.first { return only }
            report.notes.append(
                LoadMessage(
                    file: file, path: nil,
                    text:
                        "\(what) does not say which route table it is for and \(known.count) tables are known; "
                        + "put the route table ID in the file name (…-tgw-rtb-0abc….json)"))
            return "tgw-rtb-unknown"
        }
        // A table's routes and propagations are read once each: two exports of the same table
        // (a copy of the file) do not double them.
        // Each search's routes go into its table's list at once (not looked up route by route).
        var routeKeys: [String: Set<RouteKey>] = [:]
        // Each table's first route to a destination (its position) and the file it came from: a
        // route to the same destination that differs, in a later file, is a conflict (another
        // snapshot of the table), not a second route.
        var firstRoutes: [String: [String: (index: Int, file: String)]] = [:]
        for search in pending.routeSearches {
            let id = table(for: search.tableHint, file: search.file, what: "route search")
            var keys = routeKeys.removeValue(forKey: id) ?? []
            var routes = parts.tgwRoutesByTable.removeValue(forKey: id) ?? []
            var first = firstRoutes.removeValue(forKey: id) ?? [:]
            routes.reserveCapacity(routes.count + search.routes.count)
            first.reserveCapacity(first.count + search.routes.count)
            var duplicates = 0
            for route in search.routes {
                // One lookup for a destination not seen before (the usual case): the route is new.
                let destination = route.destinationText
                guard let earlier = first.updateValue((routes.count, search.file), forKey: destination) else {
                    routes.append(route)
                    continue
                }
                first[destination] = earlier
                if earlier.file != search.file {
                    duplicates += 1
                    if let conflict = Self.conflict(
                        "aws:TransitGatewayRoute", "\(id) \(destination)", routes[earlier.index], route)
                    {
                        report.addConflict(conflict)
                    }
                    continue
                }
                // A destination repeated in one file: an identical route is a copy, a different
                // one a second route. Only such destinations' routes are keyed (the first of them
                // when the repeat is met).
                keys.insert(RouteKey(routes[earlier.index]))
                if keys.insert(RouteKey(route)).inserted {
                    routes.append(route)
                } else {
                    duplicates += 1
                }
            }
            routeKeys[id] = keys
            firstRoutes[id] = first
            // A table gets a list only when it has a route (an empty search adds no table).
            if !routes.isEmpty { parts.tgwRoutesByTable[id] = routes }
            if duplicates > 0 {
                report.count("aws:TransitGatewayRoute") {
                    $0.loaded -= duplicates
                    $0.duplicates += duplicates
                }
            }
        }
        var propagationKeys: [String: Set<String>] = [:]
        for list in pending.propagations {
            let id = table(for: list.tableHint, file: list.file, what: "propagation list")
            for item in list.items {
                if propagationKeys[id, default: []].insert(item.attachmentId).inserted {
                    parts.tgwPropagationsByTable[id, default: []].append(item)
                } else {
                    report.count("aws:TransitGatewayPropagation") {
                        $0.loaded -= 1
                        $0.duplicates += 1
                    }
                }
            }
        }
    }

    /// A router status belongs to the router whose BGP peers have the same names (same network).
    private mutating func resolveRouterStatuses() {
        var byPeer: [String: [Int]] = [:]
        for (i, router) in parts.cloudRouters.enumerated() {
            for peer in router.bgpPeers { byPeer[peer.name, default: []].append(i) }
        }
        var statusFiles: [Int: String] = [:]
        for pending in pending.routerStatuses {
            let status = pending.status
            var votes: [Int: Int] = [:]
            for name in status.peers.keys { for i in byPeer[name] ?? [] { votes[i, default: 0] += 1 } }
            let candidates = votes.filter { i, _ in
                status.network == nil || parts.cloudRouters[i].network == nil
                    || parts.cloudRouters[i].network == status.network
            }
            let byName = parts.cloudRouters.indices.filter { pending.file.contains(parts.cloudRouters[$0].name) }
            guard
                let best = candidates.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
                    ?? (byName.count == 1 ? byName[0] : nil)
            else {
                let text =
                    status.peers.isEmpty
                    ? "router status lists no BGP peers (a router without BGP sessions, such as a NAT-only router?), "
                        + "and the file name names no exported router, so it is not matched to one; "
                        + "name the file after the router (routers-get-status-ROUTER.json) and export `routers list` too"
                    : "router status matches no exported router (its BGP peers: \(status.peers.keys.sorted().prefix(5).map(Node.shownKey).joined(separator: ", "))\(status.peers.count > 5 ? " … and \(status.peers.count - 5) more" : "")); export `routers list` too"
                report.notes.append(LoadMessage(file: pending.file, path: status.source.path, text: text))
                continue
            }
            // One status per router: a second one (an older copy?) would double its routes.
            if let first = statusFiles[best] {
                report.notes.append(
                    LoadMessage(
                        file: pending.file, path: status.source.path,
                        text:
                            "a second status for router \(parts.cloudRouters[best].name) (the first is in \(first)); not used"
                    ))
                continue
            }
            statusFiles[best] = pending.file
            parts.cloudRouters[best].hasStatus = true
            parts.cloudRouters[best].bestRoutes += status.bestRoutes
            for p in parts.cloudRouters[best].bgpPeers.indices {
                if let s = status.peers[parts.cloudRouters[best].bgpPeers[p].name] {
                    parts.cloudRouters[best].bgpPeers[p].status = s
                }
            }
        }
    }
}

/// What makes two TGW routes of one table the same route (a missing type, state or ID counts as
/// empty text): its destination as written, type, state and targets' attachment and resource.
private struct RouteKey: Hashable {
    let destination: String
    let type: String
    let state: String
    let targets: [Target]

    struct Target: Hashable {
        let attachment: String
        let resource: String
    }

    init(_ route: TGWRoute) {
        destination = route.destinationText
        type = route.type ?? ""
        state = route.state ?? ""
        targets = route.targets.map { Target(attachment: $0.attachmentId ?? "", resource: $0.resourceId ?? "") }
    }
}
