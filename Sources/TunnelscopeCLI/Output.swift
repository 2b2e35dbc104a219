import Foundation
import TunnelscopeCanvas
import TunnelscopeText

/// Every line the commands print goes through here, so nothing read from an export (a name, a
/// file name, a JSON key quoted in a parse error) reaches the terminal raw. The reports build
/// their lines with each single-line field sanitised (a line feed in a name cannot forge a
/// line); this is the last pass over the whole text.
enum Output {
    /// Text for stdout: every control, bidi and invisible format character escaped, line feeds kept.
    static func print(_ text: String) {
        let safe = Sanitizer.text(text)
        Swift.print(safe, terminator: safe.hasSuffix("\n") ? "" : "\n")
    }

    /// JSON for stdout: C1, bidi and other unsafe characters as `\uXXXX` (the values are unchanged).
    static func printJSON(_ json: String) { write(json: Sanitizer.json(Array(json.utf8))) }

    /// JSON already sanitised (`Sanitizer.json`), as UTF-8: written as it is, with a final line feed.
    static func write(json: [UInt8]) {
        writeAll(json)
        if json.last != 0x0A { writeAll([0x0A]) }
    }

    /// `bytes` to file descriptor 1, whole (a pipe takes them in pieces); stops on an error such
    /// as a closed pipe, as `print` does.
    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// One frame of `render`: each cell's text is sanitised when it is written into the buffer,
    /// so the SGR sequences of `--color` (the renderer's own) are the only escapes in it.
    static func print(_ buffer: CellBuffer, color: Bool) {
        Swift.print(color ? buffer.ansiText : buffer.plainText)
    }

    /// `tunnelscope: MESSAGE` on stderr, as one line whatever the message quotes.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("tunnelscope: " + Sanitizer.line(message) + "\n").utf8))
    }

    /// Text for stderr, line feeds kept (`check`'s collected errors).
    static func errorText(_ text: String) {
        FileHandle.standardError.write(Data(Sanitizer.text(text).utf8))
    }
}
