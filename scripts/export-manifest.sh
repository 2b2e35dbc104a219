# Export manifest: sourced by export-aws.sh and export-gcp.sh (not run on its own). Writes
# tunnelscope-manifest.json in each folder exported (fields in README). The sourcing script
# defines `prog` (its name) and `error_summary FILE` (its CLI's error message on one line).
# The time now, UTC, ISO 8601 (2026-11-29T18:02:11Z).
utc_now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# A JSON string literal of $1, printable ASCII only (control and other bytes dropped: the text
# is a command line, a version or an error message, never data that needs them).
json_string() {
    local s
    s="$(printf '%s' "$1" | tr '\t\r\n' '   ' | LC_ALL=C tr -cd '\040-\176')"
    s="${s//\\/\\\\}"
    s="${s//\"/\\\"}"
    printf '"%s"' "$s"
}

# A JSON array of strings of the arguments.
json_strings() {
    local out="" item
    for item in "$@"; do out+="${out:+, }$(json_string "$item")"; done
    printf '[%s]' "$out"
}

# One error line for the manifest: the first line of FILE, shortened; withheld if it mentions a
# secret (error messages hold none, but a manifest may be attached to a ticket).
manifest_error() {
    local text
    text="$(error_summary "$1")"
    if printf '%s' "$text" | grep -Eiq 'pre.?shared|psk|secret|password|token'; then
        text="(error message withheld: it mentions a secret or a token)"
    fi
    printf '%s' "$text"
}

# The commands run for the folder being exported, as JSON objects.
manifest_commands=()
# (OPTIONAL=true: a command that fails in the normal course of things.)
manifest_record() { # manifest_record STATUS FILE ERROR COMMAND-LINE [OPTIONAL]
    local entry="{\"command\": $(json_string "$4"), \"exitCode\": $1, \"optional\": ${5:-false}"
    if [[ -n "$2" ]]; then entry+=", \"file\": $(json_string "$2")"; else entry+=", \"file\": null"; fi
    if [[ -n "$3" ]]; then entry+=", \"error\": $(json_string "$3")"; else entry+=", \"error\": null"; fi
    manifest_commands+=("$entry}")
}

# write_manifest FILE CLOUD CLI STARTED CLI-VERSION ACCOUNTS-JSON PROJECTS-JSON REGIONS-JSON
write_manifest() {
    local file="$1" cloud="$2" cli="$3" started="$4" version="$5" accounts="$6" projects="$7" regions="$8"
    local entry sep=""
    {
        printf '{\n  "tunnelscopeManifest": 1,\n  "cloud": %s,\n  "tool": %s,\n' "$(json_string "$cloud")" "$(json_string "$prog")"
        printf '  "startedAt": %s,\n  "finishedAt": %s,\n' "$(json_string "$started")" "$(json_string "$(utc_now)")"
        printf '  "cli": {"name": %s, "version": %s},\n' "$(json_string "$cli")" "$(json_string "$version")"
        printf '  "accounts": %s,\n  "projects": %s,\n  "regions": %s,\n  "commands": [' "$accounts" "$projects" "$regions"
        for entry in ${manifest_commands[@]+"${manifest_commands[@]}"}; do
            printf '%s\n    %s' "$sep" "$entry"
            sep=","
        done
        printf '\n  ]\n}\n'
    } >"$file"
}
