#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says about one path.
struct FileStatus: Equatable, Sendable {
    enum Kind: Sendable {
        case regular, directory, symlink, fifo, socket, characterDevice, blockDevice, other

        /// "a named pipe (FIFO)", for messages.
        var described: String {
            switch self {
            case .regular: "a regular file"
            case .directory: "a folder"
            case .symlink: "a symbolic link"
            case .fifo: "a named pipe (FIFO)"
            case .socket: "a socket"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            case .other: "not a regular file"
            }
        }
    }

    struct Identity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    var kind: Kind
    var size: Int
    var identity: Identity
    /// When the file was last modified (seconds since 1970), when known.
    var modified: Double? = nil
}

/// A failed file-system call: the `errno` and its text ("permission denied").
struct FileSystemError: Error, Sendable {
    let code: Int32

    var text: String {
        let raw = String(cString: strerror(code))
        return raw.prefix(1).lowercased() + raw.dropFirst()
    }

    var isMissing: Bool { code == ENOENT || code == ENOTDIR }
    var isLoop: Bool { code == ELOOP }
}

/// What the first bytes of a file say.
enum FileLook: Sendable, Equatable {
    /// A regular file whose first non-blank byte is `{` or `[`, of this size.
    case json(size: Int)
    /// Not JSON (the reason says what it is); not read further.
    case notJSON(String)
    case unreadable(String)
}

/// What reading a whole file gave.
enum FileRead: Sendable {
    case bytes([UInt8])
    case unreadable(String)
}

/// The file-system calls the importer makes. `LocalFileSystem` is the real one; tests wrap it to
/// produce what root cannot (a folder that cannot be listed).
protocol InputFileSystem: Sendable {
    func status(_ path: String, followingLinks: Bool) -> Result<FileStatus, FileSystemError>
    func linkTarget(_ path: String) -> String?
    /// The names in a folder (without `.` and `..`).
    func list(_ path: String) -> Result<[String], FileSystemError>
    /// Looks at the first bytes of a file (never more than a small buffer is held).
    func look(_ path: String) -> FileLook
    /// Reads a whole regular file of at most `limit` bytes.
    func read(_ path: String, limit: Int) -> FileRead
}

struct LocalFileSystem: InputFileSystem {
    func status(_ path: String, followingLinks: Bool) -> Result<FileStatus, FileSystemError> {
        var info = stat()
        let rc = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard rc == 0 else { return .failure(FileSystemError(code: errno)) }
        return .success(Self.status(info))
    }

    static func status(_ info: stat) -> FileStatus {
        let kind: FileStatus.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .other
        }
        #if canImport(Darwin)
            let modified = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
        return FileStatus(
            kind: kind, size: Int(info.st_size),
            identity: .init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), modified: modified)
    }

    func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func list(_ path: String) -> Result<[String], FileSystemError> {
        guard let directory = opendir(path) else { return .failure(FileSystemError(code: errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// How much is read to judge a file by its first bytes.
    static let headSize = 64 << 10

    func look(_ path: String) -> FileLook {
        // Non-blocking, so that a named pipe put where a file was never blocks the open.
        var info = stat()
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unreadable(Self.cannotRead(errno)) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return .unreadable(Self.cannotRead(errno)) }
        let status = Self.status(info)
        guard status.kind == .regular else { return .unreadable("\(status.kind.described), not a regular file") }
        var head = Self.buffer(min(status.size, Self.headSize))
        guard let headCount = Self.read(fd, into: &head, at: 0) else { return .unreadable(Self.cannotRead(errno)) }
        switch Importer.sniff(head[0..<headCount]) {
        case .json, .jsonUTF16: return .json(size: status.size)
        case .notJSON(let reason): return .notJSON(reason)
        case .blank:
            // A file of blanks is read through in chunks, never kept.
            var offset = headCount
            var chunk = Self.buffer(Self.headSize)
            while true {
                guard let n = Self.read(fd, into: &chunk, at: offset) else {
                    return .unreadable(Self.cannotRead(errno))
                }
                if n == 0 { return .notJSON(offset == 0 ? "empty file" : "only white space") }
                if let first = chunk[0..<n].first(where: { !Importer.isBlank($0) }) {
                    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
                        ? .json(size: status.size) : .notJSON("not JSON")
                }
                offset += n
            }
        }
    }

    func read(_ path: String, limit: Int) -> FileRead {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unreadable(Self.cannotRead(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable(Self.cannotRead(errno)) }
        let status = Self.status(info)
        guard status.kind == .regular else { return .unreadable("\(status.kind.described), not a regular file") }
        guard status.size <= limit else { return .unreadable(Importer.tooLarge(status.size, limit: limit)) }
        // One buffer of the file's size (one more byte tells whether it grew since).
        var bytes = Self.buffer(status.size + 1)
        guard var count = Self.read(fd, into: &bytes, at: 0) else { return .unreadable(Self.cannotRead(errno)) }
        if count == bytes.count {
            var chunk = Self.buffer(1 << 20)
            while true {
                guard let n = Self.read(fd, into: &chunk, at: count) else { return .unreadable(Self.cannotRead(errno)) }
                if n == 0 { break }
                count += n
                guard count <= limit else { return .unreadable(Importer.tooLarge(count, limit: limit)) }
                bytes.append(contentsOf: chunk[0..<n])
            }
        }
        bytes.removeLast(bytes.count - count)
        return .bytes(bytes)
    }

    private static func cannotRead(_ code: Int32) -> String { "cannot be read (\(FileSystemError(code: code).text))" }

    /// A buffer of `count` bytes, not zeroed (every byte used is written by `read` first).
    private static func buffer(_ count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Fills `buffer` from `offset` with `pread` (retried when interrupted); fewer bytes than it
    /// holds means the end of the file. Nil on error (`errno` says which).
    private static func read(_ fd: Int32, into buffer: inout [UInt8], at offset: Int) -> Int? {
        var filled = 0
        while filled < buffer.count {
            let n = buffer.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(offset + filled))
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += n
        }
        return filled
    }
}
