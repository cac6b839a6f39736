package com.superkabe.protection.application;

import com.superkabe.protection.domain.MailboxState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mailbox list as the API pages it: keyset pages in a stable order (address, then mailbox id),
 * so a page costs the same at the end of 10,000 mailboxes as at the start, and rows added or
 * removed meanwhile neither repeat nor skip the others (ADR 0044).
 */
public final class MailboxList {

    private MailboxList() {
    }

    /** Which mailboxes: the organization's, optionally of one state (enum name), domain and provider. */
    public record Filter(String orgId, Optional<String> status, Optional<String> domain, Optional<String> provider) {
    }

    /** A position in the order: the sort key of the row a page starts after (or ends before). */
    public record Cursor(String address, String mailboxId) {
        public static Cursor of(Row r) {
            return new Cursor(r.state().address() == null ? "" : r.state().address(), r.state().mailboxId());
        }
    }

    /** One listed mailbox with what the list shows beside its state: provider, warmup limit, last reason. */
    public record Row(MailboxState state, String provider, int warmupLimit, String lastReason) {
    }

    /** One page; {@code next} and {@code previous} are absent at the ends; {@code matching} counts the filter's rows. */
    public record Page(List<Row> rows, Optional<Cursor> next, Optional<Cursor> previous, long matching) {
    }

    /** The whole organization's mailboxes counted per state and per provider by the database. */
    public record Counts(long mailboxes, Map<String, Long> byState, Map<String, Long> byProvider) {
    }

    /**
     * The page after {@code after}, or before {@code before}, from rows read one past the limit
     * in the page's direction (the extra row only says whether there is more that way).
     */
    static Page page(List<Row> readOnePastLimit, int limit, boolean backwards, boolean fromACursor, long matching) {
        boolean more = readOnePastLimit.size() > limit;
        List<Row> rows = readOnePastLimit.subList(0, Math.min(limit, readOnePastLimit.size()));
        if (backwards) {
            rows = rows.reversed();
        }
        Optional<Cursor> first = rows.isEmpty() ? Optional.empty() : Optional.of(Cursor.of(rows.getFirst()));
        Optional<Cursor> last = rows.isEmpty() ? Optional.empty() : Optional.of(Cursor.of(rows.getLast()));
        Optional<Cursor> towardsEnd = backwards ? (fromACursor ? last : Optional.empty()) : more ? last : Optional.empty();
        Optional<Cursor> towardsStart = backwards ? (more ? first : Optional.empty()) : fromACursor ? first
                : Optional.empty();
        return new Page(List.copyOf(rows), towardsEnd, towardsStart, matching);
    }
}
