import Foundation
import TunnelscopeImport
import TunnelscopeModel

/// The built-in example with emoji-laden names: VPC and customer gateway Name tags, VPN
/// connection names and the annotated sites start and end with emoji of every kind a terminal
/// draws two cells wide (Unicode 14+ emoji, a default-emoji dingbat, a watch, a ZWJ sequence, a
/// flag, a VS16 heart, a skin-tone modifier).
public enum EmojiNames {
    /// 🫠 U+1FAE0, ✅ U+2705, ⌚ U+231A, 👩‍💻 (ZWJ), 🇯🇵 (regional indicators), ❤️ (U+2764 VS16), 👍🏽 (skin tone).
    public static let emoji = ["🫠", "✅", "⌚", "👩\u{200D}💻", "🇯🇵", "❤\u{FE0F}", "👍🏽"]
    public static let decoration = emoji.joined()
    /// Each of `emoji` takes two cells.
    public static let decorationWidth = 14

    public static var edits: Variants.Edits {
        [
            (Variants.customerGateways, { Hostile.tag($0, key: "Name", prefix: decoration, suffix: decoration) }),
            (
                "aws-111122223333/describe-vpcs.json",
                { Hostile.tag($0, key: "Name", prefix: decoration, suffix: decoration) }
            ),
            (Variants.vpnConnections, { Hostile.tag($0, key: "Name", prefix: decoration, suffix: "") }),
            (
                Variants.annotations,
                { text in
                    JSONEdit.edit(text) { value in
                        guard var root = value as? [String: Any], var sites = root["sites"] as? [[String: Any]]
                        else { return }
                        for i in sites.indices {
                            sites[i]["name"] = decoration + (sites[i]["name"] as? String ?? "") + decoration
                        }
                        root["sites"] = sites
                        root["labels"] = [String: String]()
                        value = root
                    }
                }
            ),
        ]
    }

    public static func load() -> LoadResult {
        Importer.load(files: Variants.files(edits), origin: "emoji variant")
    }

    public static func write(to directory: URL) throws {
        for file in Variants.files(edits) {
            let url = directory.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }
}
