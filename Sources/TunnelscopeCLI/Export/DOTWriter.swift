import TunnelscopeText

/// A topology graph in Graphviz DOT: clusters as `subgraph cluster_N`, generated node IDs, labels
/// as quoted strings with `"` and `\` escaped (`\n` between our own lines only), colours per mark
/// and a legend cluster. `dot -Tsvg` / `-Tpng` draws it.
enum DOTWriter {
    static func render(_ graph: TopologyGraph) -> String {
        var out = [
            "// " + Sanitizer.line(graph.title),
            "digraph topology {",
            "    graph [rankdir=LR, fontname=\"Helvetica\", label=\(quoted(graph.title)), labelloc=t, compound=true];",
            "    node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];",
            "    edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        func cluster(_ c: Int?, depth: Int) {
            let pad = String(repeating: "    ", count: depth)
            for n in graph.nodes(in: c) {
                let node = graph.nodes[n]
                out.append(pad + "n\(n + 1) [label=\(quoted(lines: node.lines)), \(style(node.mark))];")
            }
            for child in graph.children(of: c) where !graph.isEmpty(child) {
                out.append(pad + "subgraph cluster_\(child + 1) {")
                out.append(pad + "    label=\(quoted(graph.clusters[child].title));")
                out.append(pad + "    style=rounded; color=\"#9aa0a6\";")
                cluster(child, depth: depth + 1)
                out.append(pad + "}")
            }
        }
        cluster(nil, depth: 1)
        for edge in graph.edges {
            var attributes = ["label=\(quoted(edge.label))", "color=\"\(colour(edge.mark).stroke)\""]
            if edge.dashed { attributes.append("style=dashed") }
            if edge.mark == .down || edge.mark == .failed || edge.mark == .lost { attributes.append("penwidth=2") }
            out.append("    n\(edge.from + 1) -> n\(edge.to + 1) [\(attributes.joined(separator: ", "))];")
        }
        let used = graph.marksUsed
        if !used.isEmpty {
            out.append("    subgraph cluster_legend {")
            out.append("        label=\"Legend\"; style=rounded; color=\"#9aa0a6\";")
            for (i, mark) in used.enumerated() {
                out.append("        legend\(i + 1) [label=\(quoted(mark.meaning)), \(style(mark))];")
            }
            out.append("    }")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    private static func colour(_ mark: TopologyGraph.Mark) -> (fill: String, stroke: String) {
        switch mark {
        case .ok: ("#e6f4ea", "#1e8e3e")
        case .degraded: ("#fef7e0", "#e37400")
        case .down: ("#fce8e6", "#c5221f")
        case .unknown: ("#f1f3f4", "#80868b")
        case .failed: ("#f3e8fd", "#8430ce")
        case .lost: ("#f3e8fd", "#a142f4")
        }
    }

    private static func style(_ mark: TopologyGraph.Mark) -> String {
        let c = colour(mark)
        var style = "fillcolor=\"\(c.fill)\", color=\"\(c.stroke)\""
        switch mark {
        case .unknown, .lost: style += ", style=\"rounded,filled,dashed\""
        case .down, .failed: style += ", penwidth=2"
        default: break
        }
        return style
    }

    /// Data as a DOT string: one line (sanitised), `"` and `\` escaped, so it cannot end the
    /// string, start an escape (`\N`, `\G`, `\l`) or an HTML label.
    static func quoted(_ data: String) -> String { "\"" + escape(data) + "\"" }

    /// Several lines of data, each escaped, joined with our own `\n`.
    static func quoted(lines: [String]) -> String { "\"" + lines.map(escape).joined(separator: "\\n") + "\"" }

    private static func escape(_ data: String) -> String {
        var out = ""
        for character in Sanitizer.line(data) {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out
    }
}
