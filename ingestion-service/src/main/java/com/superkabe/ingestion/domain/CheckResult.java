package com.superkabe.ingestion.domain;

/**
 * One quality check's outcome: {@code passed} is null when the check did not run or could not tell;
 * {@code code} names a failure the way the rejection reason does ({@code smtputf8_not_enabled},
 * {@code reserved_domain}, {@code role} …), null otherwise.
 */
public record CheckResult(Boolean passed, String reason, String code) {

    public static CheckResult pass(String reason) {
        return new CheckResult(true, reason, null);
    }

    public static CheckResult fail(String code, String reason) {
        return new CheckResult(false, reason, code);
    }

    public static CheckResult unknown(String reason) {
        return new CheckResult(null, reason, null);
    }
}
