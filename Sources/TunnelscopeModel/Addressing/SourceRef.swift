/// Where a resource came from: the file and the JSON path inside it (`$.VpnConnections[1]`).
/// Shown in detail panes and in every load message.
///
/// A resource that is an item of an array refers to that array (its file and path, shared by
/// every item) and holds its position: 16 bytes and no text of its own; its path is written when
/// it is asked for.
public struct SourceRef: Hashable, Sendable, CustomStringConvertible {
    private let place: SourceArray
    /// The position in `place`'s array; -1 when `place.path` is the whole path.
    private let item: Int

    public init(file: String, path: String) {
        place = SourceArray(file: file, path: path)
        item = -1
    }

    /// Item `item` of `array` (`$.Vpcs` and 3: `$.Vpcs[3]`).
    public init(item: Int, of array: SourceArray) {
        precondition(item >= 0)
        place = array
        self.item = item
    }

    public var file: String { place.file }
    public var path: String { item < 0 ? place.path : place.path + "[\(item)]" }

    public var description: String { "\(file) \(path)" }

    public static func == (lhs: SourceRef, rhs: SourceRef) -> Bool {
        (lhs.place === rhs.place && lhs.item == rhs.item) || (lhs.file == rhs.file && lhs.path == rhs.path)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(path)
    }
}

/// An array of resources in a file: the file and the array's JSON path (`$.Vpcs`), shared by
/// the `SourceRef`s of its items.
public final class SourceArray: Sendable {
    public let file: String
    public let path: String

    public init(file: String, path: String) {
        self.file = file
        self.path = path
    }
}
