package com.superkabe.ingestion.domain;

/** One quality check's outcome: {@code passed} is null when the check did not run or could not tell. */
public record CheckResult(Boolean passed, String reason) {

    public static CheckResult pass(String reason) {
        return new CheckResult(true, reason);
    }

    public static CheckResult fail(String reason) {
        return new CheckResult(false, reason);
    }

    public static CheckResult unknown(String reason) {
        return new CheckResult(null, reason);
    }
}
