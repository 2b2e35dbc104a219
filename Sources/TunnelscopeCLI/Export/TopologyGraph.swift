/// The topology as `export --format mermaid|dot` draws it: nodes in nested clusters (cloud,
/// account or project), edges with a label, each with the mark the analysis gives its element.
/// Labels hold the exports' strings as they are; each writer escapes them for its language.
struct TopologyGraph {
    /// What the analysis says of an element (`ok` … `unknown`), or what the what-if does to it.
    enum Mark: String, CaseIterable, Sendable {
        case ok, degraded, down, unknown, failed, lost

        /// The legend's words.
        var meaning: String {
            switch self {
            case .ok: "ok: carries / no finding"
            case .degraded: "degraded: a warning, or part of it carries"
            case .down: "down: an error, or it carries nothing"
            case .unknown: "unknown: the exports do not say"
            case .failed: "failed (what-if)"
            case .lost: "lost with the failures (what-if)"
            }
        }
    }

    struct Cluster: Sendable {
        let title: String
        let parent: Int?
    }

    struct Node: Sendable {
        /// The element it stands for (nil: a group of VPCs).
        let element: String?
        let lines: [String]
        let cluster: Int?
        let mark: Mark
    }

    struct Edge: Sendable {
        let from: Int
        let to: Int
        let label: String
        let mark: Mark
        /// A relation rather than a path for traffic (a peer gateway's description of the AWS side).
        var dashed = false
    }

    /// "Tunnelscope topology — <origin>".
    let title: String
    private(set) var clusters: [Cluster] = []
    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []

    init(title: String) { self.title = title }

    mutating func cluster(_ title: String, in parent: Int? = nil) -> Int {
        clusters.append(Cluster(title: title, parent: parent))
        return clusters.count - 1
    }

    mutating func node(_ lines: [String], element: String?, in cluster: Int?, mark: Mark) -> Int {
        nodes.append(Node(element: element, lines: lines, cluster: cluster, mark: mark))
        return nodes.count - 1
    }

    mutating func edge(_ from: Int, _ to: Int, _ label: String, _ mark: Mark, dashed: Bool = false) {
        edges.append(Edge(from: from, to: to, label: label, mark: mark, dashed: dashed))
    }

    /// The clusters inside `parent` (nil: the top level), in the order they were made.
    func children(of parent: Int?) -> [Int] { clusters.indices.filter { clusters[$0].parent == parent } }

    /// Nodes directly in `cluster`, in the order they were made.
    func nodes(in cluster: Int?) -> [Int] { nodes.indices.filter { nodes[$0].cluster == cluster } }

    /// Whether a cluster holds a node, itself or in a nested cluster (empty ones are not drawn).
    func isEmpty(_ cluster: Int) -> Bool {
        nodes(in: cluster).isEmpty && children(of: cluster).allSatisfy(isEmpty)
    }

    /// The marks used, in legend order.
    var marksUsed: [Mark] {
        let used = Set(nodes.map(\.mark) + edges.map(\.mark))
        return Mark.allCases.filter(used.contains)
    }
}
