#!/usr/bin/env bash
# Stop the Kafka broker that scripts/kafka/up.sh started on $KAFKA_PORT.
#
#   bash scripts/kafka/down.sh              # stop it, delete its temp dir and state file
#   bash scripts/kafka/down.sh --keep-data  # stop it, keep data dir + state: the next
#                                           # up.sh restarts the SAME broker on that data
#
# SIGTERM (clean shutdown), up to KAFKA_STOP_TIMEOUT (20) s, then SIGKILL.
# Exits 0 when nothing was running.  Never touches processes it did not start.
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

keep_data=false
for arg in "$@"; do
  case "$arg" in
    --keep-data) keep_data=true ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) kafka_log "unknown argument '$arg' (see --help)"; exit 2 ;;
  esac
done

kafka_lock_state

if [[ ! -f "$KAFKA_STATE_FILE" ]]; then
  echo "kafka: nothing to stop on port $KAFKA_PORT (no state file $KAFKA_STATE_FILE)"
  rm -f "$KAFKA_STATE_FILE.lock"
  exit 0
fi

pid="$(kafka_state_get pid)"
dir="$(kafka_state_get dir)"

if [[ -n "$dir" ]] && kafka_pid_is_ours "$pid" "$dir"; then
  kafka_stop_pid "$pid" || { kafka_log "could not stop pid $pid"; exit 1; }
  echo "kafka: stopped broker on 127.0.0.1:$KAFKA_PORT (pid $pid)"
else
  echo "kafka: broker on port $KAFKA_PORT was not running (stale pid ${pid:-?})"
fi

if [[ "$keep_data" == true ]]; then
  echo "kafka: kept data dir $dir and state $KAFKA_STATE_FILE (up.sh restarts on it; down.sh removes it)"
  exit 0
fi

# Only delete what up.sh created: a mktemp dir holding our server.properties.
if [[ -n "$dir" && -d "$dir" && -f "$dir/server.properties" && "$(basename "$dir")" == dateline-kafka-data-* ]]; then
  rm -rf "$dir"
  echo "kafka: removed $dir"
elif [[ -n "$dir" && -e "$dir" ]]; then
  kafka_log "not removing $dir: it does not look like a dir created by up.sh"
fi
rm -f "$KAFKA_STATE_FILE" "$KAFKA_STATE_FILE.lock"
