/// Texts that many values repeat, one copy of each: `share` points an equal text at that copy
/// (the same characters; only where they are stored changes).
struct SharedText {
    private let texts: Set<String>

    init(_ texts: [String]) {
        // Sized once: growing a set of tens of thousands of IDs rehashes every one each time.
        var set = Set<String>(minimumCapacity: texts.count)
        for text in texts where text.utf8.count > 15 { set.insert(text) }
        self.texts = set
    }

    /// `text`, now the shared copy when there is one (short texts are stored inline anyway).
    func share(_ text: inout String) {
        guard text.utf8.count > 15, let i = texts.firstIndex(of: text) else { return }
        text = texts[i]
    }

    func share(_ text: inout String?) {
        guard var value = text else { return }
        share(&value)
        text = value
    }
}
