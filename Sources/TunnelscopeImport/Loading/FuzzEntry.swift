/// What the fuzzer (`Sources/TunnelscopeFuzz`, `scripts/fuzz.sh`) runs on each input: the whole
/// import (first-byte check, JSON parser, recogniser, decoders, the tunnel join), and, for input
/// that looks like XML, the configuration XML parser directly and inside a VPN connection.
/// Invariants that must hold for any input trap, so the fuzzer reports them as crashes.
package enum FuzzEntry {
    package static func run(_ bytes: [UInt8]) {
        let result = Importer.load(files: [InputFile(name: "fuzz.json", bytes: bytes)], origin: "fuzz")
        precondition(result.report.reconciles, "every resource is accounted for")
        precondition(result.report.files.count == 1, "the file is listed once")

        let first = bytes.first { !Importer.isBlank($0) }
        guard first == UInt8(ascii: "<") else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? MiniXML.parse(text, keepingTextOf: ["ip_address", "asn", "network_cidr"])
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default:
                if scalar.value < 0x20 {
                    escaped += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        let document =
            #"{"VpnConnections": [{"VpnConnectionId": "vpn-fuzz", "Options": {"TunnelOptions": [{"OutsideIpAddress": "3.3.3.3", "TunnelInsideCidr": "169.254.10.0/30"}]}, "CustomerGatewayConfiguration": ""#
            + escaped + #""}]}"#
        let wrapped = Importer.load(files: [InputFile(name: "fuzz.json", bytes: Array(document.utf8))], origin: "fuzz")
        precondition(wrapped.report.reconciles, "every resource is accounted for")
        precondition(wrapped.model.vpnConnections.count == 1, "the connection loads whatever its XML holds")
    }
}
