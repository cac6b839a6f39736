package com.superkabe.replypoller.application;

import com.superkabe.replypoller.domain.InboxMessage;
import java.time.Duration;
import java.util.List;

/**
 * Port: reads inbox messages, leaving the inbox unchanged. An IMAP reader returns the newest messages
 * and no cursor; an API reader returns what arrived after {@code cursor} (everything recent when it is
 * null or expired) and the cursor to start from next time.
 */
public interface MailReader {

    Inbox read(PolledMailbox mailbox, String cursor, int maxMessages) throws MailboxUnreachable;

    /** Messages read, and the position to save once they are handled (null: nothing to save). */
    record Inbox(List<InboxMessage> messages, String cursor) {
        public Inbox {
            messages = List.copyOf(messages);
        }
    }

    /**
     * The inbox could not be read; {@code kind} is a low-cardinality label for metrics. A THROTTLED
     * mailbox carries the provider's Retry-After: it is not asked again before then.
     */
    final class MailboxUnreachable extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * Why an inbox could not be read; {@code HOST_REFUSED}: the mailbox host policy refused the
         * server's host, address or port (ADR 0027).
         */
        public enum Kind { AUTHENTICATION, CONNECTION, CREDENTIALS, PROTOCOL, THROTTLED, HOST_REFUSED }

        private final Kind kind;
        private final Duration retryAfter;

        public MailboxUnreachable(Kind kind, String message, Throwable cause) {
            this(kind, message, cause, Duration.ZERO);
        }

        public MailboxUnreachable(Kind kind, String message, Throwable cause, Duration retryAfter) {
            super(message, cause);
            this.kind = kind;
            this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        }

        public Kind kind() {
            return kind;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
