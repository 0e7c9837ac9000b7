#!/usr/bin/env bash
# Prints an access token from the local Keycloak (realm windbell).
#
#   tools/stack/token.sh <client-id> <secret>          client credentials, e.g. channel-app channel-app-secret
#   tools/stack/token.sh --user <username> [password]  a demo user via the DEV ONLY windbell-dev-cli client
#                                                      (password defaults to the username)
#   --claims (as first argument)                       print the decoded claims instead of the token
#
# Uses the ports of `make run`; for the bench stack: WINDBELL_KEYCLOAK_PORT=28080 tools/stack/token.sh ...
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

claims=false
if [[ ${1:-} == --claims ]]; then claims=true; shift; fi
case ${1:-} in
  "" | -h | --help) usage ;;
  --user)
    [[ -n ${2:-} ]] || usage
    token=$(user_token "$2" "${3:-$2}") ;;
  *)
    [[ -n ${2:-} ]] || usage
    token=$(client_token "$1" "$2") ;;
esac
if $claims; then jwt_claims "$token"; else echo "$token"; fi
