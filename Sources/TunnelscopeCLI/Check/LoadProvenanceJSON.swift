import TunnelscopeModel

/// `check --format json`'s `load.conflicts`, `load.mixedSnapshots` and `load.provenance` (see
/// README "check --format json"). Times are ISO 8601 UTC; no age is written (it depends on when
/// the document is read), so the document stays the same for the same input.
struct LoadProvenanceJSON {
    let report: LoadReport

    /// `"conflicts": [{"kind", "id", "kept": {"file","path"}, "dropped": {…}, "fields": [{"name","kept","dropped"}], "moreFields"}]`.
    func writeConflicts(to o: inout PrettyJSON) {
        o.key("conflicts")
        o.array(report.conflictList) { json, c in
            json.object { o in
                o.key("dropped")
                Self.place(c.dropped, to: &o)
                o.key("fields")
                o.array(c.fields) { json, f in
                    json.object { o in
                        o.field("dropped", f.dropped)
                        o.field("kept", f.kept)
                        o.field("name", f.name)
                    }
                }
                o.field("id", c.id)
                o.key("kept")
                Self.place(c.kept, to: &o)
                o.field("kind", c.kind)
                o.field("moreFields", c.moreFields)
            }
        }
        o.field("conflictsTotal", report.conflicts)
    }

    private static func place(_ p: DuplicateConflict.Place, to json: inout PrettyJSON) {
        json.object { o in
            o.field("file", p.file)
            o.field("path", p.path)
        }
    }

    /// `"mixedSnapshots": {"message", "resources", "kinds", "keptFrom", "droppedFrom"}` or null.
    func writeMixedSnapshots(to o: inout PrettyJSON) {
        o.key("mixedSnapshots")
        guard let mixed = report.mixedSnapshots else {
            o.null()
            return
        }
        o.object { o in
            o.field("droppedFrom", mixed.droppedFrom)
            o.field("keptFrom", mixed.keptFrom)
            o.field("kinds", mixed.kinds)
            o.field("message", mixed.line)
            o.field("resources", mixed.resources)
        }
    }

    /// `"provenance": {"exports": [...], "gapSeconds", "maxGapSeconds", "mixedTime", "mixedTimeMessage"}`.
    func writeProvenance(to o: inout PrettyJSON) {
        let provenance = report.provenance
        o.key("provenance")
        o.object { o in
            o.key("exports")
            o.array(provenance.exports) { json, e in
                json.object { o in
                    o.field("cloud", e.cloud.rawValue)
                    o.field("estimated", e.estimated)
                    o.field("finishedAt", Provenance.iso8601(e.end))
                    o.key("manifests")
                    o.array(e.manifests) { json, m in Self.manifest(m, to: &json) }
                    o.field("source", e.estimated ? "file-times" : "manifest")
                    o.field("startedAt", Provenance.iso8601(e.start))
                }
            }
            o.field(ifPresent: "gapSeconds", provenance.gap.map { Int($0.rounded()) })
            o.field("maxGapSeconds", Int(Provenance.maxGap))
            o.field("mixedTime", provenance.isMixedTime)
            o.field(ifPresent: "mixedTimeMessage", provenance.mixedTimeText)
        }
    }

    private static func manifest(_ m: Provenance.Manifest, to json: inout PrettyJSON) {
        json.object { o in
            o.field("accounts", m.accounts)
            o.field(ifPresent: "cli", m.cli)
            o.key("commands")
            o.array(m.commands) { json, c in
                json.object { o in
                    o.field("command", c.command)
                    o.field(ifPresent: "error", c.error)
                    o.field("exitCode", c.exitCode)
                    o.field(ifPresent: "file", c.file)
                    o.field("optional", c.optional)
                }
            }
            o.field("file", m.file)
            o.field("finishedAt", Provenance.iso8601(m.finishedAt))
            o.field("projects", m.projects)
            o.field("regions", m.regions)
            o.field("startedAt", Provenance.iso8601(m.startedAt))
            o.field(ifPresent: "tool", m.tool)
        }
    }
}
