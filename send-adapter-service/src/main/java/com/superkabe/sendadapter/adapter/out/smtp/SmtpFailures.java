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

    /**
     * A failed AUTH. Only a refusal of the credentials themselves disconnects the mailbox: 535, 534, 530,
     * or a 5xx with the auth statuses 5.7.8, 5.7.9 or 5.7.0. A 4xx (454 4.7.0 "too many login attempts",
     * a temporary auth failure) is TRANSIENT; any other ending is the mailbox's settings (SENDER), kept
     * connected.
     */
    static Delivery loginRefused(AuthenticationFailedException e) {
        int code = code(e);
        String detail = "SMTP authentication failed: " + text(e);
        if (code >= 400 && code < 500) {
            return Delivery.transientFailure(code, detail, null);
        }
        if (credentialsRefused(code, text(e))) {
            return Delivery.credentialsRefused(code, detail);
        }
        return Delivery.loginFailed(code, detail);
    }

    private static boolean credentialsRefused(int code, String reply) {
        if (code == 535 || code == 534 || code == 530) {
            return true;
        }
        String status = reply.length() > 4 ? reply.substring(4).split(" ", 2)[0] : "";
        return code >= 500 && code < 600 && (status.equals("5.7.8") || status.equals("5.7.9") || status.equals("5.7.0"));
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
