import TunnelscopeModel

/// The ordered steps to build (or rebuild) the AWS ⇄ GCP link without the IP deadlock: each side
/// wants the other's public addresses at creation, so the order is GCP HA VPN gateway first, then
/// the AWS customer gateways and VPN connections, then the GCP peer gateway, tunnels, router
/// interfaces and BGP peers.
public struct CreationPlan: Sendable, Hashable {
    public let steps: [PlanStep]
    /// Why the order is what it is, and what the model could not say.
    public let notes: [String]
}

/// One step: resources of one kind, on one cloud, that can be created together once the steps
/// it needs are done.
public struct PlanStep: Sendable, Hashable {
    public let number: Int
    public let cloud: Side
    public let title: String
    /// What it waits for, in words: `the HA VPN interface IPs (step 3) and the Cloud Router ASN (step 2)`.
    public let why: String?
    /// Step numbers it depends on.
    public let needs: [Int]
    public let items: [PlanItem]
    /// What the step says once for all its items: where the GCP tunnels' pre-shared keys come from.
    public let notes: [String]
    /// Shell lines to run once before the items' commands: one variable per tunnel's pre-shared
    /// key, read from the AWS CLI (never the key itself).
    public let setup: [String]
}

/// One resource to create and the values it needs.
public struct PlanItem: Sendable, Hashable {
    /// Its ID in the loaded network, when it exists there.
    public let resource: String?
    public let name: String
    public let values: [PlanValue]
    /// What the cloud assigns when it is created (addresses, IDs) — later steps use them.
    public let produces: [PlanValue]
    /// A command sketch (`aws …` / `gcloud …`); secrets are never printed.
    public let command: String?
}

public struct PlanValue: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// Chosen by whoever builds it (ASNs, inside CIDRs, names); the current value is shown.
        case chosen
        /// Assigned by the cloud when the resource is created; the current value is shown.
        case assigned
        /// Comes from what an earlier step produced.
        case step(Int)
        /// What verification should show.
        case expected
    }

    public let key: String
    public let value: String
    public let source: Source

    public init(_ key: String, _ value: String, _ source: Source = .chosen) {
        self.key = key
        self.value = value
        self.source = source
    }
}
