import Testing

@testable import TunnelscopeAnalysis

/// The directory's later-word keys ("osaka" finds "Branch office Osaka") are split by bytes for
/// ASCII names: the same words as splitting by characters, which other names still use.
@Suite struct DirectoryWordsTests {
    static let separators: Set<Character> = [" ", "-", "_", "/", ".", "(", ")", "#", ":"]

    static func reference(_ name: String) -> [String] {
        var words: [String] = []
        var previous: Character?
        for (offset, ch) in name.enumerated() {
            if let p = previous, separators.contains(p), !separators.contains(ch) {
                words.append(String(name.dropFirst(offset)))
            }
            previous = ch
        }
        return words
    }

    @Test func byteSplitEqualsCharacterSplit() {
        let pieces = [
            "a", "bc", " ", "-", "_", "/", ".", "(", ")", "#", ":", "\r\n", "\r", "\n", "é", "-\u{301}", "x", "1", "",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let name = (0..<Int.random(in: 0...9, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(ElementDirectory.laterWords(name) == Self.reference(name), "\(name.debugDescription)")
        }
        #expect(ElementDirectory.laterWords("branch office osaka") == ["office osaka", "osaka"])
        #expect(ElementDirectory.laterWords("a--b (c)") == ["b (c)", "c)"])
    }
}
