extension Array {
    /// The items as `sorted(by:)` orders them (a stable sort: equal items keep their order). Items
    /// already in that order, as the exports usually list them, are returned as they are: checking
    /// the order reads each item once, where sorting would move every item of a large array.
    func inOrder(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        let ordered = withUnsafeBufferPointer { items in
            items.count < 2 || (1..<items.count).allSatisfy { !areInIncreasingOrder(items[$0], items[$0 - 1]) }
        }
        return ordered ? self : sorted(by: areInIncreasingOrder)
    }
}
