import Testing

@testable import TunnelscopeModel

/// Tags kept as a sorted list read as the dictionary they were made from.
@Suite struct TagsTests {
    @Test func tagsReadAsTheirDictionary() {
        for tags in [[:], ["Name": "hub"], ["Name": "a", "Team": "決済チーム", "": "", "z": "last"]] as [[String: String]] {
            let kept = Tags(tags)
            #expect(kept.dictionary == tags)
            for (key, value) in tags { #expect(kept[key] == value) }
            #expect(kept["missing"] == nil)
        }
        #expect(Tags(["a": "1", "b": "2"]) == Tags(["b": "2", "a": "1"]))
        #expect(Tags(["a": "1"]) != Tags(["a": "2"]))
        // Keys equal as Swift strings (composed and decomposed) are one key, as in a dictionary.
        #expect(Tags(["caf\u{E9}": "x"])["cafe\u{301}"] == "x")
    }

    @Test func aResourceReadsAndWritesItsTags() {
        var vpc = AWSVpc(
            id: "vpc-1", accountId: nil, region: nil, cidrs: [], isDefault: false, state: nil,
            tags: ["Name": "app", "Env": "prod"], source: SourceRef(file: "f", path: "$"))
        #expect(vpc.name == "app" && vpc.tags == ["Name": "app", "Env": "prod"])
        vpc.tags["Name"] = "renamed"
        #expect(vpc.name == "renamed" && vpc.tags.count == 2)
        vpc.tags = [:]
        #expect(vpc.name == nil && vpc.tags.isEmpty)
    }
}
