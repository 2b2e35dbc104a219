import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// Pre-shared keys and BGP auth keys are in the exports; they never reach the model.
@Suite struct SecretsTests {
    static let secrets = ["Zk3x_example_psk_A1", "Zk3x_example_psk_B2", "Zk3x_example_psk_C1", "0xExampleBgpMd5Key"]

    @Test func theExampleReallyContainsSecrets() {
        let text = ExampleNetwork.files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        for secret in Self.secrets {
            #expect(text.contains(secret), "fixture should carry \(secret) so this test can fail")
        }
    }

    @Test func theModelHoldsNoSecret() {
        let result = ExampleNetwork.load()
        let dump = String(reflecting: result.model) + String(reflecting: result.report)
        for secret in Self.secrets { #expect(!dump.contains(secret)) }
        #expect(!dump.contains("pre_shared_key"))
    }
}
