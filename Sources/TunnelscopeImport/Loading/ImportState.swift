import TunnelscopeModel

/// The importer's working state across all files: what was decoded so far, what was skipped,
/// and the keys already seen (a resource exported twice, by `list` and by `describe`, loads once).
struct ImportState {
    var parts = ModelParts()
    var report = LoadReport()
    private var seenKeys: [String: Set<String>] = [:]
    /// Documents whose owner is not in the document itself (Shared VPC lists, route searches).
    var pending = PendingDocuments()

    /// Decodes one resource and stores it, or records why it was skipped. Returns true when stored.
    @discardableResult
    mutating func add<T>(
        _ kind: String, _ node: Node, into keyPath: WritableKeyPath<ModelParts, [T]>,
        key: (T) -> String, decode: (Node) throws(DecodeError) -> T
    ) -> Bool {
        report.count(kind) { $0.seen += 1 }
        do {
            try node.requireObject()
            let item = try decode(node)
            let k = key(item)
            if seenKeys[kind, default: []].insert(k).inserted {
                parts[keyPath: keyPath].append(item)
                report.count(kind) { $0.loaded += 1 }
            } else {
                report.count(kind) { $0.duplicates += 1 }
            }
            return true
        } catch {
            skip(kind, node, error)
            return false
        }
    }

    mutating func skip(_ kind: String, _ node: Node, _ error: DecodeError) {
        report.count(kind) { $0.skipped += 1 }
        report.skipped.append(
            LoadMessage(
                file: node.context.file, path: error.path,
                text: "\(Self.readable(kind)) skipped: \(error.message)"))
    }

    /// `aws:VpnConnection` → `VPN connection`.
    static func readable(_ kind: String) -> String {
        kind.split(separator: ":").last.map(String.init) ?? kind
    }
}
