/// A `:` command, parsed from what was typed: the parsing and its usage messages live here, the
/// reducer only carries the command out (`Reducer.run`).
enum PromptCommand: Equatable, Sendable {
    case quit
    /// `:fail ID` (a name, ID or IP the analysis resolves).
    case fail(String)
    /// `:path FROM TO`.
    case path(from: String, to: String)
    case view(Screen)
    /// `:clear` every what-if failure.
    case clear
    /// `:diff PATH...`: compare with the exports from before; `:diff off` leaves diff mode.
    case diff([String])
    case diffOff
    /// Not a command that can run: what to tell the user.
    case invalid(String)

    static let views: [String: Screen] = [
        "topology": .topology, "map": .topology, "aws": .aws, "gcp": .gcp, "split": .split,
        "findings": .findings, "routes": .routes, "changes": .changes, "tour": .tour,
    ]

    /// The words of a command line, split at spaces and tabs as a shell would: `'…'` and `"…"`
    /// keep spaces inside a word (a path or a name with spaces), `\` keeps the next character.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                word.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    word.append(character)
                }
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// nil for an empty line (nothing to do).
    static func parse(_ text: String) -> PromptCommand? {
        let words = Self.words(text)
        guard let verb = words.first else { return nil }
        switch verb {
        case "q", "quit":
            return .quit
        case "fail":
            guard words.count == 2 else {
                return .invalid("usage: :fail ID (a tunnel, interface, connection, gateway, router)")
            }
            return .fail(words[1])
        case "path":
            guard words.count == 3 else {
                return .invalid("usage: :path FROM TO (addresses, CIDRs or names; what-if failures apply)")
            }
            return .path(from: words[1], to: words[2])
        case "view":
            guard words.count == 2, let screen = views[words[1]] else {
                return .invalid("views: \(views.keys.sorted().joined(separator: ", "))")
            }
            return .view(screen)
        case "diff":
            guard words.count >= 2 else {
                return .invalid("usage: :diff PATH... (the exports from before; :diff off leaves diff mode)")
            }
            return words.count == 2 && words[1] == "off" ? .diffOff : .diff(Array(words.dropFirst()))
        case "clear":
            return words.count == 1 ? .clear : .invalid("usage: :clear (clears every what-if failure)")
        default:
            return .invalid("Unknown command \(verb). Commands: fail, path, view, clear, diff, quit.")
        }
    }
}
