package com.superkabe.ingestion.domain;

/**
 * What DNS said about a domain's mail exchangers. UNKNOWN (timeout, SERVFAIL, resolver down) and
 * NOT_RUN (the check is switched off) are explicit so neither passes or fails silently.
 */
public record MxResult(Status status, String detail) {

    public enum Status { FOUND, NOT_FOUND, UNKNOWN, NOT_RUN }

    public static MxResult notRun(String why) {
        return new MxResult(Status.NOT_RUN, why);
    }
}
