package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.LeadSnapshot;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private static final LeadSnapshot LEAD = new LeadSnapshot("lead-1", "ada@acme.test", "Ada",
            "O'Brien & Co", "<a href=\"https://evil.test\">click</a>", null);

    @Test
    void anHtmlBodyGetsItsLeadValuesEscapedSoLeadDataCannotAddMarkupOrLinks() {
        String body = Templates.render("<p>Hi {{firstName}} {{lastName}} of {{company}}</p>", LEAD);

        assertThat(body).isEqualTo("<p>Hi Ada O&#39;Brien &amp; Co of "
                + "&lt;a href=&quot;https://evil.test&quot;&gt;click&lt;/a&gt;</p>");
        assertThat(body).doesNotContain("<a ");
    }

    @Test
    void aPlainTextBodyAndASubjectKeepLeadValuesAsTheyAre() {
        assertThat(Templates.render("Hi {{lastName}}", LEAD)).isEqualTo("Hi O'Brien & Co");
        assertThat(Templates.render("<Ada> {{lastName}}", LEAD, false)).isEqualTo("<Ada> O'Brien & Co");
    }

    @Test
    void aPlainTextBodyStartingWithALeadValueCannotBeTurnedIntoHtmlByIt() {
        String body = Templates.render("{{company}}, quick question", LEAD);

        assertThat(body).doesNotContain("<").doesNotContain(">").startsWith("a href=");
    }

    @Test
    void aFallbackWrittenByTheCampaignAuthorIsInsertedAsWritten() {
        assertThat(Templates.render("<p>{{title|<b>your team</b>}}</p>", LEAD)).isEqualTo("<p><b>your team</b></p>");
    }
}
