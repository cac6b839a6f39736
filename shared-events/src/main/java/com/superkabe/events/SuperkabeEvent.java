package com.superkabe.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact published between services. Implementations are small immutable records registered in
 * {@link EventType}; their Java names may change, their wire names never do.
 */
public interface SuperkabeEvent {

    /** The organization (tenant) the fact belongs to. */
    String orgId();

    /** The entity the fact is about; becomes CloudEvents {@code ce_subject}. */
    @JsonIgnore
    String subject();

    /** The Kafka record key: the entity named by the topic's {@link Topic#keyedBy()}. */
    @JsonIgnore
    String partitionKey();
}
