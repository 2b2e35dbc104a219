import Foundation
import Testing
import TunnelscopeImport
import TunnelscopeModel

/// Real published exports (`../shared/samples/wild/`, read in place, never copied; what each file
/// is: its `SOURCES.md`). Each file is loaded, refused with the right reason, or accepted as a
/// near-miss with a line that says so.
enum WildCorpus {
    /// `#filePath` → the package root → `../shared/samples/wild`.
    static let folder = Fixtures.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/samples/wild")
    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("SOURCES.md").path)
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let outcome: LoadReport.FileOutcome
        /// Resources seen in the file, and loaded of them.
        let resources: Int
        let loaded: Int
        /// Each is in a line the report has for this file (skipped, warning, note or the file's reason).
        let says: [String]

        init(
            _ file: String, _ outcome: LoadReport.FileOutcome = .loaded, resources: Int, loaded: Int? = nil,
            says: [String] = []
        ) {
            self.file = file
            self.outcome = outcome
            self.resources = resources
            self.loaded = loaded ?? resources
            self.says = says
        }

        var testDescription: String { file }
    }

    static let aws = "aws/awscli-examples/"
    static let boto = "aws/botocore-tests/"
    static let c7n = "aws/c7n-placebo/"
    static let flights = "gcp/c7n-flights/"
    static let diag = "gcp/gcpdiag/"
    static let notXML = "configuration XML could not be read (line 1, column 1: no root element"

    static let expected: [Expected] = [
        // AWS CLI documentation examples.
        Expected(
            aws + "create-vpn-connection-3.json", resources: 1,
            says: ["VpnConnection (the output of a create- or modify- command) read as one VpnConnection", notXML]),
        Expected(aws + "describe-customer-gateways-1.json", resources: 2),
        Expected(aws + "describe-customer-gateways-2.json", resources: 1),
        Expected(aws + "describe-route-tables-1.json", resources: 3),
        Expected(aws + "describe-route-tables-2016.json", resources: 3),
        Expected(
            aws + "describe-subnets-1.json", .notJSON, resources: 0,
            says: [
                "invalid JSON at line 17, column 39: unexpected character '''",
                "invalid JSON at line 17, column 39: unexpected character '''; file skipped",
            ]),
        Expected(aws + "describe-subnets-2.json", resources: 1),
        Expected(aws + "describe-transit-gateway-attachments-1.json", resources: 4),
        Expected(aws + "describe-transit-gateway-route-tables-1.json", resources: 2),
        Expected(aws + "describe-transit-gateway-vpc-attachments-1.json", resources: 1),
        Expected(aws + "describe-transit-gateways-1.json", resources: 2),
        Expected(aws + "describe-vpc-peering-connections-1.json", resources: 2),
        Expected(aws + "describe-vpcs-1.json", resources: 2),
        Expected(aws + "describe-vpcs-2.json", resources: 1),
        Expected(aws + "describe-vpn-connections-1.json", resources: 1, says: [notXML]),
        Expected(
            aws + "describe-vpn-connections-2017.json", resources: 1,
            says: ["VpnConnections is an object, not a list; read as the one VpnConnection", notXML]),
        Expected(aws + "describe-vpn-gateways-1.json", resources: 2),
        Expected(aws + "directconnect-describe-direct-connect-gateways-1.json", resources: 2),
        Expected(aws + "directconnect-describe-virtual-interfaces-1.json", resources: 2),
        Expected(
            aws + "get-transit-gateway-route-table-propagations-1.json", resources: 3,
            says: ["propagation list does not say which route table it is for"]),
        Expected(
            aws + "modify-vpn-tunnel-options-1.json", resources: 1,
            says: ["VpnConnection (the output of a create- or modify- command) read as one VpnConnection", notXML]),
        Expected(
            aws + "search-transit-gateway-routes-1.json", resources: 2,
            says: ["route search does not say which route table it is for"]),
        // botocore's parses of the EC2 API reference.
        Expected(boto + "describe-customer-gateways.json", resources: 1),
        Expected(boto + "describe-route-tables.json", resources: 2),
        Expected(boto + "describe-subnets.json", resources: 1),
        Expected(boto + "describe-vpcs.json", resources: 1),
        Expected(boto + "describe-vpn-connections.json", resources: 1, says: [notXML]),
        Expected(boto + "describe-vpn-gateways.json", resources: 1),
        // Cloud Custodian recordings.
        Expected(c7n + "describe-route-tables.json", resources: 4),
        Expected(
            c7n + "describe-transit-gateway-attachments-cwe.json", resources: 5, loaded: 1,
            says: ["$.TransitGatewayAttachments[0].State: TransitGatewayAttachment skipped: state is deleted"]),
        Expected(c7n + "describe-transit-gateway-attachments.json", resources: 1),
        Expected(c7n + "describe-transit-gateways.json", resources: 1),
        Expected(c7n + "describe-vpc-peering-connections.json", resources: 1),
        Expected(c7n + "describe-vpcs.json", resources: 1),
        Expected(c7n + "directconnect-describe-direct-connect-gateways.json", resources: 1),
        // GCP REST recordings (Cloud Custodian, gcpdiag), a blog, gcloud YAML converted.
        Expected(flights + "networks-describe-default.json", resources: 1),
        Expected(flights + "networks-list.json", resources: 3),
        Expected(flights + "redis-instances-describe.json", resources: 1),
        Expected(flights + "redis-instances-list.json", resources: 1),
        Expected(flights + "routers-aggregatedList.json", resources: 1),
        Expected(flights + "routers-describe-test-router-2.json", resources: 1),
        Expected(flights + "routes-list.json", resources: 1),
        Expected(flights + "subnetworks-aggregatedList.json", resources: 18),
        Expected(flights + "subnetworks-describe-default.json", resources: 1),
        Expected(diag + "compute-project-host.json", resources: 1),
        Expected(diag + "networks-describe-default.json", resources: 1),
        Expected(
            diag + "routers-get-status-dummy-router1.json", resources: 1,
            says: ["router status matches no exported router (its BGP peers: dummy-"]),
        Expected(
            diag + "routers-get-status-public-nat-cloud-router.json", resources: 1,
            says: ["router status lists no BGP peers (a router without BGP sessions, such as a NAT-only router?)"]),
        Expected(diag + "routers-list-us-east4.json", resources: 3),
        Expected(diag + "routes-list.json", resources: 3),
        Expected(diag + "subnetworks-aggregatedList.json", resources: 37),
        Expected(
            diag + "target-vpn-gateways-aggregatedList.json", resources: 0,
            says: [
                #"Classic VPN gateway "classic-vpn-gw1" (compute#targetVpnGateway): Classic VPN is known but not modelled"#
            ]),
        Expected("gcp/rest-blog/vpn-gateways-describe-on-prem-vpn-gw1.json", resources: 1),
        Expected("gcp/rest-blog/vpn-tunnels-describe-on-prem-tunnel0.json", resources: 1),
        Expected("gcp/yaml-converted/networks-describe-ihaz-cloud-vpc-alpha.json", resources: 1),
        Expected(
            "gcp/yaml-converted/routers-get-status-ihaz-cloud-alpha-router.json", resources: 1,
            says: ["router status matches no exported router (its BGP peers: ihaz-cloud-alpha-peer-int-00)"]),
    ]
}

@Suite(
    .enabled(
        if: WildCorpus.available, "../shared/samples/wild is not next to the package: the wild corpus tests are skipped"
    ))
struct WildCorpusTests {
    @Test(arguments: WildCorpus.expected)
    func eachFileAlone(_ expected: WildCorpus.Expected) throws {
        let path = WildCorpus.folder.appendingPathComponent(expected.file).path
        let result = Importer.load(paths: [path])
        let entry = try #require(result.report.files.first)
        #expect(result.report.files.count == 1)
        #expect(entry.outcome == expected.outcome)
        #expect(entry.resources == expected.resources)
        #expect(result.report.resourcesLoaded == expected.loaded)
        #expect(result.report.reconciles)
        let lines =
            (result.report.skipped + result.report.warnings + result.report.notes).map(\.description)
            + [entry.reason].compactMap { $0 }
        for phrase in expected.says {
            #expect(lines.contains { $0.contains(phrase) }, "\(phrase) in \(lines)")
        }
        // Nothing unexplained: every line about the file is one the table expects.
        #expect(lines.count <= expected.says.count + (expected.resources - expected.loaded), "\(lines)")
    }

    @Test func everyFileIsListed() throws {
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: WildCorpus.folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(onDisk == WildCorpus.expected.map(\.file).sorted(), "a new file in the corpus needs its expectation")
    }

    @Test func theWholeCorpusTogether() throws {
        let result = Importer.load(paths: [WildCorpus.folder.path])
        let report = result.report
        #expect(report.files.count == WildCorpus.expected.count + 1, "and SOURCES.md")
        #expect(report.files.filter { $0.outcome == .unrecognized }.isEmpty, "every JSON file is recognised")
        #expect(
            report.files.filter { $0.outcome != .loaded }.map { URL(fileURLWithPath: $0.file).lastPathComponent }
                .sorted() == ["SOURCES.md", "describe-subnets-1.json"])
        #expect(report.reconciles)
        // Together, the router status finds its router (by its BGP peer names).
        #expect(result.model.cloudRouters.first { $0.name == "dummy-router1" }?.hasStatus == true)
        #expect(!report.notes.contains { $0.file.hasSuffix("routers-get-status-dummy-router1.json") })
        #expect(
            result.model.vpnConnections.map(\.id).sorted() == [
                "vpn-1122334455aabbccd", "vpn-123123123123abcab", "vpn-12345678901234567", "vpn-40f41529",
                "vpn-44a8938f",
            ])
        #expect(result.model.redisInstances.count == 2)
    }
}
