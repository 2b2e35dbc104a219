import Foundation
import Testing
import TunnelscopeModel
import TunnelscopeSynthetic

@testable import TunnelscopeImport

/// Files are read, parsed and decoded on every core and merged in path order: the result must be
/// exactly what reading them one by one gives (same model, same order, same report), whichever
/// core finishes first, with copies of resources across files and within a file.
@Suite struct ParallelLoadTests {
    static func describe(_ result: LoadResult) -> String {
        canonical(result.model) + canonical(result.report)
    }

    /// Every stored value, recursively; dictionaries and sets in sorted order (their iteration
    /// order is not part of the result).
    static func canonical(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        let children = mirror.children.map { ($0.label ?? "") + "=" + canonical($0.value) }
        switch mirror.displayStyle {
        case .dictionary, .set: return "{" + children.sorted().joined(separator: ",") + "}"
        case nil: return String(describing: value)
        default:
            return "\(mirror.subjectType)(" + children.joined(separator: ",") + ")"
        }
    }

    /// A generated faulty network, with copies: a whole file twice under two names, one file's
    /// resources repeated inside it, a damaged file and an unrelated one among them.
    static func files() -> [InputFile] {
        var files = SyntheticNetwork(vpcs: 400, accounts: 7, routesPerTable: 6, gcpSubnets: 40, realistic: true).files()
        let copied = files.filter { $0.name.contains("describe-vpcs") || $0.name.contains("route-tables") }
        files += copied.map { InputFile(name: "copies/" + $0.name, bytes: $0.bytes) }
        let subnets =
            #"{"Subnets": [{"SubnetId": "subnet-dup", "VpcId": "vpc-x", "CidrBlock": "10.9.0.0/24"}, {"SubnetId": "subnet-dup", "VpcId": "vpc-x", "CidrBlock": "10.9.0.0/24"}, {"SubnetId": 7}]}"#
        files.append(InputFile(name: "z/dup-subnets.json", bytes: Array(subnets.utf8)))
        files.insert(InputFile(name: "a/truncated.json", bytes: Array(#"{"Vpcs": [{"VpcId": "vpc-t""#.utf8)), at: 3)
        files.insert(InputFile(name: "a/other.json", bytes: Array(#"{"hello": 1}"#.utf8)), at: 5)
        return files
    }

    @Test func inMemoryFilesLoadTheSameOnEveryCoreAsOneByOne() {
        let files = Self.files()
        let serial = Importer.load(files: files, origin: "t", report: LoadReport(), parallel: false)
        #expect(serial.report.duplicates > 0, "the copies are there to be merged")
        #expect(serial.report.resourcesSkipped > 0)
        let expected = Self.describe(serial)
        for _ in 0..<3 {
            let parallel = Importer.load(files: files, origin: "t", report: LoadReport(), parallel: true)
            #expect(Self.describe(parallel) == expected)
        }
    }

    @Test func foldersLoadTheSameOnEveryCoreAsOneByOne() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in Self.files() {
            let url = root.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        var paths = [root.path]
        if WildCorpus.available { paths.append(WildCorpus.folder.path) }
        let serial = Importer.load(paths: paths, fileSystem: LocalFileSystem(), parallel: false)
        let parallel = Importer.load(paths: paths, fileSystem: LocalFileSystem(), parallel: true)
        #expect(serial.report.files.count > 40)
        #expect(Self.describe(parallel) == Self.describe(serial))
    }
}
