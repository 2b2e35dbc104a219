/// A keyed fingerprint of a secret (a VPN tunnel's pre-shared key), so two snapshots loaded by the
/// same process can tell whether a key changed without keeping the key. The key of the hash is
/// random per process (Swift's `Hasher` seed): a fingerprint means nothing outside the process
/// that made it. It is never shown: its description, debug description and mirror say nothing of
/// its value, and no output writes it; only whether two fingerprints are equal is used.
public struct SecretFingerprint: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: UInt64

    public init(_ value: UInt64) { self.value = value }

    /// The hash, for the importer to carry it from the parser to the decoder (never to show).
    package var bits: UInt64 { value }

    /// The fingerprint of `bytes` under this process's random key.
    public init(of bytes: UnsafeRawBufferPointer) {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        hasher.combine(bytes.count)
        value = UInt64(bitPattern: Int64(hasher.finalize()))
    }

    public var description: String { "(secret, not shown)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
