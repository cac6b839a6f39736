package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.RecipientEsp;

/**
 * The recipient's mailbox provider carried on LeadAccepted (ADR 0019), from the MX answer the
 * shell already holds: the exchangers' provider when DNS named them; UNKNOWN, explicitly, when
 * DNS failed or named none; the consumer-domain table (gmail.com → GOOGLE …) when the MX check is
 * switched off.
 */
public final class RecipientEsps {

    private RecipientEsps() {
    }

    public static RecipientEsp of(String asciiDomain, MxResult mx) {
        return switch (mx.status()) {
            case FOUND -> RecipientEsp.fromMxHosts(mx.hosts());
            case NOT_FOUND, UNKNOWN -> RecipientEsp.UNKNOWN;
            case NOT_RUN -> RecipientEsp.fromDomain(asciiDomain);
        };
    }
}
