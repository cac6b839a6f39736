package com.superkabe.sendadapter.adapter.in.web;

/**
 * The few pages a recipient sees. Deliberately plain: no scripts, no external resources, nothing
 * about the organization or the address (a forwarded link must not reveal whom it was sent to).
 */
final class TrackingPages {

    private TrackingPages() {
    }

    /** The GET page: unsubscribing takes the button (a POST), so a link scanner changes nothing. */
    static String confirm() {
        // no action: the form posts back to the very URL the recipient opened, whatever the proxy prefix
        return layout("Unsubscribe", "<p>Do you want to stop receiving these emails?</p>"
                + "<form method=\"post\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    static String unsubscribed() {
        return layout("Unsubscribed", "<p>You have been unsubscribed and will receive no more of these emails.</p>");
    }

    /** The same page whatever was wrong with the token: forged, expired, garbled or unknown. */
    static String invalid() {
        return layout("Link not valid", "<p>This link is not valid or has expired. To stop receiving these emails, "
                + "reply to the sender and ask to be removed.</p>");
    }

    private static String layout(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:32em;margin:3em auto\"><h1>" + title + "</h1>"
                + body + "</body></html>";
    }
}
