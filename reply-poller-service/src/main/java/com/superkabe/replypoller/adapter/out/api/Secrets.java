package com.superkabe.replypoller.adapter.out.api;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.replypoller.application.MailReader.MailboxUnreachable;

/** Opens a sealed credential just before the token request; the failure names the credential, not its value. */
final class Secrets {

    private Secrets() {
    }

    static String open(SecretBox box, String sealed, String what) throws MailboxUnreachable {
        if (sealed == null || sealed.isBlank()) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.CREDENTIALS, "no " + what + " granted", null);
        }
        try {
            return box.decrypt(sealed);
        } catch (IllegalArgumentException e) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.CREDENTIALS, "the " + what
                    + " cannot be decrypted with this platform key", null);
        }
    }
}
