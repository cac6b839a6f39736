package com.superkabe.ingestion.application;

import java.time.Instant;
import java.util.Optional;

/** Port: per-organization Clay webhook secrets (sealed at rest) and the signatures already used. */
public interface ClaySecrets {

    Optional<String> sealedSecret(String orgId);

    void saveSealed(String orgId, String sealed);

    /** Records a signature; false when it was seen before (a replay). Forgets those older than {@code before}. */
    boolean firstUse(String signature, Instant seenAt, Instant before);
}
