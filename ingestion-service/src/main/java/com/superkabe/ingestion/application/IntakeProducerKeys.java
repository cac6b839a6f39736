package com.superkabe.ingestion.application;

import java.util.Optional;

/** Port: the intake producer keys, each bound to one organization, their secrets sealed at rest. */
public interface IntakeProducerKeys {

    /** A stored key: the organization it may write for and its sealed secret. */
    record Key(String producerId, String orgId, String sealedSecret) {
    }

    void save(Key key);

    Optional<Key> find(String producerId);
}
