import TunnelscopeModel

/// One element of the network as every lookup knows it: a typed ID, the name shown for it, the
/// other names it answers to, and the addresses it stands for (for `path` and search).
public struct DirectoryEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case tunnel
        case vpnConnection = "vpn-connection"
        case customerGateway = "customer-gateway"
        case transitGateway = "transit-gateway"
        case vpnGateway = "vpn-gateway"
        case vpc
        case site
        case subnet
        case haGateway = "ha-gateway"
        case haInterface = "ha-interface"
        case peerGateway = "peer-gateway"
        case peerInterface = "peer-interface"
        case cloudRouter = "cloud-router"
        case bgpSession = "bgp-session"
        case gcpNetwork = "gcp-network"
        case gcpSubnet = "gcp-subnet"
        case redis = "memorystore"
        case directConnectGateway = "direct-connect-gateway"
        case virtualInterface = "virtual-interface"
        case tgwAttachment = "tgw-attachment"
        case tgwRouteTable = "tgw-route-table"
        case routeTable = "route-table"
        case vpcPeering = "vpc-peering"
        case gcpPeering = "gcp-peering"
        case project = "gcp-project"

        /// Order of preference when one name fits several elements.
        var order: Int { Self.allCases.firstIndex(of: self)! }

        public var title: String {
            switch self {
            case .tunnel: "tunnel"
            case .vpnConnection: "VPN connection"
            case .customerGateway: "customer gateway"
            case .transitGateway: "Transit Gateway"
            case .vpnGateway: "virtual private gateway"
            case .tgwAttachment: "TGW attachment"
            case .tgwRouteTable: "TGW route table"
            case .directConnectGateway: "Direct Connect gateway"
            case .virtualInterface: "Direct Connect virtual interface"
            case .vpc: "AWS VPC"
            case .subnet: "AWS subnet"
            case .routeTable: "route table"
            case .vpcPeering: "VPC peering"
            case .haGateway: "HA VPN gateway"
            case .haInterface: "HA VPN interface"
            case .peerGateway: "peer VPN gateway"
            case .peerInterface: "peer gateway interface"
            case .cloudRouter: "Cloud Router"
            case .bgpSession: "BGP session"
            case .gcpNetwork: "GCP network"
            case .gcpSubnet: "GCP subnet"
            case .gcpPeering: "GCP VPC peering"
            case .redis: "Memorystore instance"
            case .site: "on-prem site"
            case .project: "GCP project"
            }
        }
    }

    public let id: String
    public let kind: Kind
    /// The name shown for it: its label or Name tag, else its ID.
    public let name: String
    /// Other names it answers to (Name tags, GCP names, IPs, `gateway#if0`, alternative IDs).
    public let aliases: [String]
    /// The address ranges it stands for as a path end (VPC CIDRs, subnet ranges, site ranges …).
    public let ranges: [CIDR]
    /// Its own addresses (outside IPs, interface IPs, inside addresses), for search.
    public let ips: [IPv4Address]

    /// `AWS VPC Payments (vpc-0a11…)`.
    public var label: String {
        switch kind {
        case .tunnel: return name
        case .haGateway, .haInterface, .peerGateway, .peerInterface, .cloudRouter, .bgpSession, .gcpNetwork, .gcpSubnet,
            .gcpPeering, .site, .project, .redis:
            return "\(kind.title) \(name)"
        default:
            return name == id ? "\(kind.title) \(id)" : "\(kind.title) \(name) (\(id))"
        }
    }
}

/// The answer to "which element does this text name?"
public enum DirectoryMatch: Sendable, Equatable, CustomStringConvertible {
    case found(DirectoryEntry)
    case ambiguous(query: String, candidates: [DirectoryEntry])
    case unknown(query: String, suggestions: [String])

    public var entry: DirectoryEntry? { if case .found(let e) = self { e } else { nil } }

    public var description: String {
        switch self {
        case .found(let e): e.label
        case .ambiguous(let query, let candidates):
            "\"\(query)\" is ambiguous; it names \(plural(candidates.count, "element")): "
                + candidates.prefix(8).map { "\($0.id) (\($0.kind.title))" }.joined(separator: ", ")
                + (candidates.count > 8 ? " and \(candidates.count - 8) more" : "") + ". Use the full ID."
        case .unknown(let query, let suggestions):
            "\"\(query)\" names nothing in this network"
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
        }
    }
}

/// Every element of the model, built once: typed IDs, display names and aliases. Search,
/// `--select`, `--fail`, `:fail`, `:path` and `path` all resolve names here, so anything shown
/// anywhere can be named the way it is shown.
///
/// Resolution order: exact ID; an alias or display name (case-insensitive; a GCP URL in any form;
/// an IP); a unique prefix of an ID, then of a name or alias, then of a word inside a name ("osaka"
/// finds "Branch office Osaka"); at least 3 characters, case-insensitive. Several elements that
/// fit are reported as ambiguous with their IDs, never picked silently.
public struct ElementDirectory: Sendable {
    public private(set) var entries: [DirectoryEntry] = []
    private var byId: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]
    /// Lower-cased names and IDs, sorted, for prefix lookups.
    private var sortedKeys: [(key: String, entry: Int)] = []
    /// Lower-cased names from each later word on, sorted: a prefix of a word inside a name.
    private var sortedWords: [(key: String, entry: Int)] = []
    /// Lower-cased IDs, sorted: a unique ID prefix wins over names.
    private var sortedIds: [(key: String, entry: Int)] = []
    private static let separators: Set<Character> = [" ", "-", "_", "/", ".", "(", ")", "#", ":"]

    init(index: ModelIndex) {
        let model = index.model
        var entries: [DirectoryEntry] = []
        func add(
            _ kind: DirectoryEntry.Kind, _ id: String, name: String?, aliases: [String?] = [], ranges: [CIDR?] = [],
            ips: [IPv4Address?] = []
        ) {
            let shown = name.flatMap { $0.isEmpty ? nil : $0 } ?? id
            entries.append(
                DirectoryEntry(
                    id: id, kind: kind, name: shown,
                    aliases: Array(Set(aliases.compactMap { $0 }.filter { !$0.isEmpty && $0 != id })).sorted(),
                    ranges: ranges.compactMap { $0?.normalized }, ips: ips.compactMap { $0 }))
        }
        func label(_ id: String, _ name: String?) -> String? { model.labels[id] ?? name }

        for (t, tunnel) in model.tunnels.enumerated() {
            add(
                .tunnel, tunnel.id, name: index.tunnelName(t),
                aliases: [
                    tunnel.outsideIp?.description, tunnel.gcp?.tunnel.ref.id, tunnel.gcp?.tunnel.name,
                    tunnel.gcp?.tunnel.ref.description,
                    tunnel.aws.map { "\($0.vpnConnectionId)#\($0.tunnelNumber)" },
                    tunnel.aws.map { "\(index.connectionShortName($0.vpnConnectionId)) #\($0.tunnelNumber)" },
                ],
                ranges: [tunnel.aws?.tunnel.insideCidr],
                ips: [
                    tunnel.outsideIp, tunnel.aws?.tunnel.awsInsideIp, tunnel.aws?.tunnel.customerInsideIp,
                    tunnel.gcp?.haInterfaceIp,
                ])
        }
        for c in model.vpnConnections {
            let site = c.customerGatewayId.flatMap { index.siteByCustomerGateway[$0] }.map { model.onPremSites[$0] }
            add(.vpnConnection, c.id, name: label(c.id, c.name), aliases: [c.name], ranges: site?.addressRanges ?? [])
        }
        for g in model.customerGateways {
            add(.customerGateway, g.id, name: label(g.id, g.name), aliases: [g.name], ips: [g.ipAddress])
        }
        for g in model.transitGateways { add(.transitGateway, g.id, name: label(g.id, g.name), aliases: [g.name]) }
        for g in model.vpnGateways { add(.vpnGateway, g.id, name: label(g.id, g.name), aliases: [g.name]) }
        for a in model.tgwAttachments
        where !(a.resourceType == "vpn" && a.resourceId.map { model.vpnConnectionIndex[$0] != nil } == true) {
            add(.tgwAttachment, a.id, name: label(a.id, a.name), aliases: [a.name])
        }
        for r in model.tgwRouteTables { add(.tgwRouteTable, r.id, name: label(r.id, r.name), aliases: [r.name]) }
        for d in model.directConnectGateways {
            add(.directConnectGateway, d.id, name: label(d.id, d.name), aliases: [d.name])
        }
        for v in model.virtualInterfaces { add(.virtualInterface, v.id, name: label(v.id, v.name), aliases: [v.name]) }
        for v in model.vpcs {
            add(.vpc, v.id, name: label(v.id, v.name), aliases: [v.name, model.labels[v.id]], ranges: v.cidrs)
        }
        for s in model.subnets { add(.subnet, s.id, name: label(s.id, s.name), aliases: [s.name], ranges: [s.cidr]) }
        for r in model.routeTables {
            add(.routeTable, r.id, name: label(r.id, r.tags["Name"]), aliases: [r.tags["Name"]])
        }
        for p in model.vpcPeerings {
            add(.vpcPeering, p.id, name: label(p.id, p.tags["Name"]), aliases: [p.tags["Name"]])
        }
        for g in model.haVpnGateways {
            add(.haGateway, g.ref.id, name: label(g.ref.id, g.name), aliases: [g.name, g.ref.description])
            for i in g.interfaces {
                let id = g.ref.interfaceID(i.id)
                add(
                    .haInterface, id, name: index.interfaceName(id),
                    aliases: ["\(g.name)#if\(i.id)", i.ipAddress?.description], ips: [i.ipAddress])
            }
        }
        for g in model.externalVpnGateways {
            add(.peerGateway, g.ref.id, name: label(g.ref.id, g.name), aliases: [g.name, g.ref.description])
            for i in g.interfaces {
                let id = g.ref.interfaceID(i.id)
                add(
                    .peerInterface, id, name: index.interfaceName(id), aliases: ["\(g.name)#if\(i.id)"],
                    ips: [i.ipAddress])
            }
        }
        for r in model.cloudRouters {
            add(.cloudRouter, r.ref.id, name: label(r.ref.id, r.name), aliases: [r.name, r.ref.description])
            for p in r.bgpPeers {
                add(
                    .bgpSession, "\(r.ref.id)/bgpPeers/\(p.name)", name: "\(p.name) on \(r.name)",
                    aliases: [p.name, "\(r.name)/\(p.name)"],
                    ips: [p.ipAddress, p.peerIpAddress])
            }
        }
        for n in model.gcpNetworks {
            let subnets = (index.gcpSubnetsByNetwork[n.ref] ?? []).compactMap { model.gcpSubnets[$0].cidr }
            add(
                .gcpNetwork, n.ref.id, name: label(n.ref.id, "\(n.ref.project)/\(n.name)"),
                aliases: [n.name, n.ref.description], ranges: subnets)
            for p in n.peerings { add(.gcpPeering, "\(n.ref.id)/peerings/\(p.name)", name: p.name) }
        }
        for s in model.gcpSubnets {
            add(
                .gcpSubnet, s.ref.id, name: label(s.ref.id, s.name),
                aliases: [s.ref.description] + s.secondaryRanges.map(\.name),
                ranges: [s.cidr] + s.secondaryRanges.map(\.cidr))
        }
        for r in model.redisInstances {
            add(
                .redis, r.id, name: label(r.id, r.displayName ?? r.name), aliases: [r.name, r.displayName],
                ranges: [r.reservedIpRange], ips: [r.host])
        }
        for s in model.onPremSites { add(.site, s.id, name: s.name, ranges: s.addressRanges) }
        for p in model.gcpProjects { add(.project, "project/\(p.id)", name: label(p.id, p.id), aliases: [p.id]) }

        self.entries = entries
        for (i, e) in entries.enumerated() where byId[e.id] == nil { byId[e.id] = i }
        var byName: [String: [Int]] = [:]
        var keys: [(String, Int)] = []
        var words: [(String, Int)] = []
        var ids: [(String, Int)] = []
        for (i, e) in entries.enumerated() {
            var names = Set([e.name.lowercased()])
            for a in e.aliases { names.insert(a.lowercased()) }
            for n in names {
                byName[n, default: []].append(i)
                keys.append((n, i))
                // Each later word of a name starts a key too: "osaka" finds "Branch office Osaka".
                for word in Self.laterWords(n) { words.append((word, i)) }
            }
            ids.append((e.id.lowercased(), i))
        }
        self.byName = byName
        sortedKeys = keys.sorted { $0.0 < $1.0 }.map { (key: $0.0, entry: $0.1) }
        sortedIds = ids.sorted { $0.0 < $1.0 }.map { (key: $0.0, entry: $0.1) }
        sortedWords = words.sorted { $0.0 < $1.0 }.map { (key: $0.0, entry: $0.1) }
    }

    /// The suffixes of `name` that start a later word (after a separator): "office osaka",
    /// "osaka" for "branch office osaka". ASCII names are split by bytes (the separators are
    /// ASCII and every ASCII byte is its own character, but for CR LF, which is no separator);
    /// other names by characters, so that a separator with a combining mark is not one.
    static func laterWords(_ name: String) -> [String] {
        var words: [String] = []
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let utf8 = name.utf8
            var previousIsSeparator = false
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let isSeparator = isASCIISeparator(utf8[index])
                if previousIsSeparator, !isSeparator { words.append(String(name[index...])) }
                previousIsSeparator = isSeparator
                index = utf8.index(after: index)
            }
            return words
        }
        var previous: Character?
        for (offset, ch) in name.enumerated() {
            if let p = previous, separators.contains(p), !separators.contains(ch) {
                words.append(String(name.dropFirst(offset)))
            }
            previous = ch
        }
        return words
    }

    /// `separators`, as bytes.
    private static func isASCIISeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x2D, 0x5F, 0x2F, 0x2E, 0x28, 0x29, 0x23, 0x3A: true
        default: false
        }
    }

    public func entry(_ id: String) -> DirectoryEntry? { byId[id].map { entries[$0] } }

    /// The element a text names. `kinds` limits the candidates (e.g. what can fail, what has addresses).
    public func resolve(_ raw: String, kinds: Set<DirectoryEntry.Kind>? = nil) -> DirectoryMatch {
        let text = raw.trimmedSpaces
        func admitted(_ i: Int) -> Bool { kinds?.contains(entries[i].kind) ?? true }
        if let i = byId[text], admitted(i) { return .found(entries[i]) }
        if text.contains("projects/") {
            let base = text.split(separator: "#").first.map(String.init) ?? text
            if let ref = GCPRef(url: base) {
                let suffix = text.firstIndex(of: "#").map { String(text[$0...]) } ?? ""
                if let i = byId[ref.id + suffix], admitted(i) { return .found(entries[i]) }
                if let named = byName[(ref.id + suffix).lowercased()]?.filter(admitted), !named.isEmpty {
                    return pick(named, query: text)
                }
            }
        }
        let lower = text.lowercased()
        if let exact = byName[lower]?.filter(admitted), !exact.isEmpty { return pick(exact, query: text) }
        guard lower.count >= 3 else { return .unknown(query: text, suggestions: []) }
        // A unique prefix of an ID, name or alias; else of a word inside a name.
        func prefixed(_ keys: [(key: String, entry: Int)]) -> [Int] {
            var lo = 0
            var hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid].key < lower { lo = mid + 1 } else { hi = mid }
            }
            var matches: [Int] = []
            var seen = Set<Int>()
            var k = lo
            while k < keys.count, keys[k].key.hasPrefix(lower) {
                let i = keys[k].entry
                if admitted(i), seen.insert(i).inserted { matches.append(i) }
                k += 1
            }
            return matches
        }
        let ids = prefixed(sortedIds)
        if !ids.isEmpty { return pick(ids, query: text) }
        let matches = prefixed(sortedKeys)
        if !matches.isEmpty { return pick(matches, query: text) }
        let inWords = prefixed(sortedWords)
        if !inWords.isEmpty { return pick(inWords, query: text) }
        var suggestions: [String] = []
        for key in sortedKeys where key.key.contains(lower) && admitted(key.entry) {
            let name = entries[key.entry].id
            if !suggestions.contains(name) { suggestions.append(name) }
            if suggestions.count == 5 { break }
        }
        return .unknown(query: text, suggestions: suggestions)
    }

    /// One element, or the candidates (several keys of the same element count once).
    private func pick(_ indices: [Int], query: String) -> DirectoryMatch {
        let unique = Array(Set(indices)).sorted()
        if unique.count == 1 { return .found(entries[unique[0]]) }
        return .ambiguous(
            query: query,
            candidates: unique.map { entries[$0] }.sorted { ($0.kind.order, $0.id) < ($1.kind.order, $1.id) })
    }
}
