import ArgumentParser
import Foundation
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

public struct TunnelscopeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tunnelscope",
        abstract: "Explore a hybrid AWS ⇄ GCP network from saved `aws` and `gcloud` JSON exports.",
        discussion: """
            With no path, the built-in example network is used. Paths may be files or folders (read \
            recursively); each JSON document is recognised by its content. Tunnelscope never calls a \
            cloud API and never prints a pre-shared key.
            """,
        subcommands: [
            ExploreCommand.self, CheckCommand.self, RenderCommand.self, TourCommand.self, BenchCommand.self,
            GenerateCommand.self, PlanCommand.self, PathCommand.self, ExportCommand.self, DiffCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self
    )

    public init() {}

    /// ArgumentParser's `main`, with its messages sanitised: they quote arguments, and an
    /// argument may be a file name from a glob (`tunnelscope check *` with a file called
    /// `--format=<ESC>]0;…`).
    public static func main() {
        BenchProcess.reportPeakAtExitIfAsked()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            var code = exitCode(for: error)
            // `diff` says 2 for wrong arguments (0/1 are identical/different).
            if code == .validationFailure, CommandLine.arguments.dropFirst().first == "diff" {
                code = ExitCode(ExitStatus.unusable)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    Output.print(message)
                } else {
                    FileHandle.standardError.write(Data((Sanitizer.text(message) + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Paths given on the command line → the loaded network (the built-in example when none).
struct InputOptions: ParsableArguments {
    @Argument(help: "Export files or folders. None: the built-in example network.")
    var paths: [String] = []

    func load() -> LoadResult {
        paths.isEmpty ? ExampleNetwork.load() : Importer.load(paths: paths)
    }
}

/// Exit codes shared by every command.
enum ExitStatus {
    static let ok: Int32 = 0
    static let findings: Int32 = 1
    static let unusable: Int32 = 2
    /// `path`: the exports do not say whether it gets through.
    static let unknown: Int32 = 3
}
