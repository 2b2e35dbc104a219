import TunnelscopeModel

/// The guided walkthrough: steps over the loaded network, each highlighting a part of the map
/// and explaining it for a new team member. Steps whose subject is missing from the exports
/// are left out, and the text uses the loaded network's own names and numbers.
public enum Tour {
    public struct Step: Sendable {
        public let title: String
        public let text: [String]
        /// The topology node to highlight.
        public let focus: String?
    }

    public static func steps(for model: NetworkModel) -> [Step] {
        let naming = Naming(model: model)
        var steps: [Step] = []
        let cross = model.tunnels.filter(\.isCrossCloud)
        let connections = Array(Set(cross.compactMap { $0.aws?.vpnConnectionId })).sorted()
        let tgw = model.transitGateways.first
        let gateway = model.haVpnGateways.first
        let external = model.externalVpnGateways.first
        let router = model.cloudRouters.first

        steps.append(Step(title: "Welcome", text: [
            "This is the whole hybrid network in one picture: on-prem sites at the top, AWS in the middle, GCP at the bottom, and the VPN between the clouds.",
            "Boxes are coloured by health. ● is up, ✖ is down, ▲ is a risk. Move with the arrow keys, open a box with Enter, and go back with Esc.",
            "n / → moves to the next step of this tour, p / ← goes back, Esc leaves it.",
        ], focus: model.onPremSites.first?.id ?? tgw?.id))
        if let tgw {
            let vpcs = model.tgwAttachments.filter { $0.transitGatewayId == tgw.id && $0.resourceType == "vpc" }.count
            steps.append(Step(title: "The hub: Transit Gateway \(naming.tgw(tgw.id))", text: [
                "Every AWS VPC (\(vpcs) here), every on-prem link and the VPN to GCP attach to one Transit Gateway, ASN \(tgw.amazonSideAsn.map(String.init) ?? "?").",
                "Its route table decides where traffic goes. Routes learned over BGP from GCP come in through the VPN attachments, with ECMP across both connections.",
                "Attach the VPN to the TGW from the start. Moving it later from a virtual private gateway (VGW) made Cloud Router recompute its BGP routes, with about 40 seconds of outage.",
            ], focus: tgw.id))
        }
        if !model.onPremSites.isEmpty {
            steps.append(Step(title: "On-prem sites", text: [
                "\(model.onPremSites.map(\.name).joined(separator: ", ")) reach AWS through Direct Connect or a site-to-site VPN that ends on the TGW.",
                "Their prefixes reach GCP only if the TGW passes them to the VPN attachments and Cloud Router learns them.",
            ], focus: model.onPremSites.first?.id))
        }
        if !cross.isEmpty {
            steps.append(Step(title: "The AWS view: \(connections.count) VPN connections × 2 tunnels", text: [
                "AWS calls this link \(connections.count) VPN connections (\(connections.map(naming.connection).joined(separator: ", "))), each with 2 tunnels, so \(cross.count) tunnels in all.",
                "Each connection's customer gateway is one GCP HA VPN interface IP. AWS has no idea that the two customer gateways are the same GCP gateway.",
                "Press 2 for the AWS view, and Tab to flip to GCP with the same tunnel selected.",
            ], focus: "link"))
            steps.append(Step(title: "The GCP view: one HA gateway, one peer gateway, \(cross.count) tunnels", text: [
                "GCP sees one HA VPN gateway\(gateway.map { " (\($0.name))" } ?? "") with 2 interfaces and one peer gateway\(external.map { " (\($0.name), \($0.redundancyType ?? "?"))" } ?? "") with 4 interfaces. Those are the 4 AWS tunnel outside IPs.",
                "Then \(cross.count) vpn-tunnels, and on Cloud Router\(router.map { " \($0.name)" } ?? "") 4 interfaces and 4 BGP peers.",
                "The same physical tunnels, counted and named differently on each side. That is why the two consoles never quite agree.",
            ], focus: gateway?.ref.id ?? "link"))
            steps.append(Step(title: "How the 4 tunnels map", text: [
                "The AWS tunnel outside IP = the peer gateway interface IP = the GCP tunnel's peer IP.",
                "The AWS customer gateway IP = the HA interface IP. Connection A uses interface 0 (peer interfaces 0 and 1); B uses interface 1 (peer interfaces 2 and 3).",
                "Inside each /30, AWS takes N+1 and Cloud Router takes N+2. The router's peer ASN is the Amazon-side ASN.",
                "Press 4 for the side-by-side view. It pairs each AWS tunnel with its GCP tunnel and marks where the two sides disagree.",
            ], focus: "link"))
            let down = cross.filter(\.isDown)
            if !down.isEmpty {
                steps.append(Step(title: "What is down right now", text: [
                    "\(down.count) tunnel(s) are down: \(down.map(\.label).joined(separator: "; ")).",
                    "One side can say UP or ESTABLISHED while the other says DOWN. IPsec can be up while BGP is not, and AWS reports such a tunnel as DOWN.",
                    "Redundancy: with 2 interfaces × 2 tunnels, losing any one tunnel, interface or connection leaves the link up. Press f on an element to see what survives.",
                ], focus: "link"))
            }
        }
        if let shared = model.sharedVPCs.first {
            steps.append(Step(title: "Shared VPC: who owns what", text: [
                "\(shared.hostProject) is the host project. The network team runs the Shared VPC, the VPN and Cloud Router there.",
                "Service projects (\(shared.serviceProjects.joined(separator: ", "))) put their workloads on the host's subnets and own none of the networking.",
                "A VPN-connected network must be custom mode. An auto-mode network such as `default` creates subnets in every region that can collide with AWS and on-prem ranges.",
            ], focus: "project/\(shared.hostProject)"))
        }
        if let redis = model.redisInstances.first {
            steps.append(Step(title: "Peered services bring their own VPC", text: [
                "Memorystore \(redis.name) lives in a Google-managed producer VPC joined by VPC peering, with range \(redis.reservedIpRangeText ?? "?").",
                "Service projects reach it through the Shared VPC. Cloud Router does not advertise peered ranges over the VPN, so AWS and on-prem cannot reach it unless you add a custom advertisement.",
                "Its range must also fit one address plan across all clouds and on-prem: here it collides with an AWS VPC.",
            ], focus: redis.id))
        }
        steps.append(Step(title: "Building it: the creation order", text: [
            "Each side wants the other side's public IPs when it is created. The way out is this order:",
            "1. Create the GCP HA VPN gateway (its 2 interface IPs).  2. Create the AWS customer gateways with those IPs, then the VPN connections on the TGW.",
            "3. Create the GCP peer gateway with the 4 AWS tunnel outside IPs.  4. Create the GCP tunnels, router interfaces (N+2) and BGP peers (peer N+1, Amazon ASN).",
            "`tunnelscope plan` prints these steps with the values from your exports.",
        ], focus: "link"))
        return steps
    }
}
