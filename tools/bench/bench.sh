#!/usr/bin/env bash
# `make bench`: measures ingest, journey, survey, scoring, workorder and notification (against the performance targets of the
# architecture and the issues where they have them) and prints a Markdown report (also written to .bench/report.md, raw results in .bench/results/).
#
# It starts its OWN stack with tools/stack/lib.sh (state dir .bench/, other ports), so it
# never touches a running `make run`, and stops everything it started when it ends, however
# it ends. Steps, in order:
#   payloads  loadgen writes 10,000 realistic events (the records of the perf test)
#   perf      Kafka's ProducerPerformance, same records and producer settings as ingest: the
#             broker's limit on this machine, the yardstick for the batched ingest figure
#   batch     loadgen max, 50 events/request          -> events/s
#   single    loadgen max, one event/request          -> requests/s
#   rate      loadgen rate at 70% of single's maximum -> p50/p99/p99.9 (open loop)
#   gateway-overhead  the gateway (issue 14) in front of ingest, both paths in the same run: ingest restarted and the
#             gateway started trusting tokens of the bench's key (.bench/secrets/bench-signing-key.pem, as
#             notification-push; one channel-app token signed by the bench), the gateway's other routes pointed at
#             ingest (its readiness wants every route reachable; only /api/ingest is called); one untimed max through the
#             gateway to warm both JVMs (gateway-overhead-warmup); single's max and rate's
#             70% open loop, once direct to ingest and once through /api/ingest of the gateway, each at 70% of its own
#             max -> requests/s and p99 of both, gateway ÷ direct; then the gateway stopped and ingest restarted as
#             before when an ingest step follows
# then journey (on its own empty database, dropped at the start of every bench run):
#   journey-preload     journey stopped, its consumer group moved to the end of the touchpoint
#                       topic; loadgen journeys --count N writes N records as ingest would
#   journey-throughput  start journey; poll /v1/admin/processing until applied >= N: time from
#                       the start of consumption -> events/s with durable state
#   journey-latency     caught up, reset the latency histogram; loadgen journeys --rate 2000 for
#                       60 s; once applied, read p50/p99/p99.9 (Kafka record time -> state
#                       committed, measured by journey itself), RSS and the consumer lag
# then, when asked for (not in the default steps), journey's scale-out on one broker:
#   journey-replicas    for K in WINDBELL_BENCH_JOURNEY_REPLICAS ("1 2 3"), then 3 with one SIGKILLed mid-drain: journey's
#                       database dropped and recreated, its group at the end of the touchpoint topic, loadgen journeys
#                       --count WINDBELL_BENCH_JOURNEY_REPLICA_EVENTS (100000, seed 42) once, K replicas started together in the
#                       group (journey-r<i>, ports 8092 + (i-1) * 100); distinct events claimed in the inbox per second
#                       from the start of consumption; then the applied-once checks in journey's database, its group's
#                       lag and the journey events on cx.journey-events.v1 (see the section in the script)
# then survey (its own empty database, dropped at the start of every bench run; quiet hours off,
# every active rule at sampling 1.0 and delay PT0S through its admin API, the real contact budget):
#   survey-preload      journey stopped, survey started once to set its rules and stopped; its
#                       consumer group moved to the end of the journey-event topic; loadgen
#                       journey-ends --count N writes N journey.completed/interrupted as journey's
#                       outbox relay would, one customer each
#   survey-throughput   start survey; poll SELECT count(*) FROM survey_decision until >= N: time from
#                       the start of consumption -> decisions/s with durable state; then the outcome
#                       mix, invitations by status (SENT = delivered), survey's RSS
#   survey-latency      survey settled; loadgen journey-ends --rate 200 for 60 s (after 10 s warmup)
#                       reads survey.invited back: p50/p99 journey event Kafka time -> invitation's
# then scoring (its own empty database, dropped at the start of every bench run; journey and survey are
# stopped first: their relays write to topics scoring reads, and every step has the two cores alone; the
# steps run one after the other, never at the same time):
#   scoring-touchpoints  scoring stopped, its consumer group moved to the end of its three topics; loadgen
#                        scoring-events --touchpoints N writes N touchpoint.recorded of the last 120 days as
#                        ingest would; start scoring; poll touchpoints.applied (+ skipped + dead-lettered) in
#                        its readiness data (management port) every 0.25 s until >= N -> events/s with
#                        durable state (rollups, profiles, inbox), RSS, CPU
#   scoring-responses    the same with --responses M survey.responded (survey-events.applied) -> responses/s;
#                        scoring keeps the touchpoints' rollups
#   scoring-query        scoring settled; the rollup tables' row counts; GET /v1/metrics (NPS by journey x
#                        branch x week over ~90 days) and GET /v1/pyramid (MONTH) with a cx-analyst token,
#                        50 warmup + 500 measured each, in sequence, the dates varied per request -> p50/p99/max;
#                        an endpoint that answers anything but 200 (404: not merged) fails the step, no figures
#   scoring-alerts       scoring settled; loadgen scoring-events --rate 200 for 60 s (after 10 s warmup) reads
#                        alert.low-score back: p50/p99/max response Kafka time -> its alert's, matched of the low
#                        scores sent; no alert at all fails the step
# then workorder (its own empty database, dropped at the start of every bench run; journey, survey and scoring
# stopped first: scoring's relay writes the topic workorder reads):
#   workorder-alerts     workorder started with its consumer group at the end of its three topics, the demo staff
#                        directory imported (tools/stack/demo-staff.py); loadgen workorder-alerts sends 200 warm-up
#                        then 3,000 alert.low-score at 100/s open loop, as scoring's relay would, one customer each,
#                        and reads workorder.created back: p50/p90/p99/max alert sent -> work order received (the
#                        load generator's clock), unanswered within 30 s; no work order at all fails the step
# then notification (its own empty database, dropped at the start of every bench run; every other service stopped):
#   notification-push    notification started with its consumer group at the end of its topics, trusting the tokens of
#                        a key the bench made (.bench/secrets/bench-signing-key.pem; Keycloak cannot hold 10,000 demo
#                        users cheaply); loadgen notification-push holds 10,000 SSE streams (one per bench employee,
#                        opened at 500/s), reads notification's RSS before and with them, then publishes 1,000
#                        warm-up and 3,000 workorder.created at 50/s open loop as workorder's relay would, each assigned to a
#                        random connected employee: p50/p90/p99/max published -> inbox-item received on that
#                        employee's stream (the load generator's clock); nothing pushed at all fails the step
# and, not among the default steps (run it alone: WINDBELL_BENCH_STEPS="startup" make bench):
#   startup   every service of services.conf, alone on the machine (the gateway last, the others idle behind it: its
#             readiness wants its upstreams): its AOT cache trained once (tools/stack/lib.sh aot_train), then
#             WINDBELL_BENCH_STARTUP_RUNS starts without and with the cache, alternating: launch -> /q/health/ready 200
#             and VmRSS 3 s later, medians -> .bench/results/startup-<service>.json. Every other step starts its
#             services without a cache (WINDBELL_AOT=0), as before.
#
# Knobs (environment): WINDBELL_BENCH_STEPS="payloads perf batch single rate gateway-overhead journey-preload
# journey-throughput journey-latency survey-preload survey-throughput survey-latency scoring-touchpoints
# scoring-responses scoring-query scoring-alerts workorder-alerts notification-push",
# WINDBELL_BENCH_PERF_RECORDS=1000000, WINDBELL_BENCH_JOURNEY_EVENTS=300000,
# WINDBELL_BENCH_JOURNEY_RATE=2000, WINDBELL_BENCH_JOURNEY_RATE_WARMUP_S=30, WINDBELL_BENCH_JOURNEY_RATE_DURATION_S=60,
# WINDBELL_BENCH_JOURNEY_CUSTOMERS=100000,
# WINDBELL_BENCH_JOURNEY_REPLICAS="1 2 3", WINDBELL_BENCH_JOURNEY_REPLICA_EVENTS=100000,
# WINDBELL_BENCH_JOURNEY_REPLICA_KILL=1 (0: no row with a killed replica), WINDBELL_BENCH_JOURNEY_REPLICA_KILL_AT_PCT=40,
# WINDBELL_BENCH_SURVEY_EVENTS=50000, WINDBELL_BENCH_SURVEY_RATE=200,
# WINDBELL_BENCH_SURVEY_INTERRUPTED_SHARE=0.3, WINDBELL_BENCH_SURVEY_SAMPLING=1.0 (the rules' sampling
# rate; 0 measures match + sampling alone), WINDBELL_BENCH_SCORING_TOUCHPOINTS=1000000,
# WINDBELL_BENCH_SCORING_RESPONSES=200000 (the issue's figures: 10000000 and 1000000),
# WINDBELL_BENCH_SCORING_DAYS=120, WINDBELL_BENCH_SCORING_CUSTOMERS=100000, WINDBELL_BENCH_SCORING_RATE=200,
# WINDBELL_BENCH_SCORING_QUERIES=500, WINDBELL_BENCH_SCORING_METRICS_QUERY and
# WINDBELL_BENCH_SCORING_PYRAMID_QUERY (the query strings, {from} {to} {date} filled in per request),
# WINDBELL_BENCH_WORKORDER_RATE=100, WINDBELL_BENCH_WORKORDER_ALERTS=3000 (measured, after 200 warm-up ones),
# WINDBELL_BENCH_NOTIFICATION_STREAMS=10000, WINDBELL_BENCH_NOTIFICATION_RATE=50,
# WINDBELL_BENCH_NOTIFICATION_EVENTS=3000 (measured, after 1,000 warm-up ones), WINDBELL_BENCH_NOTIFICATION_JAVA_OPTS
# (JVM options for notification, e.g. a JFR recording), WINDBELL_BENCH_GATEWAY_JAVA_OPTS (the same for the gateway),
# WINDBELL_BENCH_JOURNEY_JAVA_OPTS (the same for journey),
# WINDBELL_BENCH_STARTUP_RUNS=3 (starts each way per service in the startup step),
# WINDBELL_BENCH_KEEP_DATA=1 (keep the broker's data), WINDBELL_BENCH_WARMUP_S=20 (the closed-loop max steps' warmup), WINDBELL_BENCH_RATE_PCT=70 (the rate steps' share of the max),
# WINDBELL_BENCH_{PG,KAFKA,KAFKA_CONTROLLER,KEYCLOAK}_PORT, WINDBELL_BENCH_SERVICE_PORT_OFFSET.
set -euo pipefail

# --- the bench stack: its own state dir and ports (deliberately not the WINDBELL_* of make run)
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export WINDBELL_STATE_DIR=$BENCH_ROOT/.bench
export WINDBELL_PG_PORT=${WINDBELL_BENCH_PG_PORT:-25432}
export WINDBELL_KAFKA_PORT=${WINDBELL_BENCH_KAFKA_PORT:-29092}
export WINDBELL_KAFKA_CONTROLLER_PORT=${WINDBELL_BENCH_KAFKA_CONTROLLER_PORT:-29093}
export WINDBELL_KEYCLOAK_PORT=${WINDBELL_BENCH_KEYCLOAK_PORT:-28080}
export WINDBELL_SERVICE_PORT_OFFSET=${WINDBELL_BENCH_SERVICE_PORT_OFFSET:-10}   # ingest: 8091 ... scoring: 8094
export WINDBELL_SERVICES_FILE=$BENCH_ROOT/tools/stack/services.conf
unset WINDBELL_SKIP_BUILD WINDBELL_SERVICE_JAVA_OPTS
# the measured steps start their services without an AOT cache, as every earlier run did (comparable figures); the
# startup step measures both ways itself
export WINDBELL_AOT=0
# shellcheck source=../stack/lib.sh
source "$BENCH_ROOT/tools/stack/lib.sh"

# --- what is measured -------------------------------------------------------------------------
# The producer settings of services/ingest (application.properties; acks=all and idempotence
# are forced on in its code). The perf test uses exactly these, so the ratio is fair.
PRODUCER_ACKS=all
PRODUCER_IDEMPOTENCE=true
PRODUCER_LINGER_MS=5
PRODUCER_BATCH_SIZE=131072
PRODUCER_COMPRESSION=lz4
PRODUCER_MAX_IN_FLIGHT=5
PRODUCER_BUFFER_MEMORY=67108864

DEFAULT_STEPS="payloads perf batch single rate gateway-overhead journey-preload journey-throughput journey-latency survey-preload survey-throughput survey-latency scoring-touchpoints scoring-responses scoring-query scoring-alerts workorder-alerts notification-push"
# every step there is: the default ones and those run only when asked for
KNOWN_STEPS="$DEFAULT_STEPS journey-replicas startup"
STEPS=${WINDBELL_BENCH_STEPS:-$DEFAULT_STEPS}
PAYLOAD_COUNT=10000
PERF_RECORDS=${WINDBELL_BENCH_PERF_RECORDS:-1000000}
PERF_TOPIC=bench.producer-perf
BATCH_SIZE=50
MAX_DURATION_S=20
RATE_DURATION_S=30
# a closed-loop max step warms up for 20 s: ingest's and the fresh load generator's JIT take that long on two shared
# cores (run of 2026-12-05: the single step climbed from 724 to 6,053 requests/s over its first 22 s), and 70 % of an
# under-warmed max would set the rate step too low
WARMUP_S=${WINDBELL_BENCH_WARMUP_S:-20}
# an open-loop rate step warms up longer: the load generator ramps to the rate over the first two thirds (10 s, so its
# own cold JIT does not build a backlog that spills into the window: docs/benchmarks.md, "Ingest's one-second tail")
RATE_WARMUP_S=${WINDBELL_BENCH_RATE_WARMUP_S:-15}
RATE_FRACTION_PCT=${WINDBELL_BENCH_RATE_PCT:-70}
JOURNEY_EVENTS=${WINDBELL_BENCH_JOURNEY_EVENTS:-300000}
JOURNEY_RATE=${WINDBELL_BENCH_JOURNEY_RATE:-2000}
JOURNEY_RATE_DURATION_S=${WINDBELL_BENCH_JOURNEY_RATE_DURATION_S:-60}
# the simulated timeline reaches its rate once the first journeys are under way (~98% after 30 s):
# the latency histogram is reset at the end of this warmup, so only the steady rate is measured
JOURNEY_RATE_WARMUP_S=${WINDBELL_BENCH_JOURNEY_RATE_WARMUP_S:-30}
JOURNEY_CUSTOMERS=${WINDBELL_BENCH_JOURNEY_CUSTOMERS:-100000}
JOURNEY_TOPIC=cx.touchpoint-events.v1
JOURNEY_EVENTS_TOPIC=cx.journey-events.v1
# journey-replicas (issue 15, item 5): K replicas of journey in one consumer group, for each K; then 3 with one killed
JOURNEY_REPLICAS=${WINDBELL_BENCH_JOURNEY_REPLICAS:-1 2 3}
JOURNEY_REPLICA_EVENTS=${WINDBELL_BENCH_JOURNEY_REPLICA_EVENTS:-100000}
JOURNEY_REPLICA_KILL=${WINDBELL_BENCH_JOURNEY_REPLICA_KILL:-1}
JOURNEY_REPLICA_KILL_AT_PCT=${WINDBELL_BENCH_JOURNEY_REPLICA_KILL_AT_PCT:-40}
JOURNEY_REPLICA_MAX=6            # 6 partitions, 2 consumers a replica: beyond 3, consumers idle
JOURNEY_REPLICA_PORT_STEP=100    # journey-r1 8092, journey-r2 8192, ... (management + 1000)
# journey's name in its inbox ledger (ReconstructionService.CONSUMER)
JOURNEY_INBOX_CONSUMER=journey.touchpoints
JOURNEY_REPLICA_START=$STATE_DIR/logs/bench-journey-replicas-start.csv
# the seeds make the journey traffic the same in every run (the ingest steps draw theirs)
JOURNEY_PRELOAD_SEED=42
JOURNEY_RATE_SEED=43
SURVEY_EVENTS=${WINDBELL_BENCH_SURVEY_EVENTS:-50000}
SURVEY_RATE=${WINDBELL_BENCH_SURVEY_RATE:-200}
SURVEY_RATE_DURATION_S=60
SURVEY_RATE_WARMUP_S=10
SURVEY_INTERRUPTED_SHARE=${WINDBELL_BENCH_SURVEY_INTERRUPTED_SHARE:-0.3}
SURVEY_PRELOAD_SEED=44
SURVEY_RATE_SEED=45
# what the bench's rules get (every active rule, through the admin API): every trigger is decided
# all the way to an invitation unless the contact budget refuses it, and delivered at once
SURVEY_RULE_DELAY=PT0S
SURVEY_RULE_SAMPLING=${WINDBELL_BENCH_SURVEY_SAMPLING:-1.0}   # 0: every rule matches, nothing is sampled (comparison)
SURVEY_JOURNEYS="ACCOUNT_OPENING CARD_ACTIVATION WEALTH_PURCHASE LOAN_APPLICATION TRANSFER COMPLAINT REFERRAL"
SCORING_TOUCHPOINTS=${WINDBELL_BENCH_SCORING_TOUCHPOINTS:-1000000}
SCORING_RESPONSES=${WINDBELL_BENCH_SCORING_RESPONSES:-200000}
SCORING_DAYS=${WINDBELL_BENCH_SCORING_DAYS:-120}
SCORING_CUSTOMERS=${WINDBELL_BENCH_SCORING_CUSTOMERS:-100000}
SCORING_RATE=${WINDBELL_BENCH_SCORING_RATE:-200}
SCORING_RATE_DURATION_S=60
SCORING_RATE_WARMUP_S=10
SCORING_QUERIES=${WINDBELL_BENCH_SCORING_QUERIES:-500}
SCORING_QUERY_WARMUP=50
# the issue's queries; {from} {to} {date} are filled in and varied per request (loadgen bench http-latency)
SCORING_METRICS_QUERY='metric=NPS&groupBy=journey,branch&bucket=WEEK&from={from}&to={to}'
SCORING_METRICS_QUERY=${WINDBELL_BENCH_SCORING_METRICS_QUERY:-$SCORING_METRICS_QUERY}
SCORING_PYRAMID_QUERY='period=MONTH&date={date}'
SCORING_PYRAMID_QUERY=${WINDBELL_BENCH_SCORING_PYRAMID_QUERY:-$SCORING_PYRAMID_QUERY}
# one seed for both preloads: touchpoints and answers are about the same customers (tier, home branch)
SCORING_PRELOAD_SEED=46
SCORING_RATE_SEED=47
WORKORDER_RATE=${WINDBELL_BENCH_WORKORDER_RATE:-100}
WORKORDER_ALERTS=${WINDBELL_BENCH_WORKORDER_ALERTS:-3000}
WORKORDER_WARMUP_ALERTS=200
WORKORDER_ANSWER_TIMEOUT_S=30
WORKORDER_SEED=48
NOTIFICATION_STREAMS=${WINDBELL_BENCH_NOTIFICATION_STREAMS:-10000}
NOTIFICATION_CONNECT_RATE=500
NOTIFICATION_RATE=${WINDBELL_BENCH_NOTIFICATION_RATE:-50}
NOTIFICATION_EVENTS=${WINDBELL_BENCH_NOTIFICATION_EVENTS:-3000}
# a freshly started notification queues its first ~350 events (up to ~1.9 s, docs/benchmarks.md): the
# warm-up takes it past that, so the figure is the steady state's
NOTIFICATION_WARMUP_EVENTS=1000
NOTIFICATION_SETTLE_S=10
NOTIFICATION_ANSWER_TIMEOUT_S=30
NOTIFICATION_SEED=49
STARTUP_RUNS=${WINDBELL_BENCH_STARTUP_RUNS:-3}
STARTUP_IDLE_S=3

# Targets (docs: architecture "Performance targets").
TARGET_BATCH_EPS=30000
TARGET_BATCH_VS_PERF=0.5
TARGET_SINGLE_RPS=6000
TARGET_P99_MS=20
# gateway (issue 14): requests/s through the gateway ÷ direct to ingest, single events, measured in the same run
TARGET_GATEWAY_VS_DIRECT=0.8
TARGET_START_S=1.5
TARGET_IDLE_RSS_MB=250
TARGET_JOURNEY_EPS=10000
TARGET_JOURNEY_P99_MS=100
# scoring (issue 11): rollup ingestion, the two queries, and "raised within a second" for alert.low-score
TARGET_SCORING_TOUCHPOINTS_EPS=20000
TARGET_SCORING_RESPONSES_PS=5000
TARGET_SCORING_METRICS_P99_MS=50
TARGET_SCORING_PYRAMID_P99_MS=200
TARGET_SCORING_ALERT_P99_MS=1000
# workorder (issue 12): alert.low-score on the topic -> workorder.created on the topic at 100 alerts/s
TARGET_WORKORDER_P99_MS=100
# notification (issue 13): workorder.created on the topic -> on the assignee's SSE stream with 10,000 streams held
TARGET_NOTIFICATION_P99_MS=100

# Upper bounds, so a hung step cannot hang the bench.
BUILD_TIMEOUT_S=1200
PAYLOADS_TIMEOUT_S=180
PERF_TIMEOUT_S=900
LOADGEN_SLACK_S=90            # beyond duration + warmup: token fetch, drain, JVM start
JOURNEY_PRELOAD_TIMEOUT_S=600
JOURNEY_CATCHUP_TIMEOUT_S=$((JOURNEY_EVENTS / 1000 + 120))   # gives up below 1,000 events/s
JOURNEY_SETTLE_TIMEOUT_S=180
# gives up below 500 events/s, plus a killed replica's session timeout (45 s) and three JVM starts
JOURNEY_REPLICA_CATCHUP_TIMEOUT_S=$((JOURNEY_REPLICA_EVENTS / 500 + 180))
JOURNEY_REPLICA_SETTLE_TIMEOUT_S=120
SURVEY_PRELOAD_TIMEOUT_S=600
SURVEY_CATCHUP_TIMEOUT_S=$((SURVEY_EVENTS / 100 + 120))    # gives up below 100 decisions/s
SURVEY_DELIVERY_SETTLE_S=120
# the preload writes about 20,000 touchpoints/s (or 10,000 responses/s) on two cores; the catch-up gives up
# below 2,000 touchpoints/s (500 responses/s) and reports the rate reached
SCORING_PRELOAD_TIMEOUT_S=$(((SCORING_TOUCHPOINTS + SCORING_RESPONSES) / 2000 + 300))
SCORING_TOUCHPOINTS_CATCHUP_S=$((SCORING_TOUCHPOINTS / 2000 + 120))
SCORING_RESPONSES_CATCHUP_S=$((SCORING_RESPONSES / 500 + 120))
SCORING_SETTLE_TIMEOUT_S=300
SCORING_QUERY_TIMEOUT_S=$(((SCORING_QUERIES + SCORING_QUERY_WARMUP) * 2 + 60))   # gives up above 2 s a query
WORKORDER_SETTLE_TIMEOUT_S=120
NOTIFICATION_SETTLE_TIMEOUT_S=120

RESULTS=$STATE_DIR/results
PAYLOADS=$STATE_DIR/payloads.ndjson
SNAPSHOT=$STATE_DIR/snapshot    # copies of the built jars (see snapshot_builds)
LOADGEN_JAR=$SNAPSHOT/tools/loadgen/target/windbell-loadgen.jar
# the bench's orchestration between and around the steps (run a step, sample, poll, parse, record, report):
# java -jar windbell-loadgen.jar bench SUBCOMMAND (tools/loadgen, package io.windbell.loadgen.bench). C1 only, a small
# serial heap: it runs beside what it measures. Filled by main once $JAVA is known.
BENCH=()
INGEST_PORT=$(services_list ingest | awk '{ print $2 }')
INGEST_URL=http://$BIND_HOST:$INGEST_PORT
JOURNEY_PORT=$(services_list journey | awk '{ print $2 }')
JOURNEY_URL=http://$BIND_HOST:${JOURNEY_PORT:-8092}
# the consumer group journey commits its offsets under (its application.properties)
JOURNEY_GROUP=$(sed -n 's/^mp\.messaging\.incoming\.touchpoints\.group\.id=//p' \
  "$WB_ROOT/services/journey/src/main/resources/application.properties" 2>/dev/null | head -n1)
JOURNEY_GROUP=${JOURNEY_GROUP:-windbell-journey}
SURVEY_PORT=$(services_list survey | awk '{ print $2 }')
SURVEY_URL=http://$BIND_HOST:${SURVEY_PORT:-8093}
SURVEY_GROUP=$(sed -n 's/^mp\.messaging\.incoming\.journey-events\.group\.id=//p' \
  "$WB_ROOT/services/survey/src/main/resources/application.properties" 2>/dev/null | head -n1)
SURVEY_GROUP=${SURVEY_GROUP:-windbell-survey}
SURVEY_TOPIC=cx.journey-events.v1
SURVEY_EVENTS_TOPIC=cx.survey-events.v1
SCORING_PORT=$(services_list scoring | awk '{ print $2 }')
SCORING_URL=http://$BIND_HOST:${SCORING_PORT:-8094}
# the kit's counters (applied, skipped, dead-lettered per channel) are in the readiness data, management port
SCORING_HEALTH_URL=http://$BIND_HOST:$(management_port "${SCORING_PORT:-8094}")/q/health/ready
SCORING_GROUP=$(sed -n 's/^mp\.messaging\.incoming\.touchpoints\.group\.id=//p' \
  "$WB_ROOT/services/scoring/src/main/resources/application.properties" 2>/dev/null | head -n1)
SCORING_GROUP=${SCORING_GROUP:-windbell-scoring}
SCORING_TOPICS=(cx.touchpoint-events.v1 cx.journey-events.v1 cx.survey-events.v1)
WORKORDER_PORT=$(services_list workorder | awk '{ print $2 }')
WORKORDER_URL=http://$BIND_HOST:${WORKORDER_PORT:-8095}
WORKORDER_HEALTH_URL=http://$BIND_HOST:$(management_port "${WORKORDER_PORT:-8095}")/q/health/ready
# the consumer group of workorder's channels (its application.properties; the brief's name until they are merged)
WORKORDER_GROUP=$(sed -n 's/^mp\.messaging\.incoming\.alerts\.group\.id=//p' \
  "$WB_ROOT/services/workorder/src/main/resources/application.properties" 2>/dev/null | head -n1)
WORKORDER_GROUP=${WORKORDER_GROUP:-windbell-workorder}
WORKORDER_TOPICS=(cx.experience-alerts.v1 cx.journey-events.v1 cx.survey-events.v1)
NOTIFICATION_PORT=$(services_list notification | awk '{ print $2 }')
NOTIFICATION_URL=http://$BIND_HOST:${NOTIFICATION_PORT:-8096}
NOTIFICATION_HEALTH_URL=http://$BIND_HOST:$(management_port "${NOTIFICATION_PORT:-8096}")/q/health/ready
NOTIFICATION_GROUP=$(sed -n 's/^mp\.messaging\.incoming\.workorder-events\.group\.id=//p' \
  "$WB_ROOT/services/notification/src/main/resources/application.properties" 2>/dev/null | head -n1)
NOTIFICATION_GROUP=${NOTIFICATION_GROUP:-windbell-notification}
NOTIFICATION_TOPICS=(cx.workorder-events.v1 cx.survey-events.v1)
GATEWAY_PORT=$(services_list gateway | awk '{ print $2 }')
GATEWAY_URL=http://$BIND_HOST:${GATEWAY_PORT:-8090}
# the gateway's rate limit per client on the ingest route, raised in the bench so that the limiter (still in the path,
# it is asked on every request) cannot be what caps the maximum: the bench token is one client
GATEWAY_BENCH_RATE_LIMIT=1000000
WORKORDER_EVENTS_TOPIC=cx.workorder-events.v1
# the bench employees' tokens are signed with this key (made once per state dir); notification trusts its public half
BENCH_SIGNING_KEY=$STATE_DIR/secrets/bench-signing-key.pem
# Quiet hours off (start == end): a delay-0 invitation is delivered at once whatever the time of day
# of the run, so delivery is measured; the contact budget's caps and cooldown stay as configured.
SERVICE_EXTRA_JAVA_OPTS[survey]="-Dwindbell.survey.budget.quiet-hours.start=00:00 -Dwindbell.survey.budget.quiet-hours.end=00:00"
# e.g. a profiler for the journey steps: WINDBELL_BENCH_JOURNEY_JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=/tmp/j.jfr"
SERVICE_EXTRA_JAVA_OPTS[journey]=${WINDBELL_BENCH_JOURNEY_JAVA_OPTS:-}
SURVEY_RULES_SET=
# the bench's own Keycloak issues the cx-admin token the journey admin API wants
export WINDBELL_BENCH_TOKEN_URL=$TOKEN_URL WINDBELL_BENCH_CLIENT_ID=cx-admin-cli WINDBELL_BENCH_CLIENT_SECRET=cx-admin-secret

SAMPLER_PID=
STEP_PID=
RESET_PID=
FAILED_STEPS=()

wants() { [[ " $STEPS " == *" $1 "* ]]; }
wants_ingest() { wants batch || wants single || wants rate; }
wants_journey() { wants journey-preload || wants journey-throughput || wants journey-latency; }
wants_journey_replicas() { wants journey-replicas; }
wants_survey() { wants survey-preload || wants survey-throughput || wants survey-latency; }
wants_scoring() { wants scoring-touchpoints || wants scoring-responses || wants scoring-query || wants scoring-alerts; }
wants_workorder() { wants workorder-alerts; }
wants_notification() { wants notification-push; }
wants_gateway() { wants gateway-overhead; }
wants_startup() { wants startup; }

# --- lifecycle -----------------------------------------------------------------------------------
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -z $STEP_PID ]] || kill -TERM "$STEP_PID" 2>/dev/null || true
  [[ -z $SAMPLER_PID ]] || kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -z $RESET_PID ]] || kill "$RESET_PID" 2>/dev/null || true
  echo
  say "bench: stopping everything it started ($STATE_DIR)"
  stack_stop || true
  if [[ -z ${WINDBELL_BENCH_KEEP_DATA:-} ]]; then
    rm -rf "$KAFKA_DIR/data"   # a million records per run: not worth keeping
  fi
  exit "$rc"
}

# A bench measures a fresh stack: leftovers of an interrupted run are stopped, the broker
# starts empty (Keycloak and PostgreSQL are kept: they only hold configuration).
fresh_stack() {
  if is_running kafka || is_running keycloak || is_running ingest || is_running journey || is_running survey ||
    is_running scoring || is_running workorder || is_running notification || is_running gateway ||
    compgen -G "$STATE_DIR/pids/journey-r*.pid" >/dev/null || pg_running_any; then
    say "stopping leftovers of an earlier bench run"
    stack_stop
  fi
  rm -rf "$KAFKA_DIR/data" "$RESULTS" "$STATE_DIR/logs"/bench-*.log
  mkdir -p "$RESULTS"
}

# shellcheck disable=SC2034 # PG_BIN is read by pg_running
pg_running_any() { PG_BIN=$(pg_find_bindir) && pg_running; }

build() {
  # the load generator always: it is also the bench's own orchestration (BENCH)
  local modules=(tools/loadgen)
  wants_gateway && modules=(services/gateway "${modules[@]}")
  if wants_startup; then
    local m
    for m in $(services_list | awk '{ print $4 }'); do
      [[ " ${modules[*]} " == *" $m "* ]] || modules=("$m" "${modules[@]}")
    done
  fi
  wants_notification && modules=(services/notification "${modules[@]}")
  wants_workorder && modules=(services/workorder "${modules[@]}")
  wants_scoring && modules=(services/scoring "${modules[@]}")
  wants_survey && modules=(services/survey "${modules[@]}")
  { wants_journey || wants_journey_replicas; } && modules=(services/journey "${modules[@]}")
  { wants_ingest || wants_gateway; } && modules=(services/ingest "${modules[@]}")
  # once each (startup adds every service, the other steps theirs), in the order given
  mapfile -t modules < <(printf '%s\n' "${modules[@]}" | awk '!seen[$0]++')
  local list; list=$(IFS=,; echo "${modules[*]}")
  say "building $list (the bench measures the code in this tree)"
  MVN_TIMEOUT=$BUILD_TIMEOUT_S mvn_package "$list" || die "build of $list failed"
  snapshot_builds "${modules[@]}"
}

# Runs copies of what was just built: another engineer's `make build` rewriting target/ in
# the working tree would otherwise pull classes from under the running JVMs mid-measurement.
snapshot_builds() {
  local m
  rm -rf "$SNAPSHOT"
  for m in "$@"; do
    mkdir -p "$SNAPSHOT/$m/target"
    case $m in
      tools/loadgen) cp -r "$WB_ROOT/$m/target/windbell-loadgen.jar" "$WB_ROOT/$m/target/lib" "$SNAPSHOT/$m/target/" ;;
      *) cp -r "$WB_ROOT/$m/target/quarkus-app" "$SNAPSHOT/$m/target/" ;;
    esac
  done
  export SERVICE_JAR_ROOT=$SNAPSHOT
}

record_machine() {
  local jdk pgv git_desc cmd
  jdk=$("$JAVA" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.vm.name/ {n=$2} /java.runtime.version/ {v=$2} END {print n " " v}')
  pgv=$("$(pg_bindir)/postgres" --version | awk '{print $3}')
  git_desc=$(cd "$WB_ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
  [[ -z $(cd "$WB_ROOT" && git status --porcelain 2>/dev/null | head -n1) ]] || git_desc="$git_desc + uncommitted changes"
  if [[ -n ${MAKELEVEL:-} ]]; then cmd="make bench"; else cmd="tools/bench/bench.sh"; fi
  local env_knobs; env_knobs=$(env | grep -E '^WINDBELL_BENCH_' | sort | tr '\n' ' ' || true)
  [[ -z $env_knobs ]] || cmd="$env_knobs$cmd"
  local steps_json targets_json os_name
  steps_json=$(printf '"%s",' $STEPS); steps_json="[${steps_json%,}]"
  targets_json=$(printf '{"batchEventsPerS": %s, "batchVsPerf": %s, "singleRequestsPerS": %s, "p99Ms": %s, "startS": %s,
    "idleRssMb": %s, "journeyEventsPerS": %s, "journeyP99Ms": %s, "scoringTouchpointsPerS": %s,
    "scoringResponsesPerS": %s, "scoringMetricsP99Ms": %s, "scoringPyramidP99Ms": %s, "scoringAlertP99Ms": %s,
    "workorderAlertP99Ms": %s, "notificationPushP99Ms": %s, "gatewayVsDirect": %s}' \
    "$TARGET_BATCH_EPS" "$TARGET_BATCH_VS_PERF" "$TARGET_SINGLE_RPS" "$TARGET_P99_MS" "$TARGET_START_S" \
    "$TARGET_IDLE_RSS_MB" "$TARGET_JOURNEY_EPS" "$TARGET_JOURNEY_P99_MS" "$TARGET_SCORING_TOUCHPOINTS_EPS" \
    "$TARGET_SCORING_RESPONSES_PS" "$TARGET_SCORING_METRICS_P99_MS" "$TARGET_SCORING_PYRAMID_P99_MS" \
    "$TARGET_SCORING_ALERT_P99_MS" "$TARGET_WORKORDER_P99_MS" "$TARGET_NOTIFICATION_P99_MS" "$TARGET_GATEWAY_VS_DIRECT")
  os_name=$(. /etc/os-release && echo "$PRETTY_NAME")
  "${BENCH[@]}" record "$RESULTS/machine.json" machine "date=$(date -Is)" "command=$cmd" "nproc#=$(nproc)" \
    "cpuModel=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
    "memGb#=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1024 / 1024 }' /proc/meminfo)" "os=$os_name, kernel $(uname -r)" \
    "jdk=$jdk ($JAVA_HOME)" "kafka=$KAFKA_VERSION" "postgres=$pgv" "keycloak=$KEYCLOAK_VERSION" "git=$git_desc" \
    "producerProps=$(producer_props | paste -sd' ')" "steps:=$steps_json" "targets:=$targets_json"
}

producer_props() {
  printf '%s\n' "bootstrap.servers=$KAFKA_URL" "acks=$PRODUCER_ACKS" "enable.idempotence=$PRODUCER_IDEMPOTENCE" \
    "linger.ms=$PRODUCER_LINGER_MS" "batch.size=$PRODUCER_BATCH_SIZE" "compression.type=$PRODUCER_COMPRESSION" \
    "max.in.flight.requests.per.connection=$PRODUCER_MAX_IN_FLIGHT" "buffer.memory=$PRODUCER_BUFFER_MEMORY"
}

# Starts ingest and records how long it took from launch to ready, and its idle RSS.
start_ingest() {
  local t0 t1 pid
  t0=$(_now_us)
  services_start ingest
  t1=$(_now_us)
  pid=$(running_pid ingest)
  sleep 3   # let start-up allocation settle before calling it "idle"
  "${BENCH[@]}" record "$RESULTS/startup.json" startup "readyS@us=$((t1 - t0))" \
    "idleRssMb@kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")" \
    "note=launch to first 200 from /q/health/ready (management port), polled every 0.1 s"
}

# --- one measured step ---------------------------------------------------------------------------------
# run_step NAME TIMEOUT_S PARSER SKIP_S -- COMMAND...
# `loadgen bench step` (io.windbell.loadgen.bench) runs COMMAND bounded by TIMEOUT_S while sampling the services that
# run (and Kafka) and the machine; output goes to the terminal and .bench/logs/bench-NAME.log; PARSER
# (last-json|perf-json) extracts the summary; the step's record is written to .bench/results/NAME.json. A failed step
# is recorded and the bench goes on. In the background + wait, so Ctrl-C / SIGTERM interrupt the bench at once (bash
# runs traps only between commands): cleanup ends the step through its pid, and the step ends COMMAND.
run_step() {
  local name=$1 timeout_s=$2 parser=$3 skip_s=$4; shift 5
  local -a procs=()
  local p pid rc=0
  for p in ingest gateway journey survey scoring workorder notification kafka; do
    if pid=$(running_pid "$p"); then procs+=(--proc "$p=$pid"); fi
  done
  "${BENCH[@]}" step --name "$name" --timeout-s "$timeout_s" --parser "$parser" --skip-s "$skip_s" \
    --logs "$STATE_DIR/logs" --results "$RESULTS" --t0-us "$STACK_T0" "${procs[@]}" -- "$@" &
  STEP_PID=$!
  wait "$STEP_PID" || rc=$?
  STEP_PID=
  ((rc == 0)) || { FAILED_STEPS+=("$name"); return 1; }
}

# loadgen's channel-app credentials and target (appended to its commands)
LOADGEN_TARGET=(--token-url "$TOKEN_URL" --client-id channel-app --client-secret channel-app-secret
  --base-url "$INGEST_URL")

# Reads a number from a step's result file: result_field single requestsPerS (a dotted path reads
# deeper: result_field scoring-touchpoints-preload touchpoints.records)
result_field() { "${BENCH[@]}" field "$RESULTS/$1.json" "$2" 2>/dev/null || true; }

# Reads a value from a JSON text (a poller's answer): json_field "$settled" applied
json_field() { "${BENCH[@]}" field --doc - "$2" <<<"$1" 2>/dev/null || true; }
# ... as JSON, for a result file (null when absent): "latency:=$(json_value "$processing" latency)"
json_value() { "${BENCH[@]}" field --json --doc - "$2" <<<"$1" 2>/dev/null || echo null; }

step_payloads() {
  run_step payloads "$PAYLOADS_TIMEOUT_S" last-json 0 -- \
    "$JAVA" -jar "$LOADGEN_JAR" payloads --count "$PAYLOAD_COUNT" --out "$PAYLOADS" "${LOADGEN_TARGET[@]}" || return 0
  say "payloads: average $(result_field payloads avgBytes) bytes per event"
}

step_perf() {
  [[ -s $PAYLOADS ]] || { FAILED_STEPS+=(perf); say "step perf skipped: no $PAYLOADS (run the payloads step)"; return 0; }
  kafka_ensure_topics "$PERF_TOPIC"
  local -a props; mapfile -t props < <(producer_props)
  # a full JIT and G1, like a producer in a service (kafka_tool is tuned for short CLI runs)
  run_step perf "$PERF_TIMEOUT_S" perf-json 0 -- \
    "$JAVA" -Xms512m -Xmx512m -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" \
    -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.ProducerPerformance \
    --topic "$PERF_TOPIC" --num-records "$PERF_RECORDS" --throughput -1 --payload-file "$PAYLOADS" \
    --producer-props "${props[@]}" || true
}

step_batch() {
  run_step batch $((MAX_DURATION_S + WARMUP_S + LOADGEN_SLACK_S)) last-json "$WARMUP_S" -- \
    "$JAVA" -jar "$LOADGEN_JAR" max --kind batch --batch-size "$BATCH_SIZE" \
    --duration "${MAX_DURATION_S}s" --warmup "${WARMUP_S}s" "${LOADGEN_TARGET[@]}" || true
}

# single_max NAME TARGET...: the most single-event requests/s (loadgen max, closed loop) against TARGET (loadgen's
# --base-url and credentials); the single step and gateway-overhead's two paths.
single_max() {
  local name=$1; shift
  run_step "$name" $((MAX_DURATION_S + WARMUP_S + LOADGEN_SLACK_S)) last-json "$WARMUP_S" -- \
    "$JAVA" -jar "$LOADGEN_JAR" max --kind single \
    --duration "${MAX_DURATION_S}s" --warmup "${WARMUP_S}s" "$@"
}

# single_rate NAME MAX_STEP TARGET...: single events open loop at RATE_FRACTION_PCT of MAX_STEP's requests/s against
# TARGET -> p50/p99/p99.9; the rate step and gateway-overhead's two paths.
single_rate() {
  local name=$1 from=$2 max rate; shift 2
  max=$(result_field "$from" requestsPerS)
  if [[ -z $max ]]; then
    FAILED_STEPS+=("$name"); say "step $name skipped: no requestsPerS from the $from step"; return 1
  fi
  rate=$(awk -v max="$max" -v pct="$RATE_FRACTION_PCT" 'BEGIN { r = int(max * pct / 100); print (r < 1 ? 1 : r) }')
  run_step "$name" $((RATE_DURATION_S + RATE_WARMUP_S + LOADGEN_SLACK_S)) last-json "$RATE_WARMUP_S" -- \
    "$JAVA" -jar "$LOADGEN_JAR" rate --kind single --rate "$rate" \
    --duration "${RATE_DURATION_S}s" --warmup "${RATE_WARMUP_S}s" "$@"
}

step_single() { single_max single "${LOADGEN_TARGET[@]}" || true; }

step_rate() { single_rate rate single "${LOADGEN_TARGET[@]}" || true; }

# --- gateway ---------------------------------------------------------------------------------------
# bench_token ROLE: an RS256 access token shaped like the realm's client-credentials tokens (typ Bearer, audience
# windbell-api, ROLE in realm_access.roles, azp windbell-bench), valid two hours, signed with the bench key.
bench_token() {
  bench_signing_key
  local header payload signature
  b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
  header=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url)
  local now; now=$(date +%s)
  payload=$(printf '{"iss":"windbell-bench","sub":"%s","typ":"Bearer","azp":"windbell-bench","aud":["windbell-api"],"iat":%d,"exp":%d,"realm_access":{"roles":["%s"]}}' \
    "$(cat /proc/sys/kernel/random/uuid)" "$now" $((now + 7200)) "$1" | b64url)
  signature=$(printf '%s' "$header.$payload" | openssl dgst -sha256 -sign "$BENCH_SIGNING_KEY" -binary | b64url) ||
    die "could not sign a bench token (openssl)"
  echo "$header.$payload.$signature"
}

# The JVM options that make a service trust the bench key alone (no issuer URL: Keycloak is not asked; an empty value
# in a system property hides the stack's QUARKUS_OIDC_AUTH_SERVER_URL).
bench_oidc_opts() { echo "-Dquarkus.oidc.public-key=$(bench_public_key) -Dquarkus.oidc.auth-server-url="; }

# Ingest (restarted when it runs with the stack's issuer) and the gateway, both trusting the bench key. The gateway's
# readiness wants a reachable upstream on every route: the routes the step does not call point at ingest too.
gateway_up() {
  bench_signing_key
  local oidc r
  oidc=$(bench_oidc_opts)
  if [[ ${SERVICE_EXTRA_JAVA_OPTS[ingest]:-} != "$oidc" ]]; then
    if is_running ingest; then
      say "gateway-overhead: restarting ingest to trust the bench's tokens"
      stop_part ingest 20
    fi
    SERVICE_EXTRA_JAVA_OPTS[ingest]=$oidc
  fi
  services_start ingest || return 1
  SERVICE_EXTRA_JAVA_OPTS[gateway]="$oidc -Dwindbell.gateway.routes.ingest.rate-limit.per-second=$GATEWAY_BENCH_RATE_LIMIT"
  SERVICE_EXTRA_JAVA_OPTS[gateway]+=" -Dwindbell.gateway.routes.ingest.rate-limit.burst=$GATEWAY_BENCH_RATE_LIMIT"
  for r in journey survey scoring workorder notification; do
    SERVICE_EXTRA_JAVA_OPTS[gateway]+=" -Dwindbell.gateway.routes.$r.upstreams=$INGEST_URL"
  done
  # e.g. WINDBELL_BENCH_GATEWAY_JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=/tmp/gw.jfr"
  SERVICE_EXTRA_JAVA_OPTS[gateway]+=" ${WINDBELL_BENCH_GATEWAY_JAVA_OPTS:-}"
  services_start gateway
}

# Stops the gateway; ingest goes back to the stack's issuer when an ingest step (Keycloak tokens) may follow.
gateway_down() {
  stop_part gateway 20
  if [[ -n ${SERVICE_EXTRA_JAVA_OPTS[ingest]:-} ]] && wants_ingest; then
    stop_part ingest 20
    SERVICE_EXTRA_JAVA_OPTS[ingest]=
    services_start ingest
  fi
}

step_gateway_overhead() {
  if [[ -z $GATEWAY_PORT ]]; then
    FAILED_STEPS+=(gateway-overhead); say "step gateway-overhead skipped: no gateway in $SERVICES_FILE"; return 0
  fi
  gateway_up || { FAILED_STEPS+=(gateway-overhead); say "step gateway-overhead skipped: the gateway did not start"; return 0; }
  local token
  token=$(bench_token channel-app)
  local -a direct=(--token "$token" --base-url "$INGEST_URL") through=(--token "$token" --base-url "$GATEWAY_URL/api/ingest")
  # a freshly started gateway (and ingest, when it was restarted) runs cold: one untimed pass through the gateway warms
  # both, so that neither path is measured on colder code than the other; then each path's maximum, then each path at
  # 70% of its own maximum
  single_max gateway-overhead-warmup "${through[@]}" || true
  single_max gateway-overhead-direct-max "${direct[@]}" || true
  single_max gateway-overhead-gateway-max "${through[@]}" || true
  single_rate gateway-overhead-direct-rate gateway-overhead-direct-max "${direct[@]}" || true
  single_rate gateway-overhead-gateway-rate gateway-overhead-gateway-max "${through[@]}" || true
  gateway_down
  local d g
  d=$(result_field gateway-overhead-direct-max requestsPerS)
  g=$(result_field gateway-overhead-gateway-max requestsPerS)
  say "gateway-overhead: max ${d:-?} requests/s direct, ${g:-?} through the gateway;" \
    "p99 at 70% $(result_field gateway-overhead-direct-rate latencyMs.p99) ms direct," \
    "$(result_field gateway-overhead-gateway-rate latencyMs.p99) ms through the gateway"
}

# --- journey ---------------------------------------------------------------------------------------
# The loadgen command of the journey steps (an array: run_step runs it under `timeout`): records
# exactly as ingest publishes them, straight to the bench's broker. Ingest is not in the path:
# this measures journey, not ingest.
# Filled by main once $JAVA is known.
JOURNEY_LOADGEN=()

# Moves journey's consumer group to the end of the touchpoint topic (journey must be stopped), so
# that it consumes exactly what is written afterwards, not the events of the ingest steps.
journey_group_to_end() { group_to_end journey "$JOURNEY_GROUP" "$JOURNEY_TOPIC"; }

# group_to_end SERVICE GROUP TOPIC...: moves the (inactive) consumer group to the end of the topics
group_to_end() {
  local service=$1 group=$2 topic
  local -a topics=()
  for topic in "${@:3}"; do topics+=(--topic "$topic"); done
  kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_URL" \
    --group "$group" "${topics[@]}" --reset-offsets --to-latest --execute \
    >>"$STATE_DIR/logs/bench-$service-group.log" 2>&1
}

# Prints {"lag": n, ...} for journey's consumer group (records on the topic not yet committed).
journey_lag() {
  local out=$STATE_DIR/logs/bench-journey-lag.txt
  kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_URL" \
    --describe --group "$JOURNEY_GROUP" >"$out" 2>&1 || true
  "${BENCH[@]}" group-lag "$out"
}

step_journey_preload() {
  if is_running journey; then
    say "journey-preload: stopping journey (the preloaded records are for a journey that starts afterwards)"
    stop_part journey 20
  fi
  if ! journey_group_to_end; then
    FAILED_STEPS+=(journey-preload)
    say "step journey-preload FAILED: could not move consumer group $JOURNEY_GROUP to the end of $JOURNEY_TOPIC"
    return 0
  fi
  run_step journey-preload "$JOURNEY_PRELOAD_TIMEOUT_S" last-json 0 -- \
    "${JOURNEY_LOADGEN[@]}" --count "$JOURNEY_EVENTS" --seed "$JOURNEY_PRELOAD_SEED" || return 0
  say "journey-preload: $(result_field journey-preload records) records on $JOURNEY_TOPIC" \
    "($(result_field journey-preload uniqueEvents) distinct events, $(result_field journey-preload duplicates) resent)"
}

# Starts SERVICE while the poller (the remaining arguments) waits for it to catch up, and samples the CPU
# and RSS of SERVICE and Kafka meanwhile. The poller must run first: a service begins to consume before
# its HTTP port opens. Uses the caller's locals name, log, out, samples, pids, names and sets its t0, t1,
# ready_us, rc, parsed (the poller's last JSON line) and resources (the summarized samples).
catch_up_while_starting() {
  local service=$1
  shift
  : >"$out"
  t0=$(_now_us)
  "$@" >"$out" 2> >(tee -a "$log" >&2) &
  STEP_PID=$!
  services_start "$service"
  ready_us=$(($(_now_us) - t0))
  for p in "$service" kafka; do
    if pid=$(running_pid "$p"); then pids+=("$pid"); names+=("$p"); fi
  done
  "${BENCH[@]}" sample "$samples" "${pids[@]}" &
  SAMPLER_PID=$!
  rc=0
  wait "$STEP_PID" || rc=$?
  STEP_PID=
  t1=$(_now_us)
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
  cat "$out" >>"$log"
  parsed=$STATE_DIR/logs/bench-$name.result resources=$STATE_DIR/logs/bench-$name.resources
  "${BENCH[@]}" last-json "$out" >"$parsed" 2>>"$log" || { ((rc != 0)) || rc=3; : >"$parsed"; }
  "${BENCH[@]}" summarize "$samples" 0 "${names[@]}" >"$resources" || : >"$resources"
}

# Not run_step: the poller must run before journey starts, because journey begins to consume
# before its HTTP port opens. The record has the same shape as run_step's.
step_journey_throughput() {
  local name=journey-throughput target
  local log=$STATE_DIR/logs/bench-$name.log out=$STATE_DIR/logs/bench-$name.out
  local samples=$STATE_DIR/logs/bench-$name.samples pids=() names=() p pid rc t0 t1 ready_us
  target=$(result_field journey-preload records)
  if [[ -z $target || $target == 0 ]]; then
    FAILED_STEPS+=("$name"); say "step $name skipped: nothing preloaded (run the journey-preload step)"; return 0
  fi
  if is_running journey; then
    FAILED_STEPS+=("$name"); say "step $name skipped: journey is running already (it must start after the preload)"
    return 0
  fi
  say "step $name: start journey, poll $JOURNEY_URL/v1/admin/processing until $target records are applied"
  local parsed resources
  catch_up_while_starting journey "${BENCH[@]}" journey-catchup "$JOURNEY_URL" "$target" "$JOURNEY_CATCHUP_TIMEOUT_S"
  # where the time of a batch went while draining the backlog (journey's own phase histograms)
  "${BENCH[@]}" journey-get "$JOURNEY_URL" >"$RESULTS/journey-throughput-phases.json" 2>>"$log" ||
    echo '{}' >"$RESULTS/journey-throughput-phases.json"
  "${BENCH[@]}" step-json "$name" "start journey; poll GET /v1/admin/processing every 0.25 s until applied >= $target" \
    "$rc" "$(((t1 - t0) / 1000000))" "$parsed" "$resources" >"$RESULTS/$name.json"
  "${BENCH[@]}" record "$RESULTS/journey-startup.json" journey-startup "readyS@us=$ready_us" \
    "note=launch to /q/health/ready 200 (management port) while consuming the preload"
  if [[ $(result_field "$name" caughtUp) != true ]]; then
    FAILED_STEPS+=("$name")
    say "step $name: not caught up within ${JOURNEY_CATCHUP_TIMEOUT_S}s (see $log)"
    return 0
  fi
  say "step $name done: $(result_field "$name" eventsPerS) events/s over $(result_field "$name" consumeS) s" \
    "(start: $(result_field "$name" startFrom))"
}

step_journey_latency() {
  local settled baseline records processing lag pid rss
  if ! is_running journey; then
    # run without the throughput step: start at the end of the topic, not at the ingest steps' events
    journey_group_to_end || { FAILED_STEPS+=(journey-latency); say "step journey-latency FAILED: consumer group"; return 0; }
    services_start journey
  fi
  # a backlog would be measured as latency: wait until journey has applied everything before
  if ! settled=$("${BENCH[@]}" journey-settle "$JOURNEY_URL" "$JOURNEY_SETTLE_TIMEOUT_S"); then
    FAILED_STEPS+=(journey-latency); say "step journey-latency skipped: journey did not settle"; return 0
  fi
  local skipped; skipped=$(json_field "$settled" skipped)
  baseline=$(($(json_field "$settled" applied) + ${skipped:-0} + $(json_field "$settled" deadLettered)))
  "${BENCH[@]}" journey-reset "$JOURNEY_URL" >/dev/null || {
    FAILED_STEPS+=(journey-latency); say "step journey-latency FAILED: could not reset the latency histogram"; return 0
  }
  # reset again when the warmup is over (+1 s for the load generator's JVM start)
  local reset_log=$STATE_DIR/logs/bench-journey-latency.reset
  (sleep $((JOURNEY_RATE_WARMUP_S + 1)) && "${BENCH[@]}" journey-reset "$JOURNEY_URL" >"$reset_log" 2>&1) &
  RESET_PID=$!
  run_step journey-latency $((JOURNEY_RATE_WARMUP_S + JOURNEY_RATE_DURATION_S + LOADGEN_SLACK_S)) last-json \
    "$JOURNEY_RATE_WARMUP_S" -- "${JOURNEY_LOADGEN[@]}" --rate "$JOURNEY_RATE" --warmup "${JOURNEY_RATE_WARMUP_S}s" \
    --duration "${JOURNEY_RATE_DURATION_S}s" --seed "$JOURNEY_RATE_SEED" || {
    kill "$RESET_PID" 2>/dev/null; RESET_PID=; return 0
  }
  wait "$RESET_PID" 2>/dev/null || true
  RESET_PID=
  if ! grep -qE '"reset": ?true' "$reset_log" 2>/dev/null; then
    FAILED_STEPS+=(journey-latency); say "step journey-latency FAILED: the reset after the warmup failed ($reset_log)"
    return 0
  fi
  records=$(result_field journey-latency records)
  say "journey-latency: waiting until journey has applied the $records records"
  "${BENCH[@]}" journey-catchup "$JOURNEY_URL" $((baseline + records)) "$JOURNEY_SETTLE_TIMEOUT_S" "$baseline" \
    >"$STATE_DIR/logs/bench-journey-latency.catchup" 2>>"$STATE_DIR/logs/bench-journey-latency.log" || true
  processing=$("${BENCH[@]}" journey-get "$JOURNEY_URL") || processing='{}'
  lag=$(journey_lag)
  rss=
  if pid=$(running_pid journey); then rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"); fi
  local catchup; catchup=$("${BENCH[@]}" last-json "$STATE_DIR/logs/bench-journey-latency.catchup" 2>/dev/null || echo '{}')
  local -a picked=() f
  for f in latency applied waitBeforeBatch meanBatchSize phases deadLettered outboxPublished; do
    picked+=("$f:=$(json_value "$processing" "$f")")
  done
  "${BENCH[@]}" record "$RESULTS/journey-processing.json" journey-processing "${picked[@]}" \
    "caughtUp:=$(json_value "$catchup" caughtUp)" "caughtUpAfterS:=$(json_value "$catchup" pollerS)" \
    "consumerLag:=$(json_value "$lag" lag)" "rssMb@kb=${rss:-0}" \
    "note=latency = journey's own histogram (record timestamp -> state committed) since the reset"
  local pf=$RESULTS/journey-processing.json
  say "journey-latency: p50 $("${BENCH[@]}" field --doc "$pf" latency.p50Ms) / p99 $("${BENCH[@]}" field --doc "$pf" latency.p99Ms)" \
    "/ p99.9 $("${BENCH[@]}" field --doc "$pf" latency.p999Ms) ms over $("${BENCH[@]}" field --doc "$pf" latency.count) events"
}

# --- journey replicas: scale-out on one broker (issue 15, item 5) ---------------------------------------------
# JOURNEY_REPLICA_EVENTS records are preloaded once (seed JOURNEY_PRELOAD_SEED); then one row per K in JOURNEY_REPLICAS,
# and (JOURNEY_REPLICA_KILL=1) a row of 3 replicas of which one is SIGKILLed mid-drain. Every row: journey's database
# dropped and recreated, its consumer group reset to where the preload began (so every row consumes the same records),
# then K replicas started together in the one consumer group (journey-r<i>: port JOURNEY_PORT + (i-1) * 100, management
# port + 1000, its own log and pid file, consumer client id journey-r<i>-touchpoints so the group shows who holds which
# partition). Measured: distinct events claimed in the inbox per second from the start of consumption until all are,
# and the same from when the last replica was ready. Then checked: every distinct event of the preload applied exactly
# once (inbox rows = timeline rows = distinct timeline ids = the preload's uniqueEvents), nothing dead-lettered, lag 0,
# the outbox drained, and on cx.journey-events.v1 no journey step emitted twice (one ce_id per journeyInstanceId +
# revision) and every step there (their number = Σ revision of journey's instances).

# Replica I's HTTP port (its management port is + 1000).
journey_replica_port() { echo $((${JOURNEY_PORT:-8092} + ($1 - 1) * JOURNEY_REPLICA_PORT_STEP)); }

# psql as journey's own user over TCP (the bench's checks read journey's tables)
journey_psql() {
  PGPASSWORD=$DB_PASSWORD "$(pg_bindir)/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$BIND_HOST" -p "$PG_PORT" -U "$DB_USER" \
    -d journey "$@"
}

# Launches replica I (journey-r<I>) and returns at once: the replicas of a row start together. Tokens are checked
# against the bench key, so no Keycloak is needed (only the readiness data and the database are read).
journey_replica_launch() {
  local i=$1 name=journey-r$1 port jar
  local -a envs extra
  port=$(journey_replica_port "$i")
  jar=$(service_jar services/journey)
  require_free_port "$name" "$port"
  require_free_port "$name" "$(management_port "$port")"
  mapfile -t envs < <(service_env journey "$port" journey)
  read -r -a extra <<<"$(bench_oidc_opts) -Dmp.messaging.incoming.touchpoints.client.id=$name-touchpoints"
  say "starting $name on http://$BIND_HOST:$port (management $(management_port "$port"))"
  launch "$name" "${envs[@]}" -- "$JAVA" -Xmx"$SERVICE_HEAP" "${extra[@]}" -Dwindbell.stack.dir="$STATE_DIR" -jar "$jar"
}

journey_replicas_stop() {
  local i
  for ((i = 1; i <= JOURNEY_REPLICA_MAX; i++)); do stop_part "journey-r$i" 20; done
}

# Writes the end offsets of TOPIC ("topic:partition:offset" lines) to FILE.
topic_end_offsets() {
  kafka_tool org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$KAFKA_URL" --topic "$1" --time -1 >"$2" 2>>"$STATE_DIR/logs/bench-journey-replicas.log"
}

# journey_replicas_row LABEL K KILL: one row of the table (KILL=1: SIGKILL journey-r2 once KILL_AT_PCT % are applied).
journey_replicas_row() {
  local label=$1 k=$2 kill=$3 i pid t0 t1 rc unique row=journey-replicas-$1 what="$2 replica(s)"
  local dir=$STATE_DIR/logs/bench-$row log=$STATE_DIR/logs/bench-$row.log
  local out=$dir/catchup.out samples=$dir/samples pids=() names=()
  rm -rf "$dir" && mkdir -p "$dir"
  ((kill == 0)) || what+=", journey-r2 SIGKILLed at ${JOURNEY_REPLICA_KILL_AT_PCT}% applied"
  say "journey-replicas, row $label: $what"
  journey_replicas_stop
  pg_drop_databases journey
  pg_ensure_databases journey >/dev/null
  # the same records for every row: the group back at the offsets the preload began at (the database is new)
  if ! kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_URL" \
    --group "$JOURNEY_GROUP" --reset-offsets --from-file "$JOURNEY_REPLICA_START" --execute >>"$log" 2>&1 ||
    ! topic_end_offsets "$JOURNEY_EVENTS_TOPIC" "$dir/events-start.txt"; then
    FAILED_STEPS+=("$row"); say "journey-replicas, row $label FAILED: consumer group or offsets of $JOURNEY_EVENTS_TOPIC"; return 0
  fi
  unique=$(result_field journey-replicas-preload uniqueEvents)
  # the poller first: replicas consume before their HTTP ports open
  local -a inbox_count=(env "PGPASSWORD=$DB_PASSWORD" "$(pg_bindir)/psql" -X -q -At -h "$BIND_HOST" -p "$PG_PORT"
    -U "$DB_USER" -d journey -c "SELECT count(*) FROM inbox WHERE consumer = '$JOURNEY_INBOX_CONSUMER'")
  : >"$out"
  t0=$(_now_us)
  "${BENCH[@]}" db-catchup "$unique" "$JOURNEY_REPLICA_CATCHUP_TIMEOUT_S" 0 -- "${inbox_count[@]}" \
    >"$out" 2> >(tee -a "$log" >&2) &
  STEP_PID=$!
  for ((i = 1; i <= k; i++)); do journey_replica_launch "$i"; done
  for ((i = 1; i <= k; i++)); do
    if pid=$(running_pid "journey-r$i"); then pids+=("$pid"); names+=("journey-r$i"); fi
  done
  pid=$(running_pid kafka) && { pids+=("$pid"); names+=(kafka); }
  "${BENCH[@]}" sample "$samples" "${pids[@]}" &
  SAMPLER_PID=$!
  local ready=()
  for ((i = 1; i <= k; i++)); do
    POLL_INTERVAL=0.1 wait_ready "journey-r$i" "$TIMEOUT_SERVICE" http_ok \
      "http://$BIND_HOST:$(management_port "$(journey_replica_port "$i")")/q/health/ready"
    ready+=("journey-r$i=$(awk -v us=$(($(_now_us) - t0)) 'BEGIN { printf "%.2f", us / 1e6 }')")
  done
  say "journey-replicas, row $label: ready after launch (s): ${ready[*]}"
  local kill_info='{}'
  if ((kill)); then
    local at=$((unique * JOURNEY_REPLICA_KILL_AT_PCT / 100)) n=0 victim_data
    while kill -0 "$STEP_PID" 2>/dev/null; do
      n=$("${inbox_count[@]}" 2>/dev/null || echo 0)
      ((n >= at)) && break
      sleep 0.1
    done
    victim_data=$("${BENCH[@]}" messaging-get "http://$BIND_HOST:$(management_port "$(journey_replica_port 2)")/q/health/ready" || echo '{}')
    # the count again right before the kill: on the busy machine the read above can take seconds
    n=$("${inbox_count[@]}" 2>/dev/null || echo "$n")
    if pid=$(running_pid journey-r2); then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      rm -f "$(pid_file journey-r2)"
      say "journey-replicas, row $label: SIGKILL journey-r2 (pid $pid) at $n of $unique applied"
      local killed_had; killed_had=$(json_field "$victim_data" touchpoints.applied)
      kill_info=$(printf '{"killed": "journey-r2", "atApplied": %d, "atS": %s, "killedHadApplied": %s}' "$n" \
        "$(awk -v us=$(($(_now_us) - t0)) 'BEGIN { printf "%.2f", us / 1e6 }')" "${killed_had:-null}")
    fi
  fi
  rc=0
  wait "$STEP_PID" || rc=$?
  STEP_PID=
  t1=$(_now_us)
  cat "$out" >>"$log"
  "${BENCH[@]}" last-json "$out" >"$dir/catchup.json" 2>>"$log" || : >"$dir/catchup.json"

  # settled: the group's lag 0 (the duplicates after the last new event; a killed replica's partitions) and the
  # outbox relayed; then what every live replica counted and which partitions it holds
  local deadline=$(($(_now_us) + JOURNEY_REPLICA_SETTLE_TIMEOUT_S * 1000000)) lag outbox
  while :; do
    kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_URL" \
      --describe --group "$JOURNEY_GROUP" >"$dir/group.txt" 2>&1 || true
    lag=$(json_field "$("${BENCH[@]}" group-lag "$dir/group.txt")" lag)
    outbox=$(journey_psql -c "SELECT count(*) FROM outbox" 2>/dev/null || echo '?')
    [[ $lag == 0 && $outbox == 0 ]] && break
    if (($(_now_us) > deadline)); then say "journey-replicas, row $label: not settled (lag $lag, outbox $outbox)"; break; fi
    sleep 1
  done
  for ((i = 1; i <= k; i++)); do
    is_running "journey-r$i" || continue
    "${BENCH[@]}" messaging-get "http://$BIND_HOST:$(management_port "$(journey_replica_port "$i")")/q/health/ready" \
      >"$dir/health-journey-r$i.json" 2>>"$log" || true
  done
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
  "${BENCH[@]}" summarize "$samples" 0 "${names[@]}" >"$dir/resources.json" || : >"$dir/resources.json"
  journey_psql -c "SELECT json_build_object(
      'timelineRows', (SELECT count(*) FROM touchpoint_event),
      'timelineDistinct', (SELECT count(DISTINCT event_id) FROM touchpoint_event),
      'inboxRows', (SELECT count(*) FROM inbox WHERE consumer = '$JOURNEY_INBOX_CONSUMER'),
      'outboxLeft', (SELECT count(*) FROM outbox),
      'instances', (SELECT count(*) FROM journey_instance),
      'revisionSum', (SELECT coalesce(sum(revision), 0) FROM journey_instance))" >"$dir/db.json" 2>>"$log" || : >"$dir/db.json"
  journey_replicas_stop
  # every journey event the row published, read back from where the row began
  KAFKA_TOOL_LOG_CONFIG=$(quiet_console_log) kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$KAFKA_URL" --topic "$JOURNEY_EVENTS_TOPIC" --from-beginning --timeout-ms 10000 \
    --property print.partition=true --property print.offset=true --property print.headers=true \
    >"$dir/events.txt" 2>>"$log" || true
  "${BENCH[@]}" journey-events-check "$dir/events-start.txt" "$dir/events.txt" >"$dir/events.json" 2>>"$log" ||
    : >"$dir/events.json"
  "${BENCH[@]}" replicas-row "$dir" "$label" "$k" "$RESULTS/journey-replicas-preload.json" "$rc" "$kill_info" \
    "${ready[@]}" >"$dir/row.json" 2>>"$log" || : >"$dir/row.json"
  "${BENCH[@]}" step-json "$row" "start $what of journey in group $JOURNEY_GROUP; poll the inbox count every 0.25 s until $unique" \
    "$rc" "$(((t1 - t0) / 1000000))" "$dir/row.json" "$dir/resources.json" >"$RESULTS/$row.json"
  if [[ $(result_field "$row" appliedOnce) != true ]]; then
    check_failed "$row" "applied-once check failed: $(result_field "$row" failedChecks)"
  fi
  say "journey-replicas, row $label: $(result_field "$row" eventsPerS) events/s over $(result_field "$row" consumeS) s;" \
    "applied once: $(result_field "$row" appliedOnce); partitions per replica: $(result_field "$row" partitionsPerReplica)"
}

# ConsoleConsumer ends after --timeout-ms with an ERROR and a stack trace: that is the normal end here
quiet_console_log() {
  local quiet=$KAFKA_DIR/consume-log4j2.properties
  { cat "$KAFKA_DIR/tools-log4j2.properties"
    printf 'logger.cc.name = org.apache.kafka.tools.consumer.ConsoleConsumer\nlogger.cc.level = off\n'
  } >"$quiet"
  echo "$quiet"
}

step_journey_replicas() {
  local k p
  for p in journey ingest; do
    if is_running "$p"; then say "journey-replicas: stopping $p (the replicas run alone)"; stop_part "$p" 20; fi
  done
  bench_signing_key
  # one preload for every row: where the topic ended before it ("topic,partition,offset", ConsumerGroupCommand
  # --from-file) is where each row's consumer group starts
  kafka_tool org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$KAFKA_URL" --topic "$JOURNEY_TOPIC" --time -1 |
    awk -F: 'NF == 3 { print $1 "," $2 "," $3 }' >"$JOURNEY_REPLICA_START" || true
  if [[ ! -s $JOURNEY_REPLICA_START ]]; then
    FAILED_STEPS+=(journey-replicas); say "step journey-replicas FAILED: no end offsets of $JOURNEY_TOPIC"; return 0
  fi
  run_step journey-replicas-preload "$JOURNEY_PRELOAD_TIMEOUT_S" last-json 0 -- \
    "${JOURNEY_LOADGEN[@]}" --count "$JOURNEY_REPLICA_EVENTS" --seed "$JOURNEY_PRELOAD_SEED" || return 0
  [[ $(result_field journey-replicas-preload uniqueEvents) =~ ^[0-9]+$ ]] ||
    { FAILED_STEPS+=(journey-replicas); say "step journey-replicas FAILED: no uniqueEvents from the preload"; return 0; }
  for k in $JOURNEY_REPLICAS; do
    [[ $k =~ ^[1-9]$ ]] && ((k <= JOURNEY_REPLICA_MAX)) || die "WINDBELL_BENCH_JOURNEY_REPLICAS: $k is not 1..$JOURNEY_REPLICA_MAX"
    journey_replicas_row "$k" "$k" 0
  done
  if [[ $JOURNEY_REPLICA_KILL == 1 ]]; then
    journey_replicas_row 3-kill 3 1
  fi
}

# --- survey ----------------------------------------------------------------------------------------
# The loadgen command of the survey steps: journey.completed / journey.interrupted exactly as journey's
# outbox relay publishes them, straight to the bench's broker (journey is not in the path).
# Filled by main once $JAVA is known.
SURVEY_LOADGEN=()

# psql as survey's own user over TCP: prints the one number a query returns
survey_psql() {
  PGPASSWORD=$DB_PASSWORD "$(pg_bindir)/psql" -X -q -At -h "$BIND_HOST" -p "$PG_PORT" -U "$DB_USER" -d survey "$@"
}
survey_count_cmd() {
  printf '%s\n' env "PGPASSWORD=$DB_PASSWORD" "$(pg_bindir)/psql" -X -q -At -h "$BIND_HOST" -p "$PG_PORT" \
    -U "$DB_USER" -d survey -c "$1"
}

survey_group_to_end() { group_to_end survey "$SURVEY_GROUP" "$SURVEY_TOPIC"; }

# Once per bench run, on survey's fresh database: start survey (its group at the end of the topic, so
# it consumes nothing), give every active rule sampling 1.0 and delay PT0S through the admin API
# (tools/stack/demo-survey-rules.py, a cx-admin token from the bench's Keycloak), stop it again.
# The rules live in survey's database; the catalog reads them at the next start.
survey_set_rules() {
  [[ -z $SURVEY_RULES_SET ]] || return 0
  local token
  is_running survey && stop_part survey 20
  survey_group_to_end || { say "survey: could not move consumer group $SURVEY_GROUP to the end of $SURVEY_TOPIC"; return 1; }
  services_start survey
  token=$(client_token cx-admin-cli cx-admin-secret) || { say "survey: no cx-admin token"; return 1; }
  say "survey: every active rule to sampling $SURVEY_RULE_SAMPLING, delay $SURVEY_RULE_DELAY"
  # shellcheck disable=SC2086 # SURVEY_JOURNEYS is a list of codes
  if ! WINDBELL_TOKEN=$token python3 "$STACK_DIR/demo-survey-rules.py" "$SURVEY_URL" "$SURVEY_RULE_DELAY" \
    "$SURVEY_RULE_SAMPLING" $SURVEY_JOURNEYS 2>&1 | tee "$STATE_DIR/logs/bench-survey-rules.log"; then
    say "survey: not every rule could be changed (see $STATE_DIR/logs/bench-survey-rules.log)"
    return 1
  fi
  survey_psql -c "SELECT code || ' v' || version || ' ' || (spec->>'samplingRate') || ' ' || (spec->>'delay')
    FROM survey_rule r WHERE active AND version = (SELECT max(version) FROM survey_rule WHERE code = r.code)
    ORDER BY code" >"$RESULTS/survey-rules.txt" 2>/dev/null || true
  stop_part survey 20
  SURVEY_RULES_SET=1
}

step_survey_preload() {
  if is_running journey; then
    # journey's relay writes journey events to the same topic: survey measures only the records written here
    say "survey-preload: stopping journey (its outbox relay would add journey events to $SURVEY_TOPIC)"
    stop_part journey 20
  fi
  if ! survey_set_rules; then
    FAILED_STEPS+=(survey-preload); say "step survey-preload FAILED: survey's rules could not be set"; return 0
  fi
  if is_running survey; then stop_part survey 20; fi
  if ! survey_group_to_end; then
    FAILED_STEPS+=(survey-preload)
    say "step survey-preload FAILED: could not move consumer group $SURVEY_GROUP to the end of $SURVEY_TOPIC"
    return 0
  fi
  run_step survey-preload "$SURVEY_PRELOAD_TIMEOUT_S" last-json 0 -- \
    "${SURVEY_LOADGEN[@]}" --count "$SURVEY_EVENTS" --seed "$SURVEY_PRELOAD_SEED" || return 0
  say "survey-preload: $(result_field survey-preload records) journey ends on $SURVEY_TOPIC"
}

# Like step_journey_throughput: the poller (survey's decision table) starts before survey does.
step_survey_throughput() {
  local name=survey-throughput target baseline
  local log=$STATE_DIR/logs/bench-$name.log out=$STATE_DIR/logs/bench-$name.out
  local samples=$STATE_DIR/logs/bench-$name.samples pids=() names=() p pid rc t0 t1 ready_us rss
  local -a count_cmd sent_cmd
  target=$(result_field survey-preload records)
  if [[ -z $target || $target == 0 ]]; then
    FAILED_STEPS+=("$name"); say "step $name skipped: nothing preloaded (run the survey-preload step)"; return 0
  fi
  if is_running survey; then
    FAILED_STEPS+=("$name"); say "step $name skipped: survey is running already (it must start after the preload)"
    return 0
  fi
  mapfile -t count_cmd < <(survey_count_cmd "SELECT count(*) FROM survey_decision")
  mapfile -t sent_cmd < <(survey_count_cmd "SELECT count(*) FROM invitation WHERE status <> 'SCHEDULED'")
  baseline=$("${count_cmd[@]}" 2>/dev/null || echo 0)
  target=$((baseline + target))
  say "step $name: start survey, poll survey_decision every 0.25 s until $target rows"
  local parsed resources
  catch_up_while_starting survey "${BENCH[@]}" db-catchup "$target" "$SURVEY_CATCHUP_TIMEOUT_S" "$baseline" -- "${count_cmd[@]}"
  "${BENCH[@]}" step-json "$name" "start survey; poll SELECT count(*) FROM survey_decision every 0.25 s until >= $target" \
    "$rc" "$(((t1 - t0) / 1000000))" "$parsed" "$resources" >"$RESULTS/$name.json"
  # what was decided, and how much of it was delivered: at catch-up and once delivery has settled
  local outcomes_at statuses_at statuses_end settle delivered_s
  outcomes_at=$(survey_psql -F '=' -c "SELECT outcome, count(*) FROM survey_decision GROUP BY 1 ORDER BY 2 DESC" | paste -sd' ')
  statuses_at=$(survey_psql -F '=' -c "SELECT status, count(*) FROM invitation GROUP BY 1 ORDER BY 1" | paste -sd' ')
  settle=$("${BENCH[@]}" db-settle "$SURVEY_DELIVERY_SETTLE_S" -- "${sent_cmd[@]}" 2>>"$log") || true
  delivered_s=$(json_field "${settle:-{\}}" waitedS)
  statuses_end=$(survey_psql -F '=' -c "SELECT status, count(*) FROM invitation GROUP BY 1 ORDER BY 1" | paste -sd' ')
  rss=
  if pid=$(running_pid survey); then rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"); fi
  # the detailed readiness (the kit's counters) is on the management interface, not the public port
  local health; health=$(curl -sS --max-time 5 "http://$BIND_HOST:$(management_port "${SURVEY_PORT:-8093}")/q/health/ready" 2>/dev/null || echo '{}')
  "${BENCH[@]}" record "$RESULTS/survey-decisions.json" survey-decisions "outcomes@pairs=$outcomes_at" \
    "invitationsAtCatchUp@pairs=$statuses_at" "invitationsAfterDelivery@pairs=$statuses_end" \
    "deliverySettledAfterS#=${delivered_s:-}" "rssMb@kb=${rss:-0}" "readyS@us=$ready_us" "health@checks=$health" \
    "note=outcomes at catch-up; invitations by status at catch-up and once the non-SCHEDULED count stopped growing (3 polls 1 s apart); RSS after that"
  if [[ $(result_field "$name" caughtUp) != true ]]; then
    FAILED_STEPS+=("$name")
    say "step $name: not caught up within ${SURVEY_CATCHUP_TIMEOUT_S}s (see $log)"
    return 0
  fi
  say "step $name done: $(result_field "$name" perS) decisions/s over $(result_field "$name" consumeS) s" \
    "(start: $(result_field "$name" startFrom)); outcomes: $outcomes_at; invitations: $statuses_end"
}

step_survey_latency() {
  local -a count_cmd
  mapfile -t count_cmd < <(survey_count_cmd "SELECT count(*) FROM survey_decision")
  if ! is_running survey; then
    survey_set_rules || { FAILED_STEPS+=(survey-latency); say "step survey-latency FAILED: rules"; return 0; }
    survey_group_to_end || { FAILED_STEPS+=(survey-latency); say "step survey-latency FAILED: consumer group"; return 0; }
    services_start survey
  fi
  # a backlog would be measured as latency: wait until survey has decided everything before
  if ! "${BENCH[@]}" db-settle "$JOURNEY_SETTLE_TIMEOUT_S" -- "${count_cmd[@]}" >/dev/null; then
    FAILED_STEPS+=(survey-latency); say "step survey-latency skipped: survey did not settle"; return 0
  fi
  # customers after the preload's: their contact budget is still free
  run_step survey-latency $((SURVEY_RATE_WARMUP_S + SURVEY_RATE_DURATION_S + LOADGEN_SLACK_S + 60)) last-json \
    "$SURVEY_RATE_WARMUP_S" -- "${SURVEY_LOADGEN[@]}" --rate "$SURVEY_RATE" --warmup "${SURVEY_RATE_WARMUP_S}s" \
    --duration "${SURVEY_RATE_DURATION_S}s" --drain 60s --first-customer "$SURVEY_EVENTS" \
    --seed "$SURVEY_RATE_SEED" || return 0
  local pid rss=
  if pid=$(running_pid survey); then rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"); fi
  "${BENCH[@]}" record "$RESULTS/survey-latency-end.json" survey-latency-end "rssMb@kb=${rss:-0}"
  say "survey-latency: p50 $(result_field survey-latency invitations.latencyMs.p50) / p99 $(result_field survey-latency invitations.latencyMs.p99)" \
    "/ max $(result_field survey-latency invitations.latencyMs.max) ms over $(result_field survey-latency invitations.matchedMeasured) invitations"
}

# --- scoring ---------------------------------------------------------------------------------------
# The loadgen command of the scoring steps: touchpoint.recorded as ingest publishes them and survey.responded
# as survey's outbox relay does, straight to the bench's broker. Filled by main once $JAVA is known.
SCORING_LOADGEN=()

# psql as scoring's own user: prints what the query returns, unaligned
scoring_psql() {
  PGPASSWORD=$DB_PASSWORD "$(pg_bindir)/psql" -X -q -At -h "$BIND_HOST" -p "$PG_PORT" -U "$DB_USER" -d scoring "$@"
}

# scoring measures alone: journey's and survey's relays write to topics scoring reads (their events would be
# counted and compete for the cores), and scoring itself must start after the preload
scoring_alone() {
  local p
  for p in journey survey scoring; do
    if is_running "$p"; then
      say "scoring: stopping $p (the scoring steps run alone on the two cores)"
      stop_part "$p" 20
    fi
  done
}

# Starts scoring for a step that measures it settled (not a catch-up): from the end of its topics when it is
# not running, then until its counters stop moving. Prints nothing; fails with a sentence.
scoring_settled() {
  if ! is_running scoring; then
    scoring_alone
    group_to_end scoring "$SCORING_GROUP" "${SCORING_TOPICS[@]}" || { say "scoring: consumer group"; return 1; }
    services_start scoring
  fi
  # a backlog would be measured as latency, or would compete with the queries
  "${BENCH[@]}" health-settle "$SCORING_HEALTH_URL" "$SCORING_SETTLE_TIMEOUT_S" >/dev/null ||
    { say "scoring: its channels did not settle within ${SCORING_SETTLE_TIMEOUT_S}s"; return 1; }
}

step_scoring_touchpoints() { scoring_catch_up touchpoints "$SCORING_TOUCHPOINTS" touchpoints "$SCORING_TOUCHPOINTS_CATCHUP_S"; }
step_scoring_responses() { scoring_catch_up responses "$SCORING_RESPONSES" survey-events "$SCORING_RESPONSES_CATCHUP_S"; }

# scoring_catch_up KIND COUNT CHANNEL TIMEOUT_S: scoring stopped and its group at the end of its topics, loadgen
# writes COUNT events of KIND (touchpoints|responses), then scoring starts while a poller reads CHANNEL's counters
# from its readiness data until they reach COUNT. Like step_survey_throughput (the poller starts first).
scoring_catch_up() {
  local kind=$1 count=$2 channel=$3 timeout_s=$4 name=scoring-$1 target
  local log=$STATE_DIR/logs/bench-$name.log out=$STATE_DIR/logs/bench-$name.out
  local samples=$STATE_DIR/logs/bench-$name.samples pids=() names=() p pid rc t0 t1 ready_us parsed resources
  scoring_alone
  if ! group_to_end scoring "$SCORING_GROUP" "${SCORING_TOPICS[@]}"; then
    FAILED_STEPS+=("$name"); say "step $name FAILED: could not move consumer group $SCORING_GROUP to the end"; return 0
  fi
  run_step "$name-preload" "$SCORING_PRELOAD_TIMEOUT_S" last-json 0 -- \
    "${SCORING_LOADGEN[@]}" "--$kind" "$count" --days "$SCORING_DAYS" --seed "$SCORING_PRELOAD_SEED" || return 0
  target=$(result_field "$name-preload" "$kind.records")
  if [[ -z $target || $target == 0 ]]; then
    FAILED_STEPS+=("$name"); say "step $name skipped: nothing was written"; return 0
  fi
  say "step $name: $target $kind on the topic; start scoring, poll $channel.applied every 0.25 s until $target"
  catch_up_while_starting scoring "${BENCH[@]}" health-catchup "$SCORING_HEALTH_URL" "$channel" "$target" \
    "$timeout_s"
  "${BENCH[@]}" step-json "$name" "start scoring; poll $channel.applied+skipped+dead-lettered in /q/health/ready every 0.25 s until >= $target" \
    "$rc" "$(((t1 - t0) / 1000000))" "$parsed" "$resources" >"$RESULTS/$name.json"
  local rss=
  if pid=$(running_pid scoring); then rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"); fi
  "${BENCH[@]}" record "$RESULTS/$name-end.json" "$name-end" "rssMb@kb=${rss:-0}" "readyS@us=$ready_us" \
    "note=RSS when caught up; launch to /q/health/ready 200 while consuming"
  if [[ $(result_field "$name" caughtUp) != true ]]; then
    FAILED_STEPS+=("$name"); say "step $name: not caught up within ${timeout_s}s (see $log)"; return 0
  fi
  say "step $name done: $(result_field "$name" perS) $kind/s over $(result_field "$name" consumeS) s" \
    "(start: $(result_field "$name" startFrom)); dead-lettered: $(result_field "$name" "messaging.$channel.dead-lettered")"
}

step_scoring_query() {
  if ! scoring_settled; then
    FAILED_STEPS+=(scoring-query); say "step scoring-query skipped: scoring is not running settled"; return 0
  fi
  # how big the rollups were: every table of scoring's own schema (the merged features add theirs)
  local tables t counts=()
  tables=$(scoring_psql -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
    AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway%' ORDER BY 1" 2>/dev/null) || tables=
  for t in $tables; do
    [[ $t =~ ^[a-z_][a-z0-9_]*$ ]] && counts+=("$t=$(scoring_psql -c "SELECT count(*) FROM \"$t\"" 2>/dev/null || echo -1)")
  done
  "${BENCH[@]}" record "$RESULTS/scoring-rows.json" scoring-rows "rows@pairs=${counts[*]}"
  say "scoring-query: rows ${counts[*]}"
  # a cx-analyst token from the bench's Keycloak (loadgen bench fetches it, and again on expiry)
  local -a analyst=(env WINDBELL_BENCH_CLIENT_ID=cx-analyst-cli WINDBELL_BENCH_CLIENT_SECRET=cx-analyst-secret)
  run_step scoring-query-metrics "$SCORING_QUERY_TIMEOUT_S" last-json 0 -- "${analyst[@]}" "${BENCH[@]}" \
    http-latency metrics "$SCORING_URL/v1/metrics?$SCORING_METRICS_QUERY" "$SCORING_QUERY_WARMUP" "$SCORING_QUERIES" ||
    say "scoring-query: $(result_field scoring-query-metrics failed)"
  run_step scoring-query-pyramid "$SCORING_QUERY_TIMEOUT_S" last-json 0 -- "${analyst[@]}" "${BENCH[@]}" \
    http-latency pyramid "$SCORING_URL/v1/pyramid?$SCORING_PYRAMID_QUERY" "$SCORING_QUERY_WARMUP" "$SCORING_QUERIES" ||
    say "scoring-query: $(result_field scoring-query-pyramid failed)"
}

step_scoring_alerts() {
  if ! scoring_settled; then
    FAILED_STEPS+=(scoring-alerts); say "step scoring-alerts skipped: scoring is not running settled"; return 0
  fi
  run_step scoring-alerts $((SCORING_RATE_WARMUP_S + SCORING_RATE_DURATION_S + LOADGEN_SLACK_S + 60)) last-json \
    "$SCORING_RATE_WARMUP_S" -- "${SCORING_LOADGEN[@]}" --rate "$SCORING_RATE" --warmup "${SCORING_RATE_WARMUP_S}s" \
    --duration "${SCORING_RATE_DURATION_S}s" --drain 60s --seed "$SCORING_RATE_SEED" || return 0
  local low matched
  low=$(result_field scoring-alerts alerts.lowScoresMeasured)
  matched=$(result_field scoring-alerts alerts.matchedMeasured)
  say "scoring-alerts: $matched of $low low scores alerted; p50 / p99 / max" \
    "$(result_field scoring-alerts alerts.latencyMs.p50) / $(result_field scoring-alerts alerts.latencyMs.p99) /" \
    "$(result_field scoring-alerts alerts.latencyMs.max) ms"
  if [[ ${matched:-0} == 0 ]]; then
    check_failed scoring-alerts \
      "no alert.low-score on cx.experience-alerts.v1 for any of the $low low scores (is the alerts feature merged?)"
  fi
}

# check_failed STEP WHY: the step's command succeeded but what it measured fails the step: a failed step, and WHY in its
# result file (the report lists it)
check_failed() {
  FAILED_STEPS+=("$1")
  say "step $1 FAILED: $2"
  "${BENCH[@]}" set "$RESULTS/$1.json" "checkFailed=$2"
}

# --- workorder ----------------------------------------------------------------------------------------
# The loadgen command of the workorder step: alert.low-score as scoring's outbox relay publishes them, workorder.created
# read back. Filled by main once $JAVA is known.
WORKORDER_LOADGEN=()

# workorder measures alone: scoring's relay writes the alerts topic it reads, journey's and survey's the other two.
# Started with its group at the end of its topics (the scoring steps left alerts there), the demo staff directory
# imported so routing reads a real one, then until its channels' counters stop moving.
workorder_settled() {
  local p token
  for p in journey survey scoring; do
    if is_running "$p"; then
      say "workorder: stopping $p (the workorder step runs alone on the two cores)"
      stop_part "$p" 20
    fi
  done
  if ! is_running workorder; then
    group_to_end workorder "$WORKORDER_GROUP" "${WORKORDER_TOPICS[@]}" || { say "workorder: consumer group"; return 1; }
    services_start workorder
  fi
  token=$(client_token cx-admin-cli cx-admin-secret) || { say "workorder: no cx-admin token"; return 1; }
  # a directory makes routing do its real work (the customer's RM, the branch's least-loaded staff, on the demo's
  # round-the-clock calendar so that someone is on shift at any hour); without one every order still opens, in a queue:
  # measured either way, said in the log
  { WINDBELL_TOKEN=$token python3 "$STACK_DIR/demo-sla.py" "$WORKORDER_URL" &&
    WINDBELL_TOKEN=$token python3 "$STACK_DIR/demo-staff.py" "$WORKORDER_URL"; } >>"$STATE_DIR/logs/bench-workorder-staff.log" 2>&1 ||
    say "workorder: the demo staff directory was not imported (see $STATE_DIR/logs/bench-workorder-staff.log); measuring without it"
  "${BENCH[@]}" health-settle "$WORKORDER_HEALTH_URL" "$WORKORDER_SETTLE_TIMEOUT_S" >/dev/null ||
    say "workorder: its channels did not report settled counters within ${WORKORDER_SETTLE_TIMEOUT_S}s; measuring anyway"
}

step_workorder_alerts() {
  if ! workorder_settled; then
    FAILED_STEPS+=(workorder-alerts); say "step workorder-alerts skipped: workorder is not running"; return 0
  fi
  local warmup_s=$(((WORKORDER_WARMUP_ALERTS + WORKORDER_RATE - 1) / WORKORDER_RATE))
  run_step workorder-alerts $(((WORKORDER_WARMUP_ALERTS + WORKORDER_ALERTS) / WORKORDER_RATE + WORKORDER_ANSWER_TIMEOUT_S + LOADGEN_SLACK_S)) \
    last-json "$warmup_s" -- "${WORKORDER_LOADGEN[@]}" --rate "$WORKORDER_RATE" --count "$WORKORDER_ALERTS" \
    --warmup-count "$WORKORDER_WARMUP_ALERTS" --answer-timeout "${WORKORDER_ANSWER_TIMEOUT_S}s" --seed "$WORKORDER_SEED" ||
    return 0
  local matched measured p lat=()
  matched=$(result_field workorder-alerts workOrders.matched)
  measured=$(result_field workorder-alerts workOrders.measured)
  for p in p50 p99 max; do lat+=("$(result_field workorder-alerts "workOrders.latencyMs.$p")"); done
  say "workorder-alerts: $matched of $measured alerts became work orders within ${WORKORDER_ANSWER_TIMEOUT_S}s;" \
    "p50 / p99 / max ${lat[0]} / ${lat[1]} / ${lat[2]} ms"
  ((${matched:-0} > 0)) ||
    check_failed workorder-alerts "no workorder.created on cx.workorder-events.v1 for any of the $measured alerts (are the consumers merged?)"
}

# --- notification ---------------------------------------------------------------------------------
# The key the bench employees' tokens are signed with: RSA, made once per state dir (PKCS#8 PEM, mode 600).
bench_signing_key() {
  if [[ ! -s $BENCH_SIGNING_KEY ]]; then
    (umask 077 && mkdir -p "${BENCH_SIGNING_KEY%/*}" &&
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$BENCH_SIGNING_KEY" 2>/dev/null) ||
      die "could not make $BENCH_SIGNING_KEY (openssl)"
  fi
}

# Its public half as quarkus.oidc.public-key takes it: the base64 DER of the SubjectPublicKeyInfo.
bench_public_key() { openssl pkey -in "$BENCH_SIGNING_KEY" -pubout -outform DER 2>/dev/null | base64 -w0; }

# notification measures alone, with the streams held by the load generator on the same two cores: every other service
# stopped, started with its group at the end of its topics, then until its channels' counters stop moving.
notification_settled() {
  local p
  for p in gateway ingest journey survey scoring workorder; do
    if is_running "$p"; then
      say "notification: stopping $p (the notification step runs alone on the two cores)"
      stop_part "$p" 20
    fi
  done
  if ! is_running notification; then
    group_to_end notification "$NOTIFICATION_GROUP" "${NOTIFICATION_TOPICS[@]}" ||
      { say "notification: consumer group"; return 1; }
    bench_signing_key
    # the bench's tokens are verified with the bench key alone: no issuer URL, so no Keycloak is asked (an empty value
    # in a system property hides the stack's QUARKUS_OIDC_AUTH_SERVER_URL; the inbox page, not measured, keeps its issuer)
    SERVICE_EXTRA_JAVA_OPTS[notification]="-Dquarkus.oidc.public-key=$(bench_public_key) -Dquarkus.oidc.auth-server-url="
    SERVICE_EXTRA_JAVA_OPTS[notification]+=" -Dwindbell.notification.page.issuer=$ISSUER_URL"
    # e.g. WINDBELL_BENCH_NOTIFICATION_JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=/tmp/np.jfr"
    SERVICE_EXTRA_JAVA_OPTS[notification]+=" ${WINDBELL_BENCH_NOTIFICATION_JAVA_OPTS:-}"
    services_start notification
  fi
  "${BENCH[@]}" health-settle "$NOTIFICATION_HEALTH_URL" "$NOTIFICATION_SETTLE_TIMEOUT_S" >/dev/null ||
    say "notification: its channels did not report settled counters within ${NOTIFICATION_SETTLE_TIMEOUT_S}s; measuring anyway"
}

step_notification_push() {
  if ! notification_settled; then
    FAILED_STEPS+=(notification-push); say "step notification-push skipped: notification is not running"; return 0
  fi
  local pid warmup_s connect_s
  pid=$(running_pid notification)
  warmup_s=$(((NOTIFICATION_WARMUP_EVENTS + NOTIFICATION_RATE - 1) / NOTIFICATION_RATE))
  connect_s=$((NOTIFICATION_STREAMS / NOTIFICATION_CONNECT_RATE + 60))
  run_step notification-push $((connect_s + NOTIFICATION_SETTLE_S + (NOTIFICATION_WARMUP_EVENTS + NOTIFICATION_EVENTS) /
    NOTIFICATION_RATE + NOTIFICATION_ANSWER_TIMEOUT_S + LOADGEN_SLACK_S)) last-json "$warmup_s" -- \
    "$JAVA" -jar "$LOADGEN_JAR" notification-push --bootstrap "$KAFKA_URL" --base-url "$NOTIFICATION_URL" \
    --workorder-topic "$WORKORDER_EVENTS_TOPIC" --signing-key "$BENCH_SIGNING_KEY" --service-pid "$pid" \
    --streams "$NOTIFICATION_STREAMS" --connect-rate "$NOTIFICATION_CONNECT_RATE" --settle "${NOTIFICATION_SETTLE_S}s" \
    --rate "$NOTIFICATION_RATE" --count "$NOTIFICATION_EVENTS" --warmup-count "$NOTIFICATION_WARMUP_EVENTS" \
    --answer-timeout "${NOTIFICATION_ANSWER_TIMEOUT_S}s" --seed "$NOTIFICATION_SEED" || return 0
  local matched measured ready p lat=()
  matched=$(result_field notification-push pushed.matched)
  measured=$(result_field notification-push pushed.measured)
  ready=$(result_field notification-push streams.ready)
  for p in p50 p99 max; do lat+=("$(result_field notification-push "pushed.latencyMs.$p")"); done
  say "notification-push: $ready streams held; $matched of $measured work orders pushed within" \
    "${NOTIFICATION_ANSWER_TIMEOUT_S}s; p50 / p99 / max ${lat[0]} / ${lat[1]} / ${lat[2]} ms;" \
    "RSS per stream $(result_field notification-push memory.perStreamKb) kB"
  ((${matched:-0} > 0)) ||
    check_failed notification-push "no inbox-item on any stream for the $measured work orders published"
}

# --- start-up with and without the JDK AOT cache ----------------------------------------------------
# startup_once NAME PORT DATABASE MODULE [JVM OPTIONS...]: one start, launch -> /q/health/ready 200, VmRSS STARTUP_IDLE_S
# later, then stopped; "ms:kb" appended to STARTUP_RUN.
STARTUP_RUN=
startup_once() {
  local name=$1 port=$2 t0 t1 pid rss
  t0=$(_now_us)
  service_launch "$@"
  service_await "$name" "$port"
  t1=$(_now_us)
  pid=$(running_pid "$name")
  sleep "$STARTUP_IDLE_S"
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  stop_part "$name" 30 >/dev/null
  STARTUP_RUN="$(((t1 - t0) / 1000)):$rss"
}

# startup_service NAME PORT DATABASE MODULE ORDER: trains the service's cache (in the bench's own state dir), then
# STARTUP_RUNS starts without and with it, alternating, so a drift in the machine's load hits both alike.
startup_service() {
  local name=$1 port=$2 db=$3 module=$4 order=$5 t0 train_s f i no=() with=()
  f=$(aot_file "$name")
  t0=$(_now_us)
  aot_train "$name" "$port" "$db" "$module"
  train_s=$(_seconds_since "$t0")
  [[ -s $f ]] || { say "startup: $name has no AOT cache, measuring without one only"; }
  for ((i = 1; i <= STARTUP_RUNS; i++)); do
    startup_once "$name" "$port" "$db" "$module"
    no+=("$STARTUP_RUN")
    if [[ -s $f ]]; then
      startup_once "$name" "$port" "$db" "$module" "-XX:AOTCache=$f"
      with+=("$STARTUP_RUN")
    fi
    say "startup: $name run $i: without cache ${no[-1]%%:*} ms${with:+, with cache ${with[-1]%%:*} ms} (ms to ready)"
  done
  "${BENCH[@]}" startup-json "$RESULTS/startup-$name.json" "$name" "$train_s" "$(stat -c %s "$f" 2>/dev/null || echo 0)" \
    "${no[*]}" "${with[*]}" "$order"
}

step_startup() {
  local name port db module order=0 t0 busy
  t0=$(_now_us)
  for name in $(services_list | awk '{ print $1 }' | tac); do
    if is_running "$name"; then stop_part "$name" 20; fi
  done
  # Keycloak and Kafka settle after their own start; measure on a quiet machine
  busy=$("${BENCH[@]}" busy 5 "$STATE_DIR/logs/bench-startup-busy.json")
  say "step startup: $STARTUP_RUNS starts per service without and with the AOT cache (machine busy ${busy}% before)"
  while read -r name port db module; do
    [[ $name != gateway ]] || continue
    order=$((order + 1))
    startup_service "$name" "$port" "$db" "$module" "$order"
  done < <(services_list)
  if read -r name port db module < <(services_list gateway); then
    # the gateway is ready only with every upstream reachable: the others run (idle) behind it, started with their cache
    local other oport odb omod
    while read -r other oport odb omod; do
      [[ $other != gateway ]] || continue
      service_launch "$other" "$oport" "$odb" "$omod" "-XX:AOTCache=$(aot_file "$other")"
      service_await "$other" "$oport"
    done < <(services_list)
    sleep 5
    startup_service "$name" "$port" "$db" "$module" $((order + 1))
    while read -r other _; do
      [[ $other == gateway ]] || stop_part "$other" 20 >/dev/null
    done < <(services_list)
  fi
  "${BENCH[@]}" step-json startup "per service: aot_train; then $STARTUP_RUNS x (start without, start with -XX:AOTCache)" \
    0 "$(((($(_now_us) - t0)) / 1000000))" /dev/null /dev/null >"$RESULTS/startup-step.json"
  say "step startup done ($(_seconds_since "$t0") s)"
}

main() {
  ensure_dirs
  ensure_java
  JOURNEY_LOADGEN=("$JAVA" -jar "$LOADGEN_JAR" journeys --bootstrap "$KAFKA_URL" --topic "$JOURNEY_TOPIC"
    --customers "$JOURNEY_CUSTOMERS")
  SURVEY_LOADGEN=("$JAVA" -jar "$LOADGEN_JAR" journey-ends --bootstrap "$KAFKA_URL" --topic "$SURVEY_TOPIC"
    --survey-topic "$SURVEY_EVENTS_TOPIC" --interrupted-share "$SURVEY_INTERRUPTED_SHARE")
  SCORING_LOADGEN=("$JAVA" -jar "$LOADGEN_JAR" scoring-events --bootstrap "$KAFKA_URL" --customers "$SCORING_CUSTOMERS")
  WORKORDER_LOADGEN=("$JAVA" -jar "$LOADGEN_JAR" workorder-alerts --bootstrap "$KAFKA_URL")
  BENCH=("$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -jar "$LOADGEN_JAR" bench)
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  local s
  for s in $STEPS; do
    # before anything is built or started: a typo would otherwise end the bench only when its turn comes
    [[ " $KNOWN_STEPS " == *" $s "* ]] || die "unknown step '$s' in WINDBELL_BENCH_STEPS (known: $KNOWN_STEPS)"
  done
  say "Windbell bench: steps [$STEPS], state in $STATE_DIR, JDK $JAVA_HOME"
  fresh_stack
  build
  record_machine

  pg_start
  local -a services=() dbs
  wants_ingest && services+=(ingest)
  wants_journey && services+=(journey)
  wants_survey && services+=(survey)
  wants_scoring && services+=(scoring)
  wants_workorder && services+=(workorder)
  wants_notification && services+=(notification)
  wants_gateway && ! wants_ingest && services+=(ingest)
  if wants_startup; then mapfile -t services < <(services_list | awk '{ print $1 }'); fi
  if wants_journey; then
    # journey's state is what it measures: every run starts on an empty database
    pg_drop_databases journey
  fi
  if wants_survey; then
    # the same for survey: its decisions, invitations and contact ledger start empty
    pg_drop_databases survey
  fi
  if wants_scoring; then
    # and for scoring: its rollups, profiles and inbox start empty
    pg_drop_databases scoring
  fi
  if wants_workorder; then
    # and for workorder: no open recovery of an earlier run's customers, an empty inbox and outbox
    pg_drop_databases workorder
  fi
  if wants_notification; then
    # and for notification: no inbox, deliveries or staff of an earlier run
    pg_drop_databases notification
  fi
  mapfile -t dbs < <(((${#services[@]})) && service_databases "${services[@]}")
  pg_ensure_databases "${dbs[@]}"
  kafka_start
  kafka_ensure_topics
  if wants_ingest || wants_journey || wants_survey || wants_scoring || wants_workorder || wants_startup; then
    keycloak_start
  fi
  if wants_ingest; then
    start_ingest
  fi

  # other load on the machine skews every figure: measure it and say so in the report
  local busy; busy=$("${BENCH[@]}" busy 3 "$RESULTS/baseline.json")
  say "machine busy before the steps: ${busy}% (of $(($(nproc) * 100))%)"

  for s in $STEPS; do
    case $s in
      payloads | perf | batch | single | rate) "step_$s" ;;
      journey-preload | journey-throughput | journey-latency | journey-replicas) "step_${s//-/_}" ;;
      survey-preload | survey-throughput | survey-latency) "step_${s//-/_}" ;;
      scoring-touchpoints | scoring-responses | scoring-query | scoring-alerts) "step_${s//-/_}" ;;
      workorder-alerts | notification-push | gateway-overhead) "step_${s//-/_}" ;;
      startup) step_startup ;;
      *) die "unknown step '$s' (WINDBELL_BENCH_STEPS)" ;;
    esac
  done

  "${BENCH[@]}" report "$RESULTS" >"$STATE_DIR/report.md"
  echo
  cat "$STATE_DIR/report.md"
  echo
  say "report: $STATE_DIR/report.md, raw results: $RESULTS/"
  ((${#FAILED_STEPS[@]} == 0)) || die "failed steps: ${FAILED_STEPS[*]}"
}

main "$@"
