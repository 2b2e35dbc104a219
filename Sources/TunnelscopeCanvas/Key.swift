/// A key press, independent of the terminal library.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    case control(Character)
    case mouseClick(x: Int, y: Int)
    case scrollUp, scrollDown

    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .mouseClick: "click"
        case .scrollUp: "wheel↑"
        case .scrollDown: "wheel↓"
        }
    }
}
