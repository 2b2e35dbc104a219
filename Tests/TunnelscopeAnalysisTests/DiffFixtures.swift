import Foundation
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// The diff fixtures under `Tests/Fixtures/diff/<case>/{before,after}/`: files that replace (or add
/// to) the built-in example's files of the same relative path; a side without a folder is the
/// example as it is.
enum DiffFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/diff")

    static func files(_ fixture: String, _ side: String) -> [InputFile] {
        var files = ExampleNetwork.files
        let base = root.appendingPathComponent(fixture).appendingPathComponent(side)
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

    static func analysis(_ fixture: String, _ side: String) -> Analysis {
        let result = Importer.load(files: files(fixture, side), origin: "\(fixture)/\(side)")
        return Analysis(model: result.model, report: result.report)
    }

    static func diff(_ fixture: String) -> SnapshotDiff {
        SnapshotDiff(before: analysis(fixture, "before"), after: analysis(fixture, "after"))
    }
}
