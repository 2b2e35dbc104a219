import Foundation
import Testing
import TunnelscopeModel

@testable import TunnelscopeImport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 8, items 9, 10 and 13: every file given or found is loaded, or named in the report with
/// the true reason; the same file reached twice is read once; files are judged by their first
/// bytes before being read whole.
@Suite struct InputFilesTests {
    static let vpcs = #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "OwnerId": "1"}]}"#
    static let routes =
        #"{"Routes": [{"DestinationCidrBlock": "10.9.0.0/16", "Type": "static", "State": "active", "TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "ResourceType": "vpn"}]}]}"#
    static let subnets = #"{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24"}]}"#

    /// A temporary folder with `files` (relative path → content), removed by `body`'s end.
    static func folder(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        try body(root.path)
    }

    static func entry(_ result: LoadResult, _ suffix: String) -> LoadReport.FileEntry? {
        result.report.files.first { $0.file.hasSuffix(suffix) }
    }

    @Test func aFolderOfSymbolicLinksIsRead() throws {
        try Self.folder(["real/vpcs.json": Self.vpcs, "real/subnets.json": Self.subnets]) { root in
            try FileManager.default.createDirectory(atPath: root + "/links", withIntermediateDirectories: true)
            for name in ["vpcs.json", "subnets.json"] {
                try FileManager.default.createSymbolicLink(
                    atPath: root + "/links/" + name, withDestinationPath: root + "/real/" + name)
            }
            let result = Importer.load(paths: [root + "/links"])
            #expect(result.report.loadedFiles.count == 2)
            #expect(result.model.vpcs.count == 1 && result.model.subnets.count == 1)
        }
    }

    @Test func brokenLinksLoopsAndLinkedFolders() throws {
        try Self.folder(["data/vpcs.json": Self.vpcs]) { root in
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: root + "/data/gone.json", withDestinationPath: root + "/nowhere.json")
            try fm.createSymbolicLink(atPath: root + "/data/loop.json", withDestinationPath: root + "/data/loop.json")
            // A link to a folder is followed; one back up the tree reaches folders already read.
            try fm.createDirectory(atPath: root + "/other", withIntermediateDirectories: true)
            try Data(Self.subnets.utf8).write(to: URL(fileURLWithPath: root + "/other/subnets.json"))
            try fm.createSymbolicLink(atPath: root + "/data/other", withDestinationPath: root + "/other")
            try fm.createSymbolicLink(atPath: root + "/data/up", withDestinationPath: root + "/data")
            let result = Importer.load(paths: [root + "/data"])
            #expect(result.model.vpcs.count == 1)
            #expect(result.model.subnets.count == 1, "the linked folder is read")
            #expect(Self.entry(result, "gone.json")?.outcome == .unreadable)
            #expect(Self.entry(result, "gone.json")?.reason?.contains("a broken symbolic link") == true)
            #expect(Self.entry(result, "loop.json")?.reason?.contains("loops") == true)
            #expect(
                result.report.notes.contains { $0.file.hasSuffix("/data/up") && $0.text.contains("the same folder as") }
            )
        }
    }

    @Test func pipesSocketsAndDevicesAreNamedWithWhatTheyAre() throws {
        try Self.folder(["d/vpcs.json": Self.vpcs]) { root in
            #expect(mkfifo(root + "/d/pipe.json", 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: root + "/d/null.json", withDestinationPath: "/dev/null")
            let socketPath = root + "/d/sock.json"
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (i, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[i] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            #expect(bound == 0)

            let result = Importer.load(paths: [root + "/d"])
            #expect(result.model.vpcs.count == 1)
            #expect(Self.entry(result, "pipe.json")?.reason == "a named pipe (FIFO), not a regular file; passed over")
            #expect(Self.entry(result, "sock.json")?.reason == "a socket, not a regular file; passed over")
            #expect(
                Self.entry(result, "null.json")?.reason
                    == "a character device (a symbolic link to /dev/null), not a regular file; passed over")
            #expect(result.report.files.filter { $0.outcome == .unreadable }.isEmpty, "found in a folder: not an error")

            // Given directly, a pipe is what the user asked for: unreadable, and it says why (never "permission").
            let direct = Importer.load(paths: [root + "/d/pipe.json"])
            #expect(direct.report.files.map(\.outcome) == [.unreadable])
            #expect(direct.report.files.first?.reason?.hasPrefix("a named pipe (FIFO), not a regular file:") == true)
        }
    }

    @Test func theSameFileReachedTwiceIsReadOnce() throws {
        try Self.folder(["d/routes-tgw-rtb-1.json": Self.routes, "d/vpcs.json": Self.vpcs]) { root in
            try FileManager.default.createSymbolicLink(
                atPath: root + "/d/alias.json", withDestinationPath: root + "/d/routes-tgw-rtb-1.json")
            try FileManager.default.linkItem(atPath: root + "/d/vpcs.json", toPath: root + "/hard-vpcs.json")
            let file = root + "/d/routes-tgw-rtb-1.json"
            let result = Importer.load(paths: [root + "/d", root + "/d", file, file, root + "/hard-vpcs.json"])
            #expect(result.model.tgwRouteTables.first { $0.id == "tgw-rtb-1" }?.routes.count == 1)
            #expect(result.model.vpcs.count == 1)
            #expect(result.report.files.count == 2, "two files read; the other ways of reaching them are notes")
            let notes = result.report.notes.map(\.text)
            #expect(notes.contains { $0.contains("the same folder as") && $0.contains("given twice") })
            #expect(notes.contains { $0.contains("reached through a symbolic link") })
            #expect(notes.contains { $0.contains("a hard link") })
            #expect(notes.contains { $0.contains("given twice, or also inside a folder given") })
            #expect(result.report.loadedFiles.allSatisfy { !$0.file.hasSuffix("alias.json") }, "the real path wins")
        }
    }

    @Test func inMemoryFilesGivenTwiceAreReadOnce() {
        let result = Importer.load(
            files: [
                InputFile(name: "r-tgw-rtb-1.json", bytes: Array(Self.routes.utf8)),
                InputFile(name: "r-tgw-rtb-1.json", bytes: Array(Self.routes.utf8)),
            ],
            origin: "t")
        #expect(result.model.tgwRouteTables.map(\.routes.count) == [1])
        #expect(result.report.notes.map(\.text) == ["given twice; read once"])
    }

    /// A file system whose listed folders fail: root can list any folder, so the tests fake it.
    struct Unlistable: InputFileSystem {
        let real = LocalFileSystem()
        let failing: Set<String>
        func status(_ path: String, followingLinks: Bool) -> Result<FileStatus, FileSystemError> {
            real.status(path, followingLinks: followingLinks)
        }
        func linkTarget(_ path: String) -> String? { real.linkTarget(path) }
        func list(_ path: String) -> Result<[String], FileSystemError> {
            failing.contains { path.hasSuffix($0) } ? .failure(FileSystemError(code: EACCES)) : real.list(path)
        }
        func look(_ path: String) -> FileLook {
            failing.contains { path.hasSuffix($0) }
                ? .unreadable("cannot be read (permission denied)") : real.look(path)
        }
        func read(_ path: String, limit: Int) -> FileRead { real.read(path, limit: limit) }
    }

    @Test func anUnlistableFolderOrUnreadableFileIsIncompleteInput() throws {
        try Self.folder(["aws/vpcs.json": Self.vpcs, "gcp/networks.json": "[]", "aws/secret.json": Self.subnets]) {
            root in
            let result = Importer.load(
                paths: [root], fileSystem: Unlistable(failing: ["/gcp", "/aws/secret.json"]))
            #expect(result.model.vpcs.count == 1)
            let gcp = try #require(Self.entry(result, "/gcp"))
            #expect(gcp.outcome == .unreadable)
            #expect(gcp.reason == "a folder that cannot be listed (permission denied): what it holds is not read")
            #expect(Self.entry(result, "secret.json")?.reason == "cannot be read (permission denied)")
            #expect(Self.entry(result, "secret.json")?.outcome == .unreadable)
        }
    }

    @Test func realPermissionsWhenNotRoot() throws {
        guard geteuid() != 0 else { return }  // root reads everything; the fake above covers it
        try Self.folder(["aws/vpcs.json": Self.vpcs, "gcp/networks.json": "[]"]) { root in
            chmod(root + "/gcp", 0)
            defer { chmod(root + "/gcp", 0o755) }
            let result = Importer.load(paths: [root])
            #expect(Self.entry(result, "/gcp")?.outcome == .unreadable)
        }
    }

    @Test func filesAreJudgedByTheirFirstBytes() throws {
        try Self.folder(["d/vpcs.json": Self.vpcs]) { root in
            // A sparse GiB of zeros: not JSON from its first byte, never read whole.
            let zeros = root + "/d/zeros.json"
            #expect(FileManager.default.createFile(atPath: zeros, contents: nil))
            #expect(truncate(zeros, 1 << 30) == 0)
            let blank = String(repeating: " \n", count: 100_000)
            try Data((blank + "x").utf8).write(to: URL(fileURLWithPath: root + "/d/blank-then-text.json"))
            try Data(blank.utf8).write(to: URL(fileURLWithPath: root + "/d/blank.json"))
            try Data((blank + Self.subnets).utf8).write(to: URL(fileURLWithPath: root + "/d/blank-then-json.json"))
            let result = Importer.load(paths: [root + "/d"])
            #expect(Self.entry(result, "zeros.json")?.reason == "not JSON (binary or not UTF-8)")
            #expect(Self.entry(result, "blank-then-text.json")?.reason == "not JSON")
            #expect(Self.entry(result, "blank.json")?.reason == "only white space")
            #expect(Self.entry(result, "blank-then-json.json")?.outcome == .loaded)
            #expect(result.model.vpcs.count == 1)
        }
    }

    @Test func sizeLimitsPerFileAndInAll() throws {
        let big = #"{"Vpcs": [], "pad": ""# + String(repeating: "x", count: 4000) + #""}"#
        try Self.folder([
            "a.json": big, "b.json": Self.vpcs, "c.json": big, "d.json": big,
            "e.txt": String(repeating: "t", count: 9000),
        ]) { root in
            let result = Importer.load(
                paths: [root], fileSystem: LocalFileSystem(), limits: .init(file: 4096, total: 4200))
            #expect(Self.entry(result, "a.json")?.outcome == .loaded)
            #expect(Self.entry(result, "b.json")?.outcome == .loaded)
            #expect(Self.entry(result, "e.txt")?.reason == "not JSON", "not JSON: no size limit applies")
            let refused = result.report.files.filter { ($0.reason ?? "").contains("tunnelscope reads in all") }
            #expect(refused.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["c.json", "d.json"])
            #expect(refused.allSatisfy { $0.outcome == .unreadable })
            #expect(
                refused.first?.reason
                    == "not read: with the files before it, more than the 4.1 KiB tunnelscope reads in all")
        }
        try Self.folder(["huge.json": big + String(repeating: " ", count: 5000)]) { root in
            let result = Importer.load(
                paths: [root], fileSystem: LocalFileSystem(), limits: .init(file: 8192, total: 1 << 20))
            #expect(
                Self.entry(result, "huge.json")?.reason
                    == "8.8 KiB, larger than the 8 KiB tunnelscope reads in one file")
        }
    }
}
