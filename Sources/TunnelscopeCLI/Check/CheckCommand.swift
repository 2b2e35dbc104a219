import ArgumentParser
import Foundation
import TunnelscopeImport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load exports and print the load report, the inventory and the tunnel join.",
        discussion: "Exit status: 0 loaded, 2 nothing loadable was given or the arguments are wrong."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json (json is a stable contract, see README).")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "List every skipped file and ignored field, not only a summary.")
    var verbose = false

    func run() throws {
        let result = input.load()
        let output: String
        switch format {
        case .text: output = CheckText(result: result, verbose: verbose).render()
        case .json: output = CheckJSON(result: result).render()
        }
        print(output, terminator: output.hasSuffix("\n") ? "" : "\n")
        if result.report.loadedFiles.isEmpty {
            FileHandle.standardError.write(Data("tunnelscope: nothing loadable in \(input.paths.joined(separator: " "))\n".utf8))
            throw ExitCode(ExitStatus.unusable)
        }
    }
}
