/// Where a resource came from: the file and the JSON path inside it (`$.VpnConnections[1]`).
/// Shown in detail panes and in every load message.
public struct SourceRef: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let path: String

    public init(file: String, path: String) {
        self.file = file
        self.path = path
    }

    public var description: String { "\(file) \(path)" }
}
