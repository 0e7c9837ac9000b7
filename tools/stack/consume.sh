#!/usr/bin/env bash
# Prints the records of a topic of the local broker from the beginning, with timestamp,
# partition, offset, key and headers (the CloudEvents attributes travel in headers).
#
#   tools/stack/consume.sh <topic> [max]   stop after max records (or after 10 s without one);
#                                          without max, follow the topic until Ctrl-C
#
# Uses the ports of `make run`; for the bench stack: WINDBELL_KAFKA_PORT=29092 tools/stack/consume.sh ...
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -z ${1:-} || $1 == -h || $1 == --help ]]; then
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
topic=$1 max=${2:-}
ensure_java
[[ -f $KAFKA_LIBS/.complete ]] || die "no Kafka jars in $KAFKA_LIBS: run \`make run\` first"
[[ -f $KAFKA_DIR/tools-log4j2.properties ]] || kafka_write_config

args=(--bootstrap-server "$KAFKA_URL" --topic "$topic" --from-beginning
  --property print.timestamp=true --property print.partition=true
  --property print.offset=true --property print.key=true
  --property print.headers=true)
if [[ -z $max ]]; then
  KAFKA_TOOL_TIMEOUT=0 kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer "${args[@]}"
  exit
fi
# With max, "no record for 10 s" is the normal end, which ConsoleConsumer logs as an ERROR with
# a stack trace: silence that one logger ("Processed a total of N messages" still says it).
quiet=$KAFKA_DIR/consume-log4j2.properties
{ cat "$KAFKA_DIR/tools-log4j2.properties"
  printf 'logger.cc.name = org.apache.kafka.tools.consumer.ConsoleConsumer\nlogger.cc.level = off\n'
} >"$quiet"
KAFKA_TOOL_LOG_CONFIG=$quiet KAFKA_TOOL_TIMEOUT=0 kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer \
  "${args[@]}" --max-messages "$max" --timeout-ms 10000
