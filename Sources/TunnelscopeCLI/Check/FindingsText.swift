import TunnelscopeAnalysis
import TunnelscopeText

/// The Findings section of `check`: grouped by severity, each with its rule, resources and hint.
struct FindingsText {
    let findings: [Finding]
    let verbose: Bool

    func render() -> String {
        guard !findings.isEmpty else { return "Findings: none." }
        let counts = Severity.allCases.map { s in (s, findings.filter { $0.severity == s }.count) }.filter { $0.1 > 0 }
        var lines = ["Findings: " + counts.map { "\($0.1) \(title($0.0, $0.1))" }.joined(separator: ", ")]
        for severity in Severity.allCases {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines.append("")
            lines.append(title(severity, 2).uppercased())
            for f in group {
                lines.append("  \(mark(severity)) [\(f.rule)] \(f.message)")
                if let hint = f.hint { lines.append("      → \(hint)") }
                let resources =
                    verbose || f.resources.count <= 6
                    ? f.resources : Array(f.resources.prefix(6)) + ["… \(f.resources.count - 6) more"]
                lines.append("      resources: \(resources.joined(separator: ", "))")
            }
        }
        // Every line is one field: a line feed inside a message or name is escaped, not a new line.
        return lines.map(Sanitizer.line).joined(separator: "\n")
    }

    private func title(_ s: Severity, _ n: Int) -> String {
        switch s {
        case .error: n == 1 ? "error" : "errors"
        case .warning: n == 1 ? "warning" : "warnings"
        case .info: "info"
        }
    }

    private func mark(_ s: Severity) -> String { s == .error ? "✗" : s == .warning ? "!" : "i" }
}
