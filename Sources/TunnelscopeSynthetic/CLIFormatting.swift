/// How a generated export is laid out: as the clouds' command-line tools print it, or on as few
/// lines as possible.
public enum ExportLayout: Sendable {
    /// As `aws … --output json` (4 spaces per level) and `gcloud … --format=json` (2 spaces)
    /// print: one member or element per line, `"key": value`, empty containers as `[]` / `{}`.
    case cli
    /// One resource per line (the generator's own shape; fewer bytes per resource).
    case compact
}

enum CLIFormatting {
    /// `json` (valid JSON) re-laid out with `indent` spaces per level, one member or element per
    /// line; string contents are copied unchanged.
    static func indented(_ json: [UInt8], indent: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var i = 0
        func newline() {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indent))
        }
        while i < json.count {
            let byte = json[i]
            i += 1
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                // An empty container stays on its line.
                var j = i
                while j < json.count, [0x20, 0x0A, 0x09, 0x0D].contains(json[j]) { j += 1 }
                if j < json.count, json[j] == UInt8(ascii: "}") || json[j] == UInt8(ascii: "]") {
                    out.append(json[j])
                    i = j + 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(byte)
                out.append(UInt8(ascii: " "))
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }
}
