#!/bin/sh
# Creates the topic catalogue with the cluster's replication factor. Idempotent: existing topics are left
# alone (a topic's partition count is part of its key contract: never changed in place).
# Input: TOPICS_FILE with lines "topic partitions retention.ms"; BOOTSTRAP; REPLICATION_FACTOR;
# MIN_INSYNC_REPLICAS; optional KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG,
# KAFKA_TRUSTSTORE (PEM file), KAFKA_KEYSTORE (PKCS12 file) and KAFKA_KEYSTORE_PASSWORD.
# Also usable from any host with the Kafka CLI: KAFKA_TOPICS=kafka-topics.sh TOPICS_FILE=topics.txt ./topics.sh
set -eu
: "${BOOTSTRAP:?BOOTSTRAP (Kafka bootstrap servers) is required}"
: "${TOPICS_FILE:?TOPICS_FILE (the catalogue) is required}"
RF="${REPLICATION_FACTOR:-3}"
MIN_ISR="${MIN_INSYNC_REPLICAS:-2}"
KT="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
CONFIG="${TMPDIR:-/tmp}/superkabe-client.properties"

umask 077
{
  echo "security.protocol=${KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}"
  [ -n "${KAFKA_SASL_MECHANISM:-}" ] && echo "sasl.mechanism=$KAFKA_SASL_MECHANISM"
  [ -n "${KAFKA_SASL_JAAS_CONFIG:-}" ] && echo "sasl.jaas.config=$KAFKA_SASL_JAAS_CONFIG"
  [ -n "${KAFKA_TRUSTSTORE:-}" ] && printf 'ssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$KAFKA_TRUSTSTORE"
  [ -n "${KAFKA_KEYSTORE:-}" ] && printf 'ssl.keystore.type=PKCS12\nssl.keystore.location=%s\nssl.keystore.password=%s\n' \
    "$KAFKA_KEYSTORE" "${KAFKA_KEYSTORE_PASSWORD:-}"
  true
} > "$CONFIG"

while read -r topic partitions retention; do
  [ -z "$topic" ] && continue
  echo "topic $topic: $partitions partitions, retention.ms=$retention, replication $RF, min.insync.replicas $MIN_ISR"
  "$KT" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$RF" \
    --config "retention.ms=$retention" --config "min.insync.replicas=$MIN_ISR"
done < "$TOPICS_FILE"
"$KT" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --describe --topics-with-overrides \
  | grep '^Topic: superkabe\.' || true
rm -f "$CONFIG"
