package com.superkabe.ingestion.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the intake producer keys, each bound to one organization, their secrets sealed at rest. */
public interface IntakeProducerKeys {

    /** A stored key: the organization it may write for, its sealed secret, when it was issued and revoked. */
    record Key(String producerId, String orgId, String sealedSecret, Instant createdAt, Instant revokedAt) {

        public Key(String producerId, String orgId, String sealedSecret) {
            this(producerId, orgId, sealedSecret, null, null);
        }

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    void save(Key key);

    Optional<Key> find(String producerId);

    /** The organization's keys, oldest first, revoked ones included. */
    List<Key> ofOrganization(String orgId);

    /** Marks the organization's key revoked (once: a revoked key keeps its first time); false if it has none such. */
    boolean revoke(String orgId, String producerId, Instant at);
}
