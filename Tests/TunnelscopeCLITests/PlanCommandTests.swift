import Foundation
import Testing
@testable import TunnelscopeCLI
import TunnelscopeAnalysis
import TunnelscopeExample

/// `tunnelscope plan`: text and JSON of the creation order.
@Suite struct PlanCommandTests {
    let plan = Analysis(model: ExampleNetwork.load().model).plan

    @Test func jsonListsOrderedStepsWithSourcedValues() throws {
        let text = PlanJSON.render(plan, origin: "built-in example")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let steps = try #require(document["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["number"] as? Int } == Array(1...steps.count))
        #expect(steps.allSatisfy { ["AWS", "GCP"].contains($0["cloud"] as? String ?? "") })
        let cgw = try #require(steps.first { ($0["title"] as? String)?.contains("customer gateway per HA") == true })
        let item = try #require((cgw["items"] as? [[String: Any]])?.first)
        let ip = try #require((item["values"] as? [[String: Any]])?.first)
        #expect(ip["source"] as? String == "step" && ip["step"] as? Int == 3)
        #expect(!text.contains("Zk3x_example_psk"))
    }

    @Test func textNumbersTheStepsAndExplainsTheSources() {
        let text = PlanText.render(plan, origin: "built-in example")
        #expect(text.contains(" 3. GCP: create the HA VPN gateway"))
        #expect(text.contains(" 5. AWS: create one customer gateway per HA VPN interface"))
        #expect(text.contains("IP address: 35.242.1.10 (HA interface 0) (step 3)"))
        #expect(text.contains("breaks the cycle"))
    }

    @Test func planIsASubcommand() throws {
        let command = try TunnelscopeCommand.parseAsRoot(["plan", "--format", "json"])
        #expect(command is PlanCommand)
    }
}
