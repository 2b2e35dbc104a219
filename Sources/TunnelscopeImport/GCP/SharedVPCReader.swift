import TunnelscopeModel

/// Shared VPC exports name only one side of the host/service link:
/// `get-host-project SERVICE` prints the host project; `associated-projects list HOST` prints the
/// service projects. The missing side is taken from the file's path when it names a project,
/// else from the only host project known.
enum SharedVPCReader {
    static func readHostProject(_ n: Node, file: String, into state: inout ImportState) {
        state.report.count("gcp:compute#project") { $0.seen += 1 }
        guard let host = n.string("name") else {
            state.skip("gcp:compute#project", n, DecodeError(path: n.path, message: "project without a name"))
            return
        }
        if let status = n.string("xpnProjectStatus"), status != "HOST" {
            state.report.count("gcp:compute#project") { $0.loaded += 1 }
            return
        }
        state.pending.hostProjects.append((host, file, n.source))
        state.report.count("gcp:compute#project") { $0.loaded += 1 }
    }

    static func readAssociated(_ items: [Node], file: String, into state: inout ImportState) {
        var projects: [String] = []
        for item in items {
            state.report.count("gcp:shared-vpc#service-project") { $0.seen += 1 }
            guard let id = item.string("id") else {
                state.skip("gcp:shared-vpc#service-project", item, DecodeError(path: item.path, message: "missing id"))
                continue
            }
            if let type = item.string("type"), type != "PROJECT" {
                state.skip(
                    "gcp:shared-vpc#service-project", item,
                    DecodeError(path: item.path, message: "resource type \(Node.shownKey(type)) is not a project"))
                continue
            }
            projects.append(id)
            state.report.count("gcp:shared-vpc#service-project") { $0.loaded += 1 }
        }
        let source = SourceRef(file: file, path: "$")
        state.pending.associatedLists.append((projects, file, source))
    }

    static func resolve(_ state: inout ImportState) {
        var hosts: [String: (services: Set<String>, sources: [SourceRef])] = [:]
        let knownProjects = Set(
            state.parts.gcpNetworks.map(\.project) + state.parts.haVpnGateways.map(\.ref.project)
                + state.parts.gcpSubnets.map(\.ref.project) + state.parts.redisInstances.map(\.project))
        let hostIds = Set(state.pending.hostProjects.map(\.host))

        func projectNamed(in file: String, among candidates: Set<String>) -> String? {
            let components = file.split(separator: "/").map(String.init)
            return candidates.sorted { $0.count > $1.count }.first { id in components.contains { $0.contains(id) } }
        }

        for entry in state.pending.hostProjects {
            hosts[entry.host, default: ([], [])].sources.append(entry.source)
            // The service project this was exported for, if the path names one.
            let others = knownProjects.subtracting(hostIds)
            if let service = projectNamed(in: entry.file, among: others) {
                hosts[entry.host]?.services.insert(service)
            }
        }
        for list in state.pending.associatedLists {
            let host =
                projectNamed(in: list.file, among: hostIds.union(knownProjects))
                ?? (hostIds.count == 1 ? hostIds.first : nil)
                ?? (knownProjects.subtracting(list.projects).count == 1
                    ? knownProjects.subtracting(list.projects).first : nil)
            guard let host else {
                state.report.notes.append(
                    LoadMessage(
                        file: list.file, path: nil,
                        text:
                            "Shared VPC service projects \(list.projects.prefix(10).map(Node.shownKey).joined(separator: ", "))\(list.projects.count > 10 ? " … and \(list.projects.count - 10) more" : "") listed, but the host project is unknown; "
                            + "add `get-host-project` output or name the file after the host project"))
                continue
            }
            hosts[host, default: ([], [])].services.formUnion(list.projects)
            hosts[host]?.sources.append(list.source)
        }
        state.parts.sharedVPCs = hosts.keys.sorted().map { host in
            SharedVPC(hostProject: host, serviceProjects: hosts[host]!.services.sorted(), sources: hosts[host]!.sources)
        }
    }
}
