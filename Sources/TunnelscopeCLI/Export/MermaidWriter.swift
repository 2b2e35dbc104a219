import TunnelscopeText

/// A topology graph as a Mermaid flowchart (`flowchart LR`) for wikis and tickets: clusters as
/// subgraphs, generated IDs (`n1`, `g1`: nothing from the input is ever an ID), every label as
/// data (`label(_:)`), a class per mark and a legend. Lines are indented, but the `classDef`s
/// start their line (some parsers read them only there).
enum MermaidWriter {
    static func render(_ graph: TopologyGraph) -> String {
        var out = ["%% " + comment(graph.title), "flowchart LR"]
        for mark in TopologyGraph.Mark.allCases {
            out.append("classDef \(mark.rawValue) \(style(mark))")
        }
        func cluster(_ c: Int?, depth: Int) {
            let pad = String(repeating: "    ", count: depth)
            for n in graph.nodes(in: c) { out.append(pad + node(n, graph.nodes[n])) }
            for child in graph.children(of: c) where !graph.isEmpty(child) {
                out.append(pad + "subgraph g\(child + 1)[\"\(label(graph.clusters[child].title))\"]")
                cluster(child, depth: depth + 1)
                out.append(pad + "end")
            }
        }
        cluster(nil, depth: 1)
        for edge in graph.edges {
            // Dashed relations are solid here: `-.->|label|` is Mermaid, but not every parser reads it.
            out.append("    n\(edge.from + 1) -->|\(label(edge.label))| n\(edge.to + 1)")
        }
        // The legend: one box per mark used, with its meaning.
        let used = graph.marksUsed
        if !used.isEmpty {
            out.append("    subgraph legend[\"Legend\"]")
            for (i, mark) in used.enumerated() {
                out.append("        legend\(i + 1)[\"\(label(mark.meaning))\"]:::\(mark.rawValue)")
            }
            out.append("    end")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func node(_ index: Int, _ node: TopologyGraph.Node) -> String {
        "n\(index + 1)[\"\(node.lines.map(label).joined(separator: "<br/>"))\"]:::\(node.mark.rawValue)"
    }

    /// Fill, stroke and text colours per mark (no spaces: a `classDef` is read up to them).
    private static func style(_ mark: TopologyGraph.Mark) -> String {
        switch mark {
        case .ok: "fill:#e6f4ea,stroke:#1e8e3e,color:#0d3d1a"
        case .degraded: "fill:#fef7e0,stroke:#e37400,color:#5c2f00"
        case .down: "fill:#fce8e6,stroke:#c5221f,color:#5f0f0d,stroke-width:2px"
        case .unknown: "fill:#f1f3f4,stroke:#80868b,color:#3c4043,stroke-dasharray:4"
        case .failed: "fill:#f3e8fd,stroke:#8430ce,color:#3b0a66,stroke-width:3px"
        case .lost: "fill:#f3e8fd,stroke:#a142f4,color:#3b0a66,stroke-dasharray:6"
        }
    }

    /// Data as label text: sanitised to one line, then every character Mermaid (or a lenient
    /// parser) could read as syntax written as an entity code (`#quot;`, `#91;`, …): quotes,
    /// brackets, braces, `|`, `<` `>` `&`, `#`, `%` (comments), `::` (`:::` classes), `;`, `\`,
    /// and `-` `=` where they would start a link (`-->`, `-.->`, `==>`, `---`, `--o`; not `--expand`).
    static func label(_ data: String) -> String {
        let characters = Array(Sanitizer.line(data))
        var out = ""
        for (i, character) in characters.enumerated() {
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            switch character {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "[": out += "#91;"
            case "]": out += "#93;"
            case "{": out += "#123;"
            case "}": out += "#125;"
            case "|": out += "#124;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "%": out += "#37;"
            case ":" where next == ":": out += "#58;"
            case ";": out += "#59;"
            case "\\": out += "#92;"
            case "`": out += "#96;"
            case "-" where next == "." || next == ">" || (next == "-" && startsLink(after: i + 2, in: characters)):
                out += "#45;"
            case "=" where next == "=" || next == ">": out += "#61;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether `--` followed by this character could be read as a link (`-->`, `---`, `--o`, `--x`,
    /// `-- text`): `--expand` cannot.
    private static func startsLink(after index: Int, in characters: [Character]) -> Bool {
        guard index < characters.count else { return true }
        let c = characters[index]
        return c == "o" || c == "x" || !(c.isLetter || c.isNumber)
    }

    /// The title in a `%%` comment: one line (a line feed would end the comment).
    private static func comment(_ text: String) -> String { Sanitizer.line(text) }
}
