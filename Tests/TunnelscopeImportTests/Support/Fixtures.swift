import Foundation
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// Builds inputs for importer tests: the built-in example (the fixtures), variants of it with
/// one file edited in memory, and single hand-written documents.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Real aws-cli output captured from moto (a copy of `shared/samples/aws-moto`, data only).
    static let motoSamples = repositoryRoot.appendingPathComponent("Tests/Fixtures/aws-moto")

    static func example() -> LoadResult { ExampleNetwork.load() }

    /// The example with the file whose path ends in `suffix` rewritten by `edit` (or removed when it returns nil).
    static func example(editing suffix: String, _ edit: (String) -> String?) -> LoadResult {
        var found = false
        let files = ExampleNetwork.files.compactMap { file -> InputFile? in
            guard file.name.hasSuffix(suffix) else { return file }
            found = true
            return edit(String(decoding: file.bytes, as: UTF8.self)).map {
                InputFile(name: file.name, bytes: Array($0.utf8))
            }
        }
        precondition(found, "no example file ends in \(suffix)")
        return Importer.load(files: files, origin: "variant")
    }

    static func load(_ documents: [String: String]) -> LoadResult {
        Importer.load(
            files: documents.sorted { $0.key < $1.key }.map { InputFile(name: $0.key, bytes: Array($0.value.utf8)) },
            origin: "test")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
