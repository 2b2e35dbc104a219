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
    /// Largest file read (a bigger one is listed as skipped).
    public static let maxFileSize = 1 << 30

    /// Loads files and directories (recursively; hidden entries are passed over).
    public static func load(paths: [String]) -> LoadResult {
        var report = LoadReport()
        var inputs: [InputFile] = []
        for path in paths {
            for file in expand(path, report: &report) {
                do {
                    let attributes = try FileManager.default.attributesOfItem(atPath: file)
                    if let size = attributes[.size] as? Int, size > maxFileSize {
                        report.files.append(
                            .init(
                                file: file, outcome: .unreadable, documents: [], resources: 0,
                                reason: "larger than \(maxFileSize >> 20) MiB"))
                        continue
                    }
                    let data = try Data(contentsOf: URL(fileURLWithPath: file))
                    inputs.append(InputFile(name: file, bytes: [UInt8](data)))
                } catch {
                    report.files.append(
                        .init(
                            file: file, outcome: .unreadable, documents: [], resources: 0,
                            reason: "cannot be read (\(error.localizedDescription))"))
                }
            }
        }
        return load(files: inputs, origin: paths.joined(separator: " "), report: report)
    }

    /// Loads in-memory files (the built-in example, tests).
    public static func load(files: [InputFile], origin: String, report initial: LoadReport = LoadReport()) -> LoadResult
    {
        var state = ImportState()
        state.report = initial
        // Parsing is the expensive part and is independent per file: do it on every core.
        let parsed = parseAll(files)
        for (file, outcome) in zip(files, parsed) {
            switch outcome {
            case .notJSON(let reason):
                state.report.files.append(
                    .init(file: file.name, outcome: .notJSON, documents: [], resources: 0, reason: reason))
            case .invalid(let error):
                state.report.files.append(
                    .init(
                        file: file.name, outcome: .notJSON, documents: [], resources: 0,
                        reason: "invalid JSON at \(error)"))
                state.report.skipped.append(
                    LoadMessage(file: file.name, path: nil, text: "invalid JSON at \(error); file skipped"))
            case .parsed(let value):
                let context = DecodeContext(file: file.name)
                let before = state.report.resourcesSeen
                let skippedBefore = state.report.skipped.count
                let root = Node(value: value, path: "$", context: context)
                let documents = Recognizer.read(root, file: file.name, into: &state)
                state.report.warnings += context.warnings
                if documents.isEmpty {
                    let keys = root.keys.prefix(5).joined(separator: ", ")
                    var reason =
                        "JSON, but not an export tunnelscope reads" + (keys.isEmpty ? "" : " (top-level keys: \(keys))")
                    if state.report.skipped.count > skippedBefore {
                        reason = "nothing in it is used (each resource is listed as skipped)"
                    } else {
                        state.report.skipped.append(LoadMessage(file: file.name, path: "$", text: reason))
                    }
                    state.report.files.append(
                        .init(file: file.name, outcome: .unrecognized, documents: [], resources: 0, reason: reason))
                } else {
                    state.report.files.append(
                        .init(
                            file: file.name, outcome: .loaded, documents: documents,
                            resources: state.report.resourcesSeen - before, reason: nil))
                }
            }
        }
        state.resolvePending()
        return LoadResult(model: NetworkModel(parts: state.parts), report: state.report, origin: origin)
    }

    enum ParseOutcome: Sendable {
        case parsed(JSONValue)
        case invalid(JSONSyntaxError)
        case notJSON(String)
    }

    static func parseAll(_ files: [InputFile]) -> [ParseOutcome] {
        let results = ResultSlots<ParseOutcome>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results.set(i, parse(files[i].bytes))
        }
        return results.values
    }

    static func parse(_ bytes: [UInt8]) -> ParseOutcome {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return .notJSON(bytes.isEmpty ? "empty file" : "only white space") }
        guard bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[") else {
            return .notJSON(
                String(validating: bytes.prefix(512), as: UTF8.self) == nil && !looksLikeText(bytes)
                    ? "not JSON (binary or not UTF-8)" : "not JSON")
        }
        do { return .parsed(try JSONParser.parse(bytes)) } catch { return .invalid(error) }
    }

    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        !bytes.prefix(512).contains(0)
    }

    /// A path → the regular files under it, sorted; hidden files and folders are passed over.
    static func expand(_ path: String, report: inout LoadReport) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            report.files.append(
                .init(
                    file: path, outcome: .unreadable, documents: [], resources: 0, reason: "no such file or directory"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let url = URL(fileURLWithPath: path)
        guard
            let walker = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let base = url.standardizedFileURL.path
        for case let file as URL in walker {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = file.standardizedFileURL.path
            files.append(full.hasPrefix(base + "/") ? prefix + full.dropFirst(base.count + 1) : full)
        }
        return files.sorted()
    }
}

/// Fixed slots written from concurrent iterations, each slot by one iteration only.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [T] { storage.map { $0! } }
}
