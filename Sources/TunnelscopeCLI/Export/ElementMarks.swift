import TunnelscopeAnalysis

/// The mark of an element as the explorer shows it: the what-if first (failed, or taken down / cut
/// off by the failures: lost), then the analysis' verdict. Nothing is judged here.
struct ElementMarks {
    let verdicts: Verdicts
    /// The what-if's impact; nil without `--fail`.
    let whatIf: Impact?
    /// What differs from BEFORE (`--before`); nil without it.
    var changes: SnapshotDiff? = nil

    func mark(_ id: String) -> TopologyGraph.Mark {
        if let whatIf {
            if whatIf.failed.contains(id) { return .failed }
            if whatIf.takenDown[id] != nil || whatIf.cutOff[id] != nil { return .lost }
        }
        return Self.mark(verdicts.health(of: id))
    }

    static func mark(_ health: Health) -> TopologyGraph.Mark {
        switch health {
        case .ok: .ok
        case .degraded: .degraded
        case .down: .down
        case .unknown: .unknown
        }
    }

    /// What a node or edge says besides its mark: the what-if's note, else how it differs from BEFORE.
    func note(_ id: String) -> String? { whatIfNote(id) ?? changeNote(id) }

    /// How the element differs from BEFORE, in words (`Δ moved: vgw-… → tgw-… since before`).
    func changeNote(_ id: String) -> String? {
        changes?.change(of: id).map { "Δ \($0.summary) since before" }
    }

    /// What the what-if does to an element, in words (nil: nothing, or no what-if).
    func whatIfNote(_ id: String) -> String? {
        guard let whatIf else { return nil }
        if whatIf.failed.contains(id) { return "FAILED (what-if)" }
        if let cause = whatIf.takenDown[id] { return "DOWN with \(cause) (what-if)" }
        if let sides = whatIf.cutOff[id] {
            return "loses " + sides.map(\.rawValue).joined(separator: " and ") + " (what-if)"
        }
        if let weakened = whatIf.weakened[id] { return "\(weakened) (what-if)" }
        return nil
    }
}
