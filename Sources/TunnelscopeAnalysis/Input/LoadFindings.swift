import TunnelscopeModel

/// Findings about the input itself, made from the load report (the rules see only the model, so
/// they cannot tell that part of the network is missing from it). `Analysis(model:report:)`
/// adds them to `findings`. Rule `incomplete-input`:
///
/// - `error` when a whole file could not be used although it should have been: it looked like
///   JSON but does not parse (invalid, truncated), or it could not be read at all;
/// - `warning` when files loaded but some resources in them were skipped.
///
/// Files that are simply not JSON, and JSON that is not an export tunnelscope reads, do not
/// count: a folder of exports may also hold notes, images or other tools' output.
///
///     let analysis = Analysis(model: result.model, report: result.report)
///     analysis.findings   // incomplete-input first among findings of the same severity
public enum LoadFindings {
    public static let rule = "incomplete-input"

    /// How many files or resources a message names before "… and N more".
    static let shown = 2

    public static func findings(for report: LoadReport) -> [Finding] {
        var findings: [Finding] = []
        let broken = report.files.filter(isBroken)
        if !broken.isEmpty {
            let details = broken.prefix(shown).map { "\($0.file): \($0.reason ?? $0.outcome.rawValue)" }
            let more = broken.count > shown ? "; … and \(broken.count - shown) more" : ""
            let one = broken.count == 1
            // A folder that cannot be listed is named as one (its reason starts "a folder").
            let folders = broken.filter { ($0.reason ?? "").hasPrefix("a folder") }.count
            let noun =
                folders == 0
                ? plural(broken.count, "file")
                : folders == broken.count ? plural(broken.count, "folder") : "\(broken.count) files and folders"
            findings.append(
                Finding(
                    rule: rule, severity: .error,
                    message:
                        "\(noun) could not be read (\(details.joined(separator: "; "))\(more)): "
                        + "what \(one ? "it" : "they") held is missing from this analysis",
                    resources: broken.map(\.file),
                    hint: folders == broken.count
                        ? "Make \(one ? "it" : "them") readable (check the permissions) and run check again"
                        : (folders > 0
                            ? "Make the folders readable (check the permissions); re-export the files"
                            : "Re-export \(one ? "it" : "them")")
                            + " (scripts/export-aws.sh and scripts/export-gcp.sh write one file per command) "
                            + "and run check again; a file that is not an export can be moved out of the folder"))
        }
        let loaded = Set(report.loadedFiles.map(\.file))
        let skipped = report.skipped.filter { loaded.contains($0.file) && !isDeliberatelyUnused($0) }
        if !skipped.isEmpty {
            var files: [String] = []
            for message in skipped where !files.contains(message.file) { files.append(message.file) }
            let details = skipped.prefix(shown).map(\.description)
            let more = skipped.count > shown ? "; … and \(skipped.count - shown) more" : ""
            let one = skipped.count == 1
            findings.append(
                Finding(
                    rule: rule, severity: .warning,
                    message:
                        "\(plural(skipped.count, "resource")) in \(plural(files.count, "loaded file")) \(one ? "was" : "were") skipped "
                        + "(\(details.joined(separator: "; "))\(more)): what \(one ? "it" : "they") held is missing from this analysis",
                    resources: files,
                    hint:
                        "`tunnelscope check --verbose` lists each with its JSON path; re-export \(files.count == 1 ? "the file" : "these files") "
                        + "if \(files.count == 1 ? "it was" : "they were") cut or edited"))
        }
        return findings
    }

    /// A file that should have given resources and gave none: it looked like JSON (starts with
    /// `{` or `[`) but does not parse, or it could not be read.
    static func isBroken(_ file: LoadReport.FileEntry) -> Bool {
        switch file.outcome {
        case .unreadable: true
        case .notJSON: (file.reason ?? "").hasPrefix("invalid JSON")
        case .loaded, .unrecognized: false
        }
    }

    /// A resource of a kind tunnelscope does not use (`compute#address` in a list): skipped on
    /// purpose, nothing the analysis needs is lost.
    static func isDeliberatelyUnused(_ message: LoadMessage) -> Bool {
        message.text.hasSuffix("is not used by tunnelscope")
    }

    private static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
