package com.superkabe.events;

/** The writers a topic can have. Each topic has exactly one. */
public enum Service {
    INGESTION("ingestion-service"),
    GATE("gate-service"),
    SEQUENCER("sequencer-service"),
    SEND_ADAPTER("send-adapter-service"),
    REPLY_POLLER("reply-poller-service"),
    PROTECTION("protection-service"),
    /** Users' own Kafka clients: the public intake topic is theirs to write. */
    EXTERNAL("external-publisher");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    /** The service name used as CloudEvents {@code ce_source} and as the consumer group id. */
    public String id() {
        return id;
    }

    /** The dead-letter topic this service writes poison records to. */
    public String deadLetterTopic() {
        return "superkabe.dlt." + id;
    }
}
