#!/usr/bin/env bash
# Start a real single-node Apache Kafka 4.x broker (KRaft, broker+controller in
# one JVM) on 127.0.0.1:$KAFKA_PORT, from jars Maven resolves from Maven Central.
#
#   bash scripts/kafka/up.sh           # start (or report the one already running)
#
# - fresh start: new mktemp dir for config + data, storage formatted (--standalone)
# - state file exists but the broker is dead (after `down.sh --keep-data` or a
#   crash): restarts on the SAME data dir and ports, without re-formatting
# See scripts/kafka/README.md.
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

case "${1:-}" in
  "") ;;
  -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) kafka_log "unknown argument '$1' (see --help)"; exit 2 ;;
esac

START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}"
JVM_OPTS="${KAFKA_JVM_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}"

kafka_lock_state

mode=fresh
dir=""
if [[ -f "$KAFKA_STATE_FILE" ]]; then
  old_pid="$(kafka_state_get pid)"
  old_dir="$(kafka_state_get dir)"
  if [[ -n "$old_dir" ]] && kafka_pid_is_ours "$old_pid" "$old_dir"; then
    if kafka_port_open "$KAFKA_PORT"; then
      echo "kafka: already running on 127.0.0.1:$KAFKA_PORT (pid $old_pid, dir $old_dir)"
    else
      echo "kafka: already started on 127.0.0.1:$KAFKA_PORT but not listening yet (pid $old_pid, dir $old_dir; log $old_dir/kafka.log)"
    fi
    exit 0
  fi
  if [[ -n "$old_dir" && -f "$old_dir/server.properties" && -f "$old_dir/data/meta.properties" ]]; then
    mode=restart
    dir="$old_dir"
    # The controller endpoint is recorded in the KRaft log at format time: keep it.
    KAFKA_CONTROLLER_PORT="$(kafka_state_get controller_port)"
    KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
  else
    kafka_log "removing stale state $KAFKA_STATE_FILE (pid ${old_pid:-?} gone, no usable data dir)"
    rm -f "$KAFKA_STATE_FILE"
  fi
fi

for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  if kafka_port_open "$p"; then
    kafka_log "port 127.0.0.1:$p is already in use by another process (not a broker started by this script;"
    # Under npm test, scripts/test.mjs sets KAFKA_PORT from KAFKA_TEST_PORT and names that
    # variable in KAFKA_PORT_SETTING: the advice must name what the person can actually set.
    kafka_log "state file $KAFKA_STATE_FILE). Stop it or set ${KAFKA_PORT_SETTING:-KAFKA_PORT / KAFKA_CONTROLLER_PORT}."
    exit 1
  fi
done

command -v "$KAFKA_JAVA" >/dev/null 2>&1 || { kafka_log "java not found (Kafka $KAFKA_VERSION needs Java 17+)"; exit 1; }
java_major="$("$KAFKA_JAVA" -version 2>&1 | sed -n -E 's/.* version "(1\.)?([0-9]+).*/\2/p' | head -n 1)"
if [[ -n "$java_major" ]] && ((java_major < 17)); then
  kafka_log "Kafka $KAFKA_VERSION needs Java 17+, but $KAFKA_JAVA is Java $java_major (set JAVA_HOME)"
  exit 1
fi
kafka_ensure_jars

write_state() {
  local tmp="$KAFKA_STATE_FILE.tmp.$$"
  mkdir -p "$(dirname "$KAFKA_STATE_FILE")"
  cat >"$tmp" <<EOF
pid=$1
dir=$dir
port=$KAFKA_PORT
controller_port=$KAFKA_CONTROLLER_PORT
version=$KAFKA_VERSION
lib=$KAFKA_LIB_DIR
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EOF
  mv -f "$tmp" "$KAFKA_STATE_FILE"
}

if [[ "$mode" == fresh ]]; then
  dir="$(mktemp -d "${TMPDIR:-/tmp}/dateline-kafka-data-$KAFKA_PORT.XXXXXX")"
  mkdir -p "$dir/data" "$dir/logs"

  cat >"$dir/server.properties" <<EOF
# Written by scripts/kafka/up.sh for a throwaway single-node test broker.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data

# single node: every internal topic with replication factor / min ISR 1
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# test-suite friendly
auto.create.topics.enable=true
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
# after a kill -9 the restarted broker cannot register until the controller has
# expired its previous session (default 9 s); shorten that
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4000

# small footprint (2-core machines)
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.retention.hours=24
log.retention.check.interval.ms=60000
EOF
  if [[ -n "${KAFKA_EXTRA_CONFIG:-}" ]]; then
    { echo "# KAFKA_EXTRA_CONFIG"; printf '%s\n' "$KAFKA_EXTRA_CONFIG"; } >>"$dir/server.properties"
  fi

  cat >"$dir/log4j2.properties" <<'EOF'
# Broker logging: everything to stdout, which up.sh redirects to kafka.log.
status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.statechange.name = state.change.logger
logger.statechange.level = warn
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = warn
EOF

  # Kafka cluster ids are 16 random bytes, URL-safe base64 without padding (22 chars);
  # Kafka itself avoids ids starting with '-' (they look like CLI flags).
  cluster_id=""
  while [[ -z "$cluster_id" || "$cluster_id" == -* ]]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  echo "$cluster_id" >"$dir/cluster.id"

  # Kafka 4.x with controller.quorum.bootstrap.servers (dynamic quorum, KIP-853):
  # the single controller must be formatted with --standalone.
  if ! kafka_tool kafka.tools.StorageTool format --standalone \
      --cluster-id "$cluster_id" --config "$dir/server.properties" >"$dir/format.log" 2>&1; then
    kafka_log "storage format failed:"
    cat "$dir/format.log" >&2
    rm -rf "$dir"
    exit 1
  fi
else
  kafka_log "restarting the broker on its kept data dir $dir (controller port $KAFKA_CONTROLLER_PORT)"
  echo "----- restart $(date -u +%Y-%m-%dT%H:%M:%SZ) -----" >>"$dir/kafka.log"
fi

# Start detached: setsid gives the JVM its own session, so Ctrl-C / the caller's
# process-group kill does not take it down; the inner bash records the real pid
# (after any fork by setsid) and execs java.
rm -f "$dir/kafka.pid"
setsid_cmd=()
command -v setsid >/dev/null 2>&1 && setsid_cmd=(setsid)
# shellcheck disable=SC2086 # HEAP_OPTS / JVM_OPTS are intentionally word-split
(
  cd "$dir"
  exec 8>&- # do not let the broker hold the up/down lock
  exec nohup "${setsid_cmd[@]}" bash -c 'echo $$ >kafka.pid; exec "$@"' kafka-broker \
    "$KAFKA_JAVA" $HEAP_OPTS $JVM_OPTS \
    -Dlog4j2.configurationFile="$dir/log4j2.properties" -Dkafka.logs.dir="$dir/logs" \
    -cp "$KAFKA_LIB_DIR/*" kafka.Kafka "$dir/server.properties"
) >>"$dir/kafka.log" 2>&1 </dev/null &

pid=""
for ((i = 0; i < 100; i++)); do
  if [[ -s "$dir/kafka.pid" ]]; then pid="$(cat "$dir/kafka.pid")"; break; fi
  sleep 0.05
done
if [[ -z "$pid" ]]; then
  kafka_log "the broker process did not start; log $dir/kafka.log:"
  tail -n 40 "$dir/kafka.log" >&2 || true
  exit 1
fi
write_state "$pid"

fail() {
  kafka_log "$1"
  kafka_log "----- last lines of $dir/kafka.log -----"
  tail -n 60 "$dir/kafka.log" >&2 || true
  kafka_log "-----"
  if kill -0 "$pid" 2>/dev/null; then
    kafka_log "stopping pid $pid"
    kafka_stop_pid "$pid" || true
  fi
  kafka_log "data dir and state kept for inspection: $dir, $KAFKA_STATE_FILE (run scripts/kafka/down.sh to remove)"
  exit 1
}

# Ready = an AdminClient gets a topic list (a real metadata round trip).  The
# check JVM starts right away, so its ~1 s startup overlaps the broker's, and
# keeps reconnecting with a short backoff until the listener is up.
cat >"$dir/client.properties" <<EOF
request.timeout.ms=5000
default.api.timeout.ms=20000
reconnect.backoff.ms=100
reconnect.backoff.max.ms=250
EOF
deadline=$((SECONDS + START_TIMEOUT))
while :; do
  kill -0 "$pid" 2>/dev/null || fail "the broker (pid $pid) exited during startup"
  if ((SECONDS >= deadline)); then fail "the broker did not become ready within ${START_TIMEOUT}s"; fi
  if timeout 25 "${KAFKA_TOOL_CMD[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --command-config "$dir/client.properties" --list >"$dir/ready-check.log" 2>&1 &&
      kafka_port_open "$KAFKA_PORT"; then
    break
  fi
  sleep 0.5
done

echo "kafka: ready on 127.0.0.1:$KAFKA_PORT (pid $pid, dir $dir)"
