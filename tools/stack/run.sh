#!/usr/bin/env bash
# `make run`: starts the local stack as plain processes (no containers) and waits for each
# part to be ready: PostgreSQL, Kafka (KRaft) with the event-catalog topics, Keycloak with the
# windbell realm, then every service of tools/stack/services.conf. Then the demo: journey
# definitions with short clocks (through the journey API), survey rules with short delays and
# full sampling (through the survey API), workorder's staff directory (demo-staff.py, through its
# import API), the channel-traffic simulator posting to ingest and the survey responder
# (simulated customers answering invitations) in the background, and a survey link to open.
# The gateway (services.conf's last line, port 8080) starts last, once every service it routes to is ready; the demo
# scripts, the simulator and the printed examples go through it (http://127.0.0.1:8080/api/<service>/...). The survey
# responder and survey-link.sh fetch links as notification does, straight from survey (a service-to-service call
# that has no gateway route); the links they get point at the gateway's public /s/{token} pages.
# Idempotent: parts that are already running (pid file + live process) are reused.
# `make stop` ends what this started, the simulator and the responder included.
#
# With notification in services.conf, GreenMail (SMTP, mailboxes readable over HTTP) starts before the services.
#
# Demo knobs (environment):
#   WINDBELL_DEMO_DEFINITIONS="WEALTH_PURCHASE TRANSFER ACCOUNT_OPENING"   ("" leaves them all alone)
#   WINDBELL_DEMO_INACTIVITY=PT1M  WINDBELL_DEMO_GRACE=PT2M   the clocks those definitions get
#   WINDBELL_SIMULATOR=0           no simulator
#   WINDBELL_SIMULATOR_RATE=20     events/s    WINDBELL_SIMULATOR_DURATION=10m   (it stops by itself)
#   WINDBELL_DEMO_SURVEY_JOURNEYS="WEALTH_PURCHASE"   rules for these journeys (and rules for any journey)
#   WINDBELL_DEMO_SURVEY_DELAY=PT10S  WINDBELL_DEMO_SURVEY_SAMPLING=1.0   what those rules get ("" journeys: none)
#   WINDBELL_DEMO_SURVEY_BUDGET=0  survey keeps its real contact budget (default: relaxed for the demo)
#   WINDBELL_RESPONDER=0           no survey responder (tools/loadgen respond)
#   WINDBELL_RESPONDER_RATE=0.6    share of invitations answered   WINDBELL_RESPONDER_DURATION=15m
#   WINDBELL_DEMO_SURVEY_LINK_WAIT=60   seconds to wait for a first invitation to print its link (0: don't)
#
# Start-up: every service starts with its JDK AOT cache (.run/aot/<service>.aot). The first start of a build trains it:
# the service is started once with -XX:AOTCacheOutput, exercised, stopped (the JVM writes the cache as it exits), then
# started with -XX:AOTCache; that costs 20-40 s per service once (docs/operations.md). WINDBELL_AOT=0: no cache.
set -euo pipefail
export WINDBELL_AOT=${WINDBELL_AOT:-1}
# shellcheck disable=SC2119 # functions called without arguments mean "all"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEMO_DEFINITIONS=${WINDBELL_DEMO_DEFINITIONS-WEALTH_PURCHASE TRANSFER ACCOUNT_OPENING}
DEMO_INACTIVITY=${WINDBELL_DEMO_INACTIVITY:-PT1M}
DEMO_GRACE=${WINDBELL_DEMO_GRACE:-PT2M}
SIMULATOR=${WINDBELL_SIMULATOR:-1}
SIMULATOR_RATE=${WINDBELL_SIMULATOR_RATE:-20}
SIMULATOR_DURATION=${WINDBELL_SIMULATOR_DURATION:-10m}
SIMULATOR_CUSTOMERS=2000
DEMO_SURVEY_JOURNEYS=${WINDBELL_DEMO_SURVEY_JOURNEYS-WEALTH_PURCHASE}
DEMO_SURVEY_DELAY=${WINDBELL_DEMO_SURVEY_DELAY:-PT10S}
DEMO_SURVEY_SAMPLING=${WINDBELL_DEMO_SURVEY_SAMPLING:-1.0}
DEMO_SURVEY_BUDGET=${WINDBELL_DEMO_SURVEY_BUDGET:-1}
RESPONDER=${WINDBELL_RESPONDER:-1}
RESPONDER_RATE=${WINDBELL_RESPONDER_RATE:-0.6}
RESPONDER_DURATION=${WINDBELL_RESPONDER_DURATION:-15m}
DEMO_SURVEY_LINK_WAIT=${WINDBELL_DEMO_SURVEY_LINK_WAIT:-60}
DEMO_NOTES=()
SURVEY_NOTES=()
WORKORDER_NOTES=()
SURVEY_LINK=""

# The HTTP port of a declared service (with the offset), or nothing when it is not declared.
service_port() { services_list "$1" | awk '{ print $2 }'; }

# The base URL of a declared service itself (not through the gateway); fails when it is not declared.
service_base() {
  local port; port=$(service_port "$1")
  [[ -n $port ]] && echo "http://$BIND_HOST:$port"
}

# Short clocks on a few journey definitions, so that a stall after a key node or a failure that
# is not followed up becomes an interruption within minutes (the seeded clocks are minutes to
# days). A new version through the API; journeys that start afterwards follow it.
seed_demo_definitions() {
  local base token
  base=$(api_base journey) || return 0
  [[ -n $DEMO_DEFINITIONS ]] || return 0
  say "journey: demo clocks for $DEMO_DEFINITIONS (key-node inactivity $DEMO_INACTIVITY, channel-switch grace $DEMO_GRACE)"
  token=$(client_token cx-admin-cli cx-admin-secret) || die "keycloak: no token for client cx-admin-cli"
  # shellcheck disable=SC2086 # DEMO_DEFINITIONS is a list of codes
  if WINDBELL_TOKEN=$token python3 "$STACK_DIR/demo-definitions.py" "$base" \
    "$DEMO_INACTIVITY" "$DEMO_GRACE" $DEMO_DEFINITIONS; then
    DEMO_NOTES+=("demo clocks on $DEMO_DEFINITIONS: key-node inactivity $DEMO_INACTIVITY, channel-switch grace $DEMO_GRACE")
  else
    say "warning: not every demo definition could be changed (above; journey log: $(log_file journey)); going on"
  fi
}

# demo_script SERVICE SCRIPT [ARGS...]: a demo script of tools/stack run against a declared service's API (through
# the gateway) with a cx-admin token (the script's exit status; 0 without running when the service is not part of
# the stack).
demo_script() {
  local base token
  base=$(api_base "$1") || return 0
  token=$(client_token cx-admin-cli cx-admin-secret) || die "keycloak: no token for client cx-admin-cli"
  WINDBELL_TOKEN=$token python3 "$STACK_DIR/$2" "$base" "${@:3}"
}

# The branch directory of the simulated bank in scoring (branch -> region), so that regional
# managers' metrics cover their branches.
seed_demo_branches() {
  [[ -n $(service_port scoring) ]] || return 0
  say "scoring: demo branch directory (B001..B020 in regions R01..R04)"
  demo_script scoring demo-branches.py ||
    say "warning: the demo branch directory could not be stored (scoring log: $(log_file scoring)); going on"
}

# Short demo SLA clocks (demo-sla.py), then the staff directory of the simulated bank in workorder (demo-staff.py:
# branches with their managers, staff on the round-the-clock DEMO calendar, relationship managers of some simulated
# customers), so that the low scores of the simulated traffic become work orders routed to the demo users, warned and
# escalated within minutes. Through workorder's import API, as cx-admin.
seed_demo_staff() {
  [[ -n $(service_port workorder) ]] || return 0
  say "workorder: demo SLA clocks (calendar DEMO round the clock for R01..R04, policies in minutes)"
  demo_script workorder demo-sla.py ||
    say "warning: the demo SLA clocks could not be set (above; workorder log: $(log_file workorder)); going on"
  say "workorder: demo staff directory (B001..B020 in R01..R04, managers, frontline staff, relationship managers)"
  if demo_script workorder demo-staff.py; then
    WORKORDER_NOTES+=("demo staff: E0001 (frontline.b001) and E0002 (frontline.b002) in the queues of B001 and B002, E0101 (manager.b001) above E0001, E0201 (regional.r01) above R01's branch managers")
  else
    say "warning: the demo staff directory could not be imported (above; workorder log: $(log_file workorder)); going on"
  fi
}

# The channel-traffic simulator (tools/loadgen simulate) posting to ingest in the background,
# bounded in time; its pid file lets `make stop` end it.
start_simulator() {
  local ingest log
  ingest=$(api_base ingest) || return 0
  [[ $SIMULATOR != 0 ]] || return 0
  log=$(log_file simulator)
  if is_running simulator; then
    say "simulator already running (pid $(running_pid simulator)), reusing it"
  else
    local before=0
    [[ ! -f $log ]] || before=$(wc -l <"$log")
    say "starting the simulator: $SIMULATOR_RATE events/s to $ingest for $SIMULATOR_DURATION ($SIMULATOR_CUSTOMERS customers)"
    # -Dwindbell.stack.dir marks the process as ours (see running_pid)
    launch simulator -- "$JAVA" -Xmx256m -XX:+UseSerialGC -Dwindbell.stack.dir="$STATE_DIR" -jar "$LOADGEN_JAR" \
      simulate --rate "$SIMULATOR_RATE" --duration "$SIMULATOR_DURATION" --customers "$SIMULATOR_CUSTOMERS" \
      --base-url "$ingest" --token-url "$TOKEN_URL" \
      --client-id channel-app --client-secret channel-app-secret
    # it reads the catalog and fetches a token first: a failure there ends it within seconds
    await_first_line simulator "$log" "$before" '[simulate] '
    if ! is_running simulator; then
      show_log_tail "$log" 20
      say "warning: the simulator stopped at once (log: $log); the stack itself is up"
      return 0
    fi
    say "simulator running (pid $(running_pid simulator), log $log)"
  fi
  DEMO_NOTES+=("simulator: $SIMULATOR_RATE events/s for $SIMULATOR_DURATION, log $log (make stop ends it)")
}

# await_first_line PART LOG LINES_BEFORE PREFIX: waits up to 10 s for a background part to print
# its first line starting with PREFIX (after its setup), or to stop.
await_first_line() {
  local name=$1 log=$2 before=$3 prefix=$4 i
  for ((i = 0; i < 50; i++)); do
    tail -n +$((before + 1)) "$log" 2>/dev/null |
      awk -v p="$prefix" 'index($0, p) == 1 { found = 1 } END { exit !found }' && return 0
    is_running "$name" || return 0
    sleep 0.2
  done
}

# The survey service's contact budget for the demo (-D options: they win over
# application.properties and the environment): one invitation per customer per 2 minutes and 5
# per 30 minutes instead of 1 a week and 3 in 90 days; the same journey surveyed again after 5
# minutes instead of 30 days. Quiet hours off, ASSUMING the service reads quiet-hours.start ==
# quiet-hours.end as "no quiet hours" (an empty window, not a whole day). Were it read as a whole
# day, no invitation would be sent: then run with WINDBELL_DEMO_SURVEY_BUDGET=0 (the real budget,
# quiet 21:00-09:00 Asia/Shanghai).
demo_survey_budget() {
  [[ $DEMO_SURVEY_BUDGET != 0 && -n $(service_port survey) ]] || return 0
  local -a opts=(
    "-Dwindbell.survey.budget.caps[0].window=PT2M" "-Dwindbell.survey.budget.caps[0].max=1"
    "-Dwindbell.survey.budget.caps[1].window=PT30M" "-Dwindbell.survey.budget.caps[1].max=5"
    "-Dwindbell.survey.budget.journey-cooldown=PT5M"
    "-Dwindbell.survey.budget.quiet-hours.start=00:00" "-Dwindbell.survey.budget.quiet-hours.end=00:00"
  )
  SERVICE_EXTRA_JAVA_OPTS[survey]="${opts[*]}"
  if is_running survey; then
    SURVEY_NOTES+=("survey was running already: it keeps the contact budget it was started with")
  else
    SURVEY_NOTES+=("demo contact budget: 1 survey per customer per 2 min (5 per 30 min), the same journey again after 5 min, no quiet hours")
  fi
}

# Short delays and full sampling on the survey rules of the demo journeys (and the rules for any
# journey): a journey that completes or is interrupted gets its invitation seconds later.
seed_demo_survey_rules() {
  local base token
  base=$(api_base survey) || return 0
  [[ -n $DEMO_SURVEY_JOURNEYS ]] || return 0
  say "survey: demo rules for $DEMO_SURVEY_JOURNEYS and any journey (delay $DEMO_SURVEY_DELAY, sampling $DEMO_SURVEY_SAMPLING)"
  token=$(client_token cx-admin-cli cx-admin-secret) || die "keycloak: no token for client cx-admin-cli"
  # shellcheck disable=SC2086 # DEMO_SURVEY_JOURNEYS is a list of codes
  if WINDBELL_TOKEN=$token python3 "$STACK_DIR/demo-survey-rules.py" "$base" \
    "$DEMO_SURVEY_DELAY" "$DEMO_SURVEY_SAMPLING" $DEMO_SURVEY_JOURNEYS; then
    SURVEY_NOTES+=("demo rules for $DEMO_SURVEY_JOURNEYS and any journey: invitation $DEMO_SURVEY_DELAY after the journey ends, sampling $DEMO_SURVEY_SAMPLING")
  else
    say "warning: not every demo survey rule could be changed (above; survey log: $(log_file survey)); going on"
  fi
}

# Simulated customers answering their invitations (tools/loadgen respond) in the background,
# bounded in time; its pid file lets `make stop` end it. It talks to survey itself, not through the gateway: one base
# URL serves both its calls, the deliverer's GET /v1/invitations/{id}/link (notification's in-cluster call, no
# gateway route) and the respondent API /v1/s/{token} (which the gateway also serves, publicly, at its root).
start_responder() {
  local port log
  port=$(service_port survey)
  [[ $RESPONDER != 0 && -n $port ]] || return 0
  log=$(log_file responder)
  if is_running responder; then
    say "responder already running (pid $(running_pid responder)), reusing it"
  else
    local before=0
    [[ ! -f $log ]] || before=$(wc -l <"$log")
    say "starting the survey responder: answers $RESPONDER_RATE of the invitations within 3 s, for $RESPONDER_DURATION"
    # -Dwindbell.stack.dir marks the process as ours (see running_pid)
    launch responder -- "$JAVA" -Xmx128m -XX:+UseSerialGC -Dwindbell.stack.dir="$STATE_DIR" -jar "$LOADGEN_JAR" \
      respond --base-url "http://$BIND_HOST:$port" --bootstrap "$KAFKA_URL" --response-rate "$RESPONDER_RATE" \
      --max-delay 3s --duration "$RESPONDER_DURATION" --token-url "$TOKEN_URL" \
      --client-id "$SURVEY_DELIVERER_CLIENT" --client-secret "$SURVEY_DELIVERER_SECRET"
    # it checks the topic first: a failure there ends it within seconds
    await_first_line responder "$log" "$before" '[respond] '
    if ! is_running responder; then
      show_log_tail "$log" 20
      say "warning: the survey responder stopped at once (log: $log); the stack itself is up"
      return 0
    fi
    say "responder running (pid $(running_pid responder), log $log)"
  fi
  SURVEY_NOTES+=("responder: answers $RESPONDER_RATE of the invitations for $RESPONDER_DURATION, progress every 10 s in $log (make stop ends it)")
}

# A survey link to open in a browser: an invitation nobody has answered yet, waiting up to
# DEMO_SURVEY_LINK_WAIT seconds for the first ones (a journey has to end, then the rule's delay).
find_survey_link() {
  [[ -n $(service_port survey) && $DEMO_SURVEY_LINK_WAIT != 0 && $SIMULATOR != 0 ]] || return 0
  say "survey: waiting up to ${DEMO_SURVEY_LINK_WAIT}s for a first invitation on cx.survey-events.v1"
  if SURVEY_LINK=$("$STACK_DIR/survey-link.sh" --wait "$DEMO_SURVEY_LINK_WAIT" 2>/dev/null); then
    say "survey: found an open invitation"
  else
    SURVEY_LINK=""
    say "survey: no invitation within ${DEMO_SURVEY_LINK_WAIT}s (tools/stack/survey-link.sh finds one later)"
  fi
}

# Fetches a token for every demo client and user once, so a broken realm is reported here
# and not as a 401 from a service later.
check_realm() {
  local c u
  for c in channel-app:channel-app-secret cx-admin-cli:cx-admin-secret cx-analyst-cli:cx-analyst-secret; do
    client_token "${c%%:*}" "${c#*:}" >/dev/null || die "keycloak: no token for client ${c%%:*}"
  done
  client_token "$SURVEY_DELIVERER_CLIENT" "$SURVEY_DELIVERER_SECRET" >/dev/null ||
    die "keycloak: no token for client $SURVEY_DELIVERER_CLIENT"
  client_token "$NOTIFICATION_CLIENT" "$NOTIFICATION_SECRET" >/dev/null ||
    die "keycloak: no token for client $NOTIFICATION_CLIENT"
  for u in admin analyst frontline.b001 frontline.b002 manager.b001 regional.r01; do
    user_token "$u" "$u" >/dev/null || die "keycloak: no token for demo user $u"
  done
  # notification e-mails a ticket to the address in the caller's token (StaffRegistry.seen)
  # (the claims in a variable first: grep -q would end the pipe early, and pipefail would call that a failure)
  local claims; claims=$(jwt_claims "$(user_token frontline.b001 frontline.b001)")
  [[ $claims == *'"email": "frontline.b001@windbell.example"'* ]] ||
    die "keycloak: the access token of frontline.b001 has no email claim (the realm's default scope 'email')"
  say "keycloak: tokens issued for 4 clients and 6 demo users (with their e-mail addresses)"
}

print_summary() {
  local ingest first_db gateway
  ingest=$(api_base ingest) || ingest=http://$BIND_HOST:$((8081 + SERVICE_PORT_OFFSET))
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
  if is_running greenmail; then
    echo "  GreenMail   SMTP $BIND_HOST:$SMTP_PORT (notification's e-mail), mailboxes $MAIL_API_URL/api/user/<address>/messages/INBOX"
  fi
  if is_running channel-sink; then
    echo "  channels    $CHANNEL_SINK_URL (the app push service and SMS gateway notification delivers invitations to; /stats)"
  fi
  local name port
  while read -r name port _; do
    [[ $name != gateway ]] || continue
    printf '  %-11s http://%s:%s   OpenAPI /q/openapi, UP/DOWN /health; detailed health http://%s:%s/q/health/ready; log %s\n' \
      "$name" "$BIND_HOST" "$port" "$BIND_HOST" "$(management_port "$port")" "$(log_file "$name")"
  done < <(services_list)
  if gateway=$(gateway_base); then
    port=${gateway##*:}
    cat <<EOF

  gateway     $gateway   THE ENTRY: /api/<service>/... (bearer token, roles, rate limits), /s/<token> survey pages;
              OpenAPI index $gateway/api/openapi, a service's document $gateway/api/<service>/q/openapi;
              upstreams by route http://$BIND_HOST:$(management_port "$port")/q/health/ready; access log $(log_file gateway)
              (the services above listen on 127.0.0.1 too; the examples below go through the gateway)
EOF
  fi
  cat <<EOF

Post a touchpoint event as a channel app:

  TOKEN=\$(curl -s $TOKEN_URL \\
    -d grant_type=client_credentials -d client_id=channel-app -d client_secret=channel-app-secret \\
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  # (or: TOKEN=\$(tools/stack/token.sh channel-app channel-app-secret))

  curl -i -X POST $ingest/v1/events -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
    -d '{"eventId":"'\$(cat /proc/sys/kernel/random/uuid)'","occurredAt":"'\$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)'",
         "channel":"MOBILE_APP","touchpoint":"wealth.risk_assessment","customerId":"C000123",
         "sessionId":"S-'\$(date +%s)'","outcome":"FAILURE","errorCode":"RA-TIMEOUT-504",
         "durationMs":8400,"productId":"WM-2024-001","locale":"zh-CN"}'

Read it from the topic (timestamp, partition, offset, key, headers):

  tools/stack/consume.sh cx.touchpoint-events.v1 10
  # which runs: $JAVA -cp '$KAFKA_LIBS/*' org.apache.kafka.tools.consumer.ConsoleConsumer \\
  #   --bootstrap-server $KAFKA_URL --topic cx.touchpoint-events.v1 --from-beginning \\
  #   --property print.key=true --property print.headers=true ...

A user's token and its claims: tools/stack/token.sh --claims --user frontline.b001
EOF
  print_journey_hints
  print_survey_hints
  print_scoring_hints
  print_workorder_hints
  print_notification_hints
  echo "Stop everything (the simulator and the responder too): make stop"
}

# Where to look at reconstructed journeys, when the journey service is part of the stack.
print_journey_hints() {
  local base today tomorrow note
  base=$(api_base journey) || return 0
  today=$(date -u +%F)
  tomorrow=$(date -u -d tomorrow +%F)
  echo
  echo "Journeys (reconstructed from cx.touchpoint-events.v1 by journey, $base):"
  for note in "${DEMO_NOTES[@]}"; do echo "  - $note"; done
  cat <<EOF
  Interruptions show after a minute or two of traffic; analysts read, admins configure:

  TOKEN=\$(tools/stack/token.sh cx-analyst-cli cx-analyst-secret)
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/journeys?status=INTERRUPTED&limit=5' | python3 -m json.tool
  CUSTOMER=\$(curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/journeys?status=INTERRUPTED&limit=50' \\
    | python3 -c 'import json,sys; print(next(j["customerId"] for j in json.load(sys.stdin)["items"] if j.get("customerId")))')
  curl -s -H "Authorization: Bearer \$TOKEN" "$base/v1/customers/\$CUSTOMER/timeline" | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" "$base/v1/journeys?customerId=\$CUSTOMER" | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/funnels/WEALTH_PURCHASE?from=$today&to=$tomorrow' | python3 -m json.tool

  tools/stack/consume.sh cx.journey-events.v1 10      # journey.started/progressed/interrupted/resumed/completed

  ADMIN=\$(tools/stack/token.sh cx-admin-cli cx-admin-secret)
  curl -s -H "Authorization: Bearer \$ADMIN" $base/v1/admin/processing          # applied, dead-lettered, latency
  curl -s -H "Authorization: Bearer \$ADMIN" $base/v1/definitions/TRANSFER -D - # ETag = version, for If-Match

EOF
}

# Where to read scores and alerts, when the scoring service is part of the stack.
print_scoring_hints() {
  local base
  base=$(api_base scoring) || return 0
  cat <<EOF
Scores and alerts (scoring folds the three topics into rollups, $base). The simulated respondents'
answers show within a few minutes; a low score raises alert.low-score at once:

  TOKEN=\$(tools/stack/token.sh cx-analyst-cli cx-analyst-secret)
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/metrics?metric=NPS&groupBy=journey' | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/metrics?metric=SUCCESS_RATE&groupBy=channel&bucket=DAY' | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/pyramid?period=WEEK' | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/experience-index?level=BANK' | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/alerts?type=LOW_SCORE&limit=5' | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/silent-detractors?limit=5' | python3 -m json.tool
  curl -s -H "Authorization: Bearer \$TOKEN" '$base/v1/journeys/WEALTH_PURCHASE/drivers' | python3 -m json.tool

  # a branch manager sees only their branch (the demo user manager.b001: B001)
  MANAGER=\$(tools/stack/token.sh --user manager.b001)
  curl -s -H "Authorization: Bearer \$MANAGER" '$base/v1/metrics?metric=NPS&groupBy=branch' | python3 -m json.tool

  tools/stack/consume.sh cx.experience-alerts.v1 10   # alert.low-score: journey, failing touchpoints, comment

EOF
}

# Where to see the work orders the low scores became, when the workorder service is part of the stack.
print_workorder_hints() {
  local base
  base=$(api_base workorder) || return 0
  echo "Work orders (alert.low-score -> routed recovery tickets under SLA in business time, $base):"
  ((${#WORKORDER_NOTES[@]} == 0)) || printf '  - %s\n' "${WORKORDER_NOTES[@]}"
  cat <<EOF
  Detractors of the simulated traffic become work orders within minutes of their answer. Each user sees their scope:

  MANAGER=\$(tools/stack/token.sh --user manager.b001)          # branch B001
  curl -s -H "Authorization: Bearer \$MANAGER" '$base/v1/workorders?limit=5' | python3 -m json.tool
  FRONTLINE=\$(tools/stack/token.sh --user frontline.b001)      # own orders and B001's queue
  curl -s -H "Authorization: Bearer \$FRONTLINE" '$base/v1/workorders?limit=5' | python3 -m json.tool
  REGIONAL=\$(tools/stack/token.sh --user regional.r01)         # region R01
  curl -s -H "Authorization: Bearer \$REGIONAL" '$base/v1/workorders/stats' | python3 -m json.tool

  tools/stack/consume.sh cx.workorder-events.v1 10    # workorder.created/assigned/escalated/resolved/...
  tools/stack/dlq.sh list cx.experience-alerts.v1.dlq.workorder

  ADMIN=\$(tools/stack/token.sh cx-admin-cli cx-admin-secret)
  curl -s -H "Authorization: Bearer \$ADMIN" '$base/v1/staff?branchId=B001' | python3 -m json.tool
  python3 tools/stack/demo-staff.py --dry-run                      # the directory make run imported

EOF
}

# Where a person watches tickets arrive, when the notification service is part of the stack.
print_notification_hints() {
  local base
  base=$(api_base notification) || return 0
  cat <<EOF
Notifications (workorder events -> the employee's inbox, live stream, e-mail; $base):
  Open the inbox page and sign in as a demo frontline user (frontline.b001 / frontline.b001); tickets of B001 arrive
  without a reload as workorder routes them:

    $base/inbox            ($base/inbox?lang=en for English)

  The raw stream of the same inbox (Server-Sent Events; Last-Event-ID or ?after=<seq> replays what was missed):

    FRONTLINE=\$(tools/stack/token.sh --user frontline.b001)
    curl -N -H "Authorization: Bearer \$FRONTLINE" $base/v1/employees/me/stream
    curl -s -H "Authorization: Bearer \$FRONTLINE" '$base/v1/employees/me/inbox?limit=5' | python3 -m json.tool

  E-mail goes to GreenMail (nothing leaves the machine): a demo user's mailbox through its REST API, and its web page:

    curl -s $MAIL_API_URL/api/user/frontline.b001@windbell.example/messages/INBOX | python3 -m json.tool
    $MAIL_API_URL/

  Survey invitations go to the channel adapters' stand-in (app push, SMS gateway), counted without the links:

    curl -s $CHANNEL_SINK_URL/stats

  tools/stack/dlq.sh list cx.workorder-events.v1.dlq.notification
  ADMIN=\$(tools/stack/token.sh cx-admin-cli cx-admin-secret)
  curl -s -H "Authorization: Bearer \$ADMIN" '$base/v1/admin/deliveries?limit=5' | python3 -m json.tool

EOF
}

# Where to answer a survey and see the responses, when the survey service is part of the stack.
print_survey_hints() {
  local base public note
  base=$(api_base survey) || return 0
  # the respondent API is public at the gateway's root (/v1/s/...), like the pages (/s/...)
  public=$(gateway_base) || public=$(service_base survey)
  echo "Surveys (journey.completed/interrupted -> survey rules -> survey.invited on cx.survey-events.v1, $base):"
  for note in "${SURVEY_NOTES[@]}"; do echo "  - $note"; done
  echo
  if [[ -n $SURVEY_LINK ]]; then
    echo "  Answer a survey as the customer would (an invitation nobody has answered yet):"
    echo
    echo "    $SURVEY_LINK"
  else
    echo "  No invitation yet (journeys have to end first). In a minute or two, a link to open:"
    echo
    echo "    tools/stack/survey-link.sh --wait 120"
  fi
  cat <<EOF

  The respondent API behind the page (no login: the link token is the credential):
    curl -s '$public/v1/s/<token>?lang=en' | python3 -m json.tool
    curl -i -X POST $public/v1/s/<token>/responses -H 'Content-Type: application/json' \\
      -d '{"locale":"en","answers":[{"questionId":"<id>","score":9}]}'

  Responses, latest first (survey.responded events carry the answers too):
    psql "postgresql://$DB_USER:$DB_PASSWORD@$BIND_HOST:$PG_PORT/survey" \\
      -c 'SELECT responded_at, survey_code, anchor_metric, anchor_score, locale FROM response ORDER BY responded_at DESC LIMIT 20'
    tools/stack/consume.sh cx.survey-events.v1 200 | grep -F survey.responded

  Rules (admins):
    ADMIN=\$(tools/stack/token.sh cx-admin-cli cx-admin-secret)
    curl -s -H "Authorization: Bearer \$ADMIN" $base/v1/rules | python3 -m json.tool
    curl -s -H "Authorization: Bearer \$ADMIN" $base/v1/rules/<code> -D -   # ETag = version, for If-Match
    tools/stack/dlq.sh list cx.journey-events.v1.dlq.survey

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
  if [[ $SIMULATOR != 0 && -n $(service_port ingest) ]] || [[ $RESPONDER != 0 && -n $(service_port survey) ]]; then
    loadgen_build
  fi
  demo_survey_budget
  if [[ -n $(service_port notification) ]]; then
    greenmail_start
    channel_sink_start
  fi
  services_start

  seed_demo_definitions
  seed_demo_survey_rules
  seed_demo_branches
  seed_demo_staff
  start_simulator
  start_responder
  find_survey_link

  print_summary
}

main "$@"
