import Foundation
import PackagePlugin

/// Embeds every file under the target's `ExampleNetwork/` folder into the binary, so the
/// built-in example works wherever the executable is copied.
@main
struct EmbedExamplePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let input = target.directoryURL.appending(path: "ExampleNetwork")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedExampleFiles.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: input, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where !url.hasDirectoryPath { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding the example network",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: [input.path, output.path, "EmbeddedExampleFiles"],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
