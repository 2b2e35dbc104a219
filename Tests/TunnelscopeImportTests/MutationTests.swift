import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// Property tests (issue 8): valid exports (the example and the healthy fixture network) are
/// mutated — a key dropped, a value of another type, a duplicated resource, a huge string, deep
/// nesting, an invalid IP or CIDR, a lone surrogate, a cut file — with fixed seeds, and each
/// mutated file is loaded next to a good one. Always: no crash; every resource accounted for; a
/// resource lost or skipped is named in a line with the file; a change inside one resource costs
/// at most that resource; the good file loads; no secret in any message.
@Suite struct MutationTests {
    /// SplitMix64: a seeded generator, the same numbers on every machine.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    enum Mutation: String, CaseIterable {
        case dropKey, changeType, duplicateResource, hugeString, deepNesting, invalidAddress, loneSurrogate, truncate
    }

    static let secrets = [
        "Zk3x_example_psk_A1", "Zk3x_example_psk_A2", "Zk3x_example_psk_B1", "Zk3x_example_psk_B2",
        "Zk3x_example_psk_C1", "Zk3x_example_psk_C2", "0xExampleBgpMd5Key",
    ]
    static let secretPieces = Set(secrets.flatMap(SecretDamageTests.pieces))

    static let sentinel = InputFile(name: "sentinel/vpcs.json", bytes: Array(HostileInputTests.goodVpcs.utf8))

    /// The example's files and the healthy fixture network's.
    static let corpus: [InputFile] = {
        let root = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/networks/healthy")
        var healthy: [InputFile] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "json", let data = try? Data(contentsOf: url) else { continue }
            healthy.append(InputFile(name: "healthy/" + url.lastPathComponent, bytes: Array(data)))
        }
        return ExampleNetwork.files + healthy.sorted { $0.name < $1.name }
    }()

    // MARK: the tree

    /// Every path in a JSON tree (objects' members and arrays' elements), root excluded.
    static func paths(_ value: Any, _ prefix: [Step] = []) -> [[Step]] {
        var result: [[Step]] = []
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                let path = prefix + [.key(key)]
                result.append(path)
                result += paths(object[key]!, path)
            }
        } else if let array = value as? [Any] {
            for (i, element) in array.enumerated() {
                let path = prefix + [.index(i)]
                result.append(path)
                result += paths(element, path)
            }
        }
        return result
    }

    static func value(_ root: Any, at path: ArraySlice<Step>) -> Any? {
        guard let step = path.first else { return root }
        switch step {
        case .key(let k): return (root as? [String: Any])?[k].flatMap { value($0, at: path.dropFirst()) }
        case .index(let i):
            guard let array = root as? [Any], i < array.count else { return nil }
            return value(array[i], at: path.dropFirst())
        }
    }

    /// `root` with the value at `path` replaced (nil: removed; for an array element, removed from the array).
    static func updating(_ root: Any, at path: ArraySlice<Step>, _ change: (Any) -> Any?) -> Any {
        guard let step = path.first else { return change(root) ?? NSNull() }
        switch step {
        case .key(let k):
            guard var object = root as? [String: Any], let child = object[k] else { return root }
            object[k] = path.count == 1 ? change(child) : updating(child, at: path.dropFirst(), change)
            return object
        case .index(let i):
            guard var array = root as? [Any], i < array.count else { return root }
            if path.count == 1 {
                if let new = change(array[i]) { array[i] = new } else { array.remove(at: i) }
            } else {
                array[i] = updating(array[i], at: path.dropFirst(), change)
            }
            return array
        }
    }

    static func text(_ value: Any) -> String {
        String(
            decoding: try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]),
            as: UTF8.self)
    }

    /// The path of the resource a path is inside (`$.List[i]` or `$[i]`), when it is inside one.
    static func resource(of path: [Step]) -> [Step]? {
        if case .index = path.first, path.count >= 2 { return Array(path.prefix(1)) }
        if case .key = path.first, path.count >= 3, case .index = path[1] { return Array(path.prefix(2)) }
        return nil
    }

    /// `$[i]` or `$.List[i]`.
    static func isResource(_ path: [Step]) -> Bool {
        switch (path.count, path.first, path.last) {
        case (1, .index?, _), (2, .key?, .index?): true
        default: false
        }
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "string"
        case is [Any]: "array"
        case is [String: Any]: "object"
        default: "number or boolean"
        }
    }

    // MARK: mutating

    static let badAddresses = [
        "300.1.2.3", "10.0.0.0/33", "1.2.3", "::1", "", "10.0.0.0/-1", "１０.0.0.1", "10.0.0.1/", " 10.0.0.1",
        "0x0A000001",
    ]
    static var otherTypes: [Any] {
        [NSNull(), true, 0, -1, 1e300, "", "x", [Any](), [String: Any](), [[String: Any]()]]
    }

    /// One mutated version of `file`, and the path it touched (nil for text-level damage).
    static func mutate(
        _ file: InputFile, _ mutation: Mutation, using rng: inout Seeded
    ) -> (bytes: [UInt8], path: [Step]?)? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(file.bytes), options: [.fragmentsAllowed]) else {
            return nil
        }
        let all = paths(root)
        switch mutation {
        case .dropKey:
            let keyed = all.filter { if case .key = $0.last { true } else { false } }
            guard let path = keyed.randomElement(using: &rng) else { return nil }
            return (Array(text(updating(root, at: path[...], { _ in nil })).utf8), path)
        case .changeType:
            guard let path = all.randomElement(using: &rng), let old = value(root, at: path[...]) else { return nil }
            let new = otherTypes.filter { typeName($0) != typeName(old) }.randomElement(using: &rng)!
            return (Array(text(updating(root, at: path[...], { _ in new })).utf8), path)
        case .duplicateResource:
            let resources = all.filter(isResource)
            guard let path = resources.randomElement(using: &rng), case .index(let i) = path.last else { return nil }
            let list = Array(path.dropLast())
            let duplicated = updating(root, at: list[...]) { value in
                guard var array = value as? [Any] else { return value }
                array.insert(array[i], at: i + 1)
                return array
            }
            return (Array(text(duplicated).utf8), nil)
        case .hugeString:
            let strings = all.filter { value(root, at: $0[...]) is String }
            guard let path = strings.randomElement(using: &rng) else { return nil }
            let huge = String(repeating: "\u{1F600}x\u{202E}", count: 20_000)
            return (Array(text(updating(root, at: path[...], { _ in huge })).utf8), path)
        case .deepNesting:
            guard let path = all.randomElement(using: &rng) else { return nil }
            let depth = Bool.random(using: &rng) ? 200 : 600
            let marker = "DEEP-NESTING-MARKER"
            let replaced = text(updating(root, at: path[...], { _ in marker }))
            let deep = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
            return (Array(replaced.replacingOccurrences(of: "\"\(marker)\"", with: deep).utf8), path)
        case .invalidAddress:
            let addresses = all.filter { p in
                guard let s = value(root, at: p[...]) as? String else { return false }
                return s.count <= 18 && s.contains(".") && s.allSatisfy { $0.isNumber || $0 == "." || $0 == "/" }
            }
            guard let path = addresses.randomElement(using: &rng) else { return nil }
            let bad = badAddresses.randomElement(using: &rng)!
            return (Array(text(updating(root, at: path[...], { _ in bad })).utf8), path)
        case .loneSurrogate:
            let strings = all.filter { value(root, at: $0[...]) is String }
            guard let path = strings.randomElement(using: &rng) else { return nil }
            let marker = "LONE-SURROGATE-MARKER"
            let escape = [#"\ud800"#, #"\udbff\udbff"#, #"\ud83d\u0000"#, #"\udc00"#].randomElement(using: &rng)!
            let replaced = text(updating(root, at: path[...], { _ in marker }))
            return (Array(replaced.replacingOccurrences(of: marker, with: "a\(escape)b").utf8), path)
        case .truncate:
            guard file.bytes.count > 2 else { return nil }
            return (Array(file.bytes.prefix(Int.random(in: 1..<file.bytes.count, using: &rng))), nil)
        }
    }

    // MARK: the property

    struct Counts {
        var seen = 0
        var loaded = 0
        var skipped = 0
    }

    static func counts(_ result: LoadResult) -> Counts {
        Counts(
            seen: result.report.resourcesSeen, loaded: result.report.resourcesLoaded + result.report.duplicates,
            skipped: result.report.resourcesSkipped)
    }

    static func check(_ mutation: Mutation, seeds: Range<UInt64>) -> (cases: Int, failures: [String]) {
        var failures: [String] = []
        var cases = 0
        for file in corpus {
            let original = Importer.load(files: [file, sentinel], origin: "t")
            let before = counts(original)
            for seed in seeds {
                var rng = Seeded(state: seed &* 7919 &+ UInt64(file.name.utf8.count))
                guard let (bytes, path) = mutate(file, mutation, using: &rng) else { continue }
                cases += 1
                let name = file.name
                let result = Importer.load(files: [InputFile(name: name, bytes: bytes), sentinel], origin: "t")
                let report = result.report
                let after = counts(result)
                func fail(_ what: String) {
                    failures.append("\(mutation) \(name) seed \(seed) \(path.map { "\($0)" } ?? ""): \(what)")
                }
                if !report.reconciles { fail("does not reconcile") }
                if !result.model.vpcs.contains(where: { $0.id == "vpc-good" }) { fail("the good file did not load") }
                var lines = (report.skipped + report.warnings + report.notes).map(\.description)
                for entry in report.files { if let reason = entry.reason { lines.append("\(entry.file): \(reason)") } }
                let aboutFile = lines.filter { $0.hasPrefix(name) }
                // Dropping a top-level member (`sites`, a whole list) leaves a smaller export, not a broken one.
                let smaller = mutation == .dropKey && path?.count == 1
                let lost =
                    !smaller
                    && (after.loaded < before.loaded || after.skipped > before.skipped || after.seen < before.seen)
                if lost, aboutFile.isEmpty { fail("resources lost (\(before) → \(after)) and no line names the file") }
                if let path, resource(of: path) != nil, mutation != .deepNesting, after.loaded < before.loaded - 1 {
                    fail(
                        "a change inside one resource lost \(before.loaded - after.loaded) resources: \(aboutFile.prefix(3))"
                    )
                }
                if let leak = lines.first(where: { line in secretPieces.contains { line.contains($0) } }) {
                    fail("a secret in: \(leak.prefix(200))")
                }
                if lines.contains(where: { $0.utf8.count > 2000 }) { fail("a line longer than 2000 bytes") }
            }
        }
        return (cases, failures)
    }

    @Test(arguments: Mutation.allCases)
    func mutatedExportsLoadWhatTheyCanAndSayWhatTheyCannot(_ mutation: Mutation) {
        let (cases, failures) = Self.check(mutation, seeds: 0..<3)
        #expect(cases >= Self.corpus.count, "\(mutation): only \(cases) cases")
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5))")
    }

    /// The whole example with one file mutated: the model (the tunnel join, the sites) is built
    /// from whatever the decoders kept.
    @Test func theWholeNetworkWithOneMutatedFile() {
        var rng = Seeded(state: 42)
        var failures: [String] = []
        let files = ExampleNetwork.files
        for (index, file) in files.enumerated() {
            for mutation in Mutation.allCases {
                guard let (bytes, _) = Self.mutate(file, mutation, using: &rng) else { continue }
                var mutated = files
                mutated[index] = InputFile(name: file.name, bytes: bytes)
                let result = Importer.load(files: mutated, origin: "t")
                if !result.report.reconciles { failures.append("\(mutation) \(file.name): does not reconcile") }
                if result.model.tunnels.isEmpty, !file.name.contains("vpn") {
                    failures.append("\(mutation) \(file.name): no tunnel left")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}
