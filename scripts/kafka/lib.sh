# shellcheck shell=bash
# Shared helpers for scripts/kafka/{up,down,cli}.sh.  Sourced, not executed.
#
# Environment (all optional):
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default KAFKA_PORT+1)
#   KAFKA_VERSION          overrides <kafka.version> from pom.xml
#   KAFKA_CACHE_DIR        jar cache root (default $HOME/.cache/dateline-kafka)
#   KAFKA_STATE_DIR        state FILE path (default /tmp/dateline-kafka-$KAFKA_PORT);
#                          if it names an existing directory, the file kafka-$KAFKA_PORT.state
#                          inside it is used
#   KAFKA_MVN_ARGS         extra flags for the one-time mvn run (e.g. -s settings.xml)
#   JAVA_HOME              java to use (default: java on PATH)

KAFKA_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
if ! [[ "$KAFKA_PORT" =~ ^[0-9]+$ ]] || ((KAFKA_PORT < 1 || KAFKA_PORT > 65534)); then
  echo "kafka: KAFKA_PORT must be a port number, got '$KAFKA_PORT'" >&2
  exit 2
fi
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
if ! [[ "$KAFKA_CONTROLLER_PORT" =~ ^[0-9]+$ ]] || [[ "$KAFKA_CONTROLLER_PORT" == "$KAFKA_PORT" ]]; then
  echo "kafka: KAFKA_CONTROLLER_PORT must be a port number other than KAFKA_PORT, got '$KAFKA_CONTROLLER_PORT'" >&2
  exit 2
fi

KAFKA_VERSION="${KAFKA_VERSION:-$(sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "$KAFKA_SCRIPT_DIR/pom.xml" | head -n 1)}"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-${HOME:-/tmp}/.cache/dateline-kafka}"
KAFKA_LIB_DIR="$KAFKA_CACHE_DIR/$KAFKA_VERSION/lib"

KAFKA_STATE_FILE="${KAFKA_STATE_DIR:-/tmp/dateline-kafka-$KAFKA_PORT}"
if [[ -d "$KAFKA_STATE_FILE" ]]; then
  KAFKA_STATE_FILE="$KAFKA_STATE_FILE/kafka-$KAFKA_PORT.state"
fi

if [[ -n "${JAVA_HOME:-}" ]]; then KAFKA_JAVA="$JAVA_HOME/bin/java"; else KAFKA_JAVA="java"; fi

kafka_log() { echo "kafka: $*" >&2; }

# Resolve the broker + tools jars from Maven Central into $KAFKA_LIB_DIR once.
# A '.complete' marker makes an interrupted download count as missing.
kafka_ensure_jars() {
  if [[ -f "$KAFKA_LIB_DIR/.complete" && -f "$KAFKA_LIB_DIR/kafka_2.13-$KAFKA_VERSION.jar" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || { kafka_log "mvn not found; it is needed once to fetch the Kafka jars"; return 1; }
  local vdir="$KAFKA_CACHE_DIR/$KAFKA_VERSION"
  mkdir -p "$vdir"
  (
    # Serialise concurrent first runs (e.g. two ports started at once).
    if command -v flock >/dev/null 2>&1; then
      exec 9>"$vdir/.lock"
      flock -w 900 9 || { kafka_log "timed out waiting for $vdir/.lock"; exit 1; }
    fi
    if [[ -f "$KAFKA_LIB_DIR/.complete" ]]; then exit 0; fi
    kafka_log "resolving Apache Kafka $KAFKA_VERSION jars with Maven into $KAFKA_LIB_DIR (first run only)"
    local partial="$KAFKA_LIB_DIR.partial"
    rm -rf "$partial"
    # shellcheck disable=SC2086 # KAFKA_MVN_ARGS is a list of extra Maven flags
    mvn -B -q -ntp ${KAFKA_MVN_ARGS:-} -f "$KAFKA_SCRIPT_DIR/pom.xml" \
      -Dkafka.version="$KAFKA_VERSION" -Dkafka.cache.dir="$KAFKA_CACHE_DIR" \
      -Dkafka.lib.dir="$partial" validate >"$vdir/mvn.log" 2>&1 ||
      { cat "$vdir/mvn.log" >&2; kafka_log "Maven failed to resolve org.apache.kafka:kafka_2.13:$KAFKA_VERSION"; exit 1; }
    [[ -f "$partial/kafka_2.13-$KAFKA_VERSION.jar" ]] ||
      { kafka_log "Maven ran but $partial/kafka_2.13-$KAFKA_VERSION.jar is missing"; exit 1; }
    touch "$partial/.complete"
    rm -rf "$KAFKA_LIB_DIR"
    mv "$partial" "$KAFKA_LIB_DIR"
  )
}

# Run a Kafka CLI class from the cached jars (quiet logging, small heap):
#   kafka_tool CLASS ARGS...   or   timeout 30 "${KAFKA_TOOL_CMD[@]}" CLASS ARGS...
KAFKA_TOOL_CMD=("$KAFKA_JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$KAFKA_SCRIPT_DIR/tools-log4j2.properties" -cp "$KAFKA_LIB_DIR/*")
kafka_tool() { "${KAFKA_TOOL_CMD[@]}" "$@"; }

# Serialise up.sh/down.sh for one port (fd 8, released when the script exits).
# Anything long-lived started while holding it must close fd 8 (8>&-).
kafka_lock_state() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$(dirname "$KAFKA_STATE_FILE")"
  exec 8>"$KAFKA_STATE_FILE.lock"
  if ! flock -n 8; then
    kafka_log "waiting for another up.sh/down.sh on port $KAFKA_PORT ($KAFKA_STATE_FILE.lock)"
    flock -w 300 8 || { kafka_log "timed out waiting for $KAFKA_STATE_FILE.lock"; exit 1; }
  fi
}

# kafka_state_get KEY -> value from the state file (empty if absent).
kafka_state_get() {
  [[ -f "$KAFKA_STATE_FILE" ]] || return 0
  sed -n "s/^$1=//p" "$KAFKA_STATE_FILE" | tail -n 1
}

# kafka_pid_is_ours PID DIR: true if PID is alive and is the broker we started with DIR.
kafka_pid_is_ours() {
  local pid="$1" dir="$2" cmd
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
  else
    cmd="$(ps -ww -o args= -p "$pid" 2>/dev/null || true)"
  fi
  [[ "$cmd" == *kafka.Kafka* && "$cmd" == *"$dir/server.properties"* ]]
}

# kafka_port_open PORT: something accepts TCP connections on 127.0.0.1:PORT.
kafka_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# kafka_stop_pid PID: SIGTERM, wait up to KAFKA_STOP_TIMEOUT (20 s), then SIGKILL.
kafka_stop_pid() {
  local pid="$1" timeout="${KAFKA_STOP_TIMEOUT:-20}" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kafka_log "pid $pid still alive after ${timeout}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kafka_log "pid $pid did not die after SIGKILL"
  return 1
}
