import TunnelscopeModel

/// The importer's working state: what was decoded so far, what was skipped, and the keys already
/// seen (a resource exported twice, by `list` and by `describe`, loads once).
///
/// Each file is decoded into a state of its own (on any core); the states are then merged in the
/// order of the files, which keeps the first of two copies exactly as reading the files one by one
/// would (`merge(_:)`).
struct ImportState {
    var parts = ModelParts()
    var report = LoadReport()
    private var seenKeys: [String: Set<String>] = [:]
    /// Documents whose owner is not in the document itself (Shared VPC lists, route searches).
    var pending = PendingDocuments()
    /// What `add` stored, by kind: each item's key and position, to merge into another state.
    private var stored: [String: Stored] = [:]

    private struct Stored {
        var items: [(key: String, index: Int)] = []
        /// Appends the items at the given positions of `from`'s array to `into`'s.
        let move: (_ into: inout ModelParts, _ from: ModelParts, _ positions: [Int]) -> Void
    }

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
                if stored[kind] == nil {
                    stored[kind] = Stored { into, from, positions in
                        // The arrays are taken out once (not projected through the key path per item).
                        var target = into[keyPath: keyPath]
                        into[keyPath: keyPath] = []
                        let source = from[keyPath: keyPath]
                        if positions.count == source.count {
                            target.append(contentsOf: source)
                        } else {
                            target.reserveCapacity(target.count + positions.count)
                            for i in positions { target.append(source[i]) }
                        }
                        into[keyPath: keyPath] = target
                    }
                }
                stored[kind]!.items.append((k, parts[keyPath: keyPath].count))
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
        // A file of a million broken items gets a hundred lines and a count, not a million lines.
        guard listedSkips[kind, default: 0] < Self.maxListedSkips else {
            unlistedSkips[kind, default: 0] += 1
            return
        }
        listedSkips[kind, default: 0] += 1
        report.skipped.append(
            LoadMessage(
                file: node.context.file, path: error.path,
                text: "\(Self.readable(kind)) skipped: \(error.message)"))
    }

    /// Skipped resources listed one by one, per kind and file; the rest are counted in one line.
    static let maxListedSkips = 100
    private var listedSkips: [String: Int] = [:]
    private var unlistedSkips: [String: Int] = [:]

    /// One line per kind for the skipped resources of this file that were not listed.
    mutating func summarizeUnlistedSkips(file: String) {
        for (kind, count) in unlistedSkips.sorted(by: { $0.key < $1.key }) {
            report.skipped.append(
                LoadMessage(
                    file: file, path: nil,
                    text:
                        "… and \(count) more \(Self.readable(kind)) skipped in this file (the first \(Self.maxListedSkips) are listed)"
                ))
        }
        unlistedSkips = [:]
    }

    /// Adds what `later` (the state of a later file) decoded. A file's decoders write only the
    /// arrays `add` fills, `siteAnnotations`, `labels`, the pending documents and the report;
    /// what needs every file (`resolvePending`) runs on the merged state.
    ///
    /// Adds what `later` decoded: its resources not already here (a
    /// copy is counted as a duplicate, as it would have been read after these), its pending
    /// documents, annotations and report lines, in order.
    mutating func merge(_ later: ImportState) {
        for (kind, count) in later.report.kinds {
            report.count(kind) {
                $0.seen += count.seen
                $0.loaded += count.loaded
                $0.duplicates += count.duplicates
                $0.skipped += count.skipped
            }
        }
        for (kind, items) in later.stored {
            var keep: [Int] = []
            keep.reserveCapacity(items.items.count)
            for (key, index) in items.items {
                if seenKeys[kind, default: []].insert(key).inserted {
                    keep.append(index)
                } else {
                    report.count(kind) {
                        $0.loaded -= 1
                        $0.duplicates += 1
                    }
                }
            }
            items.move(&parts, later.parts, keep)
        }
        parts.siteAnnotations += later.parts.siteAnnotations
        parts.labels.merge(later.parts.labels) { _, new in new }
        pending.merge(later.pending)
        report.files += later.report.files
        report.skipped += later.report.skipped
        report.warnings += later.report.warnings
        report.notes += later.report.notes
    }

    /// Makes room for the keys of every file's resources at once (not set by set, file by file).
    mutating func reserve(for files: [ImportState]) {
        var counts: [String: Int] = [:]
        for file in files { for (kind, stored) in file.stored { counts[kind, default: 0] += stored.items.count } }
        for (kind, count) in counts { seenKeys[kind, default: []].reserveCapacity(count) }
    }

    /// `aws:VpnConnection` → `VPN connection`.
    static func readable(_ kind: String) -> String {
        kind.split(separator: ":").last.map(String.init) ?? kind
    }
}
