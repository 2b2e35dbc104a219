import Testing

@testable import TunnelscopeImport

/// The parser asks `Secrets.isJSONKey` for every key: it must match exactly `Secrets.jsonKeys`.
@Suite struct SecretKeyMatchTests {
    static func matches(_ key: String) -> Bool {
        Array(key.utf8).withUnsafeBufferPointer { Secrets.isJSONKey($0) }
    }

    @Test func everySecretKeyMatches() {
        #expect(!Secrets.jsonKeys.isEmpty)
        for key in Secrets.jsonKeys { #expect(Self.matches(key), "\(key)") }
    }

    @Test func nearMissesAndOrdinaryKeysDoNot() {
        for key in Secrets.jsonKeys {
            let bytes = Array(key.utf8)
            for i in bytes.indices {
                var changed = bytes
                changed[i] ^= 0x20  // the other case of a letter
                let text = String(decoding: changed, as: UTF8.self)
                if !Secrets.jsonKeys.contains(text) { #expect(!Self.matches(text), "\(text)") }
            }
            #expect(!Self.matches(String(key.dropLast())))
            #expect(!Self.matches(key + "s"))
        }
        for key in ["", "OwnerId", "RouteTableId", "DestinationCidrBlock", "BgpAsn", "State", "Key", "Value"] {
            #expect(!Self.matches(key), "\(key)")
        }
    }
}
