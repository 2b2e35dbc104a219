import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeText

/// `tunnelscope plan`: the order to build (or rebuild) the AWS ⇄ GCP link without the IP deadlock.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the order in which to create the cross-cloud link, with the values each step needs.",
        discussion: "Exit status: 0 printed (even with no link to order), 2 nothing loadable was given."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: CheckCommand.Format = .text

    func run() throws {
        let result = input.load()
        let plan = Analysis(model: result.model).plan
        let output =
            format == .json
            ? PlanJSON.render(plan, origin: result.origin) : PlanText.render(plan, origin: result.origin)
        format == .json ? Output.printJSON(output) : Output.print(output)
        if result.report.loadedFiles.isEmpty {
            Output.error("nothing loadable in \(input.paths.joined(separator: " "))")
            throw ExitCode(ExitStatus.unusable)
        }
    }
}

enum PlanText {
    static func render(_ plan: CreationPlan, origin: String) -> String {
        var lines = ["Creation order — \(origin) (\(plan.steps.count) steps)"]
        for step in plan.steps {
            lines.append("")
            lines.append(String(format: "%2d. ", step.number) + step.title)
            if let why = step.why { lines.append("    needs \(why)") }
            for note in step.notes { lines.append("    \(note)") }
            for command in step.setup { lines.append("    $ \(command)") }
            for item in step.items {
                lines.append("    • \(item.name)" + (item.resource.map { $0 == item.name ? "" : " (\($0))" } ?? ""))
                for v in item.values { lines.append("        \(v.key): \(value(v))") }
                for v in item.produces { lines.append("        → \(v.key): \(value(v))") }
                if let command = item.command { lines.append("        $ \(command)") }
            }
        }
        lines.append("")
        lines.append(
            "(chosen): you pick it, the current value is shown · (assigned): the cloud assigns it at creation · (step N): produced by step N"
        )
        if !plan.notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines += plan.notes.map { "  - \($0)" }
        }
        // Every line is one field: a line feed inside a name is escaped, not a new line.
        return lines.map(Sanitizer.line).joined(separator: "\n") + "\n"
    }

    static func value(_ v: PlanValue) -> String {
        switch v.source {
        case .chosen: "\(v.value) (chosen)"
        case .assigned: "\(v.value) (assigned; currently)"
        case .step(let n): "\(v.value) (step \(n))"
        case .expected: v.value
        }
    }
}

enum PlanJSON {
    struct Document: Encodable {
        let schemaVersion = 1
        let origin: String
        let steps: [Step]
        let notes: [String]
    }
    struct Step: Encodable {
        let number: Int
        let cloud: String
        let title: String
        let why: String?
        let needs: [Int]
        /// Said once for the step (where the pre-shared keys come from).
        let notes: [String]
        /// Shell lines to run once before the items' commands.
        let setup: [String]
        let items: [Item]
    }
    struct Item: Encodable {
        let resource: String?
        let name: String
        let values: [Value]
        let produces: [Value]
        let command: String?
    }
    struct Value: Encodable {
        let key: String
        let value: String
        /// `chosen`, `assigned`, `step` or `expected`.
        let source: String
        let step: Int?
    }

    static func render(_ plan: CreationPlan, origin: String) -> String {
        func value(_ v: PlanValue) -> Value {
            switch v.source {
            case .chosen: Value(key: v.key, value: v.value, source: "chosen", step: nil)
            case .assigned: Value(key: v.key, value: v.value, source: "assigned", step: nil)
            case .step(let n): Value(key: v.key, value: v.value, source: "step", step: n)
            case .expected: Value(key: v.key, value: v.value, source: "expected", step: nil)
            }
        }
        let document = Document(
            origin: origin,
            steps: plan.steps.map { s in
                Step(
                    number: s.number, cloud: s.cloud.rawValue, title: s.title, why: s.why, needs: s.needs,
                    notes: s.notes, setup: s.setup,
                    items: s.items.map { i in
                        Item(
                            resource: i.resource, name: i.name, values: i.values.map(value),
                            produces: i.produces.map(value), command: i.command)
                    })
            }, notes: plan.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Sanitizer.json(String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self))
    }
}
