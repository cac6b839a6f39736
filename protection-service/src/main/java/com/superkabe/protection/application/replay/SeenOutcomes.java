package com.superkabe.protection.application.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcomes a replay has counted, so each is counted once as the service's once-per-send rows
 * do: per mailbox and kind, the ids the events carry. The id strings are the events' own, so a
 * counted send costs one set entry instead of a concatenated key.
 */
final class SeenOutcomes {

    static final int SENT = 0;
    static final int BOUNCED = 1;
    static final int SENDER = 2;
    static final int DSN = 3;
    static final int COMPLAINT = 4;

    private final Map<String, List<Set<String>>> byMailbox = new HashMap<>();

    /** True the first time {@code id} of this kind is seen for the mailbox. */
    boolean add(String mailboxId, int kind, String id) {
        List<Set<String>> kinds = byMailbox.get(mailboxId);
        if (kinds == null) {
            kinds = new ArrayList<>(COMPLAINT + 1);
            for (int k = 0; k <= COMPLAINT; k++) {
                kinds.add(null);
            }
            byMailbox.put(mailboxId, kinds);
        }
        Set<String> seen = kinds.get(kind);
        if (seen == null) {
            seen = new HashSet<>();
            kinds.set(kind, seen);
        }
        return seen.add(id);
    }
}
