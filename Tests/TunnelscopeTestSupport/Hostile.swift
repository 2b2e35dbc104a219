import Foundation
import TunnelscopeImport
import TunnelscopeModel

/// The built-in example with hostile names: terminal escapes, a forged line, bidi and C1 controls
/// in Name tags, GCP names and descriptions, annotation site names, a file name, a JSON key and a
/// bad CIDR. Every command and view is run on it; no raw control byte may come out.
public enum Hostile {
    /// OSC 0 (window title), OSC 52 (clipboard), CR LF then a forged line, a bidi override, a C1
    /// CSI (U+009B), a bidi isolate.
    public static let payload =
        "\u{1B}]0;PWNED\u{7}|\u{1B}]52;c;UFdORUQ=\u{7}|\r\nFORGED|\u{202E}evil|\u{9B}31m|\u{2066}x\u{2069}"

    /// The payload as the sanitiser shows it (spelled out here, not computed by it).
    public static let visible =
        #"\u{1b}]0;PWNED\u{07}|\u{1b}]52;c;UFdORUQ=\u{07}|\u{0d}\u{0a}FORGED|\u{202e}evil|\u{9b}31m|\u{2066}x\u{2069}"#

    /// The payload inside a JSON string literal (without the quotes).
    public static let payloadJSON: String = {
        let data = try! JSONSerialization.data(withJSONObject: [payload], options: [.withoutEscapingSlashes])
        return String(String(decoding: data, as: UTF8.self).dropFirst(2).dropLast(2))
    }()

    /// The GCP tunnel renamed everywhere (its router interface and BGP peer names follow).
    public static let gcpTunnel = "aws-tunnel-1" + payload
    /// The Shared VPC network renamed everywhere.
    public static let network = "hub-vpc" + payload
    /// A file whose name carries the payload (CR and LF included): a truncated export.
    public static let fileName = "aws-111122223333/evil" + payload + ".json"

    /// `text` (an AWS describe output) with every tag `key` given a prefix and a suffix.
    static func tag(_ text: String, key: String, prefix: String = "", suffix: String) -> String? {
        JSONEdit.edit(text) { value in
            guard var root = value as? [String: Any] else { return }
            for (listKey, list) in root {
                guard var items = list as? [[String: Any]] else { continue }
                for i in items.indices {
                    guard var tags = items[i]["Tags"] as? [[String: Any]] else { continue }
                    for j in tags.indices where tags[j]["Key"] as? String == key {
                        tags[j]["Value"] = prefix + (tags[j]["Value"] as? String ?? "") + suffix
                    }
                    items[i]["Tags"] = tags
                }
                root[listKey] = items
            }
            value = root
        }
    }

    static func renameGCP(_ text: String) -> String {
        text.replacingOccurrences(of: "aws-tunnel-1", with: "aws-tunnel-1" + payloadJSON)
            .replacingOccurrences(of: "\"name\": \"hub-vpc\"", with: "\"name\": \"hub-vpc\(payloadJSON)\"")
            .replacingOccurrences(of: "networks/hub-vpc\"", with: "networks/hub-vpc\(payloadJSON)\"")
    }

    public static var edits: Variants.Edits {
        var edits: Variants.Edits = [
            (Variants.customerGateways, { tag($0, key: "Name", suffix: payload) }),
            ("aws-111122223333/describe-vpcs.json", { tag($0, key: "Name", suffix: payload) }),
            (Variants.vpnConnections, { tag($0, key: "Name", suffix: payload) }),
            (
                Variants.annotations,
                { text in
                    JSONEdit.edit(text) { value in
                        guard var root = value as? [String: Any], var sites = root["sites"] as? [[String: Any]]
                        else { return }
                        for i in sites.indices { sites[i]["name"] = (sites[i]["name"] as? String ?? "") + payload }
                        root["sites"] = sites
                        value = root
                    }
                }
            ),
            (
                Variants.gcpTunnels,
                { text in
                    JSONEdit.updating(renameGCP(text), where: { _ in true }) { $0["description"] = payload }
                }
            ),
        ]
        for file in [
            Variants.routers, Variants.routerStatus, Variants.haGateways, Variants.networks, Variants.subnets,
            Variants.gcpRoutes, "gcp-svc-prj-a/redis-instances-list.json",
        ] {
            edits.append((file, { renameGCP($0) }))
        }
        return edits
    }

    public static var extraFiles: [String: String] {
        [
            fileName: "{\"\(payloadJSON)\": [1,",
            "gcp-net-host-prj/not-an-export.json": "{\"\(payloadJSON)\": []}",
            "aws-444455556666/describe-vpcs-extra.json":
                "{\"Vpcs\": [{\"VpcId\": \"vpc-0bad0bad0bad0bad0\", \"OwnerId\": \"444455556666\", \"CidrBlock\": \"10.0.0.0/\(payloadJSON)\"}]}",
        ]
    }

    public static func files() -> [InputFile] { Variants.files(edits, extraFiles: extraFiles) }

    public static func load() -> LoadResult { Importer.load(files: files(), origin: "hostile variant") }

    /// Writes the variant under `directory` (file names as they are, payload included).
    public static func write(to directory: URL) throws {
        for file in files() {
            let url = directory.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }

    /// A code point no output may carry raw: C0 controls (but the line feeds between lines), DEL,
    /// C1, line and paragraph separators, bidi controls, invisible format characters.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x0A { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if [0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x200B, 0xFEFF, 0x2060, 0x00AD].contains(v) { return true }
        return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// What is wrong with an output: raw forbidden code points (outside the SGR colour sequences
    /// `render --color` draws with, when `sgr` allows them) and lines forged by a line feed.
    public static func violations(in output: String, sgr: Bool = false) -> [String] {
        var text = output
        if sgr { text = text.replacing(try! Regex("\u{1B}\\[[0-9;]*m"), with: "") }
        var problems: [String] = []
        let raw = text.unicodeScalars.filter(isForbidden)
        if !raw.isEmpty {
            problems.append(
                "raw code points: "
                    + Set(raw.map { "U+" + String($0.value, radix: 16) }).sorted().joined(separator: " "))
        }
        // A line that starts with the payload's FORGED without the visible \u{0a} just before it
        // (a word-wrapped view may legitimately break a line right after the escape).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let forged = lines.indices.filter { i in
            lines[i].drop { $0 == " " }.hasPrefix("FORGED") && (i == 0 || !lines[i - 1].contains(#"\u{0a}"#))
        }
        if !forged.isEmpty { problems.append("forged lines: \(forged.prefix(3).map { lines[$0] })") }
        return problems
    }
}
