#!/usr/bin/env bash
# `make stop`: stops only what `make run` started, using its pid files, in reverse start order
# (services, Keycloak, Kafka, then PostgreSQL via pg_ctl). SIGTERM first, SIGKILL after a grace
# period. Never matches processes by name. The data in .run/ is kept: `rm -rf .run` after
# stopping for a clean slate.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -d $STATE_DIR ]]; then
  say "nothing to stop: $STATE_DIR does not exist"
  exit 0
fi
stack_stop
left=$(ls "$STATE_DIR"/pids/*.pid 2>/dev/null || true)
[[ -z $left ]] || die "pid files left behind: $left"
say "stopped (state kept in $STATE_DIR)"
