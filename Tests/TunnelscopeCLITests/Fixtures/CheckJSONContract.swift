/// The `check --format json` contract (schemaVersion 1), as a fixture: every key here must be in
/// the output with a value of the same JSON type (strings "", numbers 0, booleans false, objects,
/// arrays whose first element is the shape of every element). More keys are allowed.
/// Paths in `nullable` may also be null.
enum CheckJSONContract {
    static let shape = """
        {
          "schemaVersion": 1,
          "load": {"files": 0, "resources": 0, "skipped": [{"file": "", "reason": ""}],
                   "conflicts": [{"kind": "", "id": "", "kept": {"file": "", "path": ""}, "dropped": {"file": "", "path": ""},
                                  "fields": [{"name": "", "kept": "", "dropped": ""}], "moreFields": 0}],
                   "conflictsTotal": 0,
                   "mixedSnapshots": {"message": "", "resources": 0, "kinds": [""], "keptFrom": "", "droppedFrom": ""},
                   "provenance": {"exports": [{"cloud": "", "source": "", "estimated": false, "startedAt": "",
                                               "finishedAt": "",
                                               "manifests": [{"file": "", "startedAt": "", "finishedAt": "",
                                                              "accounts": [""], "projects": [""], "regions": [""],
                                                              "commands": [{"command": "", "exitCode": 0}]}]}],
                                  "maxGapSeconds": 0, "mixedTime": false}},
          "summary": {"awsAccounts": 0, "gcpProjects": 0, "awsVpcs": 0, "gcpNetworks": 0, "onPremSites": 0,
                      "tunnels": 0, "crossCloudTunnels": 0, "tunnelsDown": 0, "bgpSessionsDown": 0},
          "tunnels": [{"id": "",
                       "aws": {"vpnConnectionId": "", "outsideIp": "", "insideCidr": "", "status": ""},
                       "gcp": {"project": "", "region": "", "name": "", "haGatewayInterface": 0, "peerGatewayInterface": 0,
                               "status": "", "bgpPeer": "", "bgpStatus": ""}}],
          "findings": [{"rule": "", "severity": "", "message": "", "resources": [""]}]
        }
        """

    static let nullable: Set<String> = [
        "tunnels[].aws", "tunnels[].gcp", "tunnels[].gcp.bgpPeer", "tunnels[].gcp.bgpStatus",
        "tunnels[].gcp.status", "tunnels[].gcp.region", "tunnels[].aws.insideCidr",
        "tunnels[].gcp.haGatewayInterface", "tunnels[].gcp.peerGatewayInterface", "load.mixedSnapshots",
    ]

    /// The `whatIf` object (only with --fail).
    static let whatIfShape = """
        {"failed": [{"id": "", "kind": "", "label": ""}], "summary": "",
         "tunnels": [{"id": "", "crossCloud": false, "carriedBefore": false, "tunnelUpAfter": false, "sessionUpAfter": false, "survives": false}],
         "links": [{"id": "", "label": "", "upBefore": false, "upAfter": false, "carrying": [""], "singlePointsOfFailure": [""]}],
         "sites": [{"id": "", "name": "", "reachableBefore": false, "reachableAfter": false}],
         "lostPrefixes": [{"prefix": "", "originLabel": "", "originSide": "", "lost": [""]}],
         "unreachableBefore": []}
        """
}
