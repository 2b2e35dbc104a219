/// A strict JSON parser over UTF-8 bytes that reports line and column on error, so a truncated
/// or hand-edited export gets a message that points at the problem.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parses into a `JSONDocument` tape in one pass over the bytes: no value tree, no dictionaries;
/// strings are validated as UTF-8 (only those with non-ASCII bytes need it) and left in place.
struct JSONParser {
    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    private var tape: GrowableBuffer<TapeEntry>
    private var unescaped = GrowableBuffer<UInt8>(capacity: 256)
    private static let maxDepth = 512

    /// Parses `bytes`. The document reads them in place: it must not be used after they are gone.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONDocument {
        var parser = JSONParser(input: bytes)
        do {
            try parser.parseDocument()
        } catch {
            parser.tape.free()
            parser.unescaped.free()
            throw error
        }
        return JSONDocument(bytes: bytes, unescaped: parser.unescaped.take(), tape: parser.tape.take())
    }

    /// Real exports have a value per 12 bytes or more; `[1,1,1,…]` has one per 2, and its tape
    /// (16 bytes a value) would be 8 times the file. Past one value per `bytesPerValue` bytes
    /// (and a floor for small files), the file is refused.
    static let bytesPerValue = 4
    private var maxEntries: Int { input.count / Self.bytesPerValue + 4096 }

    private init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        // A tape entry per ~12 bytes is typical of pretty-printed exports; grows if needed.
        tape = GrowableBuffer(capacity: input.count / 12 + 16)
    }

    private mutating func parseDocument() throws(JSONSyntaxError) {
        // A UTF-8 byte order mark is tolerated (some Windows tools write one).
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { position = 3 }
        skipWhitespace()
        try parseValue()
        skipWhitespace()
        if position < input.count { throw error("unexpected text after the JSON value") }
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let end = min(offset ?? position, input.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where input[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return JSONSyntaxError(message: message, line: line, column: end - lineStart + 1)
    }

    @inline(__always) private mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x0A:
                position += 1
                skipIndentation()
            case 0x20, 0x09, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Skips the spaces that indent a line, eight at a time: the CLIs indent every line (4 spaces
    /// a level for `aws`, 2 for `gcloud`), so a third of an export's bytes are indentation.
    @inline(__always) private mutating func skipIndentation() {
        let spaces: UInt64 = 0x2020_2020_2020_2020
        guard let base = input.baseAddress else { return }
        while position + 8 <= input.count,
            UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) == spaces
        {
            position += 8
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) {
        guard position < input.count else { throw error("the file ends where a value was expected (truncated?)") }
        if tape.count >= maxEntries {
            throw error(
                "more than \(maxEntries) values in \(input.count) bytes: a list of tiny values, not an export "
                    + "(tunnelscope keeps at most one value per \(Self.bytesPerValue) bytes, so its memory stays "
                    + "proportional to the file)")
        }
        switch input[position] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"):
            try expectWord("true")
            tape.append(TapeEntry(kind: .bool, count: 0, payload: 1))
        case UInt8(ascii: "f"):
            try expectWord("false")
            tape.append(TapeEntry(kind: .bool, count: 0, payload: 0))
        case UInt8(ascii: "n"):
            try expectWord("null")
            tape.append(TapeEntry(kind: .null, count: 0, payload: 0))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        default: throw error("unexpected character '\(Self.show(input[position]))'")
        }
    }

    private static func show(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F
            ? String(UnicodeScalar(byte)) : "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches =
            position + count <= input.count
            && word.withUTF8Buffer { w in (0..<count).allSatisfy { input[position + $0] == w[$0] } }
        guard matches else { throw error("invalid literal (expected \(word))") }
        position += count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        position += 1
        let header = tape.count
        tape.append(TapeEntry(kind: .object, count: 0, payload: 0))
        var members: UInt32 = 0
        defer { tape[header] = TapeEntry(kind: .object, count: members, payload: UInt64(tape.count)) }
        skipWhitespace()
        if position < input.count, input[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard position < input.count else { throw error("the file ends inside an object (truncated?)") }
            guard input[position] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let key = tape.count
            try parseString()
            skipWhitespace()
            guard position < input.count else { throw error("the file ends inside an object (truncated?)") }
            // The key is not quoted back: in a damaged file it may hold any text, a secret among it.
            guard input[position] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            position += 1
            skipWhitespace()
            let unescapedMark = unescaped.count
            try parseValue()
            if isSecret(key) {
                // The value is dropped; a string leaves only its keyed fingerprint (`Secrets`).
                let fingerprint = secretFingerprint(key + 1)
                tape.truncate(to: key + 1)
                unescaped.truncate(to: unescapedMark)
                tape.append(TapeEntry(kind: .null, count: fingerprint == nil ? 0 : 1, payload: fingerprint ?? 0))
            }
            members += 1
            skipWhitespace()
            guard position < input.count else { throw error("the file ends inside an object (truncated?)") }
            switch input[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    /// The keyed fingerprint (`SecretFingerprint`) of the string at tape index `value`; nil for
    /// any other value.
    private func secretFingerprint(_ value: Int) -> UInt64? {
        let entry = tape[value]
        guard entry.kind == .string || entry.kind == .escapedString else { return nil }
        let length = Int(entry.payload & 0xFFFF_FFFF)
        let start = Int(entry.payload >> 32)
        let base = entry.kind == .escapedString ? UnsafePointer(unescaped.storage.baseAddress!) : input.baseAddress!
        return Secrets.fingerprint(UnsafeRawBufferPointer(start: base + start, count: length))
    }

    /// Whether the key at tape index `key` names a secret (`Secrets.jsonKeys`), compared as bytes.
    private func isSecret(_ key: Int) -> Bool {
        let entry = tape[key]
        let length = Int(entry.payload & 0xFFFF_FFFF)
        let start = Int(entry.payload >> 32)
        let base = entry.kind == .escapedString ? UnsafePointer(unescaped.storage.baseAddress!) : input.baseAddress!
        return Secrets.isJSONKey(UnsafeBufferPointer(start: base + start, count: length))
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        position += 1
        let header = tape.count
        tape.append(TapeEntry(kind: .array, count: 0, payload: 0))
        var items: UInt32 = 0
        defer { tape[header] = TapeEntry(kind: .array, count: items, payload: UInt64(tape.count)) }
        skipWhitespace()
        if position < input.count, input[position] == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            try parseValue()
            items += 1
            skipWhitespace()
            guard position < input.count else { throw error("the file ends inside an array (truncated?)") }
            switch input[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    /// A string: left in place when it has no escapes; else unescaped into `unescaped`.
    private mutating func parseString() throws(JSONSyntaxError) {
        let start = position
        position += 1
        let contentStart = position
        var nonASCII = false
        // The fastest path: eight plain bytes at a time (printable ASCII, no quote, no backslash),
        // up to the first byte that is anything else (the closing quote, usually), which is read
        // byte by byte below.
        if let base = input.baseAddress {
            while position + 8 <= input.count {
                let special = Self.specialBytes(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                if special == 0 {
                    position += 8
                } else {
                    position += Self.firstSpecialByte(special)
                    break
                }
            }
        }
        // The fast path: no escapes.
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                if nonASCII { try validate(contentStart..<position, quote: start) }
                tape.append(
                    TapeEntry(
                        kind: .string, count: 0,
                        payload: UInt64(contentStart) << 32 | UInt64(position - contentStart)))
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character inside a string") }
            if byte >= 0x80 { nonASCII = true }
            position += 1
        }
        guard position < input.count else { throw error("the file ends inside a string (truncated?)", at: start) }
        // Escapes: the text so far, then segments and escapes, into `unescaped`.
        let outStart = unescaped.count
        var segmentStart = contentStart
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                if nonASCII { try validate(contentStart..<position, quote: start) }
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: input[segmentStart..<position]))
                tape.append(
                    TapeEntry(
                        kind: .escapedString, count: 0,
                        payload: UInt64(outStart) << 32 | UInt64(unescaped.count - outStart)))
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: input[segmentStart..<position]))
                position += 1
                guard position < input.count else { break }
                let escape = input[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): unescaped.append(0x22)
                case UInt8(ascii: "\\"): unescaped.append(0x5C)
                case UInt8(ascii: "/"): unescaped.append(0x2F)
                case UInt8(ascii: "b"): unescaped.append(0x08)
                case UInt8(ascii: "f"): unescaped.append(0x0C)
                case UInt8(ascii: "n"): unescaped.append(0x0A)
                case UInt8(ascii: "r"): unescaped.append(0x0D)
                case UInt8(ascii: "t"): unescaped.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    for byte in String(scalar).utf8 { unescaped.append(byte) }
                default:
                    throw error("invalid escape '\\\(Self.show(escape))'")
                }
                segmentStart = position
                continue
            }
            if byte < 0x20 { throw error("control character inside a string") }
            if byte >= 0x80 { nonASCII = true }
            position += 1
        }
        throw error("the file ends inside a string (truncated?)", at: start)
    }

    /// The bytes of `word` (eight bytes of the input, the first in the lowest byte) that are a
    /// quote, a backslash, a control character (below 0x20) or not ASCII: 0 when there are none;
    /// else the lowest flagged byte is exactly the first such byte (the byte-wise "is zero" and
    /// "is below n" tests may flag bytes above it, never below).
    @inline(__always) static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = zeroBytes(word ^ (ones &* 0x22))
        let backslash = zeroBytes(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control | (word & highs)
    }

    /// The index (0 to 7) of the first special byte, from `specialBytes`' nonzero result.
    @inline(__always) static func firstSpecialByte(_ special: UInt64) -> Int { special.trailingZeroBitCount >> 3 }

    /// Non-ASCII bytes of a string must be UTF-8 (escapes are ASCII, so the raw text is checked).
    private func validate(_ range: Range<Int>, quote: Int) throws(JSONSyntaxError) {
        var iterator = UnsafeBufferPointer(rebasing: input[range]).makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return
            case .error: throw error("string is not valid UTF-8", at: quote)
            }
        }
    }

    /// The scalar of a `\\uXXXX` escape (the `\\u` already read). A UTF-16 surrogate pair
    /// (`\\ud83d\\ude00`) gives one scalar; a lone surrogate (a high one not followed by a low
    /// one, or a low one alone) is not a character and reads as U+FFFD; the escape that follows a
    /// lone high surrogate is read on its own.
    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xDC00..<0xE000).contains(first) { return "\u{FFFD}" }
        guard (0xD800..<0xDC00).contains(first) else { return Unicode.Scalar(first) ?? "\u{FFFD}" }
        guard position + 6 <= input.count, input[position] == UInt8(ascii: "\\"),
            input[position + 1] == UInt8(ascii: "u")
        else { return "\u{FFFD}" }
        let mark = position
        position += 2
        let second = try parseHex4()
        guard (0xDC00..<0xE000).contains(second) else {
            position = mark
            return "\u{FFFD}"
        }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= input.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = input[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Integers are read from the bytes (no `String`); a fraction, an exponent or an integer
    /// beyond 64 bits is read as a `Double`.
    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = position
        let negative = input[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var isInteger = true
        var magnitude: UInt64 = 0
        var overflow = false
        let digitsStart = position
        while position < input.count, input[position] &- UInt8(ascii: "0") < 10 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(input[position] &- UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            magnitude = sum
            position += 1
        }
        guard position > digitsStart else { throw error("invalid number") }
        func digits(_ p: inout Int) -> Int {
            let s = p
            while p < input.count, input[p] &- UInt8(ascii: "0") < 10 { p += 1 }
            return p - s
        }
        if position < input.count, input[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard digits(&position) > 0 else { throw error("invalid number") }
        }
        if position < input.count, input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < input.count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits(&position) > 0 else { throw error("invalid number") }
        }
        if isInteger, !overflow {
            if !negative, magnitude <= UInt64(Int64.max) {
                tape.append(TapeEntry(kind: .int, count: 0, payload: magnitude))
                return
            }
            if negative, magnitude <= UInt64(Int64.max) + 1 {
                let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
                tape.append(TapeEntry(kind: .int, count: 0, payload: UInt64(bitPattern: value)))
                return
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
        guard let double = Double(text) else { throw error("invalid number", at: start) }
        tape.append(TapeEntry(kind: .double, count: 0, payload: double.bitPattern))
    }
}
