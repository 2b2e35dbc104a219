import TunnelscopeModel

/// The manifest `scripts/export-aws.sh` and `scripts/export-gcp.sh` write into each folder they
/// export (`tunnelscope-manifest.json`; fields in README "Export manifest"):
///
///     {"tunnelscopeManifest": 1, "cloud": "aws", "tool": "export-aws.sh",
///      "startedAt": "2026-11-29T18:02:11Z", "finishedAt": "2026-11-29T18:03:40Z",
///      "cli": {"name": "aws", "version": "aws-cli/2.15.0 Python/3.11.6 Linux/6.1"},
///      "accounts": ["111122223333"], "projects": [], "regions": ["eu-west-1"],
///      "commands": [{"command": "aws ec2 describe-vpcs --region eu-west-1 --output json",
///                    "file": "describe-vpcs.json", "exitCode": 0, "error": null}, …]}
///
/// A manifest that cannot be used (no cloud, no valid times) is named in a warning with the
/// reason and its JSON path; the exports beside it load all the same, and their age is then
/// estimated from the files' times.
enum ManifestReader {
    static let key = "tunnelscopeManifest"
    static let fileName = "tunnelscope-manifest.json"

    static func read(_ root: Node, file: String, into state: inout ImportState) {
        if let version = root.int(key), version != 1 {
            root.context.warn(
                root.path + Node.keyPath(key),
                "version \(version) is newer than this tool knows (1); reading what it can")
        }
        func unusable(_ path: String, _ reason: String) {
            root.context.warn(
                path, "export manifest not used: \(reason); the export's age is estimated from the files' times instead"
            )
        }
        guard let cloudName = root.string("cloud") else {
            unusable(root.path + ".cloud", "it does not say which cloud (\"cloud\": \"aws\" or \"gcp\")")
            return
        }
        guard let cloud = Provenance.Cloud(rawValue: cloudName.lowercased()) else {
            unusable(root.path + ".cloud", "\(Node.quoted(cloudName)) is not a cloud it knows (aws or gcp)")
            return
        }
        var times: [Double] = []
        for field in ["startedAt", "finishedAt"] {
            guard let text = root.string(field) else {
                unusable(root.path + "." + field, "\(field) is missing")
                return
            }
            guard let time = Provenance.parseISO8601(text) else {
                unusable(
                    root.path + "." + field,
                    "\(field) \(Node.quoted(text)) is not an ISO 8601 time (2026-11-29T18:02:11Z)")
                return
            }
            times.append(time)
        }
        guard times[0] <= times[1] else {
            unusable(root.path + ".finishedAt", "finishedAt is before startedAt")
            return
        }
        let cli = root.object("cli").map { cli in
            [cli.string("name"), cli.string("version")].compactMap { $0 }.joined(separator: " ")
        }
        var commands: [Provenance.Command] = []
        for item in root.array("commands") {
            guard item.isObject, let command = item.string("command") else {
                item.context.warn(item.path, "a command without \"command\"; ignored")
                continue
            }
            guard let exitCode = item.int("exitCode") else {
                item.context.warn(item.path + ".exitCode", "missing or not a whole number; this command is ignored")
                continue
            }
            commands.append(
                Provenance.Command(
                    command: command, file: item.string("file"), exitCode: exitCode, error: item.string("error"),
                    optional: item.bool("optional") ?? false))
        }
        state.report.provenance.add(
            Provenance.Manifest(
                file: file, cloud: cloud, startedAt: times[0], finishedAt: times[1], tool: root.string("tool"),
                cli: cli.flatMap { $0.isEmpty ? nil : $0 }, accounts: root.strings("accounts"),
                projects: root.strings("projects"), regions: root.strings("regions"), commands: commands))
    }
}

extension LoadReport {
    /// Each cloud's loaded files' modification times (by what was recognised in them), for the
    /// export's age when no manifest says.
    mutating func addFileTimes(_ modified: [String: Double]) {
        guard !modified.isEmpty else { return }
        for file in loadedFiles {
            guard let time = modified[file.file] else { continue }
            for cloud in Provenance.Cloud.allCases
            where file.documents.contains(where: { $0.hasPrefix(cloud.rawValue + ":") }) {
                provenance.addFileTimes(cloud, .init(oldest: time, newest: time, files: 1))
            }
        }
    }
}
