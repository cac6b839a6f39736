package com.superkabe.kit.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 {@code type} of every problem a service answers: a link to its section of
 * {@code docs/problems.md}, chosen by status, so a caller can look up what went wrong and what to do.
 * Statuses without a section of their own fall back to {@code client-error} or {@code server-error}.
 */
public final class ProblemTypes {

    /** Where the documentation is published; the anchor is the section's heading slug. */
    public static final String BASE = "https://superkabe.dev/docs/problems.md#";

    private static final Map<Integer, String> BY_STATUS = new LinkedHashMap<>();

    static {
        BY_STATUS.put(400, "invalid-request");
        BY_STATUS.put(401, "unauthorized");
        BY_STATUS.put(404, "not-found");
        BY_STATUS.put(405, "method-not-allowed");
        BY_STATUS.put(406, "not-acceptable");
        BY_STATUS.put(409, "conflict");
        BY_STATUS.put(413, "content-too-large");
        BY_STATUS.put(415, "unsupported-media-type");
        BY_STATUS.put(422, "unprocessable-content");
        BY_STATUS.put(500, "server-error");
        BY_STATUS.put(503, "service-unavailable");
    }

    private ProblemTypes() {
    }

    /** The section slug for a status: its own, or the class fallback. */
    public static String slug(int status) {
        String own = BY_STATUS.get(status);
        if (own != null) {
            return own;
        }
        return status >= 500 ? "server-error" : "client-error";
    }

    public static URI forStatus(int status) {
        return URI.create(BASE + slug(status));
    }

    /** Every type this package can emit (the fallbacks included): each has its section in docs/problems.md. */
    public static java.util.List<URI> all() {
        java.util.List<URI> all = new java.util.ArrayList<>();
        BY_STATUS.values().forEach(s -> all.add(URI.create(BASE + s)));
        all.add(URI.create(BASE + "client-error"));
        return all;
    }

    /** The problem's own type, or the status's when it was left as {@code about:blank}. */
    public static URI of(ProblemDetail pd) {
        URI type = pd.getType();
        return type == null || "about:blank".equals(type.toString()) ? forStatus(pd.getStatus()) : type;
    }
}
