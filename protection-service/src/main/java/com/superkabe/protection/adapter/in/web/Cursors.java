package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.PlainText;
import com.superkabe.protection.application.MailboxList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The list's cursors as clients see them: opaque base64url text of the sort key (address, a line
 * feed, mailbox id — neither may hold a line feed), so a client pages by echoing it, never by parsing.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(MailboxList.Cursor c) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((c.address() + "\n" + c.mailboxId())
                .getBytes(StandardCharsets.UTF_8));
    }

    static MailboxList.Cursor decode(String field, String text) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw notACursor(field);
        }
        int cut = key.indexOf('\n');
        if (cut < 0 || cut == key.length() - 1 || key.indexOf('\n', cut + 1) >= 0 || key.length() > 400) {
            throw notACursor(field);
        }
        // the list never gives out a control character; a NUL would reach the query and be refused by the
        // database as a problem naming the body, not this parameter
        String address = key.substring(0, cut);
        String id = key.substring(cut + 1);
        if (PlainText.firstControlInLine(address) >= 0 || PlainText.firstControlInLine(id) >= 0) {
            throw notACursor(field);
        }
        return new MailboxList.Cursor(address, id);
    }

    private static ApiProblem notACursor(String field) {
        return ApiProblem.invalid(field, field + " is not a cursor this list gave out: use the Link header's");
    }
}
