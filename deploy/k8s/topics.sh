#!/bin/sh
# Creates the topic catalogue (shared-events' Topic enum) and the six dead-letter topics with the
# cluster's replication factor. The services would otherwise auto-create them with replication
# factor 1 (ServiceKitAutoConfiguration), which a real cluster must not keep. Idempotent: existing
# topics are left alone (partition counts are part of the key contract: never change them in place).
#
# Columns: topic, partitions, retention.ms (-1 = forever: those topics ARE the history that replay reads).
# DeploymentAssetsTest checks this table against Topic.values(); keep them in step.
set -eu
: "${BOOTSTRAP:?BOOTSTRAP (Kafka bootstrap servers) is required}"
RF="${REPLICATION_FACTOR:-3}"
if [ "$RF" -gt 1 ]; then MIN_ISR=$((RF - 1)); else MIN_ISR=1; fi
KT="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"

while read -r topic partitions retention; do
  [ -z "$topic" ] && continue
  echo "topic $topic: $partitions partitions, retention.ms=$retention, replication $RF"
  "$KT" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$RF" \
    --config "retention.ms=$retention" --config "min.insync.replicas=$MIN_ISR"
done <<'TOPICS'
superkabe.organizations 1 -1
superkabe.lead-intake 6 604800000
superkabe.leads 6 -1
superkabe.campaigns 3 -1
superkabe.gate-decisions 6 -1
superkabe.runs 6 -1
superkabe.send-requests 6 2592000000
superkabe.clock 1 -1
superkabe.dispatch-decisions 6 -1
superkabe.mailboxes 3 -1
superkabe.send-outcomes 6 -1
superkabe.replies 6 -1
superkabe.mailbox-states 6 -1
superkabe.domain-states 3 -1
superkabe.protection-modes 1 -1
superkabe.protection-alerts 3 15552000000
superkabe.dlt.ingestion-service 1 2592000000
superkabe.dlt.gate-service 1 2592000000
superkabe.dlt.sequencer-service 1 2592000000
superkabe.dlt.send-adapter-service 1 2592000000
superkabe.dlt.reply-poller-service 1 2592000000
superkabe.dlt.protection-service 1 2592000000
TOPICS
"$KT" --bootstrap-server "$BOOTSTRAP" --describe --topics-with-overrides | grep '^Topic: superkabe\.' || true
