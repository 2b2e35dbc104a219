import TunnelscopeModel

/// Turns the paths given on the command line into the files to read. Every path given or found
/// ends up either in `files` or in the report with the true reason:
/// - folders are read recursively (hidden entries are passed over); one that cannot be listed is
///   unreadable (an `incomplete-input` error: what it held is missing);
/// - symbolic links are followed, to files and to folders; a broken link or a loop is unreadable
///   and says so;
/// - named pipes, sockets and devices are not read: given directly they are unreadable (the
///   user asked for them), found in a folder they are passed over, each with what it is;
/// - the same file (or folder) reached twice — given twice, through a link, a hard link — is
///   read once, and a note says where else it was reached.
struct InputWalker {
    struct Found {
        let path: String
        let identity: FileStatus.Identity
        /// Reached through a symbolic link (a path that is no link wins when both reach the file).
        let throughLink: Bool
        /// When the file was last modified (seconds since 1970), when known.
        var modified: Double? = nil
    }

    let fileSystem: any InputFileSystem
    private(set) var found: [Found] = []
    private(set) var entries: [LoadReport.FileEntry] = []
    private(set) var notes: [LoadMessage] = []
    private var folders: [FileStatus.Identity: String] = [:]

    init(fileSystem: any InputFileSystem) { self.fileSystem = fileSystem }

    /// Deepest folder nesting followed.
    static let maxDepth = 64

    mutating func walk(_ paths: [String]) {
        for path in paths { visit(path, given: true, throughLink: false, depth: 0) }
    }

    /// The files to read, each once, in path order, and a note for each other way it was reached.
    mutating func files() -> [Found] {
        var byIdentity: [FileStatus.Identity: [Found]] = [:]
        for file in found { byIdentity[file.identity, default: []].append(file) }
        var kept: [Found] = []
        for group in byIdentity.values {
            let sorted = group.sorted { ($0.throughLink ? 1 : 0, $0.path) < ($1.throughLink ? 1 : 0, $1.path) }
            kept.append(sorted[0])
            for other in sorted.dropFirst() {
                notes.append(
                    LoadMessage(
                        file: other.path, path: nil,
                        text:
                            "\(other.path == sorted[0].path ? "this file" : "the same file as \(sorted[0].path)")\(Self.how(other, sorted[0])); read once"
                    ))
            }
        }
        return kept.sorted { $0.path < $1.path }
    }

    private static func how(_ other: Found, _ first: Found) -> String {
        if other.path == first.path { return " (reached twice: given twice, or also inside a folder given)" }
        return other.throughLink ? " (reached through a symbolic link)" : " (a hard link)"
    }

    private mutating func unreadable(_ path: String, _ reason: String) {
        entries.append(.init(file: path, outcome: .unreadable, documents: [], resources: 0, reason: reason))
    }

    private mutating func passedOver(_ path: String, _ reason: String) {
        entries.append(.init(file: path, outcome: .notJSON, documents: [], resources: 0, reason: reason))
    }

    private mutating func visit(_ path: String, given: Bool, throughLink: Bool, depth: Int) {
        var status: FileStatus
        switch fileSystem.status(path, followingLinks: false) {
        case .success(let s): status = s
        case .failure(let error):
            unreadable(path, error.isMissing ? "no such file or directory" : "cannot be examined (\(error.text))")
            return
        }
        var viaLink = throughLink
        var linkNote = ""
        if status.kind == .symlink {
            let target = fileSystem.linkTarget(path) ?? "?"
            switch fileSystem.status(path, followingLinks: true) {
            case .success(let s):
                status = s
                viaLink = true
                linkNote = " (a symbolic link to \(target))"
            case .failure(let error):
                if error.isLoop {
                    unreadable(path, "a symbolic link that loops (to \(target)); not followed")
                } else if error.isMissing {
                    unreadable(path, "a broken symbolic link: its target \(target) does not exist")
                } else {
                    unreadable(path, "a symbolic link to \(target) that cannot be followed (\(error.text))")
                }
                return
            }
        }
        switch status.kind {
        case .regular:
            found.append(
                Found(path: path, identity: status.identity, throughLink: viaLink, modified: status.modified))
        case .directory:
            if let first = folders[status.identity] {
                notes.append(
                    LoadMessage(
                        file: path, path: nil,
                        text:
                            "the same folder as \(first)\(first == path ? " (given twice)" : linkNote.isEmpty ? "" : linkNote); read once"
                    ))
                return
            }
            folders[status.identity] = path
            guard depth < Self.maxDepth else {
                unreadable(path, "a folder nested more than \(Self.maxDepth) levels deep; not read")
                return
            }
            switch fileSystem.list(path) {
            case .failure(let error):
                unreadable(path, "a folder that cannot be listed (\(error.text))\(linkNote): what it holds is not read")
            case .success(let names):
                let prefix = path.hasSuffix("/") ? path : path + "/"
                for name in names.sorted() where !name.hasPrefix(".") {
                    visit(prefix + name, given: false, throughLink: viaLink, depth: depth + 1)
                }
            }
        case .symlink, .fifo, .socket, .characterDevice, .blockDevice, .other:
            let what = "\(status.kind.described)\(linkNote), not a regular file"
            if given {
                unreadable(path, what + ": tunnelscope reads regular files only (save the output to a file first)")
            } else {
                passedOver(path, what + "; passed over")
            }
        }
    }
}
