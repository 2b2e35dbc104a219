#!/usr/bin/env bash
# Saves the AWS side of a hybrid AWS <-> GCP network as `aws ... --output json` files, one file
# per CLI command, for `tunnelscope check DIR` / `tunnelscope DIR`. Read-only: it only runs
# describe/get/search calls. Run with --help for the details.
set -euo pipefail

readonly prog="${0##*/}"

usage() {
    cat <<EOF
Usage: $prog [-o DIR] [--region REGION]... [--profile PROFILE]

Saves the AWS side of a hybrid network for Tunnelscope: one JSON file per aws CLI command
(read-only describe/get/search calls), into DIR/aws-ACCOUNT-REGION/. Then run
  tunnelscope check DIR      (or: tunnelscope DIR)

Options:
  -o, --output DIR      output folder (default: ./tunnelscope-export-YYYY-MM-DD, today's date);
                        created if missing. DIR/aws-ACCOUNT-REGION/ is replaced on each run;
                        nothing else in DIR is touched, so export-gcp.sh can write beside it.
  --region REGION       region to export; repeat for several. Default: AWS_REGION,
                        AWS_DEFAULT_REGION or the region of the CLI profile (aws configure get region).
  --profile PROFILE     aws CLI profile to use (default: the CLI's usual choice, AWS_PROFILE).
  -h, --help            show this help.

Commands run for each region (all with --output json):
  sts get-caller-identity (once, for the account ID in the folder name)
  ec2 describe-transit-gateways, describe-transit-gateway-attachments,
      describe-transit-gateway-vpc-attachments, describe-transit-gateway-route-tables,
      and for each TGW route table ID:
        search-transit-gateway-routes --transit-gateway-route-table-id ID
            --filters Name=state,Values=active,blackhole
        get-transit-gateway-route-table-propagations --transit-gateway-route-table-id ID
      (these two files carry the route table ID in their name: their content does not),
      describe-vpn-connections, describe-customer-gateways, describe-vpn-gateways,
      describe-vpcs, describe-subnets, describe-route-tables, describe-vpc-peering-connections
  directconnect describe-direct-connect-gateways, describe-virtual-interfaces

Each folder also gets tunnelscope-manifest.json: when the export started and finished (UTC),
the CLI version, what was exported, and every command run with its exit code and first error
line. Tunnelscope shows the export's age from it and warns when AWS and GCP were exported more
than 30 minutes apart (see README, "Export manifest").

A command that fails (no permission, service not available in the region, ...) is reported
on stderr and left out; the others still run. Exit status: 0 when at least one file was
written, 1 when nothing could be exported, 2 on bad arguments.

Endpoint: the aws CLI itself honours AWS_ENDPOINT_URL (e.g. a moto_server for testing).
IAM permissions needed: sts:GetCallerIdentity, the ec2:Describe*/Search*/Get* calls above,
directconnect:DescribeDirectConnectGateways and directconnect:DescribeVirtualInterfaces.

SECRETS: the files are the raw CLI output. describe-vpn-connections contains the VPN
pre-shared keys (Options.TunnelOptions[].PreSharedKey and the CustomerGatewayConfiguration
XML). Keep the folder private (it is created readable by you only), do not commit it or
attach it to tickets, and delete it when done. This script never prints the files'
contents, and Tunnelscope never displays a pre-shared key.
EOF
}

die_usage() {
    echo "$prog: $1 (see --help)" >&2
    exit 2
}

outdir=""
profile=""
regions=()
while (($# > 0)); do
    case "$1" in
        -o|--output)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "$1 needs a folder"
            outdir="$2"; shift 2 ;;
        --output=*) outdir="${1#--output=}"; shift ;;
        --region)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "--region needs a region name"
            regions+=("$2"); shift 2 ;;
        --region=*) regions+=("${1#--region=}"); shift ;;
        --profile)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "--profile needs a profile name"
            profile="$2"; shift 2 ;;
        --profile=*) profile="${1#--profile=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die_usage "unknown argument: $1" ;;
    esac
done

if ! command -v aws >/dev/null 2>&1; then
    echo "$prog: the aws CLI is not on PATH (https://aws.amazon.com/cli/)" >&2
    exit 1
fi

export AWS_PAGER=""   # never start a pager (aws-cli v2)
# For the manifest: `aws --version` prints "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 ..." (v1 on stderr).
cli_version="$(aws --version </dev/null 2>&1 | head -n 1 || true)"
umask 077             # the files hold pre-shared keys: readable by the owner only

# (Expanded as ${a[@]+"${a[@]}"} throughout: an empty array is "unbound" under set -u in bash 3.2.)
profile_args=()
if [[ -n "$profile" ]]; then
    profile_args=(--profile "$profile")
fi

if ((${#regions[@]} == 0)); then
    default_region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
    if [[ -z "$default_region" ]]; then
        default_region="$(aws configure get region ${profile_args[@]+"${profile_args[@]}"} 2>/dev/null || true)"
    fi
    if [[ -z "$default_region" ]]; then
        die_usage "no region given and none configured: pass --region REGION"
    fi
    regions=("$default_region")
fi

# Region names become folder names: accept only what a region name can be.
seen_regions=" "
unique_regions=()
for region in "${regions[@]}"; do
    [[ "$region" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die_usage "not a region name: $region"
    if [[ "$seen_regions" != *" $region "* ]]; then
        unique_regions+=("$region")
        seen_regions+="$region "
    fi
done
regions=("${unique_regions[@]}")

outdir="${outdir:-./tunnelscope-export-$(date +%Y-%m-%d)}"
outdir="${outdir%/}"
[[ -n "$outdir" ]] || outdir="/"
if ! mkdir -p -- "$outdir"; then
    echo "$prog: cannot create the output folder $outdir" >&2
    exit 1
fi

if [[ -n "${AWS_ENDPOINT_URL:-}" ]]; then
    echo "$prog: note: AWS_ENDPOINT_URL is set; the aws CLI sends every call to $AWS_ENDPOINT_URL" >&2
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
workdir="$(mktemp -d "$outdir/.export-aws.XXXXXX")"

# Shows a command for messages (the arguments never contain secrets).
show_command() {
    local out="aws" arg
    for arg in "$@"; do
        if [[ "$arg" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then out+=" $arg"; else out+=" '${arg//\'/\'\\\'\'}'"; fi
    done
    printf '%s' "$out"
}

# The error message in FILE, on one line: its first non-empty line ("An error occurred (Code)
# when calling the Operation operation: message"), shortened. (Error messages hold no
# secrets; an endpoint's HTML error page can be long.)
error_summary() {
    local line text="" lines=0
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line%$'\r'}"
        line="${line#"${line%%[![:space:]]*}"}"
        [[ -n "$line" ]] || continue
        text+="${text:+ }$line"
        lines=$((lines + 1))
        ((lines < 1)) || break
    done <"$1"
    if [[ -z "$text" ]]; then text="(no error message)"; fi
    if ((${#text} > 400)); then text="${text:0:400}..."; fi
    printf '%s' "$text"
}

# --- Export manifest (tunnelscope-manifest.json in each folder written; fields in README) ---
# shellcheck source=export-manifest.sh
source "$(dirname "${BASH_SOURCE[0]}")/export-manifest.sh"

failures=0
warn_failed() { # warn_failed STATUS ERRFILE COMMAND...
    local status="$1" errfile="$2"; shift 2
    failures=$((failures + 1))
    echo "$prog: warning: skipped, the command failed (exit $status): $(show_command "$@")" >&2
    echo "    $(error_summary "$errfile")" >&2
}

# Runs `aws ARGS... --output json` and saves stdout as STAGE/NAME.json when the command
# succeeds and printed a JSON object or array; otherwise warns and writes nothing.
# export_json STAGE NAME ARGS...
files_written=0
export_json() {
    local stage="$1" name="$2"; shift 2
    local out="$workdir/out.json" err="$workdir/err.txt" status=0
    local -a cmd=("$@" --region "$region" --output json ${profile_args[@]+"${profile_args[@]}"})
    aws "${cmd[@]}" </dev/null >"$out" 2>"$err" || status=$?
    if ((status != 0)); then
        warn_failed "$status" "$err" "${cmd[@]}"
        manifest_record "$status" "" "$(manifest_error "$err")" "$(show_command "${cmd[@]}")"
        return 1
    fi
    local first=""
    first="$(tr -d ' \t\r\n' <"$out" | head -c 1 || true)"
    if [[ "$first" != "{" && "$first" != "[" ]]; then
        echo "$prog: warning: skipped, the output is not JSON: $(show_command "${cmd[@]}")" >&2
        failures=$((failures + 1))
        manifest_record 0 "" "the output is not JSON; not kept" "$(show_command "${cmd[@]}")"
        return 1
    fi
    manifest_record 0 "$name.json" "" "$(show_command "${cmd[@]}")"
    mv -f -- "$out" "$stage/$name.json"
    files_written=$((files_written + 1))
    echo "  $name.json" >&2
}

# The string values of "KEY": "..." in an aws CLI JSON file (the CLI prints `"Key": "value"`).
json_string_values() { # json_string_values FILE KEY
    { grep -o "\"$2\": *\"[^\"]*\"" "$1" || true; } | sed -e 's/.*: *"//' -e 's/"$//'
}

# The account ID names the folder.
account_err="$workdir/sts-err.txt"
if ! account="$(aws sts get-caller-identity --query Account --output text --region "${regions[0]}" \
        ${profile_args[@]+"${profile_args[@]}"} </dev/null 2>"$account_err")"; then
    echo "$prog: cannot find the account: aws sts get-caller-identity failed:" >&2
    echo "    $(error_summary "$account_err")" >&2
    echo "$prog: check the credentials (aws configure list${profile:+ --profile $profile}); nothing was exported" >&2
    exit 1
fi
account="${account//[[:space:]]/}"
if [[ ! "$account" =~ ^[0-9A-Za-z]+$ ]]; then
    echo "$prog: unexpected account ID from sts get-caller-identity: '$account'" >&2
    exit 1
fi

sts_entry="{\"command\": $(json_string "$(show_command sts get-caller-identity --query Account --output text \
    --region "${regions[0]}" ${profile_args[@]+"${profile_args[@]}"})"), \"exitCode\": 0, \"file\": null, \"error\": null}"

exported_folders=()
for region in "${regions[@]}"; do
    folder="aws-$account-$region"
    stage="$workdir/$folder"
    mkdir -p -- "$stage"
    before=$files_written
    folder_started="$(utc_now)"
    manifest_commands=("$sts_entry")
    echo "$prog: exporting account $account, region $region" >&2

    export_json "$stage" describe-transit-gateways ec2 describe-transit-gateways || true
    export_json "$stage" describe-transit-gateway-attachments ec2 describe-transit-gateway-attachments || true
    export_json "$stage" describe-transit-gateway-vpc-attachments ec2 describe-transit-gateway-vpc-attachments || true
    route_table_ids=()
    if export_json "$stage" describe-transit-gateway-route-tables ec2 describe-transit-gateway-route-tables; then
        while IFS= read -r id; do
            [[ "$id" =~ ^tgw-rtb-[0-9A-Za-z]+$ ]] && route_table_ids+=("$id")
        done < <(json_string_values "$stage/describe-transit-gateway-route-tables.json" TransitGatewayRouteTableId | sort -u)
    fi
    for id in ${route_table_ids[@]+"${route_table_ids[@]}"}; do
        # The output does not name the route table: the file name does.
        export_json "$stage" "search-transit-gateway-routes-$id" ec2 search-transit-gateway-routes \
            --transit-gateway-route-table-id "$id" --filters Name=state,Values=active,blackhole || true
        export_json "$stage" "get-transit-gateway-route-table-propagations-$id" ec2 get-transit-gateway-route-table-propagations \
            --transit-gateway-route-table-id "$id" || true
    done
    export_json "$stage" describe-vpn-connections ec2 describe-vpn-connections || true
    export_json "$stage" describe-customer-gateways ec2 describe-customer-gateways || true
    export_json "$stage" describe-vpn-gateways ec2 describe-vpn-gateways || true
    export_json "$stage" describe-vpcs ec2 describe-vpcs || true
    export_json "$stage" describe-subnets ec2 describe-subnets || true
    export_json "$stage" describe-route-tables ec2 describe-route-tables || true
    export_json "$stage" describe-vpc-peering-connections ec2 describe-vpc-peering-connections || true
    # Direct Connect is not offered everywhere (nor emulated by moto): a failure is only a warning.
    export_json "$stage" directconnect-describe-direct-connect-gateways directconnect describe-direct-connect-gateways || true
    export_json "$stage" directconnect-describe-virtual-interfaces directconnect describe-virtual-interfaces || true

    if ((files_written > before)); then
        write_manifest "$stage/tunnelscope-manifest.json" aws aws "$folder_started" "$cli_version" \
            "$(json_strings "$account")" "[]" "$(json_strings "$region")"
        # Replace the folder of an earlier export as a whole, so no stale file survives.
        if [[ -e "$outdir/$folder" ]]; then
            rm -rf -- "${outdir:?}/$folder"
        fi
        mv -- "$stage" "$outdir/$folder"
        exported_folders+=("$outdir/$folder")
        echo "$prog: wrote $((files_written - before)) files to $outdir/$folder" >&2
    else
        echo "$prog: warning: nothing could be exported for region $region" >&2
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
echo "$prog: the files contain VPN pre-shared keys: keep $outdir private. Next: tunnelscope check $outdir" >&2
printf '%s\n' "$outdir"
