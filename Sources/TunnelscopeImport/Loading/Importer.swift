import Foundation
import TunnelscopeModel

/// One input file: its name (as shown in messages) and its bytes.
public struct InputFile: Sendable {
    public let name: String
    public let bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

public enum Importer {
    /// Largest file read (a bigger one is listed as unreadable, with its size).
    public static let maxFileSize = 512 << 20
    /// Most bytes read from all files together (the files past it are listed as unreadable).
    public static let maxTotalSize = 2 << 30

    /// Loads files and directories (recursively; hidden entries are passed over).
    public static func load(paths: [String]) -> LoadResult {
        load(paths: paths, fileSystem: LocalFileSystem())
    }

    /// The size limits (tests make them small).
    struct Limits: Sendable {
        var file = maxFileSize
        var total = maxTotalSize
    }

    static func load(
        paths given: [String], fileSystem: any InputFileSystem, limits: Limits = Limits(), parallel: Bool = true
    ) -> LoadResult {
        var walker = InputWalker(fileSystem: fileSystem)
        walker.walk(given)
        let files = walker.files()
        let found = files.map(\.path)
        var report = LoadReport()
        report.files += walker.entries
        report.notes += walker.notes
        // Each file is judged by its first bytes before anything is read whole (on every core).
        let looks = map(found) { fileSystem.look($0) }
        // The size limits, in path order, over the files that look like JSON.
        var accepted: [Int: Bool] = [:]
        var total = 0
        var outcomes: [Int: ParseOutcome] = [:]
        for (i, look) in looks.enumerated() {
            switch look {
            case .notJSON(let reason): outcomes[i] = .notJSON(reason)
            case .unreadable(let reason): outcomes[i] = .unreadable(reason)
            case .json(let size):
                if size > limits.file {
                    outcomes[i] = .unreadable(tooLarge(size, limit: limits.file))
                } else if total + size > limits.total {
                    outcomes[i] = .unreadable(
                        "not read: with the files before it, more than the \(mebibytes(limits.total)) tunnelscope reads in all"
                    )
                } else {
                    total += size
                    accepted[i] = true
                }
            }
        }
        // Each file is read, parsed and decoded on its own, on every core, the largest first; its
        // bytes and parsed document are freed as soon as it is decoded. The results are merged
        // in path order, so the model and the report do not depend on which core finished first.
        let toRead = found.indices.filter { accepted[$0] == true }
        let sizes = looks.map { if case .json(let size) = $0 { size } else { 0 } }
        let decoded = map(toRead, largestFirst: { sizes[$0] }, parallel: parallel) { i -> ImportState in
            switch fileSystem.read(found[i], limit: limits.file) {
            case .bytes(let bytes): decode(found[i], bytes)
            case .unreadable(let reason): decodeFile(found[i], .unreadable(reason))
            }
        }
        var states: [Int: ImportState] = [:]
        for (i, state) in zip(toRead, decoded) { states[i] = state }
        report.bytesRead = total
        var modified: [String: Double] = [:]
        for file in files { if let time = file.modified { modified[file.path] = time } }
        return finish(
            found.indices.map { states[$0] ?? decodeFile(found[$0], outcomes[$0]!) },
            origin: given.joined(separator: " "), report: report, modified: modified)
    }

    static func tooLarge(_ size: Int, limit: Int) -> String {
        "\(mebibytes(size)), larger than the \(mebibytes(limit)) tunnelscope reads in one file"
    }

    /// `512 MiB`, `1.5 MiB`, `8.8 KiB`, `300 bytes`.
    static func mebibytes(_ n: Int) -> String {
        guard n >= 1024 else { return "\(n) bytes" }
        let (unit, shift) = n >= 1 << 30 ? ("GiB", 30) : n >= 1 << 20 ? ("MiB", 20) : ("KiB", 10)
        let tenths = (n * 10) >> shift
        return tenths % 10 == 0 ? "\(tenths / 10) \(unit)" : "\(tenths / 10).\(tenths % 10) \(unit)"
    }

    /// Loads in-memory files (the built-in example, tests). A name given twice is read once.
    public static func load(files: [InputFile], origin: String, report initial: LoadReport = LoadReport()) -> LoadResult
    {
        load(files: files, origin: origin, report: initial, parallel: true)
    }

    static func load(files: [InputFile], origin: String, report initial: LoadReport, parallel: Bool) -> LoadResult {
        var report = initial
        var names = Set<String>()
        let unique = files.filter { file in
            if names.insert(file.name).inserted { return true }
            report.notes.append(LoadMessage(file: file.name, path: nil, text: "given twice; read once"))
            return false
        }
        report.bytesRead += unique.reduce(0) { $0 + $1.bytes.count }
        let states = map(unique, largestFirst: { $0.bytes.count }, parallel: parallel) { file in
            decode(file.name, file.bytes)
        }
        return finish(states, origin: origin, report: report)
    }

    /// Merges the files' states in order and resolves what needs them all.
    private static func finish(
        _ files: [ImportState], origin: String, report initial: LoadReport, modified: [String: Double] = [:]
    ) -> LoadResult {
        var files = files
        var state = ImportState()
        state.report = initial
        state.reserve(for: files)
        // Each file's state is dropped once merged, so the merged copy does not double the model.
        for i in files.indices {
            state.merge(files[i])
            files[i] = ImportState()
        }
        state.resolvePending()
        state.report.addFileTimes(modified)
        state.report.judgeConflicts()
        return LoadResult(model: NetworkModel(parts: state.parts), report: state.report, origin: origin)
    }

    /// One file's outcome as a state of its own: its report line, and what it holds if it parsed.
    static func decodeFile(_ name: String, _ outcome: ParseOutcome) -> ImportState {
        var state = ImportState()
        switch outcome {
        case .unreadable(let reason):
            state.report.files.append(
                .init(file: name, outcome: .unreadable, documents: [], resources: 0, reason: reason))
        case .notJSON(let reason):
            state.report.files.append(.init(file: name, outcome: .notJSON, documents: [], resources: 0, reason: reason))
        case .invalid(let error):
            state.report.files.append(
                .init(file: name, outcome: .notJSON, documents: [], resources: 0, reason: "invalid JSON at \(error)"))
            state.report.skipped.append(
                LoadMessage(file: name, path: nil, text: "invalid JSON at \(error); file skipped"))
        case .parsed(let document):
            let context = DecodeContext(file: name)
            let root = Node(root: document, context: context)
            let documents = Recognizer.read(root, file: name, into: &state)
            state.summarizeUnlistedSkips(file: name)
            state.report.warnings += context.allWarnings
            if documents.isEmpty {
                let keys = root.keys.prefix(5).map(Node.shownKey).joined(separator: ", ")
                var reason =
                    "JSON, but not an export tunnelscope reads" + (keys.isEmpty ? "" : " (top-level keys: \(keys))")
                if !state.report.skipped.isEmpty {
                    reason = "nothing in it is used (each resource is listed as skipped)"
                } else {
                    state.report.skipped.append(LoadMessage(file: name, path: "$", text: reason))
                }
                state.report.files.append(
                    .init(file: name, outcome: .unrecognized, documents: [], resources: 0, reason: reason))
            } else {
                state.report.files.append(
                    .init(
                        file: name, outcome: .loaded, documents: documents, resources: state.report.resourcesSeen,
                        reason: nil))
            }
        }
        return state
    }

    enum ParseOutcome {
        case parsed(JSONDocument)
        case invalid(JSONSyntaxError)
        case notJSON(String)
        case unreadable(String)
    }

    /// Judges a file by its first bytes, then parses and decodes it (the document reads the
    /// bytes in place and is gone when this returns).
    static func decode(_ name: String, _ bytes: [UInt8]) -> ImportState {
        switch sniff(bytes[...]) {
        case .blank: return decodeFile(name, .notJSON(bytes.isEmpty ? "empty file" : "only white space"))
        case .notJSON(let reason): return decodeFile(name, .notJSON(reason))
        case .jsonUTF16(let bigEndian):
            var state = decode(name, utf8(fromUTF16: bytes, bigEndian: bigEndian))
            state.report.notes.append(
                LoadMessage(
                    file: name, path: nil,
                    text:
                        "UTF-16 text (\(bigEndian ? "big" : "little")-endian; Windows PowerShell's > writes it), read as UTF-8"
                ))
            return state
        case .json:
            return bytes.withUnsafeBufferPointer { buffer in
                do throws(JSONSyntaxError) {
                    return decodeFile(name, .parsed(try JSONParser.parse(buffer)))
                } catch {
                    return decodeFile(name, .invalid(error))
                }
            }
        }
    }
}
