import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel

/// Networks in real export shape under `Tests/Fixtures/networks/`, written from the clouds' API
/// references (not from the built-in example): see `Tests/Fixtures/networks/README-healthy.md`.
public enum FixtureNetworks {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/networks")

    /// Every JSON file of a fixture folder, with `replacing` files (by file name) swapped in.
    public static func load(_ folder: String, replacing: [String] = []) -> LoadResult {
        let base = root.appendingPathComponent(folder)
        var files: [InputFile] = []
        let replacements = Dictionary(
            uniqueKeysWithValues: replacing.map { path -> (String, URL) in
                let url = root.appendingPathComponent(path)
                return (url.lastPathComponent, url)
            })
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let source = replacements[url.lastPathComponent] ?? url
            let bytes = (try? Data(contentsOf: source)).map { Array($0) } ?? []
            files.append(InputFile(name: url.path.replacingOccurrences(of: base.path + "/", with: ""), bytes: bytes))
        }
        precondition(files.count > 20, "fixture \(folder) not found at \(base.path)")
        return Importer.load(files: files.sorted { $0.name < $1.name }, origin: folder)
    }

    /// The healthy network, its router status carrying `nextHopVpnTunnel` and `nextHopIp`.
    public static let healthy = load("healthy")
    /// The same network whose router status carries `nextHopIp` only.
    public static let healthyNextHopIpOnly = load(
        "healthy", replacing: ["healthy-variants/nexthop-ip-only/routers-get-status-cr-ew1-aws-europe-west1.json"])
}
