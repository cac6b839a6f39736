package com.superkabe.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the lines of a dead process's log that say why it died, instead of the last screenful of
 * stack frames: Spring Boot's failure report if there is one, else the first error and the root cause.
 */
final class LogExcerpt {

    private LogExcerpt() {
    }

    static List<String> explain(List<String> log, int tailLines) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains("APPLICATION FAILED TO START")) {
                return log.subList(i, Math.min(log.size(), i + 20)).stream().filter(l -> !l.isBlank()).toList();
            }
        }
        List<String> out = new ArrayList<>();
        log.stream().filter(LogExcerpt::isErrorLine).findFirst().ifPresent(out::add);
        int rootCause = lastIndexStartingWith(log, "Caused by:");
        if (rootCause >= 0) {
            log.subList(rootCause, Math.min(log.size(), rootCause + 4)).forEach(out::add);
        }
        return out.isEmpty() ? log.subList(Math.max(0, log.size() - tailLines), log.size()) : out;
    }

    private static boolean isErrorLine(String line) {
        return line.startsWith("Exception in thread") || line.contains(" ERROR ") || line.startsWith("Error:");
    }

    private static int lastIndexStartingWith(List<String> log, String prefix) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
