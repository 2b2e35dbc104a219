import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeExample

@testable import TunnelscopeCLI

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

    @Test func eachTunnelReadsItsOwnPreSharedKey() throws {
        let text = PlanText.render(plan, origin: "built-in example")
        #expect(!text.contains(#"--shared-secret "$PSK""#))
        for variable in ["PSK_TO_GCP_IF0_T1", "PSK_TO_GCP_IF0_T2", "PSK_TO_GCP_IF1_T1", "PSK_TO_GCP_IF1_T2"] {
            #expect(text.contains("--shared-secret \"$\(variable)\""), "\(variable) in a tunnel command")
            #expect(
                text.components(separatedBy: "$ \(variable)=$(aws ec2 describe-vpn-connections").count == 2,
                "\(variable) set once")
        }
        #expect(text.contains("Options.TunnelOptions[].PreSharedKey of the tunnel with that outside IP"))
        #expect(text.contains("OutsideIpAddress=='52.1.20.22'"))
        #expect(!text.contains("Zk3x_example_psk"))
        let json = PlanJSON.render(plan, origin: "built-in example")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let steps = try #require(document["steps"] as? [[String: Any]])
        let tunnels = try #require(steps.first { ($0["title"] as? String)?.contains("VPN tunnels") == true })
        #expect((tunnels["setup"] as? [String])?.count == 4 && (tunnels["notes"] as? [String])?.count == 1)
        #expect(steps.filter { ($0["setup"] as? [String])?.isEmpty == false }.count == 1)
    }

    @Test func planIsASubcommand() throws {
        let command = try TunnelscopeCommand.parseAsRoot(["plan", "--format", "json"])
        #expect(command is PlanCommand)
    }
}
