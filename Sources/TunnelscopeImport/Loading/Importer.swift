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
        let found = walker.files().map(\.path)
        var report = LoadReport()
        report.files += walker.entries
        report.notes += walker.notes
        // Each file is judged by its first bytes before anything is read whole (on every core).
        let looks = concurrentMap(found) { fileSystem.look($0) }
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
        return finish(
            found.indices.map { states[$0] ?? decodeFile(found[$0], outcomes[$0]!) },
            origin: given.joined(separator: " "), report: report)
    }

    /// `transform` over `items`, results in order: on every core when `parallel`, starting with
    /// the largest items (by `size`) so that one big file does not run alone at the end.
    static func map<T: Sendable, R>(
        _ items: [T], largestFirst size: (T) -> Int, parallel: Bool, _ transform: @Sendable (T) -> R
    ) -> [R] {
        guard parallel, items.count > 1 else { return items.map(transform) }
        let order = items.indices.sorted { (size(items[$0]), $1) > (size(items[$1]), $0) }
        let results = ResultSlots<Unchecked<R>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { n in
            let i = order[n]
            results.set(i, Unchecked(transform(items[i])))
        }
        return results.values.map(\.value)
    }

    /// `transform` over `items` on every core, results in order.
    static func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results.set(i, transform(items[i])) }
        return results.values
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
        let states = map(unique, largestFirst: { $0.bytes.count }, parallel: parallel) { file in
            decode(file.name, file.bytes)
        }
        return finish(states, origin: origin, report: report)
    }

    /// Merges the files' states in order and resolves what needs them all.
    private static func finish(
        _ files: [ImportState], origin: String, report initial: LoadReport
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

    enum Sniff: Equatable {
        /// The first non-blank byte is `{` or `[`.
        case json
        /// UTF-16 text (a byte order mark, or every other byte NUL) whose first non-blank
        /// character is `{` or `[`: what Windows PowerShell 5's `>` writes.
        case jsonUTF16(bigEndian: Bool)
        /// Nothing but blanks (and a byte order mark) so far.
        case blank
        case notJSON(String)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// What the first bytes of a file say (`head` starts at the file's first byte).
    static func sniff(_ head: ArraySlice<UInt8>) -> Sniff {
        if let utf16 = sniffUTF16(head) { return utf16 }
        var start = head.startIndex
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        guard let first = head[start...].firstIndex(where: { !isBlank($0) }) else { return .blank }
        if head[first] == UInt8(ascii: "{") || head[first] == UInt8(ascii: "[") { return .json }
        return .notJSON(looksBinary(head.prefix(512)) ? "not JSON (binary or not UTF-8)" : "not JSON")
    }

    /// UTF-16 JSON: a byte order mark (`FF FE` little-endian, `FE FF` big-endian), or none and a
    /// NUL beside each of the first ASCII characters; nil when the head is not that.
    private static func sniffUTF16(_ head: ArraySlice<UInt8>) -> Sniff? {
        let bytes = Array(head.prefix(512))
        var bigEndian: Bool
        var start = 0
        if bytes.starts(with: [0xFF, 0xFE]) {
            bigEndian = false
            start = 2
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            bigEndian = true
            start = 2
        } else if bytes.count >= 2, bytes[0] == 0, bytes[1] != 0 {
            bigEndian = true
        } else if bytes.count >= 2, bytes[0] != 0, bytes[1] == 0 {
            bigEndian = false
        } else {
            return nil
        }
        var i = start
        while i + 1 < bytes.count {
            let unit =
                bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            if unit < 0x80, isBlank(UInt8(unit)) {
                i += 2
                continue
            }
            return unit == 0x7B || unit == 0x5B ? .jsonUTF16(bigEndian: bigEndian) : nil
        }
        return nil
    }

    /// UTF-16 bytes as UTF-8 (a byte order mark dropped; a lone surrogate read as U+FFFD, as `\u`
    /// escapes are; an odd last byte dropped).
    static func utf8(fromUTF16 bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(
                bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        var out: [UInt8] = []
        out.reserveCapacity(units.count + units.count / 4)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { out.append($0) }
            case .error: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput: break loop
            }
        }
        return out
    }

    /// NUL bytes, or bytes that are not UTF-8 (a character cut by the end of the slice is fine).
    private static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.contains(0) { return true }
        for cut in 0...min(3, bytes.count) where String(validating: bytes.dropLast(cut), as: UTF8.self) != nil {
            return false
        }
        return true
    }
}

/// A value handed from the core that made it to the one that merges it, after the work is joined.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
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
