import TunnelscopeAnalysis
import TunnelscopeCanvas

/// The Changes screen of diff mode: what differs from BEFORE, grouped like the views (hub,
/// connections, tunnels, GCP side, Shared VPC, peered services, on-prem, VPCs), then the
/// findings that appeared or cleared. Each element's row is selectable when the element is in
/// the loaded snapshot (Enter/d opens its detail); its fields follow, both values side by side.
struct ChangesRows {
    /// nil outside diff mode: the screen says how to start it.
    let comparison: Comparison?
    /// Members of a set listed per field before "+N more".
    static let setMembers = 6

    func rows() -> [Row] {
        guard let comparison else {
            return [
                .heading("Changes"),
                Row(
                    kind: .blank,
                    spans: [Span("  Nothing to compare with. Type :diff PATH (the exports from before),", .normal)]),
                Row(kind: .blank, spans: [Span("  or start with tunnelscope --before OLD NEW.", .normal)]),
            ]
        }
        let diff = comparison.diff
        var rows: [Row] = [
            .heading("Changes since BEFORE (\(comparison.before.origin))"),
            Row(kind: .blank, spans: [Span("  " + comparison.summary, .dim)]),
        ]
        if diff.isEmpty {
            rows.append(Row(kind: .blank, spans: [Span("  The two snapshots report the same network.", .normal)]))
            return rows
        }
        var byGroup: [DiffGroup: [ElementChange]] = [:]
        for change in diff.changes { byGroup[change.group, default: []].append(change) }
        for group in DiffGroup.allCases {
            guard let changes = byGroup[group], !changes.isEmpty else { continue }
            rows.append(.blank)
            rows.append(.heading("\(group.title) · \(Self.counts(changes))"))
            for change in changes { rows += Self.rows(change) }
        }
        if !diff.findings.isEmpty {
            rows.append(.blank)
            let (appeared, cleared) = comparison.findingCounts
            let changed = diff.findings.count - appeared - cleared
            let parts = [(appeared, "appeared"), (cleared, "cleared"), (changed, "changed")].filter { $0.0 > 0 }
            rows.append(.heading("Findings · " + parts.map { "\($0.0) \($0.1)" }.joined(separator: " · ")))
            for change in diff.findings { rows.append(Self.row(change)) }
        }
        return rows
    }

    /// `1 moved · 2 changed`.
    static func counts(_ changes: [ElementChange]) -> String {
        ChangeMark.counts(changes).map { "\($0.count) \($0.kind.word)" }.joined(separator: " · ")
    }

    /// The element's line, then one line per field that differs.
    static func rows(_ change: ElementChange) -> [Row] {
        let present = change.kind != .removed && change.kind != .notExportedAfter
        var rows = [
            Row(
                spans: [
                    Span("  "), ChangeMark.span(change.kind), Span(" " + change.label, Style(.normal, bold: true)),
                    Span("  " + change.summary, Style(.change)),
                ],
                elementId: present ? change.id : nil, searchText: change.id + " " + (change.previousID ?? ""))
        ]
        for field in change.fields { rows += fieldRows(field, oneSide: change.isOneSided) }
        return rows
    }

    /// `attached to   vgw-0a1 → tgw-0b2`; a set: `routes learned by GCP   + 10.1.0.0/16 …` and `− …`.
    /// `oneSide`: the element is in one snapshot only (added, removed): its values, no arrow.
    static func fieldRows(_ field: FieldChange, oneSide: Bool = false) -> [Row] {
        let name = Span("      " + field.field + "  ", .dim)
        if oneSide, let value = field.before ?? field.after {
            return [Row(kind: .blank, spans: [name, Span(value, .normal)])]
        }
        guard field.isSet, field.before != nil, field.after != nil else {
            return [
                Row(
                    kind: .blank,
                    spans: [
                        name, Span(field.before ?? FieldChange.notExported, .normal), Span(" → ", .dim),
                        Span(field.after ?? FieldChange.notExported, Style(.normal, bold: true)),
                    ])
            ]
        }
        var rows: [Row] = []
        for (members, sign) in [(field.added, "+"), (field.removed, "−")] where !members.isEmpty {
            var text = members.prefix(setMembers).joined(separator: ", ")
            if members.count > setMembers { text += ", +\(members.count - setMembers) more" }
            rows.append(
                Row(kind: .blank, spans: [name, Span(sign + " ", Style(.change)), Span(text, .normal)]))
        }
        if rows.isEmpty {
            rows.append(Row(kind: .blank, spans: [name, Span("\(field.before!) → \(field.after!)", .normal)]))
        }
        return rows
    }

    /// `  + ✖ appeared  tunnel-down: …`.
    static func row(_ change: FindingChange) -> Row {
        let glyph = change.kind == .appeared ? "+" : change.kind == .cleared ? "−" : "~"
        let finding = change.finding
        return Row(
            spans: [
                Span("  "), Span(glyph, Style(.change)), Span(" "), FindingsRows.shortMark(finding.severity),
                Span(" \(change.kind.rawValue)  ", .dim), Span(finding.rule + ": ", .dim),
                Span(finding.message, .normal),
            ],
            elementId: change.kind == .cleared ? nil : finding.resources.first, searchText: change.key)
    }
}
