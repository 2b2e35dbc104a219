import TunnelscopeModel

/// Tunnelscope's own small annotations file (see README): names on-prem sites and their ranges,
/// and labels any resource by ID.
///
///     {"tunnelscopeAnnotations": 1,
///      "sites": [{"name": "Frankfurt DC", "cidrs": ["172.16.0.0/16"],
///                 "customerGatewayIps": ["198.51.100.10"], "customerGatewayIds": [],
///                 "directConnectGatewayIds": ["5f3c…"], "note": "…"}],
///      "labels": {"vpc-0a11…": "Payments"}}
enum AnnotationsReader {
    static func read(_ root: Node, into state: inout ImportState) {
        if let version = root.int("tunnelscopeAnnotations"), version != 1 {
            root.context.warn(
                root.path + ".tunnelscopeAnnotations",
                "version \(version) is newer than this tool knows (1); reading what it can")
        }
        for site in root.array("sites") {
            state.report.count("tunnelscope:site") { $0.seen += 1 }
            do {
                try site.requireObject()
                let name = try site.required("name")
                let cidrs = site.strings("cidrs").compactMap { text -> CIDR? in
                    let cidr = CIDR(text)
                    if cidr == nil {
                        site.context.warn(site.path + ".cidrs", "\(Node.quoted(text)) is not an IPv4 CIDR; ignored")
                    }
                    return cidr
                }
                let ips = site.strings("customerGatewayIps").compactMap { text -> IPv4Address? in
                    let ip = IPv4Address(text)
                    if ip == nil {
                        site.context.warn(
                            site.path + ".customerGatewayIps", "\(Node.quoted(text)) is not an IPv4 address; ignored")
                    }
                    return ip
                }
                state.parts.siteAnnotations.append(
                    SiteAnnotation(
                        name: name, cidrs: cidrs, customerGatewayIps: ips,
                        customerGatewayIds: site.strings("customerGatewayIds"),
                        directConnectGatewayIds: site.strings("directConnectGatewayIds"), note: site.string("note"),
                        source: site.source))
                state.report.count("tunnelscope:site") { $0.loaded += 1 }
            } catch {
                state.skip("tunnelscope:site", site, error)
            }
        }
        if let labels = root.object("labels") {
            for (key, value) in labels.members {
                if let text = value.stringValue {
                    state.parts.labels[labels.kept(key, at: value.path)] = labels.kept(text, at: value.path)
                } else {
                    root.context.warn(value.path, "label should be a string; ignored")
                }
            }
        }
    }
}
