import Testing
import TunnelscopeTestSupport
import TunnelscopeText

@testable import TunnelscopeRender

/// The per-keystroke shortcuts give exactly what the plain computations gave.
@Suite struct ViewIndexTests {
    /// The wrap as it was: every candidate line measured whole, words split by grapheme cluster.
    static func referenceWrap(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            while DisplayWidth.of(rest) > width {
                let cut = DisplayWidth.truncate(rest, to: width)
                let kept = cut.count > 1 ? String(cut.dropLast()) : String(rest.prefix(1))
                lines.append(kept)
                rest = String(rest.dropFirst(kept.count))
            }
            current = rest
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    @Test func wrapMatchesMeasuringEveryLineWhole() {
        let texts = [
            "VPC svc-1-billing (vpc-10000000000000001) 100.64.0.0/24 overlaps VPC svc-0-orders: one address plan",
            "  two  spaces  and a trailing space ",
            "", " ", "a", "本番ネットワーク 東京リージョン 決済基盤 と AWS の VPC が 重なっています",
            "e \u{301}combining after a space, a\u{301} inside, 👩‍💻 ZWJ, 👍🏽 tone, 🇯🇵 flag, ❤️ VS16",
            "escapes \u{1b}[31m and \u{202e}bidi and a \u{200d} joiner alone and \u{1F3FD} modifier alone",
            "Arabic prepend \u{600} then space, Devanagari क्ष ि vowel sign after space, Hangul \u{1161} jamo",
            "averyveryveryverylongwordthatcannotfitononelineatallnomatterwhat and then more words after it",
            "→ arrows · dots — dashes … ellipses ≠ signs in a hint: aws ec2 create-route --route-table-id rtb-1",
        ]
        for text in texts {
            for width in [2, 3, 5, 8, 13, 20, 40, 76, 120] {
                #expect(Wrap.lines(text, width: width) == Self.referenceWrap(text, width: width), "\(text) @\(width)")
            }
        }
    }

    @Test func searchMatchesBytesOfLowercasedText() {
        #expect(SearchIndex.contains(Array("vpc-1 svc-42-orders".utf8), Array("42-ord".utf8)))
        #expect(!SearchIndex.contains(Array("vpc-1 svc-42-orders".utf8), Array("43".utf8)))
        #expect(SearchIndex.contains(Array("本番ネットワーク".utf8), Array("ネット".utf8)))
        #expect(!SearchIndex.contains(Array("ab".utf8), Array("abc".utf8)))
    }
}
