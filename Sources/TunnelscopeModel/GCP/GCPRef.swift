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

    public static func < (lhs: GCPRef, rhs: GCPRef) -> Bool { lhs.description < rhs.description }
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
