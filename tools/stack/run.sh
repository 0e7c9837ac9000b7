#!/usr/bin/env bash
# `make run`: starts the local stack as plain processes (no containers) and waits for each
# part to be ready: PostgreSQL, Kafka (KRaft) with the event-catalog topics, Keycloak with the
# windbell realm, then every service of tools/stack/services.conf. Idempotent: parts that are
# already running (pid file + live process) are reused. `make stop` ends what this started.
set -euo pipefail
# shellcheck disable=SC2119 # functions called without arguments mean "all"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Fetches a token for every demo client and user once, so a broken realm is reported here
# and not as a 401 from a service later.
check_realm() {
  local c u
  for c in channel-app:channel-app-secret cx-admin-cli:cx-admin-secret cx-analyst-cli:cx-analyst-secret; do
    client_token "${c%%:*}" "${c#*:}" >/dev/null || die "keycloak: no token for client ${c%%:*}"
  done
  for u in admin analyst frontline.b001 frontline.b002 manager.b001 regional.r01; do
    user_token "$u" "$u" >/dev/null || die "keycloak: no token for demo user $u"
  done
  say "keycloak: tokens issued for 3 clients and 6 demo users"
}

print_summary() {
  local ingest_port first_db
  ingest_port=$(services_list ingest | awk '{ print $2 }')
  ingest_port=${ingest_port:-$((8081 + SERVICE_PORT_OFFSET))}
  first_db=$(service_databases | head -n1)
  cat <<EOF

Windbell local stack is up ($(elapsed)s). Logs and pid files: $STATE_DIR/{logs,pids}

  PostgreSQL  $BIND_HOST:$PG_PORT    user $DB_USER / $DB_PASSWORD, databases: $(service_databases | paste -sd' ')
              psql "postgresql://$DB_USER:$DB_PASSWORD@$BIND_HOST:$PG_PORT/${first_db:-postgres}"
  Kafka       $KAFKA_URL    topics: ${KAFKA_TOPICS[*]}
  Keycloak    $KEYCLOAK_URL/admin/  (master admin: $KEYCLOAK_ADMIN_USER / $KEYCLOAK_ADMIN_PASSWORD)
              issuer $ISSUER_URL
              demo users (password = username): admin analyst frontline.b001 frontline.b002 manager.b001 regional.r01
EOF
  local name port
  while read -r name port _; do
    printf '  %-11s http://%s:%s   health /q/health/ready, OpenAPI /q/openapi, log %s\n' \
      "$name" "$BIND_HOST" "$port" "$(log_file "$name")"
  done < <(services_list)
  cat <<EOF

Post a touchpoint event as a channel app:

  TOKEN=\$(curl -s $TOKEN_URL \\
    -d grant_type=client_credentials -d client_id=channel-app -d client_secret=channel-app-secret \\
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  # (or: TOKEN=\$(tools/stack/token.sh channel-app channel-app-secret))

  curl -i -X POST http://$BIND_HOST:$ingest_port/v1/events -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
    -d '{"eventId":"'\$(cat /proc/sys/kernel/random/uuid)'","occurredAt":"'\$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)'",
         "channel":"MOBILE_APP","touchpoint":"wealth.risk_assessment","customerId":"C000123",
         "sessionId":"S-'\$(date +%s)'","outcome":"FAILURE","errorCode":"RISK_ASSESSMENT_TIMEOUT",
         "durationMs":8400,"productId":"WM-2024-001","locale":"zh-CN"}'

Read it from the topic (timestamp, partition, offset, key, headers):

  tools/stack/consume.sh cx.touchpoint-events.v1 10
  # which runs: $JAVA -cp '$KAFKA_LIBS/*' org.apache.kafka.tools.consumer.ConsoleConsumer \\
  #   --bootstrap-server $KAFKA_URL --topic cx.touchpoint-events.v1 --from-beginning \\
  #   --property print.key=true --property print.headers=true ...

A user's token and its claims: tools/stack/token.sh --claims --user frontline.b001
Stop everything: make stop
EOF
}

main() {
  ensure_dirs
  ensure_java
  say "Windbell local stack: state in $STATE_DIR, JDK $JAVA_HOME"

  pg_start
  local -a dbs
  mapfile -t dbs < <(service_databases)
  pg_ensure_databases "${dbs[@]}"

  kafka_start
  kafka_ensure_topics

  keycloak_start
  check_realm

  services_build
  services_start

  print_summary
}

main "$@"
