import TunnelscopeImport
import TunnelscopeModel

/// The built-in example network (DESIGN.md §1): files in the real export formats, embedded in
/// the binary at build time from `ExampleNetwork/`. The same files are the tests' fixtures.
public enum ExampleNetwork {
    public static let origin = "built-in example"

    /// The example's files, named `example/<relative path>`.
    public static var files: [InputFile] {
        EmbeddedExampleFiles.files.map { InputFile(name: "example/\($0.path)", bytes: Array($0.text.utf8)) }
    }

    public static func load() -> LoadResult {
        Importer.load(files: files, origin: origin)
    }
}
