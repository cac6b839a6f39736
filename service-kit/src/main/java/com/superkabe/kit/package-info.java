/**
 * The imperative shell shared by every Superkabe service: Kafka inbound handling with idempotency
 * by event id and a dead-letter topic, the transactional outbox and its relay, API-key scoping to
 * one organization, RFC 9457 problem details, and the default configuration they need.
 */
package com.superkabe.kit;
