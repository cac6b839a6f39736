package com.superkabe.protection.domain;

import java.util.Locale;

/**
 * The recipient's mailbox provider, from the recipient domain (the facts sheet's buckets), for
 * the provider-concentration check. Code 0 is reserved for "clean send" in {@link Window}.
 */
public enum RecipientEsp {
    GMAIL, MICROSOFT, YAHOO, OTHER;

    public byte code() {
        return (byte) (ordinal() + 1);
    }

    public static RecipientEsp ofCode(byte code) {
        return values()[code - 1];
    }

    public static RecipientEsp ofRecipient(String recipient) {
        if (recipient == null || recipient.indexOf('@') < 0) {
            return OTHER;
        }
        String d = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return switch (d) {
            case "gmail.com", "googlemail.com" -> GMAIL;
            case "outlook.com", "hotmail.com", "live.com", "msn.com" -> MICROSOFT;
            case "yahoo.com", "aol.com", "ymail.com" -> YAHOO;
            default -> OTHER;
        };
    }
}
