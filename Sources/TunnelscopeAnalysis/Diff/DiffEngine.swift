import Foundation
import TunnelscopeModel

extension SnapshotFacts {
    /// Everything one analysed snapshot reports, element by element.
    init(analysis: Analysis) {
        let model = analysis.model
        let verdicts = analysis.verdicts
        describeHub(model, verdicts)
        describeConnections(model, verdicts)
        describeTunnels(model, verdicts, analysis.routes)
        describeGCP(model, verdicts)
        describeSharedVPC(model)
        describePeered(model, verdicts)
        describeOnPrem(model, verdicts)
        describeVPCs(model)
    }
}

/// Matches the elements of two snapshots by ID (then, for what has no partner, by a second key
/// such as a VPN connection's outside IPs) and compares their facts. Every lookup is by key.
struct DiffEngine {
    let changes: [ElementChange]

    init(before: Analysis, after: Analysis) {
        // The two snapshots are described at the same time: each is independent of the other.
        let (old, new) = Parallel.run({ SnapshotFacts(analysis: before) }, { SnapshotFacts(analysis: after) })
        var changes: [ElementChange] = []
        var added: [ElementFacts] = []
        for facts in new.elements {
            if let previous = old[facts.id] {
                if let change = Self.compare(previous, facts, label: Self.label(facts, after)) {
                    changes.append(change)
                }
            } else {
                added.append(facts)
            }
        }
        // What has no partner by ID may have one by its second key (same kind).
        var addedByKey: [String: Int] = [:]
        for (i, facts) in added.enumerated() {
            if let key = facts.matchKey, addedByKey[facts.kind.rawValue + "|" + key] == nil {
                addedByKey[facts.kind.rawValue + "|" + key] = i
            }
        }
        var paired = Set<Int>()
        for facts in old.elements where new[facts.id] == nil {
            if let key = facts.matchKey, let i = addedByKey[facts.kind.rawValue + "|" + key], !paired.contains(i) {
                paired.insert(i)
                changes.append(Self.renamed(facts, added[i], label: Self.label(added[i], after)))
            } else {
                let kind: ElementChange.Kind = new.covers(facts) ? .removed : .notExportedAfter
                changes.append(
                    ElementChange(
                        id: facts.id, kind: kind, elementKind: facts.kind, group: facts.group,
                        label: Self.label(facts, before), fields: Self.values(facts, before: true)))
            }
        }
        for (i, facts) in added.enumerated() where !paired.contains(i) {
            let kind: ElementChange.Kind = old.covers(facts) ? .added : .notExportedBefore
            changes.append(
                ElementChange(
                    id: facts.id, kind: kind, elementKind: facts.kind, group: facts.group,
                    label: Self.label(facts, after), fields: Self.values(facts, before: false)))
        }
        self.changes = changes.sorted {
            ($0.group, $0.elementKind.order, $0.id) < ($1.group, $1.elementKind.order, $1.id)
        }
    }

    /// How the directory names the element, else its kind and ID.
    static func label(_ facts: ElementFacts, _ analysis: Analysis) -> String {
        analysis.directory.entry(facts.id)?.label ?? "\(facts.kind.title) \(facts.id)"
    }

    /// What an element present on one side only reports (its one-value fields that are exported),
    /// as changes from or to nothing.
    static func values(_ facts: ElementFacts, before: Bool) -> [FieldChange] {
        facts.fields.compactMap { field in
            guard case .scalar(let value?) = field.value else { return nil }
            return before
                ? FieldChange(field: field.name, before: value, after: nil)
                : FieldChange(field: field.name, before: nil, after: value)
        }
    }

    /// The same element in both snapshots: changed, moved, or nil when every field is the same.
    static func compare(_ old: ElementFacts, _ new: ElementFacts, label: String) -> ElementChange? {
        let fields = fieldChanges(old, new)
        guard !fields.changes.isEmpty else { return nil }
        let move = fields.move
        return ElementChange(
            id: new.id, kind: move == nil ? .changed : .moved, elementKind: new.kind, group: new.group, label: label,
            fields: fields.changes, movedFrom: move?.before ?? move.map { _ in FieldChange.notExported },
            movedTo: move?.after ?? move.map { _ in FieldChange.notExported })
    }

    /// The same element under a new ID (found by its second key): moved from the old ID.
    static func renamed(_ old: ElementFacts, _ new: ElementFacts, label: String) -> ElementChange {
        let fields = fieldChanges(old, new)
        return ElementChange(
            id: new.id, previousID: old.id, kind: .moved, elementKind: new.kind, group: new.group, label: label,
            fields: [FieldChange(field: "ID", before: old.id, after: new.id)] + fields.changes,
            movedFrom: old.id, movedTo: new.id)
    }

    /// The fields that differ, in the order they were described, and the first move among them.
    static func fieldChanges(_ old: ElementFacts, _ new: ElementFacts) -> (changes: [FieldChange], move: FieldChange?) {
        var changes: [FieldChange] = []
        var move: FieldChange?
        var oldByName: [String: ElementFacts.Field] = [:]
        for field in old.fields { oldByName[field.name] = field }
        for field in new.fields {
            guard let previous = oldByName[field.name], previous.value != field.value else { continue }
            let change: FieldChange
            switch (previous.value, field.value) {
            case (.scalar(let a), .scalar(let b)):
                change = FieldChange(field: field.name, before: a, after: b)
            case (.set(let a?), .set(let b?)):
                change = FieldChange(
                    field: field.name, before: count(a), after: count(b), added: b.subtracting(a).sorted(),
                    removed: a.subtracting(b).sorted(), isSet: true)
            case (.set(let a), .set(let b)):
                change = FieldChange(field: field.name, before: a.map(count), after: b.map(count), isSet: true)
            case (.routes(let a), .routes(let b)):
                let (old, new) = (Set(a.map(SnapshotFacts.text(of:))), Set(b.map(SnapshotFacts.text(of:))))
                guard old != new else { continue }  // the same routes in another order
                change = FieldChange(
                    field: field.name, before: count(old), after: count(new), added: new.subtracting(old).sorted(),
                    removed: old.subtracting(new).sorted(), isSet: true)
            case (.secret(let a), .secret(let b)):
                // Never the fingerprint: that the key changed, or that one side does not export it.
                change = FieldChange(
                    field: field.name, before: a.map { _ in FieldChange.secretShown },
                    after: b.map { _ in a == nil ? FieldChange.secretShown : FieldChange.secretChanged }, isSecret: true
                )
            default:
                continue
            }
            if field.moves, move == nil, change.before != nil, change.after != nil { move = change }
            changes.append(change)
        }
        return (changes, move)
    }

    static func count(_ members: Set<String>) -> String {
        members.count == 1 ? "1 entry" : "\(members.count) entries"
    }
}

/// Findings matched by rule and the resources they name (file paths relative to their side's root).
enum FindingDiff {
    static func changes(
        before: [Finding], after: [Finding], beforeRoots: [String] = [], afterRoots: [String] = []
    ) -> [FindingChange] {
        let old = keyed(before, roots: beforeRoots)
        let new = keyed(after, roots: afterRoots)
        var changes: [FindingChange] = []
        for (key, entry) in new {
            let f = entry.finding
            if let previous = old[key] {
                if previous.finding.severity != f.severity || previous.message != entry.message {
                    changes.append(
                        FindingChange(
                            key: key, kind: .changed, rule: f.rule, resources: entry.resources,
                            before: previous.finding, after: f))
                }
            } else {
                changes.append(
                    FindingChange(
                        key: key, kind: .appeared, rule: f.rule, resources: entry.resources, before: nil, after: f))
            }
        }
        for (key, entry) in old where new[key] == nil {
            let f = entry.finding
            changes.append(
                FindingChange(
                    key: key, kind: .cleared, rule: f.rule, resources: entry.resources, before: f, after: nil))
        }
        return changes.sorted { ($0.finding.severity, $0.key) < ($1.finding.severity, $1.key) }
    }

    private struct Entry {
        let finding: Finding
        /// Sorted, relative to the side's root.
        let resources: [String]
        let message: String
    }

    /// Each finding by its key (the first of several with one key).
    private static func keyed(_ findings: [Finding], roots: [String]) -> [String: Entry] {
        let prefixes = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }.filter { $0 != "/" }
            .sorted { $0.count > $1.count }
        func relative(_ text: String) -> String {
            var text = text
            for prefix in prefixes where text.contains(prefix) {
                text = text.replacingOccurrences(of: prefix, with: "")
            }
            return text
        }
        var result: [String: Entry] = [:]
        for f in findings {
            let resources = f.resources.map(relative).sorted()
            let key = f.rule + "|" + resources.joined(separator: ",")
            if result[key] == nil {
                result[key] = Entry(finding: f, resources: resources, message: relative(f.message))
            }
        }
        return result
    }
}
