/// Command lines the tool prints (`plan`, the hints of findings) are meant to be pasted into a
/// shell, and the names in them come from the exports. Every argument goes through `quote`.
public enum Shell {
    /// One argument, quoted for a POSIX shell so that it reaches the command exactly:
    /// - a safe word (`[A-Za-z0-9@%+=:,./_-]`, not starting with `=`, which zsh expands) stays bare;
    /// - anything else is single-quoted, a `'` written as `'\''` (`Bob's VPN` → `'Bob'\''s VPN'`);
    /// - a word with a character the output sanitiser escapes (a control, bidi or invisible format
    ///   character) is written as `$'…'` with that character's UTF-8 bytes as `\xHH` (bash, zsh, ksh
    ///   and POSIX.1-2024 sh), so the printed line holds no raw control character and still pastes
    ///   exactly, whatever the locale.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.utf8.first != UInt8(ascii: "="), word.utf8.allSatisfy(isSafe) { return word }
        if word.contains(where: Sanitizer.needsEscape) { return dollarQuoted(word) }
        var out = "'"
        for character in word { out += character == "'" ? #"'\''"# : String(character) }
        return out + "'"
    }

    /// A command line from its arguments, each quoted.
    public static func command(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    public static func command(_ words: String...) -> String { command(words) }

    static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ":"),
            UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    static func dollarQuoted(_ word: String) -> String {
        var out = "$'"
        for character in word {
            let unsafe = Sanitizer.needsEscape(character)
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\\": out += #"\\"#
                case "'": out += #"\'"#
                default:
                    if unsafe || scalar.value < 0x20 || scalar.value == 0x7F {
                        // Its UTF-8 bytes: `\u` would depend on the shell's locale.
                        for byte in String(scalar).utf8 { out += #"\x"# + Sanitizer.hex(UInt32(byte), digits: 2) }
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return out + "'"
    }
}
