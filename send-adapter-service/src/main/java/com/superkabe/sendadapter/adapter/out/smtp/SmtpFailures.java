package com.superkabe.sendadapter.adapter.out.smtp;

import com.superkabe.sendadapter.domain.Delivery;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Reads Angus Mail's exceptions: the server's reply code and line, wherever in the chain they are. */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /**
     * A failed transaction. With a reply code: {@link Delivery#refused}. Without one (the connection was
     * lost): AMBIGUOUS once the message's bytes started, else TRANSIENT.
     */
    static Delivery classify(MessagingException e, boolean messageWritten) {
        for (Exception cause = e; cause instanceof MessagingException m; cause = m.getNextException()) {
            if (cause instanceof SMTPAddressFailedException a && a.getReturnCode() >= 400) {
                return Delivery.refused(a.getReturnCode(), text(a));
            }
            if (cause instanceof SMTPSendFailedException s && s.getReturnCode() >= 400) {
                return Delivery.refused(s.getReturnCode(), text(s));
            }
        }
        return messageWritten
                ? Delivery.ambiguous("connection lost after the message was sent: " + text(e))
                : Delivery.transientFailure(0, "connection lost before the message was sent: " + text(e), null);
    }

    static Delivery loginRefused(AuthenticationFailedException e) {
        int code = code(e);
        return Delivery.credentialsRefused(code == 0 ? 535 : code, "SMTP authentication failed: " + text(e));
    }

    /** The reply code at the head of the exception's text, or 0. */
    static int code(MessagingException e) {
        String t = text(e);
        return t.length() >= 3 && t.substring(0, 3).chars().allMatch(Character::isDigit) ? Integer.parseInt(
                t.substring(0, 3)) : 0;
    }

    static String text(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\s+", " ");
    }
}
