/// The screens of the explorer. Navigation is a stack of these; Esc pops; the breadcrumb shows it.
public enum Screen: Hashable, Sendable {
    case topology
    case aws
    case gcp
    case split
    case findings
    case routes
    /// Diff mode: what differs from BEFORE, grouped like the views.
    case changes
    case detail(String)
    case tour

    public var title: String {
        switch self {
        case .topology: "Topology"
        case .aws: "AWS view"
        case .gcp: "GCP view"
        case .split: "Side by side"
        case .findings: "Findings"
        case .routes: "Routes"
        case .changes: "Changes"
        case .detail: "Detail"
        case .tour: "Tour"
        }
    }

    /// Screens that show a list of rows with a selection.
    public var isList: Bool {
        switch self {
        case .aws, .gcp, .split, .findings, .routes, .changes, .detail: true
        default: false
        }
    }

    /// The key under which selection and scroll are remembered.
    var memoryKey: String {
        switch self {
        case .detail(let id): "detail:\(id)"
        default: title
        }
    }
}

public enum Pane: String, Sendable { case aws, gcp }
