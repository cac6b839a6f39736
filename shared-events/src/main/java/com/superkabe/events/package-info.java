/**
 * The wire contracts between Superkabe services: every cross-service fact is one of the event
 * records declared here, named by a stable, versioned wire name ({@link com.superkabe.events.EventType})
 * and published on exactly one topic of the {@link com.superkabe.events.Topic} catalogue.
 * Nothing here depends on Spring or the Kafka client, so any JVM program can speak the protocol.
 */
package com.superkabe.events;
