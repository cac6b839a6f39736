package com.superkabe.sendadapter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackedBodyTest {

    private static final TrackedBody.Links LINKS = new TrackedBody.Links("https://t.test/t/u/U.S",
            "https://t.test/t/o/O.S", url -> "https://t.test/t/c/C.S?u=" + url.length());

    private static final String ADDRESS = "Acme Inc., 1 Main St, Springfield <IL> & Co";

    @Test
    void appendsAVisibleUnsubscribeLinkToAPlainTextBodyAndNoPixelOrRewrites() {
        TrackedBody.Rendered rendered = TrackedBody.render("Hi Ada,\nsee https://acme.test/x", LINKS, ADDRESS);
        String body = rendered.text();

        assertThat(body).startsWith("Hi Ada,\nsee https://acme.test/x\n\n--\n")
                .contains("https://t.test/t/u/U.S").doesNotContain("/t/o/").doesNotContain("/t/c/");
        assertThat(TrackedBody.isHtml("Hi Ada,\n<b>bold</b>")).isFalse();
        assertThat(rendered.html()).isNull();
    }

    @Test
    void putsTheMailingAddressAndUnsubscribeLinkInBothPartsEscapedInHtml() {
        TrackedBody.Rendered rendered = TrackedBody.render("<p>Hi <b>Ada</b></p><p>Bye &amp; thanks</p>", LINKS,
                ADDRESS);

        assertThat(rendered.text()).startsWith("Hi Ada\nBye & thanks").contains(ADDRESS)
                .contains("https://t.test/t/u/U.S").doesNotContain("<b>");
        assertThat(rendered.html()).contains("Acme Inc., 1 Main St, Springfield &lt;IL&gt; &amp; Co")
                .doesNotContain(ADDRESS).contains("<a href=\"https://t.test/t/u/U.S\">Unsubscribe</a>");
    }

    @Test
    void refusesToRenderWithoutAMailingAddress() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrackedBody.render("Hi", LINKS, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mailingAddress");
    }

    @Test
    void putsTheUnsubscribeLinkAndOpenPixelBeforeTheClosingBodyOfAnHtmlBody() {
        String body = TrackedBody.render("<html><body><p>Hi Ada</p></BODY></html>", LINKS, ADDRESS).html();

        assertThat(body).startsWith("<html><body><p>Hi Ada</p><p").endsWith("</BODY></html>")
                .contains("<a href=\"https://t.test/t/u/U.S\">Unsubscribe</a>")
                .contains("<img src=\"https://t.test/t/o/O.S\" width=\"1\" height=\"1\"");
    }

    @Test
    void routesHttpLinksOfAnHtmlBodyThroughTheClickRouteWithTheUnescapedDestination() {
        String body = TrackedBody.render("<p>See <a class=\"x\" href=\"https://acme.test/a?b=1&amp;c=2\">pricing</a>"
                + " or <a href='mailto:sales@acme.test'>mail</a></p>", LINKS, ADDRESS).html();

        assertThat(body).contains("href=\"https://t.test/t/c/C.S?u=27\"").contains("href='mailto:sales@acme.test'");
    }

    @Test
    void leavesOutThePixelAndLinkRewritesWhenTrackingIsOff() {
        String body = TrackedBody.render("<p>See <a href=\"https://acme.test/\">x</a></p>",
                new TrackedBody.Links("https://t.test/t/u/U.S", null, null), ADDRESS).html();

        assertThat(body).contains("href=\"https://acme.test/\"").contains("/t/u/U.S").doesNotContain("<img");
    }
}
