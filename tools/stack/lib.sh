# shellcheck shell=bash
# Reusable functions of the local stack: PostgreSQL, Kafka (KRaft), Keycloak and the Quarkus
# services as plain processes, no containers. Sourced by tools/stack/run.sh, stop.sh, token.sh,
# consume.sh and tools/bench/bench.sh.
#
# Everything is parameterised by a state dir (pid files, logs, data) and by ports, so the
# benchmark can run a second, independent stack next to `make run`. Set these BEFORE sourcing:
#
#   WINDBELL_STATE_DIR            default <repo>/.run
#   WINDBELL_CACHE_DIR            downloads shared by every state dir, default ~/.cache/windbell
#   WINDBELL_PG_PORT              default 15432
#   WINDBELL_KAFKA_PORT           default 19092  (controller: WINDBELL_KAFKA_CONTROLLER_PORT, 19093)
#   WINDBELL_KEYCLOAK_PORT        default 18080
#   WINDBELL_SMTP_PORT            GreenMail's SMTP, default 13025 (its web/REST API: WINDBELL_MAIL_API_PORT, 13080)
#   WINDBELL_CHANNEL_SINK_PORT    the channel adapters' stand-in (app push, SMS gateway), default 13090
#   WINDBELL_SERVICE_PORT_OFFSET  added to every port of tools/stack/services.conf, default 0
#   WINDBELL_TIMEOUT_<PART>       readiness timeouts in seconds: PG, KAFKA, KEYCLOAK, SERVICE
#   WINDBELL_SKIP_BUILD=1         start the service jars as they are, even when older than the sources
#   WINDBELL_SERVICES_FILE        the service table, default tools/stack/services.conf
#   WINDBELL_SERVICE_JAVA_OPTS    extra JVM options for every service
#   WINDBELL_AOT=1                start every service with a JDK AOT cache (JEP 483/514/515), trained on its first
#                                 start and again when its build or the JVM changes (default 0 here; make run
#                                 defaults it to 1); the caches live in $STATE_DIR/aot (see aot_train)
#
# And after sourcing, SERVICE_EXTRA_JAVA_OPTS[<name>]="-Dkey=value ..." adds JVM options to one
# service (run.sh: survey's demo contact budget); split on blanks, no quoting.
#
# Conventions: every long-running part is started in its own session (setsid), so it survives
# the shell that started it and can be stopped as a process group; its pid is in
# $STATE_DIR/pids/<name>.pid and its output in $STATE_DIR/logs/<name>.log. PostgreSQL keeps its
# own pid file (postmaster.pid) and is driven by pg_ctl.

# ---------------------------------------------------------------------------------------------
# Locations, versions, ports
# ---------------------------------------------------------------------------------------------
WB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_DIR=$WB_ROOT/tools/stack
STATE_DIR=${WINDBELL_STATE_DIR:-$WB_ROOT/.run}
CACHE_DIR=${WINDBELL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/windbell}

BIND_HOST=127.0.0.1            # nothing of the dev stack listens beyond loopback
PG_PORT=${WINDBELL_PG_PORT:-15432}
KAFKA_PORT=${WINDBELL_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${WINDBELL_KAFKA_CONTROLLER_PORT:-19093}
KEYCLOAK_PORT=${WINDBELL_KEYCLOAK_PORT:-18080}
SMTP_PORT=${WINDBELL_SMTP_PORT:-13025}
MAIL_API_PORT=${WINDBELL_MAIL_API_PORT:-13080}
CHANNEL_SINK_PORT=${WINDBELL_CHANNEL_SINK_PORT:-13090}
SERVICE_PORT_OFFSET=${WINDBELL_SERVICE_PORT_OFFSET:-0}

TIMEOUT_PG=${WINDBELL_TIMEOUT_PG:-60}
TIMEOUT_KAFKA=${WINDBELL_TIMEOUT_KAFKA:-90}
TIMEOUT_KEYCLOAK=${WINDBELL_TIMEOUT_KEYCLOAK:-300}   # first start builds the server: 45-90 s, more on a busy box
TIMEOUT_SERVICE=${WINDBELL_TIMEOUT_SERVICE:-120}
TIMEOUT_MAIL=${WINDBELL_TIMEOUT_MAIL:-60}

# The broker matches the kafka-clients version the build pins (root pom), so what we test
# locally is what the services link against.
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$WB_ROOT/pom.xml" | head -n1)
KAFKA_VERSION=${KAFKA_VERSION:-4.1.1}
KAFKA_HEAP=${WINDBELL_KAFKA_HEAP:-512m}
KAFKA_PARTITIONS=6
PG_SETTINGS=${WINDBELL_PG_SETTINGS:--c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_buffers=16MB}
# The event catalog (libs/contracts Topics.java), then the dead-letter topics of the consuming
# services (<topic>.dlq.<service>, libs/contracts Topics.deadLetter). Later topics are added here.
KAFKA_TOPICS=(
  cx.touchpoint-events.v1
  cx.journey-events.v1
  cx.survey-events.v1
  cx.experience-alerts.v1
  cx.workorder-events.v1
  cx.touchpoint-events.v1.dlq.journey
  cx.journey-events.v1.dlq.survey
  cx.workorder-events.v1.dlq.survey
  cx.touchpoint-events.v1.dlq.scoring
  cx.journey-events.v1.dlq.scoring
  cx.survey-events.v1.dlq.scoring
  cx.experience-alerts.v1.dlq.workorder
  cx.journey-events.v1.dlq.workorder
  cx.survey-events.v1.dlq.workorder
  cx.workorder-events.v1.dlq.notification
  cx.survey-events.v1.dlq.notification
)

KEYCLOAK_VERSION=26.4.0
KEYCLOAK_REALM=windbell
KEYCLOAK_REALM_FILE=$STACK_DIR/keycloak/windbell-realm.json
KEYCLOAK_ADMIN_USER=${WINDBELL_KEYCLOAK_ADMIN:-admin}             # master realm, dev only
KEYCLOAK_ADMIN_PASSWORD=${WINDBELL_KEYCLOAK_ADMIN_PASSWORD:-admin}

DB_USER=windbell               # dev-only credentials, also in the printed examples
DB_PASSWORD=windbell

SERVICES_FILE=${WINDBELL_SERVICES_FILE:-$STACK_DIR/services.conf}
SERVICE_HEAP=${WINDBELL_SERVICE_HEAP:-512m}
AOT=${WINDBELL_AOT:-0}
AOT_DIR=$STATE_DIR/aot
declare -A SERVICE_EXTRA_JAVA_OPTS=()

KAFKA_URL=$BIND_HOST:$KAFKA_PORT
KEYCLOAK_URL=http://$BIND_HOST:$KEYCLOAK_PORT
ISSUER_URL=$KEYCLOAK_URL/realms/$KEYCLOAK_REALM
TOKEN_URL=$ISSUER_URL/protocol/openid-connect/token

# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
_now_us() { local t=${EPOCHREALTIME//[.,]/}; echo "$t"; }
STACK_T0=${STACK_T0:-$(_now_us)}

# Seconds since the script started, one decimal: "12.3".
elapsed() {
  local us=$(($(_now_us) - STACK_T0))
  printf '%d.%d' $((us / 1000000)) $((us / 100000 % 10))
}

# "[  3.1s] message"
say() { printf '[%6ss] %s\n' "$(elapsed)" "$*"; }

die() {
  printf '\n[%6ss] ERROR: %s\n' "$(elapsed)" "$*" >&2
  exit 1
}

# Prints the last lines of a log to stderr, framed, so a failure explains itself.
show_log_tail() {
  local log=$1 lines=${2:-40}
  [[ -f $log ]] || return 0
  {
    echo "----- last $lines lines of $log -----"
    tail -n "$lines" "$log"
    echo "----- end of $log -----"
  } >&2
}

# ---------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------
ensure_java() {
  if [[ -z ${JAVA_HOME:-} ]]; then
    JAVA_HOME=$("$WB_ROOT/tools/bin/find-jdk.sh") || die "no JDK >= 21 found (set JAVA_HOME)"
  fi
  export JAVA_HOME
  JAVA=$JAVA_HOME/bin/java
  [[ -x $JAVA ]] || die "JAVA_HOME=$JAVA_HOME has no bin/java"
}

ensure_dirs() {
  mkdir -p "$STATE_DIR/pids" "$STATE_DIR/logs" "$CACHE_DIR"
}

# The Maven wrapper, quiet and non-interactive, always from the repository root. On JDK 24+
# Maven's Guice prints sun.misc.Unsafe deprecation warnings: silence them, they are not ours.
mvnw() {
  local opts=${MAVEN_OPTS:-}
  if "$JAVA" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
    opts="$opts --sun-misc-unsafe-memory-access=allow"
  fi
  # bounded: a stuck download must not hang `make run` or the bench forever
  # (--foreground: stays in the terminal's process group, so Ctrl-C reaches Maven)
  (cd "$WB_ROOT" && MAVEN_OPTS=$opts timeout --foreground "${MVN_TIMEOUT:-1800}" ./mvnw -B -q "$@")
}

# Builds Maven modules (comma-separated) and what they depend on, without tests. The
# formatter/import-order checks are skipped: `make build`/`make test` and CI enforce them, and
# the stack should start what is there rather than fail over a misplaced import.
mvn_package() {
  mvnw -DskipTests -Dformatter.skip=true -Dimpsort.skip=true -pl "$1" -am package
}

# ---------------------------------------------------------------------------------------------
# Processes: pid files, liveness, start, readiness, stop
# ---------------------------------------------------------------------------------------------
pid_file() { echo "$STATE_DIR/pids/$1.pid"; }
log_file() { echo "$STATE_DIR/logs/$1.log"; }

# Prints the pid of part $1 if its pid file names a live process that belongs to this state
# dir (its command line mentions the state dir: guards against a recycled pid).
running_pid() {
  local f pid
  f=$(pid_file "$1")
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$STATE_DIR" || return 1
  echo "$pid"
}

is_running() { running_pid "$1" >/dev/null; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/$BIND_HOST/$1") 2>/dev/null; }

# Refuses to start part $1 on port $2 when a foreign process already listens there: better a
# clear message now than a confusing "address already in use" deep in a log.
require_free_port() {
  local name=$1 port=$2
  if port_open "$port"; then
    die "cannot start $name: port $port is already in use by another process:
$(ss -ltnpH "sport = :$port" 2>/dev/null || true)
(stop it, or choose other ports with the WINDBELL_*_PORT variables)"
  fi
}

# launch NAME [VAR=value ...] -- COMMAND ARGS...
# Starts COMMAND in a new session with the given extra environment, appending its output to
# the part's log, and records its pid. The command line must mention $STATE_DIR.
launch() {
  local name=$1; shift
  local -a envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  local log; log=$(log_file "$name")
  printf '\n===== %s: starting %s =====\n' "$(date -Is)" "$name" >>"$log"
  # setsid: own session and process group, so Ctrl-C in the terminal does not reach it and
  # stop_part can signal the whole group (kc.sh, for one, keeps java as a child).
  env "${envs[@]}" setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# wait_ready NAME TIMEOUT PROBE [ARGS...]
# Polls PROBE until it succeeds. Fails at once when the process dies, and after TIMEOUT
# seconds otherwise, printing the log tail. Prints a progress line every 10 s.
wait_ready() {
  local name=$1 timeout=$2; shift 2
  local start now last_note pid
  start=$(_now_us); last_note=$start
  while :; do
    if "$@"; then return 0; fi
    now=$(_now_us)
    if [[ $name != postgres ]] && ! pid=$(running_pid "$name"); then
      show_log_tail "$(log_file "$name")"
      rm -f "$(pid_file "$name")"
      die "$name exited before it became ready (log: $(log_file "$name"))"
    fi
    if ((now - start > timeout * 1000000)); then
      show_log_tail "$(log_file "$name")"
      # a part that never became ready is of no use and would be "reused" by the next run
      stop_part "$name" 5 >/dev/null || true
      die "$name did not become ready within ${timeout}s (log: $(log_file "$name")); the rest keeps running, \`make stop\` ends it"
    fi
    if ((now - last_note >= 10000000)); then
      say "  ... still waiting for $name ($(((now - start) / 1000000))s of ${timeout}s)"
      last_note=$now
    fi
    sleep "${POLL_INTERVAL:-0.5}"
  done
}

# stop_part NAME [GRACE_SECONDS]
# SIGTERM to the part's process group, wait up to GRACE seconds, then SIGKILL. Only ever
# signals a pid recorded in our own pid file and verified by running_pid.
stop_part() {
  local name=$1 grace=${2:-20} pid i
  if ! pid=$(running_pid "$name"); then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  say "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "  $name did not stop within ${grace}s: SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" 2>/dev/null || true; }
http_ok() { [[ $(http_status "$1") == 200 ]]; }

# ---------------------------------------------------------------------------------------------
# PostgreSQL: its own initdb cluster in $STATE_DIR/pg, one database per service
# ---------------------------------------------------------------------------------------------
PG_DIR=$STATE_DIR/pg
PG_DATA=$PG_DIR/data
PG_SOCKET_DIR=$PG_DIR/socket

# Prints the bin dir of the newest installed PostgreSQL server (Debian layout), if any.
pg_find_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]] && echo "$d"
}

# Like pg_find_bindir, but installs Debian's postgresql package when there is none: a fresh
# machine has only the client, and initdb/pg_ctl are all we need (the system cluster that
# the package creates on 5432 is not used).
pg_bindir() {
  local d
  d=$(pg_find_bindir || true)
  if [[ -z $d ]]; then
    ((EUID == 0)) || die "PostgreSQL server binaries are missing: run 'sudo apt-get install -y postgresql'"
    say "installing PostgreSQL (apt-get install -y postgresql) ..." >&2
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } \
      >"$STATE_DIR/logs/apt-postgresql.log" 2>&1 ||
      { show_log_tail "$STATE_DIR/logs/apt-postgresql.log"; die "apt-get install postgresql failed"; }
    d=$(pg_find_bindir) || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
  fi
  echo "$d"
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [[ -n ${PG_BIN:-} ]] && as_pg "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; }
pg_accepting() { "$PG_BIN/pg_isready" -q -h "$BIND_HOST" -p "$PG_PORT" -t 2; }

# psql as the cluster's superuser over the private unix socket.
pg_psql() { as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres "$@"; }

pg_init_cluster() {
  mkdir -p "$PG_DIR"
  # every directory down to the data dir must be reachable by the postgres user
  ((EUID == 0)) && chown postgres: "$PG_DIR"
  as_pg mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
  as_pg chmod 700 "$PG_DATA"
  say "initdb: new PostgreSQL cluster in $PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >>"$(log_file postgres-initdb)" 2>&1 ||
    { show_log_tail "$(log_file postgres-initdb)"; die "initdb failed"; }
}

pg_start() {
  PG_BIN=$(pg_bindir)
  local log; log=$(log_file postgres)
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    pg_init_cluster
  fi
  local have want
  have=$(<"$PG_DATA/PG_VERSION"); want=$(basename "$(dirname "$PG_BIN")")
  [[ ${have%%.*} == "${want%%.*}" ]] ||
    die "the cluster in $PG_DATA is PostgreSQL $have but the installed server is $want: remove $PG_DIR to recreate it"
  if pg_running; then
    say "postgres already running ($PG_DATA), reusing it"
  else
    require_free_port postgres "$PG_PORT"
    touch "$log"; ((EUID == 0)) && chown postgres: "$log"
    say "starting postgres on $BIND_HOST:$PG_PORT"
    # ports and sockets come from the command line, so changing WINDBELL_PG_PORT needs no initdb.
    # Write-heavy services (journey) want what any production instance is given: more shared buffers
    # and fewer checkpoints than initdb's defaults (128 MB, 1 GB of WAL). Durability is untouched:
    # fsync and synchronous_commit stay on.
    as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$log" -s -W \
      -o "-c listen_addresses=$BIND_HOST -p $PG_PORT -k $PG_SOCKET_DIR $PG_SETTINGS" ||
      { show_log_tail "$log"; die "pg_ctl start failed"; }
  fi
  wait_ready postgres "$TIMEOUT_PG" pg_accepting
  say "postgres ready on $BIND_HOST:$PG_PORT"
}

# pg_ensure_databases DB...  creates the application role and the given databases, idempotently.
pg_ensure_databases() {
  pg_psql -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SQL
  local db
  for db in "$@"; do
    if [[ -z $(pg_psql -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
      pg_psql -d postgres -c "CREATE DATABASE \"$db\" OWNER $DB_USER"
      say "  created database $db (owner $DB_USER)"
    fi
  done
  say "databases ready: $* (user $DB_USER/$DB_PASSWORD)"
}

# pg_drop_databases DB...  drops the given databases, disconnecting their sessions (the bench
# measures a service on an empty database; `make run` never calls this).
pg_drop_databases() {
  local db
  for db in "$@"; do
    [[ $db =~ ^[a-z][a-z0-9_]*$ ]] || die "not a plain database name: $db"
    pg_psql -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  done
}

pg_stop() {
  [[ -f $PG_DATA/PG_VERSION ]] || return 0
  PG_BIN=$(pg_find_bindir) || return 0
  if pg_running; then
    say "stopping postgres ($PG_DATA)"
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 -s ||
      die "pg_ctl stop failed (see $(log_file postgres))"
  fi
}

# ---------------------------------------------------------------------------------------------
# Kafka: a KRaft broker+controller in one JVM, jars from Maven Central
# ---------------------------------------------------------------------------------------------
KAFKA_LIBS=$CACHE_DIR/kafka-$KAFKA_VERSION/libs
KAFKA_DIR=$STATE_DIR/kafka

# Downloads kafka_2.13 + kafka-tools and their runtime dependencies once (shared cache).
kafka_fetch() {
  [[ -f $KAFKA_LIBS/.complete ]] && return 0
  say "downloading Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS"
  rm -rf "$KAFKA_LIBS.tmp"
  mvnw -f tools/stack/kafka/pom.xml -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS.tmp" ||
    die "could not download the Kafka jars (tools/stack/kafka/pom.xml)"
  rm -rf "$KAFKA_LIBS" && mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  touch "$KAFKA_LIBS/.complete"
}

# kafka_tool MAIN_CLASS ARGS...: one of the Kafka command-line tools, warnings only, bounded
# by KAFKA_TOOL_TIMEOUT seconds (0: unbounded, for a console consumer that follows a topic).
kafka_tool() {
  timeout --foreground "${KAFKA_TOOL_TIMEOUT:-120}" "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    --enable-native-access=ALL-UNNAMED -Dlog4j2.configurationFile="${KAFKA_TOOL_LOG_CONFIG:-$KAFKA_DIR/tools-log4j2.properties}" \
    -cp "$KAFKA_LIBS/*" "$@"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Generated by tools/stack/lib.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$BIND_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$BIND_HOST:$KAFKA_PORT,CONTROLLER://$BIND_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$BIND_HOST:$KAFKA_PORT,CONTROLLER://$BIND_HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=$KAFKA_PARTITIONS
# a single node: every internal topic has one replica
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# consumers of a fresh stack should not wait 3 s for the first rebalance
group.initial.rebalance.delay.ms=0
# keep a dev disk from filling up
log.retention.hours=24
log.segment.bytes=268435456
EOF
  cat >"$KAFKA_DIR/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = OUT
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.state.name = state.change.logger
logger.state.level = warn
EOF
  cat >"$KAFKA_DIR/tools-log4j2.properties" <<'EOF'
status = warn
appender.err.type = Console
appender.err.name = ERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.err.ref = ERR
EOF
}

kafka_start() {
  kafka_fetch
  if is_running kafka; then
    say "kafka already running (pid $(running_pid kafka)), reusing it"
  else
    require_free_port kafka "$KAFKA_PORT"
    require_free_port kafka-controller "$KAFKA_CONTROLLER_PORT"
    kafka_write_config
    if [[ ! -f $KAFKA_DIR/data/meta.properties ]]; then
      # KRaft needs formatted storage: a cluster id plus a one-voter controller quorum
      local cluster_id
      cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid)
      kafka_tool kafka.tools.StorageTool format --standalone --ignore-formatted \
        -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >>"$(log_file kafka)" 2>&1 ||
        { show_log_tail "$(log_file kafka)"; die "kafka storage format failed"; }
      say "formatted kafka storage in $KAFKA_DIR/data (cluster id $cluster_id)"
    fi
    say "starting kafka on $KAFKA_URL (controller $BIND_HOST:$KAFKA_CONTROLLER_PORT)"
    launch kafka -- "$JAVA" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" \
      -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
      -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties"
  fi
  wait_ready kafka "$TIMEOUT_KAFKA" port_open "$KAFKA_PORT"
  say "kafka ready on $KAFKA_URL"
}

# kafka_ensure_topics [TOPIC...]  (default: the event catalog) with $KAFKA_PARTITIONS
# partitions each; existing topics are left alone.
kafka_ensure_topics() {
  local -a topics=("$@")
  ((${#topics[@]})) || topics=("${KAFKA_TOPICS[@]}")
  local existing t created=()
  existing=$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_URL" --list) ||
    die "could not list kafka topics on $KAFKA_URL"
  for t in "${topics[@]}"; do
    grep -qxF -- "$t" <<<"$existing" && continue
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_URL" --create --if-not-exists \
      --topic "$t" --partitions "$KAFKA_PARTITIONS" --replication-factor 1 >/dev/null ||
      die "could not create kafka topic $t"
    created+=("$t")
  done
  say "topics ready (${#topics[@]}, $KAFKA_PARTITIONS partitions each${created:+, created: ${created[*]}})"
}

kafka_stop() { stop_part kafka 30; }

# ---------------------------------------------------------------------------------------------
# Keycloak: the Quarkus distribution from Maven Central, dev mode, realm imported at start
# ---------------------------------------------------------------------------------------------
KEYCLOAK_ZIP=$CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
# one unpacked copy per state dir: start-dev re-augments the server and keeps its H2 database
# inside the distribution, so two stacks must not share one
KEYCLOAK_HOME=$STATE_DIR/keycloak/keycloak-$KEYCLOAK_VERSION

keycloak_fetch() {
  [[ -f $KEYCLOAK_ZIP ]] && return 0
  say "downloading Keycloak $KEYCLOAK_VERSION from Maven Central"
  mvnw -f tools/stack/kafka/pom.xml dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$CACHE_DIR" ||
    die "could not download org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
}

keycloak_install() {
  keycloak_fetch
  if [[ ! -x $KEYCLOAK_HOME/bin/kc.sh ]]; then
    say "unpacking Keycloak into $KEYCLOAK_HOME"
    mkdir -p "$STATE_DIR/keycloak"
    rm -rf "$KEYCLOAK_HOME.tmp" && mkdir "$KEYCLOAK_HOME.tmp"
    unzip -q "$KEYCLOAK_ZIP" -d "$KEYCLOAK_HOME.tmp" || die "could not unzip $KEYCLOAK_ZIP"
    mv "$KEYCLOAK_HOME.tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME" && rmdir "$KEYCLOAK_HOME.tmp"
  fi
  # --import-realm skips a realm that already exists: when the realm file changed, drop the
  # dev database so the new file is imported (demo data only, nothing to keep)
  local sum; sum=$(sha256sum "$KEYCLOAK_REALM_FILE" | cut -d' ' -f1)
  mkdir -p "$KEYCLOAK_HOME/data/import"
  if [[ -f $KEYCLOAK_HOME/data/import/.sha256 && $(<"$KEYCLOAK_HOME/data/import/.sha256") != "$sum" ]]; then
    say "realm file changed: resetting Keycloak's dev database to re-import it"
    rm -rf "$KEYCLOAK_HOME/data/h2"
  fi
  cp "$KEYCLOAK_REALM_FILE" "$KEYCLOAK_HOME/data/import/windbell-realm.json"
  echo "$sum" >"$KEYCLOAK_HOME/data/import/.sha256"
}

keycloak_start() {
  if is_running keycloak; then
    say "keycloak already running (pid $(running_pid keycloak)), reusing it"
  else
    keycloak_install
    require_free_port keycloak "$KEYCLOAK_PORT"
    say "starting keycloak on $KEYCLOAK_URL (first start builds the server: ~45-90 s)"
    # --hostname pins the issuer, so tokens fetched via "localhost" still validate against
    # QUARKUS_OIDC_AUTH_SERVER_URL; the heap is capped (kc.sh's default is 70% of RAM)
    launch keycloak \
      JAVA_HOME="$JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
      -- "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm \
      --http-host "$BIND_HOST" --http-port "$KEYCLOAK_PORT" --hostname "$KEYCLOAK_URL"
  fi
  wait_ready keycloak "$TIMEOUT_KEYCLOAK" http_ok "$ISSUER_URL/.well-known/openid-configuration"
  say "keycloak ready on $KEYCLOAK_URL (realm $KEYCLOAK_REALM)"
}

keycloak_stop() { stop_part keycloak 30; }

# The DEV-ONLY client that plays the notification service: role survey-deliverer, the only one
# that may fetch a survey link (GET /v1/invitations/{id}/link; survey.invited carries none, ADR
# 0013). Used by the responder (loadgen respond) and survey-link.sh.
SURVEY_DELIVERER_CLIENT=survey-deliverer-dev
SURVEY_DELIVERER_SECRET=survey-deliverer-dev-secret
# The notification service's own client (service account, role survey-deliverer): DEV ONLY secret.
NOTIFICATION_CLIENT=windbell-notification
NOTIFICATION_SECRET=windbell-notification-dev-secret

# client_token CLIENT_ID SECRET: an access token by client credentials.
client_token() {
  _token_request -d grant_type=client_credentials --data-urlencode "client_id=$1" --data-urlencode "client_secret=$2"
}

# user_token USERNAME PASSWORD [CLIENT_ID]: an access token by the password grant of the
# DEV ONLY client windbell-dev-cli (demo users only; the console client has no password grant).
user_token() {
  _token_request -d grant_type=password --data-urlencode "client_id=${3:-windbell-dev-cli}" \
    --data-urlencode "username=$1" --data-urlencode "password=$2"
}

_token_request() {
  local body
  body=$(curl -sS --max-time 10 "$TOKEN_URL" "$@") || { echo "token request to $TOKEN_URL failed" >&2; return 1; }
  python3 -c '
import json, sys
r = json.loads(sys.argv[1])
if "access_token" not in r:
    sys.exit("no token: %s" % sys.argv[1])
print(r["access_token"])' "$body"
}

# Prints the claims (payload) of a JWT as JSON.
jwt_claims() {
  python3 -c '
import base64, json, sys
p = sys.argv[1].split(".")[1]
print(json.dumps(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))), indent=2, sort_keys=True))' "$1"
}

# ---------------------------------------------------------------------------------------------
# GreenMail: the stack's SMTP server (notification's e-mail), the standalone jar from Maven Central
# ---------------------------------------------------------------------------------------------
# It keeps every message in memory and delivers nothing: any recipient gets a mailbox on the fly
# (auth disabled), readable through its REST API and web page on MAIL_API_PORT.
GREENMAIL_VERSION=2.1.3
GREENMAIL_JAR=$CACHE_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar
MAIL_API_URL=http://$BIND_HOST:$MAIL_API_PORT
MAIL_FROM=windbell-notification@windbell.example

greenmail_fetch() {
  [[ -f $GREENMAIL_JAR ]] && return 0
  say "downloading GreenMail $GREENMAIL_VERSION from Maven Central into $CACHE_DIR"
  mvnw -f tools/stack/kafka/pom.xml dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$CACHE_DIR" ||
    die "could not download com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"
}

mail_ready() { http_ok "$MAIL_API_URL/api/service/readiness"; }

greenmail_start() {
  if is_running greenmail; then
    say "greenmail already running (pid $(running_pid greenmail)), reusing it"
  else
    greenmail_fetch
    require_free_port greenmail "$SMTP_PORT"
    require_free_port greenmail-api "$MAIL_API_PORT"
    say "starting greenmail: SMTP on $BIND_HOST:$SMTP_PORT, mailboxes on $MAIL_API_URL"
    # -Dwindbell.stack.dir marks the process as ours (see running_pid)
    launch greenmail -- "$JAVA" -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dwindbell.stack.dir="$STATE_DIR" \
      -Dgreenmail.smtp.hostname="$BIND_HOST" -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.auth.disabled \
      -Dgreenmail.api.hostname="$BIND_HOST" -Dgreenmail.api.port="$MAIL_API_PORT" -jar "$GREENMAIL_JAR"
  fi
  wait_ready greenmail "$TIMEOUT_MAIL" mail_ready
  say "greenmail ready: SMTP $BIND_HOST:$SMTP_PORT, mailboxes $MAIL_API_URL/api/user/<address>/messages/INBOX"
}

greenmail_stop() { stop_part greenmail 10; }

# The bank's channel adapters (the channel app's push service, the SMS gateway) for notification's survey
# invitations: tools/stack/channel-sink.py on CHANNEL_SINK_PORT checks and counts what arrives (GET /stats).
CHANNEL_SINK_URL=http://$BIND_HOST:$CHANNEL_SINK_PORT
channel_sink_ready() { http_ok "$CHANNEL_SINK_URL/ready"; }

channel_sink_start() {
  if is_running channel-sink; then
    say "channel-sink already running (pid $(running_pid channel-sink)), reusing it"
  else
    require_free_port channel-sink "$CHANNEL_SINK_PORT"
    say "starting channel-sink (app push and SMS gateway stand-in) on $CHANNEL_SINK_URL"
    # the key in the environment, not on the command line (which every local user can read)
    launch channel-sink "CHANNEL_SINK_API_KEY=$(stack_key channel-sink-api-key)" -- \
      python3 -u "$WB_ROOT/tools/stack/channel-sink.py" --port "$CHANNEL_SINK_PORT" --stack-dir "$STATE_DIR"
  fi
  wait_ready channel-sink 30 channel_sink_ready
  say "channel-sink ready: $CHANNEL_SINK_URL/stats"
}

channel_sink_stop() { stop_part channel-sink 5; }

# ---------------------------------------------------------------------------------------------
# Services: declared one per line in tools/stack/services.conf
# ---------------------------------------------------------------------------------------------
# services_list [NAME...]: prints "name port database module" lines (port with the offset
# applied), all services or only the named ones, in file order.
services_list() {
  [[ -f $SERVICES_FILE ]] || die "missing $SERVICES_FILE"
  local name port db module want rest
  while read -r name port db module rest; do
    [[ -z $name || $name == \#* ]] && continue
    if (($#)); then
      for want in "$@"; do [[ $want == "$name" ]] && break; want=; done
      [[ -n $want ]] || continue
    fi
    echo "$name $((port + SERVICE_PORT_OFFSET)) $db $module"
  done <"$SERVICES_FILE"
}

# management_port PORT: the port of a service's management interface (detailed health, /q/health/*),
# its HTTP port + 1000 (ingest 9081, journey 9082, survey 9083; bench 9091-9093). The HTTP port
# itself answers only GET /health with UP or DOWN.
management_port() { echo $(($1 + 1000)); }

# Every database the declared services own ("-" means stateless).
service_databases() { services_list "$@" | awk '$3 != "-" { print $3 }' | sort -u; }

# The jar of a module. SERVICE_JAR_ROOT (default: the repository) lets the bench run copies
# of the built applications, immune to a rebuild in the working tree while it measures.
service_jar() {
  local dir=$1
  [[ $dir == /* ]] || dir=${SERVICE_JAR_ROOT:-$WB_ROOT}/$dir
  echo "$dir/target/quarkus-app/quarkus-run.jar"
}

# services_build [NAME...]: builds, in one Maven run, every service whose jar is missing or
# older than its sources (or the shared libs / poms). A running service is never rebuilt
# under its feet: it is reused, with a note.
services_build() {
  local name port db module jar stale=()
  if [[ -n ${WINDBELL_SKIP_BUILD:-} ]]; then
    say "WINDBELL_SKIP_BUILD set: starting the jars as they are"
    return 0
  fi
  while read -r name port db module; do
    jar=$(service_jar "$module")
    if [[ -f $jar ]] && [[ -z $(find "${jar%/target/*}" "$WB_ROOT/libs" "$WB_ROOT/pom.xml" \
      -path '*/target' -prune -o -type f -newer "$jar" -print -quit 2>/dev/null) ]]; then
      continue
    fi
    if is_running "$name"; then
      say "note: $name is running an older build; \`make stop && make run\` picks up the changes"
      continue
    fi
    stale+=("$module")
  done < <(services_list "$@")
  ((${#stale[@]})) || return 0
  local modules; modules=$(IFS=,; echo "${stale[*]}")
  say "building $modules (./mvnw -B -q -DskipTests -pl $modules -am package)"
  mvn_package "$modules" ||
    die "building $modules failed (Maven output above). The stack up to here keeps running; fix the build and re-run."
  say "built $modules"
}

# service_start NAME PORT DATABASE MODULE
# With AOT=1 (WINDBELL_AOT) the service starts with its AOT cache, after a training run (aot_train) when the cache is
# missing or was made for another build, JVM or set of JVM options.
service_start() {
  local name=$1 port=$2 db=$3 module=$4 jar t0
  jar=$(service_jar "$module")
  t0=$(_now_us)
  if is_running "$name"; then
    say "$name already running (pid $(running_pid "$name")), reusing it"
  else
    [[ -f $jar ]] || die "$name: $jar does not exist.
  Build it with: ./mvnw -B -DskipTests -pl $module -am package"
    require_free_port "$name" "$port"
    require_free_port "$name" "$(management_port "$port")"
    local -a aot=()
    if [[ $AOT != 0 ]]; then
      aot_current "$name" "$module" || aot_train "$name" "$port" "$db" "$module"
      if aot_current "$name" "$module"; then aot=("-XX:AOTCache=$(aot_file "$name")"); fi
      t0=$(_now_us)
    fi
    say "starting $name on http://$BIND_HOST:$port ($module${aot:+, with its AOT cache})"
    service_launch "$name" "$port" "$db" "$module" "${aot[@]}"
  fi
  service_await "$name" "$port"
  say "$name ready in $(_seconds_since "$t0") s on http://$BIND_HOST:$port (health on http://$BIND_HOST:$(management_port "$port")/q/health)"
}

# service_launch NAME PORT DATABASE MODULE [JVM OPTIONS...]: starts the service's jar in the background with its
# environment (service_env), the heap, WINDBELL_SERVICE_JAVA_OPTS, SERVICE_EXTRA_JAVA_OPTS[NAME] and the options given.
service_launch() {
  local name=$1 port=$2 db=$3 module=$4; shift 4
  local -a envs opts
  mapfile -t envs < <(service_env "$name" "$port" "$db")
  mapfile -t opts < <(service_java_opts "$name")
  # -Dwindbell.stack.dir marks the process as ours (see running_pid)
  launch "$name" "${envs[@]}" -- "$JAVA" "${opts[@]}" "$@" -Dwindbell.stack.dir="$STATE_DIR" -jar "$(service_jar "$module")"
}

# The JVM options of a service, one a line: the heap, WINDBELL_SERVICE_JAVA_OPTS, SERVICE_EXTRA_JAVA_OPTS[NAME]. An AOT
# cache is only used by a JVM started with the options it was trained with, so aot_stamp includes them.
service_java_opts() {
  local -a extra=()
  echo "-Xmx$SERVICE_HEAP"
  # shellcheck disable=SC2086 # WINDBELL_SERVICE_JAVA_OPTS is a list of JVM options
  [[ -z ${WINDBELL_SERVICE_JAVA_OPTS:-} ]] || printf '%s\n' ${WINDBELL_SERVICE_JAVA_OPTS}
  # read -a splits on blanks without globbing ("caps[0]" stays as it is)
  read -r -a extra <<<"${SERVICE_EXTRA_JAVA_OPTS[$1]:-}"
  ((${#extra[@]} == 0)) || printf '%s\n' "${extra[@]}"
}

# service_await NAME PORT: until the service answers 200 on /q/health/ready (management port), polled every 0.05 s.
service_await() {
  POLL_INTERVAL=0.05 wait_ready "$1" "$TIMEOUT_SERVICE" http_ok "http://$BIND_HOST:$(management_port "$2")/q/health/ready"
}

# Seconds since a _now_us time, two decimals: "3.47".
_seconds_since() { local us=$(($(_now_us) - $1)); printf '%d.%02d' $((us / 1000000)) $((us / 10000 % 100)); }

# ---------------------------------------------------------------------------------------------
# The JDK AOT cache of a service (JEP 483: classes loaded and linked ahead of time; JEP 514: one training run writes
# it; JEP 515: method profiles). docs/adr/0031-aot-cache-trained-at-first-start.md says why it is trained here.
# ---------------------------------------------------------------------------------------------
aot_file() { echo "$AOT_DIR/$1.aot"; }

# What a cache is valid for, one line: the JVM, the service's JVM options and every jar of its quarkus-app (path, size,
# mtime). The JVM itself refuses a cache of another JVM or with other options (and then starts without one); the stamp
# also catches a rebuilt application jar, which the fast-jar class loader would not report.
aot_stamp() {
  local app; app=$(dirname "$(service_jar "$2")")
  {
    "$JAVA" -version 2>&1
    service_java_opts "$1"
    find "$app" -name '*.jar' -printf '%P %s %T@\n' | sort
  } | sha256sum | cut -c1-64
}

# aot_current NAME MODULE: true when the service's cache exists and its stamp matches the build and JVM of now.
aot_current() {
  local f; f=$(aot_file "$1")
  [[ -s $f && -s $f.stamp && $(<"$f.stamp") == "$(aot_stamp "$1" "$2")" ]]
}

# aot_train NAME PORT DATABASE MODULE: one training run (JEP 514): the service started with -XX:AOTCacheOutput, up to
# ready, exercised (aot_exercise), then stopped with SIGTERM; the JVM writes the cache as it exits (10-20 s on two
# cores). A run that fails leaves no cache: the service then starts without one, as before.
aot_train() {
  local name=$1 port=$2 db=$3 module=$4 f t0 pid i
  f=$(aot_file "$name")
  mkdir -p "$AOT_DIR"
  rm -f "$f" "$f.stamp"
  t0=$(_now_us)
  say "training the AOT cache for $name (first start with this build; WINDBELL_AOT=0 skips it)"
  service_launch "$name" "$port" "$db" "$module" "-XX:AOTCacheOutput=$f" -Xlog:aot=error
  service_await "$name" "$port"
  aot_exercise "$name" "$port"
  pid=$(running_pid "$name") || true
  [[ -z $pid ]] || kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || true
    say "warning: $name did not write its AOT cache within 60 s; starting it without one"
  fi
  rm -f "$(pid_file "$name")"
  if [[ -s $f ]]; then
    aot_stamp "$name" "$module" >"$f.stamp"
    say "$name: AOT cache written in $(_seconds_since "$t0") s ($(($(stat -c %s "$f") / 1048576)) MB, $f)"
  else
    rm -f "$f"
    say "warning: no AOT cache for $name (log: $(log_file "$name")); starting it without one"
  fi
}

# aot_exercise NAME PORT: what the training run does once the service is ready, so the cache holds the classes and
# method profiles of serving requests too: the health checks (a few times), the OpenAPI document, and every GET
# operation of that document without path parameters, with a cx-admin token (the answer does not matter: token
# verification, routing, JSON and the database are exercised). Bounded: at most 20 operations, 5 s each.
aot_exercise() {
  local name=$1 port=$2 base mgmt token i
  base=http://$BIND_HOST:$port
  mgmt=http://$BIND_HOST:$(management_port "$port")
  for ((i = 0; i < 5; i++)); do
    http_status "$mgmt/q/health/ready" >/dev/null
    http_status "$mgmt/q/health/live" >/dev/null
    http_status "$base/health" >/dev/null
  done
  token=$(client_token cx-admin-cli cx-admin-secret 2>/dev/null) || token=
  python3 - "$base" "$token" <<'PY' || true
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def get(path, auth=True):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token} if auth and token else {})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.read()
    except Exception:
        return None
doc = get("/q/openapi?format=json", auth=False)
paths = [p for p, ops in (json.loads(doc).get("paths") or {}).items() if "{" not in p and "get" in ops] if doc else []
for p in paths[:20]:
    for _ in range(2):
        get(p)
PY
}

# The environment every service gets: its port, its database, the broker, the issuer, and
# the base URL of every other declared service (WINDBELL_<NAME>_URL), one VAR=value a line;
# then what one service needs besides (service_own_env).
service_env() {
  local name=$1 port=$2 db=$3 other oport rest
  echo "QUARKUS_HTTP_HOST=$BIND_HOST"
  echo "QUARKUS_HTTP_PORT=$port"
  echo "QUARKUS_MANAGEMENT_HOST=$BIND_HOST"
  echo "QUARKUS_MANAGEMENT_PORT=$(management_port "$port")"
  if [[ $db != - ]]; then
    echo "QUARKUS_DATASOURCE_USERNAME=$DB_USER"
    echo "QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD"
    echo "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://$BIND_HOST:$PG_PORT/$db"
    echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$BIND_HOST:$PG_PORT/$db"
  fi
  echo "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_URL"
  echo "QUARKUS_OIDC_AUTH_SERVER_URL=$ISSUER_URL"
  while read -r other oport rest; do
    other=${other^^}
    echo "WINDBELL_${other//-/_}_URL=http://$BIND_HOST:$oport"
  done < <(services_list)
  service_own_env "$name" "$port"
}

# service_own_env NAME PORT: settings a service has no usable default for outside %dev (the stack
# starts the jars in the prod profile).
service_own_env() {
  case $1 in
    survey)
      # the key that signs survey links (an environment variable, not a -D option: the command line
      # of a process is readable by every local user, its environment only by its owner)
      echo "WINDBELL_SURVEY_INVITATIONS_TOKEN_KEY=$(survey_token_key)"
      # links in survey.invited point at the public entry: the gateway (it routes /s/{token} without login) when it
      # is part of the stack, else the service itself
      echo "WINDBELL_SURVEY_INVITATIONS_PUBLIC_BASE_URL=$(gateway_base || echo "http://$BIND_HOST:$2")"
      ;;
    notification)
      # e-mail to the stack's GreenMail (the prod profile's mailer is real: nothing is mocked)
      echo "QUARKUS_MAILER_HOST=$BIND_HOST"
      echo "QUARKUS_MAILER_PORT=$SMTP_PORT"
      echo "QUARKUS_MAILER_FROM=$MAIL_FROM"
      echo "QUARKUS_MAILER_MOCK=false"
      # signs the short-lived tickets of the push stream (EventSource cannot send a bearer token)
      echo "WINDBELL_NOTIFICATION_STREAM_TICKET_KEY=$(stack_key notification-ticket-key)"
      # seals the webhook secrets operators store (kept with the data it seals, like the survey link key)
      echo "WINDBELL_NOTIFICATION_ENDPOINTS_SECRET_KEY=$(stack_key notification-endpoint-key)"
      # its own client (realm: windbell-notification, role survey-deliverer) for survey links, DEV ONLY secret
      echo "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL=$ISSUER_URL"
      echo "QUARKUS_OIDC_CLIENT_CLIENT_ID=$NOTIFICATION_CLIENT"
      echo "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET=$NOTIFICATION_SECRET"
      # where it fetches survey links (survey's GET /v1/invitations/{id}/link), when survey is part of the stack
      local survey; survey=$(services_list survey | awk '{ print $2 }')
      [[ -z $survey ]] || echo "WINDBELL_NOTIFICATION_INVITATIONS_SURVEY_URL=http://$BIND_HOST:$survey"
      # the channel adapters: the stack's stand-in (tools/stack/channel-sink.py)
      echo "WINDBELL_APP_PUSH_URL=$CHANNEL_SINK_URL/push"
      echo "WINDBELL_APP_PUSH_API_KEY=$(stack_key channel-sink-api-key)"
      echo "WINDBELL_SMS_GATEWAY_URL=$CHANNEL_SINK_URL/sms"
      echo "WINDBELL_SMS_GATEWAY_API_KEY=$(stack_key channel-sink-api-key)"
      ;;
    gateway)
      # the upstreams come from service_env (WINDBELL_<NAME>_URL, one instance each; a comma-separated list is
      # several). CORS: the pages the browser loads through the gateway itself (the staff inbox at
      # /api/notification/inbox) call the APIs from this origin.
      echo "QUARKUS_HTTP_CORS_ORIGINS=http://$BIND_HOST:$2"
      ;;
  esac
}

# The gateway's base URL (http://127.0.0.1:8080, with the port offset), or nothing (status 1) when it is not
# declared in services.conf.
gateway_base() {
  local port; port=$(services_list gateway | awk '{ print $2 }')
  [[ -n $port ]] && echo "http://$BIND_HOST:$port"
}

# api_base SERVICE: where a client reaches SERVICE's API: through the gateway (http://127.0.0.1:8080/api/<service>)
# when it is declared, else the service itself; nothing (status 1) when SERVICE is not declared.
api_base() {
  local port gw
  port=$(services_list "$1" | awk '{ print $2 }')
  [[ -n $port ]] || return 1
  if gw=$(gateway_base); then echo "$gw/api/$1"; else echo "http://$BIND_HOST:$port"; fi
}

# The survey link key of this state dir: random (32 bytes, hex), made on the first start and kept
# in $STATE_DIR/secrets (mode 600) for as long as the data it signs: the invitations in PostgreSQL
# outlive a `make stop`, and a new key would turn their links into 404s. `rm -rf .run` drops both.
survey_token_key() { stack_key survey-token-key; }

# stack_key NAME: a random key of this state dir (32 bytes, hex) in $STATE_DIR/secrets/NAME, made once.
stack_key() {
  local f=$STATE_DIR/secrets/$1
  if [[ ! -s $f ]]; then
    (umask 077 && mkdir -p "$STATE_DIR/secrets" && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$f.tmp" &&
      mv "$f.tmp" "$f") || die "could not write $f"
  fi
  cat "$f"
}

# services_start [NAME...]: databases are created by the caller (pg_ensure_databases).
services_start() {
  local name port db module
  while read -r name port db module; do
    service_start "$name" "$port" "$db" "$module"
  done < <(services_list "$@")
}

# Stops services in reverse declaration order, then any service pid file left over from a
# service that has since been removed from services.conf.
services_stop() {
  local name f
  while read -r name; do
    stop_part "$name" 20
  done < <(services_list | awk '{ print $1 }' | tac)
  for f in "$STATE_DIR"/pids/*.pid; do
    [[ -e $f ]] || continue
    name=$(basename "$f" .pid)
    case $name in kafka | keycloak | greenmail | channel-sink) ;; *) stop_part "$name" 20 ;; esac
  done
}

# ---------------------------------------------------------------------------------------------
# The load generator / simulator (tools/loadgen): a plain jar, target/lib beside it
# ---------------------------------------------------------------------------------------------
LOADGEN_JAR=$WB_ROOT/tools/loadgen/target/windbell-loadgen.jar

# Builds the load generator when its jar is missing or older than its sources, the contracts or
# the poms; a running simulator is never rebuilt under its feet.
loadgen_build() {
  if [[ -n ${WINDBELL_SKIP_BUILD:-} && -f $LOADGEN_JAR ]]; then
    return 0
  fi
  if [[ -f $LOADGEN_JAR ]] && [[ -z $(find "$WB_ROOT/tools/loadgen/src" "$WB_ROOT/tools/loadgen/pom.xml" \
    "$WB_ROOT/libs/contracts/src" "$WB_ROOT/pom.xml" -type f -newer "$LOADGEN_JAR" -print -quit 2>/dev/null) ]]; then
    return 0
  fi
  if is_running simulator || is_running responder; then
    say "note: the simulator or the responder is running an older build of tools/loadgen"
    return 0
  fi
  say "building tools/loadgen (./mvnw -B -q -DskipTests -pl tools/loadgen -am package)"
  mvn_package tools/loadgen || die "building tools/loadgen failed (Maven output above)"
  say "built tools/loadgen"
}

# stack_stop: everything this state dir's stack started, in reverse start order (the simulator
# and the survey responder, which only talk to the services, first).
stack_stop() {
  stop_part responder 15
  stop_part simulator 10
  services_stop
  greenmail_stop
  channel_sink_stop
  keycloak_stop
  kafka_stop
  pg_stop
}
