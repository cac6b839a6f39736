package com.superkabe.console.web;

import java.util.Arrays;
import java.util.List;

/**
 * Reads protection's refusal of an unforced transition ("… needs force: true because it skips: a; b")
 * into the checks it names, for the warning the operator confirms before the forced request.
 */
final class ForcePreview {

    private static final String MARKER = "because it skips: ";

    private ForcePreview() {
    }

    /** The checks named in the refusal, or null when the refusal is of another kind. */
    static List<String> skippedChecks(String refusal) {
        int at = refusal == null ? -1 : refusal.indexOf(MARKER);
        if (at < 0) {
            return null;
        }
        return Arrays.stream(refusal.substring(at + MARKER.length()).split("; ")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
