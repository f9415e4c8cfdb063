#!/usr/bin/env bash
# Run a Kafka CLI tool from the same cached jars as the broker (no Kafka install needed).
#
#   bash scripts/kafka/cli.sh TOOL [ARGS...]
#
# TOOL is one of the names below (as in Kafka's bin/kafka-TOOL.sh) or a fully
# qualified main class.  --bootstrap-server is NOT added for you; the broker from
# up.sh is at 127.0.0.1:${KAFKA_PORT:-9092}.  Example:
#   bash scripts/kafka/cli.sh topics --bootstrap-server 127.0.0.1:9092 --list
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

tool="${1:-}"
case "$tool" in
  topics) cls=org.apache.kafka.tools.TopicCommand ;;
  console-producer) cls=org.apache.kafka.tools.ConsoleProducer ;;
  console-consumer) cls=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  consumer-groups) cls=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  configs) cls=org.apache.kafka.tools.ConfigCommand ;;
  get-offsets) cls=org.apache.kafka.tools.GetOffsetShell ;;
  delete-records) cls=org.apache.kafka.tools.DeleteRecordsCommand ;;
  broker-api-versions) cls=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
  metadata-quorum) cls=org.apache.kafka.tools.MetadataQuorumCommand ;;
  cluster) cls=org.apache.kafka.tools.ClusterTool ;;
  storage) cls=kafka.tools.StorageTool ;;
  *.*) cls="$tool" ;;
  *)
    sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    echo "tools: topics console-producer console-consumer consumer-groups configs get-offsets" >&2
    echo "       delete-records broker-api-versions metadata-quorum cluster storage" >&2
    exit 2 ;;
esac
shift
kafka_ensure_jars
exec "${KAFKA_TOOL_CMD[@]}" "$cls" "$@"
