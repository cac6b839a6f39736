package com.superkabe.ingestion.application;

import java.util.Optional;

/** Port: answers given to requests that carried an Idempotency-Key, by (organization, key). */
public interface IdempotentRequests {

    record Stored(String requestHash, int status, String body) {
    }

    Optional<Stored> find(String orgId, String key);

    void save(String orgId, String key, Stored answer);
}
