import TunnelscopeAnalysis

/// `diff --format json`: the contract scripts rely on (schemaVersion 1). Fields may be added; none
/// is renamed or removed without a new schemaVersion. Keys are written in sorted order and the
/// arrays in the diff's order (group, kind of element, ID; findings by severity, then key), so the
/// same inputs give the same bytes. A value a snapshot does not export is `null`.
struct DiffJSON {
    static let schemaVersion = 1
    let report: DiffReport

    init(_ report: DiffReport) { self.report = report }

    func render() -> String { String(decoding: renderBytes(), as: UTF8.self) }

    /// The document as UTF-8, its strings sanitised as they are written.
    func renderBytes() -> [UInt8] {
        var json = PrettyJSON(sanitizing: true)
        json.object { o in
            o.key("after")
            Self.write(report.after, to: &o)
            o.key("before")
            Self.write(report.before, to: &o)
            o.key("changes")
            o.array(report.diff.changes) { Self.write($1, to: &$0) }
            o.key("findings")
            o.array(report.diff.findings) { Self.write($1, to: &$0) }
            o.field("identical", report.diff.isEmpty)
            o.field("schemaVersion", Self.schemaVersion)
            o.key("summary")
            o.array(report.groups.filter { !$0.changes.isEmpty }) { json, entry in
                json.object { g in
                    var counts: [ElementChange.Kind: Int] = [:]
                    for change in entry.changes { counts[change.kind, default: 0] += 1 }
                    g.field("added", counts[.added] ?? 0)
                    g.field("changed", counts[.changed] ?? 0)
                    g.field("group", entry.group.rawValue)
                    g.field("moved", counts[.moved] ?? 0)
                    g.field("notExportedAfter", counts[.notExportedAfter] ?? 0)
                    g.field("notExportedBefore", counts[.notExportedBefore] ?? 0)
                    g.field("removed", counts[.removed] ?? 0)
                }
            }
        }
        return json.bytes
    }

    static func write(_ side: DiffSide, to json: inout PrettyJSON) {
        let report = side.result.report
        json.object { o in
            o.field("files", report.files.count)
            o.field("filesLoaded", report.loadedFiles.count)
            o.field("inputs", side.paths.isEmpty ? [side.result.origin] : side.paths)
            o.field("problems", DiffReport.problems(side))
            o.field("resourcesLoaded", report.resourcesLoaded)
            o.field("resourcesSkipped", report.resourcesSkipped)
        }
    }

    static func write(_ change: ElementChange, to json: inout PrettyJSON) {
        json.object { o in
            o.field("elementKind", change.elementKind.rawValue)
            o.key("fields")
            o.array(change.fields) { json, field in
                json.object { f in
                    f.field("added", field.added)
                    f.key("after")
                    optional(field.after, &f)
                    f.key("before")
                    optional(field.before, &f)
                    f.field("field", field.field)
                    f.field("removed", field.removed)
                    f.field("secret", field.isSecret)
                    f.field("set", field.isSet)
                }
            }
            o.field("group", change.group.rawValue)
            o.field("id", change.id)
            o.field("kind", change.kind.rawValue)
            o.field("label", change.label)
            o.key("movedFrom")
            optional(change.movedFrom, &o)
            o.key("movedTo")
            optional(change.movedTo, &o)
            o.key("previousId")
            optional(change.previousID, &o)
        }
    }

    static func write(_ change: FindingChange, to json: inout PrettyJSON) {
        json.object { o in
            o.key("after")
            write(change.after, to: &o)
            o.key("before")
            write(change.before, to: &o)
            o.field("key", change.key)
            o.field("kind", change.kind.rawValue)
            o.field("resources", change.resources)
            o.field("rule", change.rule)
        }
    }

    static func write(_ finding: Finding?, to json: inout PrettyJSON) {
        guard let finding else { return json.null() }
        json.object { o in
            o.field("message", finding.message)
            o.field("severity", finding.severity.rawValue)
        }
    }

    static func optional(_ value: String?, _ json: inout PrettyJSON) {
        if let value { json.string(value) } else { json.null() }
    }
}
