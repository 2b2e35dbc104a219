import Foundation
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// The BEFORE/AFTER pairs under `Tests/Fixtures/diff/` (see its README): each side is the
/// built-in example with the case's files of that side in place of (or beside) the example's.
public enum DiffCases {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/diff")

    /// The files of one side of a case (`before` or `after`), named as the example names them.
    public static func files(_ name: String, _ side: String) -> [InputFile] {
        var files = ExampleNetwork.files
        let base = root.appendingPathComponent(name).appendingPathComponent(side)
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let name = "example/" + url.path.replacingOccurrences(of: base.path + "/", with: "")
            let bytes = Array((try? Data(contentsOf: url)) ?? Data())
            if let i = files.firstIndex(where: { $0.name == name }) {
                files[i] = InputFile(name: name, bytes: bytes)
            } else {
                files.append(InputFile(name: name, bytes: bytes))
            }
        }
        return files.sorted { $0.name < $1.name }
    }

    /// One side of a case, loaded (its origin `case/side`).
    public static func load(_ name: String, _ side: String) -> LoadResult {
        Importer.load(files: files(name, side), origin: "\(name)/\(side)")
    }

    /// One side of a case written out as a folder of export files under `directory` (for the
    /// binary: `--before`, `:diff PATH`), named `folder` (default `case-side`); returns its path.
    public static func folder(_ name: String, _ side: String, in directory: URL, as folder: String? = nil) throws
        -> String
    {
        let base = directory.appendingPathComponent(folder ?? "\(name)-\(side)")
        for file in files(name, side) {
            let url = base.appendingPathComponent(String(file.name.dropFirst("example/".count)))
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        return base.path
    }
}
