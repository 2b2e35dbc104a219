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
    /// `jsonKeys` as bytes, for the parser to compare keys without making strings.
    static let jsonKeyBytes = jsonKeys.map { Array($0.utf8) }
    /// The longest of them (most keys are rejected on their length alone).
    static let longestKey = jsonKeyBytes.map(\.count).max() ?? 0
}
