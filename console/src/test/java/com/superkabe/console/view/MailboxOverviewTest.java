package com.superkabe.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxOverviewTest {

    private static MailboxRow row(String address, String state, String provider) {
        return new MailboxRow("mbx_" + address, address, address.substring(address.indexOf('@') + 1), provider, state,
                MailboxRow.phaseOf(state), 0, 0, null, null);
    }

    @Test
    void countsEveryStateOfTheWholeListWhateverTheFilter() {
        List<MailboxRow> all = List.of(row("a@x.test", "healthy", "SMTP"), row("b@x.test", "paused", "GMAIL"),
                row("c@y.test", "paused", "SMTP"));

        MailboxOverview o = MailboxOverview.of(all, "paused", null, "SMTP", 1, 50);

        assertThat(o.counts()).containsEntry("healthy", 1).containsEntry("paused", 2).containsEntry("warning", 0);
        assertThat(o.page()).extracting(MailboxRow::address).containsExactly("c@y.test");
        assertThat(o.domainsSeen()).containsExactly("x.test", "y.test");
        assertThat(o.providers()).containsExactly("GMAIL", "SMTP");
    }

    @Test
    void pagesTheMatchingRowsByAddressAndKeepsAPageNumberInRange() {
        List<MailboxRow> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            all.add(row(String.format("m%03d@x.test", i), "healthy", "SMTP"));
        }

        MailboxOverview second = MailboxOverview.of(all, "", "X.TEST", "", 2, 50);
        MailboxOverview beyond = MailboxOverview.of(all, null, null, null, 99, 50);

        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.page()).hasSize(50).first().extracting(MailboxRow::address).isEqualTo("m050@x.test");
        assertThat(beyond.pageNumber()).isEqualTo(3);
        assertThat(beyond.page()).hasSize(20);
    }

    @Test
    void onlyTheThreeHealingStatesAreAHealingPhase() {
        assertThat(MailboxRow.phaseOf("restricted_send")).isEqualTo("restricted_send");
        assertThat(MailboxRow.phaseOf("paused")).isNull();
        assertThat(MailboxRow.phaseOf("warming")).isNull();
    }
}
