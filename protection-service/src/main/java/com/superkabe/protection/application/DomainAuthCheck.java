package com.superkabe.protection.application;

/** Port: the quarantine's DNS checks of one sending domain. */
public interface DomainAuthCheck {

    enum Verdict { PASS, FAIL, UNKNOWN }

    /** The outcome and a human-readable detail naming every record checked. */
    record Result(Verdict verdict, String detail) {
    }

    Result check(String domain);
}
