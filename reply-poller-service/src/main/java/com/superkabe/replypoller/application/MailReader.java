package com.superkabe.replypoller.application;

import com.superkabe.replypoller.domain.InboxMessage;
import java.util.List;

/** Port: reads the headers of the newest messages of a mailbox's inbox, leaving the inbox unchanged. */
public interface MailReader {

    List<InboxMessage> read(PolledMailbox mailbox, int maxMessages) throws MailboxUnreachable;

    /** The inbox could not be read; {@code kind} is a low-cardinality label for metrics. */
    final class MailboxUnreachable extends Exception {
        private static final long serialVersionUID = 1L;

        /** Why an inbox could not be read. */
        public enum Kind { AUTHENTICATION, CONNECTION, CREDENTIALS, PROTOCOL }

        private final Kind kind;

        public MailboxUnreachable(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
