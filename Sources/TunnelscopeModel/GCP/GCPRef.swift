/// A reference to a GCP compute resource, read from a selfLink or a partial URL
/// (`https://www.googleapis.com/compute/v1/projects/P/regions/R/vpnTunnels/N`,
/// `projects/P/global/networks/N`, any host, any API version).
public struct GCPRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var project: String
    /// nil for global resources (networks, routes, external VPN gateways).
    public var region: String?
    /// The collection: `vpnTunnels`, `networks`, `routers`, …
    public var collection: String
    public var name: String

    public init(project: String, region: String?, collection: String, name: String) {
        self.project = project
        self.region = region
        self.collection = collection
        self.name = name
    }

    /// Parses any URL that contains `projects/{p}/…/{collection}/{name}`. Returns nil otherwise.
    public init?(url: String) {
        let parts = url.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let p = parts.firstIndex(of: "projects"), p + 1 < parts.count else { return nil }
        let rest = Array(parts[(p + 2)...])
        project = parts[p + 1]
        switch rest.first {
        case "regions", "zones", "locations":
            guard rest.count >= 4 else { return nil }
            region = rest[1]
            collection = rest[2]
            name = rest[3]
        case "global":
            guard rest.count >= 3 else { return nil }
            region = nil
            collection = rest[1]
            name = rest[2]
        default:
            guard rest.count >= 2 else { return nil }
            region = nil
            collection = rest[0]
            name = rest[1]
        }
    }

    /// `project/region/name` (or `project/name` when global): short and unique within a collection.
    public var description: String {
        if let region { return "\(project)/\(region)/\(name)" }
        return "\(project)/\(name)"
    }

    /// The order of the descriptions, without making them: for ASCII text (every real reference)
    /// the descriptions' bytes are compared in place; other text compares its descriptions.
    public static func < (lhs: GCPRef, rhs: GCPRef) -> Bool {
        guard lhs.isASCII, rhs.isASCII else { return lhs.description < rhs.description }
        var left = DescriptionBytes(lhs)
        var right = DescriptionBytes(rhs)
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let l?, let r?): if l != r { return l < r }
            }
        }
    }

    private var isASCII: Bool {
        project.utf8.allSatisfy { $0 < 0x80 } && name.utf8.allSatisfy { $0 < 0x80 }
            && (region?.utf8.allSatisfy { $0 < 0x80 } ?? true)
    }

    /// The bytes of `description` (`project/region/name`, `project/name`), read in place.
    private struct DescriptionBytes: IteratorProtocol {
        private let parts: (String.UTF8View, String.UTF8View?, String.UTF8View)
        private var part = 0
        private var index: String.UTF8View.Index

        init(_ ref: GCPRef) {
            parts = (ref.project.utf8, ref.region?.utf8, ref.name.utf8)
            index = parts.0.startIndex
        }

        private func part(_ n: Int) -> String.UTF8View? { n == 0 ? parts.0 : n == 1 ? parts.1 : parts.2 }

        mutating func next() -> UInt8? {
            guard part < 3, let view = part(part) else { return nil }
            if index < view.endIndex {
                defer { index = view.index(after: index) }
                return view[index]
            }
            // The end of a part: a slash between parts (none after the name; a global
            // reference has no region part).
            part += 1
            while part < 3, part(part) == nil { part += 1 }
            guard part < 3, let next = part(part) else { return nil }
            index = next.startIndex
            return UInt8(ascii: "/")
        }
    }
}

/// The project and region of a regional URL such as a resource's `region` field.
public func gcpProjectAndRegion(fromURL url: String) -> (project: String, region: String?)? {
    let parts = url.split(separator: "/").map(String.init)
    guard let p = parts.firstIndex(of: "projects"), p + 1 < parts.count else { return nil }
    var region: String?
    if let r = parts.firstIndex(of: "regions") ?? parts.firstIndex(of: "locations"), r + 1 < parts.count {
        region = parts[r + 1]
    }
    return (parts[p + 1], region)
}

extension GCPRef {
    /// The resource ID used across Tunnelscope (findings, `--select`, `--fail`): the API's partial
    /// URL, e.g. `projects/net-host-prj/regions/us-east4/vpnTunnels/aws-tunnel-0`.
    public var id: String {
        if let region { return "projects/\(project)/regions/\(region)/\(collection)/\(name)" }
        return "projects/\(project)/global/\(collection)/\(name)"
    }

    /// The ID of one interface of a gateway: `…/vpnGateways/ha-vpn-aws#if0`.
    public func interfaceID(_ index: Int) -> String { "\(id)#if\(index)" }
}

extension RedisInstance {
    public var id: String { "projects/\(project)/locations/\(region)/instances/\(name)" }
}

extension OnPremSite {
    public var id: String { "site/\(name)" }
}
