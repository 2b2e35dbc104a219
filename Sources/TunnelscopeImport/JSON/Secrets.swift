import TunnelscopeModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fields and elements of the exports that hold secrets. Their values are dropped as soon as they
/// are parsed, so no decoder, model, message or view can ever see them.
enum Secrets {
    /// JSON members dropped by the parser wherever they appear: the VPN pre-shared keys
    /// (`TunnelOptions[].PreSharedKey`), Direct Connect BGP auth keys (`authKey`, and the router
    /// configuration that repeats it), GCP tunnel secrets (`sharedSecret`, masked by the API but
    /// never needed), Memorystore auth strings.
    static let jsonKeys: Set<String> = [
        "PreSharedKey", "authKey", "AuthKey", "BgpAuthKey", "customerRouterConfig", "sharedSecret", "authString",
    ]

    /// XML elements whose content `MiniXML` never keeps (`CustomerGatewayConfiguration`, Direct
    /// Connect router configurations).
    static let xmlElements: Set<String> = ["pre_shared_key", "bgp_auth_key", "auth_key", "authKey", "authkey"]
}

extension Secrets {
    /// Whether `key` (UTF-8) is one of `jsonKeys`: asked for every key of every file, so it is
    /// answered from the length and one comparison, with no string and no shared table (a test
    /// checks it against `jsonKeys`).
    static func isJSONKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        func equals(_ name: StaticString) -> Bool { memcmp(name.utf8Start, key.baseAddress!, key.count) == 0 }
        switch key.count {
        case 7: return equals("authKey") || equals("AuthKey")
        case 10: return equals("BgpAuthKey") || equals("authString")
        case 12: return equals("PreSharedKey") || equals("sharedSecret")
        case 20: return equals("customerRouterConfig")
        default: return false
        }
    }
}

extension Secrets {
    /// A secret string's keyed fingerprint as the parser keeps it in place of the value (a null
    /// entry whose payload it is): only `SecretFingerprint`'s per-process hash, never the bytes.
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        SecretFingerprint(of: bytes).bits
    }
}
