#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Many short texts (lowercased UTF-8) kept end to end in one buffer, each followed by a NUL,
/// so that a query is one pass over the buffer (`memchr` to the needle's first byte, `memcmp`
/// for the rest) instead of a loop per text: a hundred thousand texts are searched in a few
/// milliseconds. A needle is typed text: it has no NUL, so a match never spans two texts.
struct FlatText: Sendable {
    private var bytes: [UInt8] = []
    /// `starts[i]`: where text `i` begins; one more entry: the end.
    private var starts: [Int] = [0]

    init() {}

    init(_ texts: some Sequence<[UInt8]>) {
        for text in texts { append(text) }
    }

    var count: Int { starts.count - 1 }

    mutating func append(_ text: [UInt8]) {
        bytes += text
        bytes.append(0)
        starts.append(bytes.count)
    }

    /// Whether text `i` contains `needle`.
    func contains(_ i: Int, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        let length = starts[i + 1] - 1 - starts[i]
        guard length >= needle.count else { return false }
        return bytes.withUnsafeBytes { b in
            needle.withUnsafeBytes { n in
                Self.find(b.baseAddress! + starts[i], length, n) != nil
            }
        }
    }

    /// The texts from `start` on that contain `needle`, until `limit` are found or the texts end:
    /// their positions and the position to go on from (`count` when every text was looked at).
    func scan(_ needle: [UInt8], from start: Int, limit: Int) -> (matches: [Int], next: Int) {
        guard start < count else { return ([], count) }
        guard !needle.isEmpty, !needle.contains(0) else {
            let end = needle.isEmpty ? min(count, start + limit) : count
            var matches: [Int] = []
            var i = start
            while i < end, matches.count < limit {
                if contains(i, needle) { matches.append(i) }
                i += 1
            }
            return (matches, i)
        }
        var matches: [Int] = []
        var next = count
        bytes.withUnsafeBytes { b in
            needle.withUnsafeBytes { n in
                let base = b.baseAddress!
                var offset = starts[start]
                while offset < b.count {
                    guard matches.count < limit else {
                        next = text(at: offset)
                        return
                    }
                    guard let found = Self.find(base + offset, b.count - offset, n) else { break }
                    let i = text(at: offset + found)
                    matches.append(i)
                    offset = starts[i + 1]
                }
            }
        }
        return (matches, next)
    }

    /// The offset of the first run of `needle` (not empty) in `length` bytes at `base`, or nil.
    private static func find(_ base: UnsafeRawPointer, _ length: Int, _ needle: UnsafeRawBufferPointer) -> Int? {
        let n = needle.count
        guard length >= n else { return nil }
        let first = Int32(needle[0])
        var offset = 0
        while offset <= length - n {
            guard let hit = memchr(base + offset, first, length - n + 1 - offset) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if n == 1 || memcmp(base + at + 1, needle.baseAddress! + 1, n - 1) == 0 { return at }
            offset = at + 1
        }
        return nil
    }

    /// The text a byte offset is in (the last start at or before it).
    private func text(at offset: Int) -> Int {
        var lo = 0
        var hi = count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
