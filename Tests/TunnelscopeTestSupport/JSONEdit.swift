import Foundation

/// Edits a JSON document in tests: parse, change with plain Foundation containers, print.
public enum JSONEdit {
    public static func edit(_ text: String, _ change: (inout Any) -> Void) -> String {
        var value = try! JSONSerialization.jsonObject(
            with: Data(text.utf8), options: [.mutableContainers, .fragmentsAllowed])
        change(&value)
        return String(
            decoding: try! JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// The items of a top-level array, or of `key`'s array in a top-level object.
    private static func items(_ value: Any, _ key: String?) -> [[String: Any]]? {
        if let key { return (value as? [String: Any])?[key] as? [[String: Any]] }
        return value as? [[String: Any]]
    }

    private static func setItems(_ value: inout Any, _ key: String?, _ items: [[String: Any]]) {
        if let key, var object = value as? [String: Any] {
            object[key] = items
            value = object
        } else {
            value = items
        }
    }

    /// Removes the elements for which `drop` is true.
    public static func removing(_ text: String, key: String? = nil, where drop: ([String: Any]) -> Bool) -> String {
        edit(text) { value in
            guard let list = items(value, key) else { return }
            setItems(&value, key, list.filter { !drop($0) })
        }
    }

    /// Changes the elements for which `match` is true.
    public static func updating(
        _ text: String, key: String? = nil, where match: ([String: Any]) -> Bool,
        _ change: (inout [String: Any]) -> Void
    ) -> String {
        edit(text) { value in
            guard let list = items(value, key) else { return }
            setItems(
                &value, key,
                list.map { item in
                    guard match(item) else { return item }
                    var copy = item
                    change(&copy)
                    return copy
                })
        }
    }

    /// Appends elements.
    public static func appending(_ text: String, key: String? = nil, _ new: [[String: Any]]) -> String {
        edit(text) { value in setItems(&value, key, (items(value, key) ?? []) + new) }
    }
}
