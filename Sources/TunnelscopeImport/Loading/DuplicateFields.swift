import TunnelscopeModel

/// A resource that knows where it was read from. Two copies of one resource are the same when
/// they are equal but for where they were read (`DuplicateFields.differences`).
protocol SourcedResource: Hashable {
    var source: SourceRef { get set }
}

extension TransitGateway: SourcedResource {}
extension TGWAttachment: SourcedResource {}
extension TGWRouteTable: SourcedResource {}
extension VPNConnection: SourcedResource {}
extension CustomerGateway: SourcedResource {}
extension VPNGateway: SourcedResource {}
extension AWSVpc: SourcedResource {}
extension AWSSubnet: SourcedResource {}
extension AWSRouteTable: SourcedResource {}
extension AWSVpcPeering: SourcedResource {}
extension DirectConnectGateway: SourcedResource {}
extension DirectConnectVirtualInterface: SourcedResource {}
extension GCPVPNTunnel: SourcedResource {}
extension HAVPNGateway: SourcedResource {}
extension ExternalVPNGateway: SourcedResource {}
extension CloudRouter: SourcedResource {}
extension GCPRoute: SourcedResource {}
extension GCPNetwork: SourcedResource {}
extension GCPSubnet: SourcedResource {}
extension RedisInstance: SourcedResource {}
extension TGWRoute: SourcedResource {}

/// The fields in which two copies of one resource differ, by the model's field names
/// (`transitGatewayId`, `tunnels[1].status`, `tags[Name]`), with each copy's value.
///
/// Cheap when the copies are the same (the common case: a resource listed by two commands): one
/// equality test of the two values with the first's source. The fields are walked only when that
/// fails, and then `source` fields (where a copy was read, not what it says) are left out at every
/// level.
enum DuplicateFields {
    /// nil when the copies say the same; else the fields that differ (never empty).
    static func differences<T: SourcedResource>(_ kept: T, _ other: T) -> [DuplicateConflict.Field]? {
        var same = other
        same.source = kept.source
        if same == kept { return nil }
        let a = flatten(kept)
        let b = flatten(other)
        let byName = Dictionary(b, uniquingKeysWith: { first, _ in first })
        let keptNames = Set(a.map(\.0))
        var fields: [DuplicateConflict.Field] = []
        for (name, value) in a where byName[name] != value {
            fields.append(.init(name: name, kept: value, dropped: byName[name] ?? none))
        }
        for (name, value) in b where !keptNames.contains(name) {
            fields.append(.init(name: name, kept: none, dropped: value))
        }
        return fields.isEmpty ? nil : fields
    }

    static let none = "none"

    /// Field names whose values are secrets: never shown, only said to differ. (Pre-shared keys
    /// are dropped when the exports are read; this keeps any such field out all the same.)
    static func isSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("secret") || lower.contains("presharedkey") || lower.contains("psk")
            || lower.contains("password")
    }

    /// Every leaf value of a resource by its path, in field order.
    static func flatten(_ value: Any) -> [(String, String)] {
        var out: [(String, String)] = []
        walk(value, path: "", into: &out)
        return out
    }

    private static func walk(_ value: Any, path: String, into out: inout [(String, String)]) {
        if isSecret(path) {
            out.append((path, "(secret, not shown)"))
            return
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first?.value {
                walk(wrapped, path: path, into: &out)
            } else {
                out.append((path, none))
            }
            return
        }
        if let text = value as? String {
            out.append((path, Node.quoted(text)))
            return
        }
        let style = mirror.displayStyle
        if style != .collection, style != .set, style != .dictionary, let described = value as? CustomStringConvertible
        {
            out.append((path, described.description))
            return
        }
        switch style {
        case .collection, .set:
            // A list of plain values is one field (`staticRoutes: [10.0.0.0/16, 10.1.0.0/16]`).
            let items = mirror.children.map { flatten($0.value) }
            if items.allSatisfy({ $0.count == 1 && $0[0].0.isEmpty }) {
                out.append((path, "[" + items.map { $0[0].1 }.joined(separator: ", ") + "]"))
                return
            }
            for (i, item) in items.enumerated() {
                for (name, text) in item {
                    out.append(
                        (name.isEmpty || name.hasPrefix("[") ? "\(path)[\(i)]\(name)" : "\(path)[\(i)].\(name)", text))
                }
            }
        case .dictionary:
            var pairs: [(String, Any)] = []
            for pair in mirror.children {
                let parts = Array(Mirror(reflecting: pair.value).children)
                if parts.count == 2 { pairs.append(("\(parts[0].value)", parts[1].value)) }
            }
            if pairs.isEmpty { out.append((path, "[:]")) }
            for (key, item) in pairs.sorted(by: { $0.0 < $1.0 }) { walk(item, path: "\(path)[\(key)]", into: &out) }
        case .struct, .class, .tuple:
            let children = Array(mirror.children)
            // Tags: keys and values alternating in one array.
            if children.count == 1, children[0].label == "pairs", let pairs = children[0].value as? [String] {
                if pairs.isEmpty { out.append((path, "[:]")) }
                for i in stride(from: 0, to: pairs.count - 1, by: 2) {
                    walk(pairs[i + 1], path: "\(path)[\(pairs[i])]", into: &out)
                }
                return
            }
            if children.isEmpty {
                out.append((path, "\(value)"))
                return
            }
            for (i, child) in children.enumerated() {
                let label = child.label.map(fieldName) ?? "\(i)"
                if label == "source" || label == "sources" { continue }
                walk(child.value, path: path.isEmpty ? label : "\(path).\(label)", into: &out)
            }
        default:
            out.append((path, "\(value)"))
        }
    }

    /// The stored name as the model shows it (`tagList` is the resource's `tags`).
    private static func fieldName(_ label: String) -> String {
        label == "tagList" ? "tags" : label
    }
}
