package com.superkabe.sendadapter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackedBodyTest {

    private static final TrackedBody.Links LINKS = new TrackedBody.Links("https://t.test/t/u/U.S",
            "https://t.test/t/o/O.S", url -> "https://t.test/t/c/C.S?u=" + url.length());

    @Test
    void appendsAVisibleUnsubscribeLinkToAPlainTextBodyAndNoPixelOrRewrites() {
        String body = TrackedBody.render("Hi Ada,\nsee https://acme.test/x", LINKS);

        assertThat(body).startsWith("Hi Ada,\nsee https://acme.test/x\n\n--\n")
                .contains("https://t.test/t/u/U.S").doesNotContain("/t/o/").doesNotContain("/t/c/");
        assertThat(TrackedBody.isHtml("Hi Ada,\n<b>bold</b>")).isFalse();
    }

    @Test
    void putsTheUnsubscribeLinkAndOpenPixelBeforeTheClosingBodyOfAnHtmlBody() {
        String body = TrackedBody.render("<html><body><p>Hi Ada</p></BODY></html>", LINKS);

        assertThat(body).startsWith("<html><body><p>Hi Ada</p><p").endsWith("</BODY></html>")
                .contains("<a href=\"https://t.test/t/u/U.S\">Unsubscribe</a>")
                .contains("<img src=\"https://t.test/t/o/O.S\" width=\"1\" height=\"1\"");
    }

    @Test
    void routesHttpLinksOfAnHtmlBodyThroughTheClickRouteWithTheUnescapedDestination() {
        String body = TrackedBody.render("<p>See <a class=\"x\" href=\"https://acme.test/a?b=1&amp;c=2\">pricing</a>"
                + " or <a href='mailto:sales@acme.test'>mail</a></p>", LINKS);

        assertThat(body).contains("href=\"https://t.test/t/c/C.S?u=27\"").contains("href='mailto:sales@acme.test'");
    }

    @Test
    void leavesOutThePixelAndLinkRewritesWhenTrackingIsOff() {
        String body = TrackedBody.render("<p>See <a href=\"https://acme.test/\">x</a></p>",
                new TrackedBody.Links("https://t.test/t/u/U.S", null, null));

        assertThat(body).contains("href=\"https://acme.test/\"").contains("/t/u/U.S").doesNotContain("<img");
    }
}
