/// Markdown for tickets and wikis (GitHub, GitLab, Confluence): tables and inline text whose
/// data cannot break the table, start a link, an HTML tag, a heading or a list, or reach a
/// terminal as a control sequence. Every string from an export goes through `text` or `code`.
public enum Markdown {
    /// Data as inline text: sanitised (`Sanitizer.line`, so a line feed cannot end the row), the
    /// characters Markdown reads as syntax backslash-escaped, `<` `>` `&` as HTML entities (an
    /// export's `<script>` stays text in a wiki).
    public static func text(_ data: String) -> String {
        var out = ""
        for character in Sanitizer.line(data) {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "{", "}", "(", ")", "+", "-", ".":
                out.append("\\")
                out.append(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// Data as code (`10.0.0.0/16`, an ID, a command): in backticks, with a fence longer than any
    /// run of backticks inside; a pipe is escaped so the cell does not split (GitHub reads `\|`
    /// inside code in a table as `|`); line feeds and controls sanitised.
    public static func code(_ data: String) -> String {
        let line = Sanitizer.line(data).replacingPipes()
        guard !line.isEmpty else { return "" }
        var longest = 0
        var run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = line.first == "`" || line.last == "`" ? " " : ""
        return fence + pad + line + pad + fence
    }

    /// A table: a header row, the delimiter row and one row per entry. Cells are Markdown already
    /// (made with `text`/`code`, or the tool's own words); a row shorter than the header is
    /// filled with empty cells. Alignment `.right` for numbers.
    public static func table(_ header: [String], _ rows: [[String]], alignment: [Alignment] = []) -> String {
        guard !header.isEmpty else { return "" }
        var lines = ["| " + header.joined(separator: " | ") + " |"]
        let delimiters = header.indices.map { index in
            (index < alignment.count ? alignment[index] : .left) == .right ? "---:" : "---"
        }
        lines.append("| " + delimiters.joined(separator: " | ") + " |")
        for row in rows {
            let cells = header.indices.map { index in
                let cell = index < row.count ? row[index] : ""
                return cell.isEmpty ? " " : cell
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public enum Alignment: Sendable { case left, right }
}

extension String {
    fileprivate func replacingPipes() -> String {
        guard contains("|") else { return self }
        var out = ""
        for character in self {
            if character == "|" { out += "\\|" } else { out.append(character) }
        }
        return out
    }
}
