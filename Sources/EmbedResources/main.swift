// Build-time tool: turns a folder of data files into a Swift source file that embeds them,
// keeping their relative paths. Used by EmbedExamplePlugin for the built-in example network.
// usage: EmbedResources INPUT_DIR OUTPUT_FILE SYMBOL
import Foundation

let args = CommandLine.arguments
guard args.count == 4 else {
    FileHandle.standardError.write(Data("usage: EmbedResources INPUT_DIR OUTPUT_FILE SYMBOL\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: args[1]).standardizedFileURL
let output = URL(fileURLWithPath: args[2])
let symbol = args[3]

var files: [(String, [UInt8])] = []
let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
while let url = enumerator?.nextObject() as? URL {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
    let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
    guard !relative.hasPrefix(".") else { continue }
    files.append((relative, [UInt8](try Data(contentsOf: url))))
}
files.sort { $0.0 < $1.0 }

var out = "// Generated at build time by EmbedResources from \(root.lastPathComponent)/. Do not edit.\n"
out += "public enum \(symbol) {\n"
out += "    /// (relative path, file text), sorted by path.\n"
out += "    public static let files: [(path: String, text: String)] = [\n"
for (path, bytes) in files {
    let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    // A raw string literal compiles fast even for large files; choose a delimiter the text lacks.
    guard let text = String(bytes: bytes, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedResources: \(path) is not UTF-8\n".utf8))
        exit(1)
    }
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    out += "        (\"\(escaped)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
out += "    ]\n}\n"
try Data(out.utf8).write(to: output, options: .atomic)
