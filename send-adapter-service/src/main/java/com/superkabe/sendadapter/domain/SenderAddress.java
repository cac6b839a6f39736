package com.superkabe.sendadapter.domain;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The key under which a From address belongs to one organization (ADR 0027): the local part
 * Unicode-normalised (NFC) and case-folded, the domain in its IDNA ASCII form, lower case. So
 * {@code Sales@Bücher.example} and {@code sales@xn--bcher-kva.example} are the same sender.
 */
public final class SenderAddress {

    private SenderAddress() {
    }

    /** @throws IllegalArgumentException when the domain is not a valid internationalised domain name */
    public static String key(String address) {
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new IllegalArgumentException("not an email address");
        }
        String local = Normalizer.normalize(trimmed.substring(0, at), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String domain = IDN.toASCII(Normalizer.normalize(trimmed.substring(at + 1), Normalizer.Form.NFC),
                IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        return local + "@" + domain;
    }
}
