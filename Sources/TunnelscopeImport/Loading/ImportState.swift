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
    /// Each kind's keys read so far, with the position of the copy kept in its `parts` array.
    /// (Keys carry their hashes: merging a file's keys does not hash them again.)
    private var seenKeys: [String: [HashedKey: Int]] = [:]
    /// Documents whose owner is not in the document itself (Shared VPC lists, route searches).
    var pending = PendingDocuments()
    /// What `add` stored, by kind: each item's key and position, to merge into another state.
    private var stored: [String: Stored] = [:]

    private struct Stored {
        var items: [(key: HashedKey, index: Int)] = []
        /// Appends the items at the given positions of `from`'s array to `into`'s.
        let move: (_ into: inout ModelParts, _ from: ModelParts, _ positions: [Int]) -> Void
        /// How many items of this kind `parts` holds.
        let count: (_ parts: ModelParts) -> Int
        /// The conflict between the kept copy at `keptAt` in `kept` and the copy at `otherAt` in
        /// `other`; nil when they say the same.
        let conflict:
            (_ kind: String, _ key: String, _ kept: ModelParts, _ keptAt: Int, _ other: ModelParts, _ otherAt: Int) ->
                DuplicateConflict?
    }

    /// Decodes one resource and stores it, or records why it was skipped (`addAll` of one item).
    mutating func add<T: SourcedResource>(
        _ kind: String, _ node: Node, into keyPath: WritableKeyPath<ModelParts, [T]>,
        key: (T) -> String, decode: (Node) throws(DecodeError) -> T
    ) {
        addAll(kind, [node], into: keyPath, key: key, decode: decode)
    }

    /// Decodes the resources of one list and stores them, or records why each was skipped. A
    /// second copy of a resource already read is counted as a duplicate; when its contents differ,
    /// the report lists the conflict (the first copy stays). The kind's table of keys, its stored
    /// items and its array are taken out once for the list (not looked up by kind for every item),
    /// and the list is counted once.
    mutating func addAll<T: SourcedResource>(
        _ kind: String, _ nodes: [Node], into keyPath: WritableKeyPath<ModelParts, [T]>,
        key: (T) -> String, decode: (Node) throws(DecodeError) -> T
    ) {
        guard !nodes.isEmpty else { return }
        var table = seenKeys.removeValue(forKey: kind) ?? [:]
        table.reserveCapacity(table.count + nodes.count)
        let hadStored = stored[kind] != nil
        var kept = stored.removeValue(forKey: kind) ?? Self.stored(keyPath)
        var array = parts[keyPath: keyPath]
        parts[keyPath: keyPath] = []
        var loaded = 0
        var duplicates = 0
        for node in nodes {
            do {
                try node.requireObject()
                let item = try decode(node)
                let k = HashedKey(key(item))
                if let first = table.updateValue(array.count, forKey: k) {
                    table[k] = first
                    duplicates += 1
                    if let conflict = Self.conflict(kind, k.text, array[first], item) { report.addConflict(conflict) }
                } else {
                    kept.items.append((k, array.count))
                    array.append(item)
                    loaded += 1
                }
            } catch {
                skip(kind, node, error)
            }
        }
        parts[keyPath: keyPath] = array
        seenKeys[kind] = table
        if hadStored || !kept.items.isEmpty { stored[kind] = kept }
        report.count(kind) {
            $0.seen += nodes.count
            $0.loaded += loaded
            $0.duplicates += duplicates
        }
    }

    /// How `merge` moves and compares the items of one kind.
    private static func stored<T: SourcedResource>(_ keyPath: WritableKeyPath<ModelParts, [T]>) -> Stored {
        Stored(
            move: { into, from, positions in
                // The arrays are taken out once (not projected through the key path per item).
                var target = into[keyPath: keyPath]
                into[keyPath: keyPath] = []
                let source = from[keyPath: keyPath]
                if positions.count == source.count, target.isEmpty {
                    // All of them into nothing: the array itself is taken (its items are not copied).
                    target = source
                } else if positions.count == source.count {
                    target.append(contentsOf: source)
                } else {
                    target.reserveCapacity(target.count + positions.count)
                    for i in positions { target.append(source[i]) }
                }
                into[keyPath: keyPath] = target
            },
            count: { $0[keyPath: keyPath].count },
            conflict: { kind, key, kept, keptAt, other, otherAt in
                conflict(kind, key, kept[keyPath: keyPath][keptAt], other[keyPath: keyPath][otherAt])
            })
    }

    /// The conflict between two copies of one resource (nil when they say the same).
    static func conflict<T: SourcedResource>(_ kind: String, _ key: String, _ kept: T, _ other: T)
        -> DuplicateConflict?
    {
        guard let fields = DuplicateFields.differences(kept, other) else { return nil }
        let shown = Array(fields.prefix(DuplicateConflict.maxFields))
        return DuplicateConflict(
            kind: kind, id: key, kept: .init(file: kept.source.file, path: kept.source.path),
            dropped: .init(file: other.source.file, path: other.source.path), fields: shown,
            moreFields: fields.count - shown.count)
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
    /// Adds what `later` decoded: its resources not already here (a copy is counted as a
    /// duplicate, as it would have been read after these; a copy that differs from the one kept
    /// is listed as a conflict), its pending documents, annotations, report lines and
    /// provenance, in order.
    mutating func merge(_ later: ImportState) {
        for (kind, count) in later.report.kinds {
            report.count(kind) {
                $0.seen += count.seen
                $0.loaded += count.loaded
                $0.duplicates += count.duplicates
                $0.skipped += count.skipped
                $0.conflicting += count.conflicting
            }
        }
        for conflict in later.report.conflictList { report.list(conflict) }
        // Kind by kind in a fixed order: the conflicts a file adds are listed the same way in every run.
        for (kind, items) in later.stored.sorted(by: { $0.key < $1.key }) {
            let base = items.count(parts)
            // (Only when the kind is all of the file's array: then its keys' positions are the array's.)
            if base == 0, seenKeys[kind]?.isEmpty ?? true, let keys = later.seenKeys[kind],
                items.items.count == items.count(later.parts)
            {
                // The first file with this kind: nothing here can be a copy of its items, so they
                // are kept as they are, and its table of keys becomes this one's (not built again
                // key by key); room is made only when later files have more of the kind.
                seenKeys[kind] = keys
                if let expected = expectedKeys[kind], expected > keys.count {
                    seenKeys[kind]!.reserveCapacity(expected)
                }
                items.move(&parts, later.parts, items.items.map(\.index))
                continue
            }
            var keep: [Int] = []
            keep.reserveCapacity(items.items.count)
            // The kind's table is taken out for the loop (not looked up by kind for every key),
            // and the copies are counted once at the end.
            var table = seenKeys.removeValue(forKey: kind) ?? [:]
            var duplicates = 0
            for (key, index) in items.items {
                if let first = table.updateValue(base + keep.count, forKey: key) {
                    table[key] = first
                    duplicates += 1
                    if let conflict = items.conflict(kind, key.text, parts, first, later.parts, index) {
                        report.addConflict(conflict)
                    }
                } else {
                    keep.append(index)
                }
            }
            seenKeys[kind] = table
            if duplicates > 0 {
                report.count(kind) {
                    $0.loaded -= duplicates
                    $0.duplicates += duplicates
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
        report.provenance.merge(later.report.provenance)
    }

    /// How many keys of each kind the files to merge hold (`reserve(for:)`).
    private var expectedKeys: [String: Int] = [:]

    /// Makes room for the keys of every file's resources at once (not set by set, file by file):
    /// the first file with a kind brings its table, which is grown once if later files add to it.
    mutating func reserve(for files: [ImportState]) {
        for file in files { for (kind, stored) in file.stored { expectedKeys[kind, default: 0] += stored.items.count } }
    }

    /// `aws:VpnConnection` → `VPN connection`.
    static func readable(_ kind: String) -> String {
        kind.split(separator: ":").last.map(String.init) ?? kind
    }
}
