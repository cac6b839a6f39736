package com.superkabe.sendadapter.domain;

import java.time.Instant;

/**
 * The signed claim behind a tracking URL: which send it belongs to, what it may be used for and
 * when it was issued (the send request's time, so issuing is replayable). It carries no recipient
 * data: the send's details are looked up by {@code sendId}, so URLs leak no address.
 */
public record TrackingToken(TrackingPurpose purpose, String sendId, Instant issuedAt) {

    /** Bytes of a send id a token may carry; send ids are UUIDs, this leaves room for other ids. */
    public static final int MAX_SEND_ID_BYTES = 128;

    public TrackingToken {
        if (purpose == null || issuedAt == null) {
            throw new IllegalArgumentException("purpose and issuedAt are required");
        }
        if (sendId == null || sendId.isBlank()
                || sendId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SEND_ID_BYTES) {
            throw new IllegalArgumentException("sendId must be 1.." + MAX_SEND_ID_BYTES + " bytes");
        }
    }
}
