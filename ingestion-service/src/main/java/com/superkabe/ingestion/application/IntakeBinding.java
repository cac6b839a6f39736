package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.IntakeSignature;
import com.superkabe.kit.secrets.SecretBox;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Binds customers' intake producers to organizations (ADR 0043). An organization issues producer
 * keys through the API (the secret is shown once, stored sealed with the platform key); when the
 * binding is required, an intake record counts only if it carries a key's id and that key's
 * signature over the record, and names the key's organization. Anything else is refused with a
 * reason and never stored. An organization lists its keys (never their secrets) and revokes them;
 * a record signed with a revoked key is refused with that reason. Opened keys are cached for
 * {@link #CACHE_TTL}: the check costs one HMAC per record and one database read per key and TTL, and
 * a revocation takes effect at once on the replica that made it and within the TTL on the others.
 */
public class IntakeBinding {

    /** A new key: its id and its secret, returned once in clear. */
    public record Issued(String producerId, String orgId, String secret) {
    }

    /** Issuing needs the platform key; without it the API answers 409. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private record Opened(String orgId, String secret, java.time.Instant revokedAt) {
    }

    /** How long an opened key is trusted before it is read again (a revocation elsewhere is seen after it). */
    public static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);

    private final IntakeProducerKeys keys;
    private final SecretBox box;
    private final boolean required;
    private final SecureRandom random = new SecureRandom();
    private final com.superkabe.kit.jdbc.ReadCache<String, Opened> opened =
            new com.superkabe.kit.jdbc.ReadCache<>(CACHE_TTL, 100_000);

    /** {@code box} is null when the platform has no secrets key: then no key can be issued or opened. */
    public IntakeBinding(IntakeProducerKeys keys, SecretBox box, boolean required) {
        this.keys = keys;
        this.box = box;
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    public Issued issue(String orgId) {
        if (box == null) {
            throw new Unavailable("The ingestion service has no platform key (superkabe.secrets.key), so it cannot "
                    + "store an intake producer secret");
        }
        String producerId = "ip_" + token(12);
        String secret = "ipsec_" + token(32);
        keys.save(new IntakeProducerKeys.Key(producerId, orgId, box.encrypt(secret)));
        return new Issued(producerId, orgId, secret);
    }

    /**
     * Why the record may not be taken as {@code orgId}'s, or empty when it may. Called only when
     * the binding is {@link #required()}.
     */
    public Optional<String> refusal(String producerId, String signature, byte[] value, String orgId) {
        if (producerId == null || producerId.isBlank() || signature == null || signature.isBlank()) {
            return Optional.of("unbound intake record: the " + IntakeSignature.PRODUCER_HEADER + " and "
                    + IntakeSignature.SIGNATURE_HEADER + " headers are required");
        }
        Opened key = open(producerId.strip());
        if (key == null) {
            return Optional.of("unknown intake producer '" + producerId.strip() + "'");
        }
        if (key.revokedAt() != null) {
            return Optional.of("intake producer '" + producerId.strip() + "' was revoked at " + key.revokedAt());
        }
        if (!IntakeSignature.matches(key.secret(), value, signature)) {
            return Optional.of("the " + IntakeSignature.SIGNATURE_HEADER + " of producer '" + producerId.strip()
                    + "' does not match the record");
        }
        if (!key.orgId().equals(orgId)) {
            return Optional.of("producer '" + producerId.strip() + "' is bound to organization '" + key.orgId()
                    + "', not to '" + orgId + "'");
        }
        return Optional.empty();
    }

    private Opened open(String producerId) {
        if (box == null) {
            return null;
        }
        return opened.get(producerId, id -> keys.find(id).map(k -> new Opened(k.orgId(), box.decrypt(k.sealedSecret()),
                k.revokedAt()))).orElse(null);
    }

    /** The organization's keys, without their secrets. */
    public java.util.List<IntakeProducerKeys.Key> list(String orgId) {
        return keys.ofOrganization(orgId).stream().map(k -> new IntakeProducerKeys.Key(k.producerId(), k.orgId(), null,
                k.createdAt(), k.revokedAt())).toList();
    }

    /**
     * Revokes the organization's key: false when it has no such key (another organization's included,
     * so the answer tells nothing about it). Revoking a revoked key keeps its first revocation time.
     */
    public boolean revoke(String orgId, String producerId, java.time.Instant at) {
        boolean revoked = keys.revoke(orgId, producerId, at);
        if (revoked) {
            opened.invalidate(producerId);
        }
        return revoked;
    }

    private String token(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
