import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeRender
import TunnelscopeText

/// `tunnelscope path FROM TO [PATH...]`: the route between two addresses (or CIDRs, or resources
/// such as a VPC, subnet, site or Memorystore instance), hop by hop, both ways.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Trace the path between two addresses or resources, both ways.",
        discussion: """
            Exit status: 0 the destination is reachable both ways; 1 it is not, or the path reaches another owner \
            of an overlapping range instead of the destination; 2 unusable input or an endpoint that matches nothing; \
            3 unknown: a way ends where the exports do not say (a resource tunnelscope does not follow or cannot see).
            """
    )

    @Argument(help: "Source: an IPv4 address, a CIDR, or a resource ID or name.") var from: String
    @Argument(help: "Destination, in the same forms.") var to: String
    @OptionGroup var input: InputOptions
    @Option(name: .customLong("fail"), help: "Fail an element first (what-if). Repeatable.") var failed: [String] = []

    func run() throws {
        let result = input.load()
        guard !result.report.loadedFiles.isEmpty else {
            Output.error("nothing loadable in \(input.paths.joined(separator: " "))")
            throw ExitCode(ExitStatus.unusable)
        }
        let analysis = Analysis(model: result.model)
        var failing = Set<String>()
        for name in failed {
            guard let element = analysis.resolve(name).element else {
                Output.error("--fail \(name): \(analysis.resolve(name))")
                throw ExitCode(ExitStatus.unusable)
            }
            failing.insert(element.id)
        }
        let query: PathQuery
        do { query = try analysis.path(from: from, to: to, failing: failing) } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.unusable)
        }
        // Each line is one field: a line feed inside a name is escaped, not a new line.
        Output.print(PathLines.spans(query).map { Sanitizer.line($0.text) }.joined(separator: "\n"))
        // Reaching another copy of an overlapping range is not reaching the destination.
        if query.isUnknown { throw ExitCode(ExitStatus.unknown) }
        if !query.reachable { throw ExitCode(ExitStatus.findings) }
    }
}
