#!/usr/bin/env bash
# Saves the GCP side of a hybrid AWS <-> GCP network as `gcloud ... --format=json` files, one
# file per CLI command, for `tunnelscope check DIR` / `tunnelscope DIR`. Read-only: it only
# runs list/get calls. Run with --help for the details.
set -euo pipefail

readonly prog="${0##*/}"

usage() {
    cat <<EOF
Usage: $prog --project PROJECT [--project PROJECT]... [--region REGION]... [-o DIR]

Saves the GCP side of a hybrid network for Tunnelscope: one JSON file per gcloud command
(read-only list/get calls), into DIR/gcp-PROJECT/. Then run
  tunnelscope check DIR      (or: tunnelscope DIR)
Export the Shared VPC host project and its service projects together, so that Tunnelscope
can join them.

Options:
  --project PROJECT     project ID to export (required); repeat for several.
  --region REGION       only these regions for the regional lists (subnets, HA VPN gateways,
                        tunnels, Cloud Routers, Memorystore); repeat for several. Default:
                        every region. Global resources (networks, routes, peer VPN gateways)
                        are always exported whole.
  -o, --output DIR      output folder (default: ./tunnelscope-export-YYYY-MM-DD, today's date);
                        created if missing. DIR/gcp-PROJECT/ is replaced on each run; nothing
                        else in DIR is touched, so export-aws.sh can write beside it.
  -h, --help            show this help.

Commands run for each project P (all with --project P --format=json --quiet):
  gcloud compute networks list
  gcloud compute networks subnets list              [--regions R,...]
  gcloud compute vpn-gateways list                  [--regions R,...]
  gcloud compute external-vpn-gateways list
  gcloud compute vpn-tunnels list                   [--regions R,...]
  gcloud compute routers list                       [--regions R,...]
  gcloud compute routers get-status NAME --region R  (for each router; file named after it)
  gcloud compute routes list
  gcloud compute shared-vpc get-host-project P          (fails or is empty unless P is a
  gcloud compute shared-vpc associated-projects list P   service / host project: ignored)
  gcloud redis instances list --region R   (for each --region given, else once with
                                            --region=-, the API's wildcard for all regions;
                                            ignored where the Redis API is not enabled)

Each folder also gets tunnelscope-manifest.json: when the export started and finished (UTC),
the CLI version, what was exported, and every command run with its exit code and first error
line. Tunnelscope shows the export's age from it and warns when AWS and GCP were exported more
than 30 minutes apart (see README, "Export manifest").

A command that fails (no permission, API not enabled, ...) is reported on stderr and left
out; the others still run. Exit status: 0 when at least one file was written, 1 when nothing
could be exported, 2 on bad arguments.

Authentication is gcloud's own (gcloud auth login, or a service account); the account needs
read access such as roles/compute.networkViewer (and roles/redis.viewer for Memorystore).

SECRETS: the files are the raw CLI output. The VPN tunnels' shared secrets come back masked
from the API, but keep the folder private anyway (it is created readable by you only), and
keep it together with the AWS export, which does contain the pre-shared keys. This script
never prints the files' contents, and Tunnelscope never displays a pre-shared key.
EOF
}

die_usage() {
    echo "$prog: $1 (see --help)" >&2
    exit 2
}

outdir=""
projects=()
regions=()
while (($# > 0)); do
    case "$1" in
        -o|--output)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "$1 needs a folder"
            outdir="$2"; shift 2 ;;
        --output=*) outdir="${1#--output=}"; shift ;;
        --project)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "--project needs a project ID"
            projects+=("$2"); shift 2 ;;
        --project=*) projects+=("${1#--project=}"); shift ;;
        --region)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "--region needs a region name"
            regions+=("$2"); shift 2 ;;
        --region=*) regions+=("${1#--region=}"); shift ;;
        -h|--help) usage; exit 0 ;;
        *) die_usage "unknown argument: $1" ;;
    esac
done

# (Arrays are expanded as ${a[@]+"${a[@]}"}: an empty array is "unbound" under set -u in bash 3.2.)

# Keeps the first of each word, in order.
unique_words() {
    local seen=" " word
    for word in "$@"; do
        if [[ "$seen" != *" $word "* ]]; then
            printf '%s\n' "$word"
            seen+="$word "
        fi
    done
}

((${#projects[@]} > 0)) || die_usage "give at least one --project PROJECT"
for project in "${projects[@]}"; do
    # Project IDs become folder names; domain-scoped IDs look like example.com:my-project.
    [[ "$project" =~ ^[a-z0-9][a-z0-9.:-]*$ ]] || die_usage "not a project ID: $project"
done
for region in ${regions[@]+"${regions[@]}"}; do
    [[ "$region" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die_usage "not a region name: $region"
done
unique=()
while IFS= read -r word; do unique+=("$word"); done < <(unique_words "${projects[@]}")
projects=("${unique[@]}")
unique=()
while IFS= read -r word; do unique+=("$word"); done < <(unique_words ${regions[@]+"${regions[@]}"})
regions=(${unique[@]+"${unique[@]}"})

if ! command -v gcloud >/dev/null 2>&1; then
    echo "$prog: gcloud is not on PATH (https://cloud.google.com/sdk/docs/install)" >&2
    exit 1
fi

umask 077   # keep the export private to its owner
# For the manifest: the first line of `gcloud version` ("Google Cloud SDK 528.0.0").
cli_version="$(gcloud version </dev/null 2>/dev/null | head -n 1 || true)"

outdir="${outdir:-./tunnelscope-export-$(date +%Y-%m-%d)}"
outdir="${outdir%/}"
[[ -n "$outdir" ]] || outdir="/"
if ! mkdir -p -- "$outdir"; then
    echo "$prog: cannot create the output folder $outdir" >&2
    exit 1
fi

# Scratch files live in a hidden folder inside DIR (Tunnelscope skips hidden entries), removed
# on exit whatever happens.
workdir=""
cleanup() {
    if [[ -n "$workdir" && -d "$workdir" ]]; then
        rm -rf -- "$workdir"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
workdir="$(mktemp -d "$outdir/.export-gcp.XXXXXX")"

region_list=""
if ((${#regions[@]} > 0)); then
    region_list="$(IFS=,; printf '%s' "${regions[*]}")"
fi

# Shows a command for messages (the arguments never contain secrets).
show_command() {
    local out="gcloud" arg
    for arg in "$@"; do
        if [[ "$arg" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then out+=" $arg"; else out+=" '${arg//\'/\'\\\'\'}'"; fi
    done
    printf '%s' "$out"
}

# The error message in FILE, on one line: its first three non-empty lines (gcloud often puts
# the reason on the next lines: "Some requests did not succeed:" + " - <reason>"), shortened.
# (Error messages hold no secrets; an endpoint's HTML error page can be long.)
error_summary() {
    local line text="" lines=0
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line%$'\r'}"
        line="${line#"${line%%[![:space:]]*}"}"
        [[ -n "$line" ]] || continue
        text+="${text:+ }$line"
        lines=$((lines + 1))
        ((lines < 3)) || break
    done <"$1"
    if [[ -z "$text" ]]; then text="(no error message)"; fi
    if ((${#text} > 400)); then text="${text:0:400}..."; fi
    printf '%s' "$text"
}

# --- Export manifest (tunnelscope-manifest.json in each folder written; fields in README) ---
# shellcheck source=export-manifest.sh
source "$(dirname "${BASH_SOURCE[0]}")/export-manifest.sh"

failures=0
files_written=0

# Runs `gcloud ARGS... --project P --format=json --quiet` and saves stdout as STAGE/NAME.json
# when it succeeds and printed a JSON object or array. On failure: a warning, or with
# MODE=optional a one-line note (for calls that fail in the normal course of things).
# export_json MODE STAGE NAME ARGS...
export_json() {
    local mode="$1" stage="$2" name="$3"; shift 3
    local out="$workdir/out.json" err="$workdir/err.txt" status=0
    local -a cmd=("$@" --project "$project" --format=json --quiet)
    local optional=false
    if [[ "$mode" == optional ]]; then optional=true; fi
    gcloud "${cmd[@]}" </dev/null >"$out" 2>"$err" || status=$?
    if ((status != 0)); then
        manifest_record "$status" "" "$(manifest_error "$err")" "$(show_command "${cmd[@]}")" "$optional"
        if [[ "$mode" == optional ]]; then
            echo "  (skipped $name: $(error_summary "$err"))" >&2
        else
            failures=$((failures + 1))
            echo "$prog: warning: skipped, the command failed (exit $status): $(show_command "${cmd[@]}")" >&2
            echo "    $(error_summary "$err")" >&2
        fi
        return 1
    fi
    local first=""
    first="$(tr -d ' \t\r\n' <"$out" | head -c 1 || true)"
    if [[ "$first" != "{" && "$first" != "[" ]]; then
        manifest_record 0 "" "no JSON output; not kept" "$(show_command "${cmd[@]}")" "$optional"
        if [[ "$mode" == optional ]]; then
            echo "  (skipped $name: no output)" >&2
        else
            failures=$((failures + 1))
            echo "$prog: warning: skipped, the output is not JSON: $(show_command "${cmd[@]}")" >&2
        fi
        return 1
    fi
    manifest_record 0 "$name.json" "" "$(show_command "${cmd[@]}")" "$optional"
    mv -f -- "$out" "$stage/$name.json"
    files_written=$((files_written + 1))
    echo "  $name.json" >&2
    # An aggregated list that could not reach every region still succeeds, with a warning.
    if grep -q '^WARNING: Some requests did not succeed' "$err"; then
        echo "$prog: warning: $name.json may be incomplete: $(grep -A1 '^WARNING: Some requests did not succeed' "$err" | tr '\n' ' ' | cut -c1-400)" >&2
    fi
}

# The string values of "KEY": "..." in a gcloud JSON file (gcloud prints `"key": "value"`).
json_string_values() { # json_string_values FILE KEY
    { grep -o "\"$2\": *\"[^\"]*\"" "$1" || true; } | sed -e 's/.*: *"//' -e 's/"$//'
}

regional_args=()
if [[ -n "$region_list" ]]; then
    regional_args=("--regions=$region_list")
fi

for project in "${projects[@]}"; do
    folder="gcp-$project"
    stage="$workdir/$folder"
    mkdir -p -- "$stage"
    folder_started="$(utc_now)"
    manifest_commands=()
    echo "$prog: exporting project $project${region_list:+ (regions $region_list)}" >&2

    export_json required "$stage" networks-list compute networks list || true
    export_json required "$stage" subnets-list compute networks subnets list ${regional_args[@]+"${regional_args[@]}"} || true
    export_json required "$stage" vpn-gateways-list compute vpn-gateways list ${regional_args[@]+"${regional_args[@]}"} || true
    export_json required "$stage" external-vpn-gateways-list compute external-vpn-gateways list || true
    export_json required "$stage" vpn-tunnels-list compute vpn-tunnels list ${regional_args[@]+"${regional_args[@]}"} || true
    if export_json required "$stage" routers-list compute routers list ${regional_args[@]+"${regional_args[@]}"}; then
        # Each router's selfLink: .../projects/P/regions/R/routers/NAME.
        while IFS= read -r link; do
            if [[ "$link" =~ /regions/([a-z0-9-]+)/routers/([a-z0-9-]+)$ ]]; then
                router_region="${BASH_REMATCH[1]}"
                router="${BASH_REMATCH[2]}"
                # The output names the router's network, not the router: the file name does.
                export_json required "$stage" "routers-get-status-$router-$router_region" \
                    compute routers get-status "$router" --region "$router_region" || true
            fi
        done < <(json_string_values "$stage/routers-list.json" selfLink | sort -u)
    fi
    export_json required "$stage" routes-list compute routes list || true
    # Only a service project has a host project, and only a host project has associated
    # projects: elsewhere these fail or print an empty result, which is not kept.
    if export_json optional "$stage" "shared-vpc-get-host-project-$project" \
            compute shared-vpc get-host-project "$project"; then
        if ! grep -q '"name"' "$stage/shared-vpc-get-host-project-$project.json"; then
            rm -f -- "$stage/shared-vpc-get-host-project-$project.json"
            files_written=$((files_written - 1))
            # The manifest says so: the last command's file was not kept.
            unset 'manifest_commands[${#manifest_commands[@]}-1]'
            manifest_record 0 "" "empty result: not a Shared VPC service project; not kept" \
                "$(show_command compute shared-vpc get-host-project "$project" --project "$project" --format=json --quiet)" true
            echo "  (not kept: $project is not a Shared VPC service project)" >&2
        fi
    fi
    export_json optional "$stage" "shared-vpc-associated-projects-list-$project" \
        compute shared-vpc associated-projects list "$project" || true
    # Memorystore: the regions asked for, else all regions at once (--region=-, the Redis
    # API's documented wildcard location). Errors (most often: the Redis API is not enabled
    # in this project) are expected and only noted.
    for region in ${regions[@]+"${regions[@]}"}; do
        export_json optional "$stage" "redis-instances-list-$region" redis instances list "--region=$region" || true
    done
    if ((${#regions[@]} == 0)); then
        export_json optional "$stage" redis-instances-list-all-regions redis instances list --region=- || true
    fi
    # Regions: those given; none means every region.
    write_manifest "$stage/tunnelscope-manifest.json" gcp gcloud "$folder_started" "$cli_version" "[]" \
        "$(json_strings "$project")" "$(json_strings ${regions[@]+"${regions[@]}"})"
done

# Replace the folder of an earlier export of each project as a whole, so no stale file survives.
for project in "${projects[@]}"; do
    folder="gcp-$project"
    stage="$workdir/$folder"
    count=$(find "$stage" -type f -name '*.json' ! -name tunnelscope-manifest.json | wc -l | tr -d ' ')
    if ((count > 0)); then
        if [[ -e "$outdir/$folder" ]]; then
            rm -rf -- "${outdir:?}/$folder"
        fi
        mv -- "$stage" "$outdir/$folder"
        echo "$prog: wrote $count files to $outdir/$folder" >&2
    else
        echo "$prog: warning: nothing could be exported for project $project" >&2
    fi
done

if ((files_written == 0)); then
    echo "$prog: error: nothing was exported ($failures commands failed)" >&2
    exit 1
fi
if ((failures > 0)); then
    echo "$prog: done with $failures skipped commands (see the warnings above); $files_written files written" >&2
else
    echo "$prog: done; $files_written files written" >&2
fi
echo "$prog: keep $outdir private. Next: tunnelscope check $outdir" >&2
printf '%s\n' "$outdir"
