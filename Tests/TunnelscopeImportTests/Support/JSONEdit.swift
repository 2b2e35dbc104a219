import Foundation

/// Edits a JSON document in tests: parse, change with plain Foundation containers, print.
enum JSONEdit {
    static func edit(_ text: String, _ change: (inout Any) -> Void) -> String {
        var value = try! JSONSerialization.jsonObject(
            with: Data(text.utf8), options: [.mutableContainers, .fragmentsAllowed])
        change(&value)
        return String(
            decoding: try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Removes the array elements (of a top-level array, or of `key`'s array) for which `drop` is true.
    static func removing(_ text: String, key: String? = nil, where drop: @escaping ([String: Any]) -> Bool) -> String {
        edit(text) { value in
            if let key, var object = value as? [String: Any], let items = object[key] as? [[String: Any]] {
                object[key] = items.filter { !drop($0) }
                value = object
            } else if let items = value as? [[String: Any]] {
                value = items.filter { !drop($0) }
            }
        }
    }

    /// Changes the elements (of a top-level array, or of `key`'s array) for which `match` is true.
    static func updating(
        _ text: String, key: String? = nil, where match: @escaping ([String: Any]) -> Bool,
        _ change: @escaping (inout [String: Any]) -> Void
    ) -> String {
        func apply(_ items: [[String: Any]]) -> [[String: Any]] {
            items.map { item in
                guard match(item) else { return item }
                var copy = item
                change(&copy)
                return copy
            }
        }
        return edit(text) { value in
            if let key, var object = value as? [String: Any], let items = object[key] as? [[String: Any]] {
                object[key] = apply(items)
                value = object
            } else if let items = value as? [[String: Any]] {
                value = apply(items)
            }
        }
    }
}
