import TunnelscopeModel

extension Node {
    /// A URL field as a resource reference; an unreadable URL is a warning.
    func ref(_ key: String) -> GCPRef? {
        guard let url = string(key), !url.isEmpty else { return nil }
        guard let ref = GCPRef(url: url) else {
            context.warn(path + Node.keyPath(key), "\(Node.quoted(url)) is not a resource URL; ignored")
            return nil
        }
        return ref
    }

    /// The resource's own reference: from `selfLink`, else from `name` and the `region` URL.
    func selfRef(collection: String) throws(DecodeError) -> GCPRef {
        if let link = string("selfLink"), let ref = GCPRef(url: link) { return ref }
        let name = try required("name")
        if let region = string("region"), let scope = gcpProjectAndRegion(fromURL: region) {
            return GCPRef(project: scope.project, region: scope.region, collection: collection, name: name)
        }
        if let network = string("network"), let scope = GCPRef(url: network) {
            return GCPRef(project: scope.project, region: nil, collection: collection, name: name)
        }
        throw DecodeError(path: path, message: "no selfLink, so the project of \(Node.quoted(name)) is unknown")
    }
}
