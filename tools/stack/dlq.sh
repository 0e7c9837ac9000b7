#!/usr/bin/env bash
# Lists or replays a dead-letter topic of the local broker (<topic>.dlq.<service>).
#
#   tools/stack/dlq.sh list   <dlq-topic> [max]   each dead letter not replayed yet: where it came from
#                                                  (topic/partition/offset), attempts, error class and message
#   tools/stack/dlq.sh replay <dlq-topic> [max]   send them back to their original topic (key, payload and
#                                                  original headers; windbell-dlq-* removed) and remember how
#                                                  far it got (consumer group windbell-dlq-replay.<dlq-topic>)
#
# e.g. tools/stack/dlq.sh list cx.touchpoint-events.v1.dlq.journey
# Replay after fixing the cause: the service deduplicates on ce_id, a letter that still fails comes back.
# Uses the ports of `make run`; for the bench stack: WINDBELL_KAFKA_PORT=29092 tools/stack/dlq.sh ...
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[[ ${1:-} == list || ${1:-} == replay ]] || usage
[[ -n ${2:-} ]] || usage
mode=$1 topic=$2 max=${3:-}
[[ $topic == *.dlq.* ]] || die "$topic is not a dead-letter topic (<topic>.dlq.<service>)"
ensure_java
[[ -f $KAFKA_LIBS/.complete ]] || die "no Kafka jars in $KAFKA_LIBS: run \`make run\` first"
[[ -f $KAFKA_DIR/tools-log4j2.properties ]] || kafka_write_config

# Java's source-file mode: DlqReplay.java is compiled in memory against the broker's own jars
KAFKA_TOOL_TIMEOUT=${WINDBELL_DLQ_TIMEOUT:-600} kafka_tool "$STACK_DIR/kafka/DlqReplay.java" \
  "$KAFKA_URL" "$topic" "$mode" ${max:+"$max"}
