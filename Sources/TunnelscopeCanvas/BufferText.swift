/// The buffer as text: plain (snapshots, `render`), or with ANSI colours (`render --color`).
extension CellBuffer {
    /// Rows joined by newlines; trailing spaces of each row are trimmed.
    public var plainText: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Rows with SGR escape sequences for each style change (16-colour palette).
    public var ansiText: String {
        var lines: [String] = []
        for y in 0..<height {
            var line = ""
            var current: Style?
            for x in 0..<width where !self[x, y].isContinuation {
                let cell = self[x, y]
                if cell.style != current {
                    line += Palette.sgr(cell.style)
                    current = cell.style
                }
                line += cell.text
            }
            lines.append(line + "\u{1B}[0m")
        }
        return lines.joined(separator: "\n")
    }
}

/// How roles look. Shared by the ANSI output and (as colour numbers) by the terminal layer.
public enum Palette {
    /// (foreground, background) as ANSI colour numbers 0–7, -1 = terminal default; plus bold.
    public static func colors(_ role: Role) -> (fg: Int, bg: Int, bold: Bool) {
        switch role {
        case .normal: (-1, -1, false)
        case .dim: (8, -1, false)
        case .title: (6, -1, true)
        case .border: (8, -1, false)
        case .accent: (6, -1, false)
        case .ok: (2, -1, false)
        case .warning: (3, -1, false)
        case .error: (1, -1, true)
        case .info: (4, -1, false)
        case .aws: (3, -1, true)
        case .gcp: (4, -1, true)
        case .onPrem: (5, -1, true)
        case .selection: (0, 6, false)
        case .header: (7, 4, true)
        case .footer: (0, 7, false)
        case .key: (0, 6, true)
        case .failed: (7, 1, true)
        case .mismatch: (0, 3, true)
        case .whatIf: (7, 5, true)
        case .change: (0, 2, true)
        }
    }

    /// Without colour, meaning is carried by attributes: (bold, reverse, underline).
    public static func monochrome(_ role: Role) -> (bold: Bool, reverse: Bool, underline: Bool) {
        switch role {
        case .title, .aws, .gcp, .onPrem, .error: (true, false, false)
        case .selection, .header, .footer, .key, .failed: (false, true, false)
        case .mismatch, .warning: (true, false, true)
        case .whatIf: (false, true, true)
        case .change: (true, true, false)
        default: (false, false, false)
        }
    }

    static func sgr(_ style: Style) -> String {
        let c = colors(style.role)
        var codes = ["0"]
        if c.bold || style.bold { codes.append("1") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if c.fg == 8 { codes.append("90") } else if c.fg >= 0 { codes.append("\(30 + c.fg)") }
        if c.bg >= 0 { codes.append("\(40 + c.bg)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
