package com.superkabe.events.protection;

/** The outcome of a sending domain's DNS checks: every record passed, one failed, or the answers did not come. */
public enum DnsVerdict {
    PASS, FAIL, UNKNOWN
}
