package com.superkabe.sequencer.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Given a campaign request, when its mailboxes are checked, then another org's mailbox, over-long ids, a
 * mailbox listed twice and an oversized pool are refused.
 */
class CampaignTenancyTest {

    private static final String LONG_ID = "m".repeat(CampaignRulesMapper.MAX_MAILBOX_ID + 1);

    @Test
    void aMailboxRegisteredByAnotherOrganizationIsRefusedNamingMailboxIds() {
        InMemoryRuns mailboxes = new InMemoryRuns();
        mailboxes.register("org-a", "mb-a", 50, "acme.test");
        mailboxes.register("org-b", "mb-a", 1, "acme.test"); // a later claim by another org changes nothing

        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> MailboxOwnership.check("org-b", List.of("mb-new", "mb-a"), mailboxes));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.field()).isEqualTo("mailboxIds");
        assertThat(refused.getMessage()).contains("mb-a").doesNotContain("org-a");
        assertThatCode(() -> MailboxOwnership.check("org-a", List.of("mb-a", "mb-new"), mailboxes))
                .as("its own and not yet registered mailboxes are accepted").doesNotThrowAnyException();
    }

    @Test
    void aMailboxListedTwiceIsRefusedNamingItsPosition() {
        List<String> ids = new java.util.ArrayList<>(java.util.Collections.nCopies(10_000, "mb-a"));

        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> MailboxOwnership.check("org-a", List.of("mb-a", "mb-b", "mb-a"), new InMemoryRuns()));
        ApiProblem tooMany = catchThrowableOfType(ApiProblem.class,
                () -> MailboxOwnership.check("org-a", ids, new InMemoryRuns()));

        assertThat(refused.field()).isEqualTo("mailboxIds[2]");
        assertThat(tooMany.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.field()).isEqualTo("mailboxIds");
    }

    @Test
    void aMailboxDailyLimitsKeyLongerThanSixtyFourCharactersIsA400NamingTheField() {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> CampaignRulesMapper.rules(request(List.of(LONG_ID), Map.of(LONG_ID, 5))));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.field()).isEqualTo("mailboxDailyLimits");
    }

    @Test
    void aMailboxIdLongerThanSixtyFourCharactersIsA400NamingMailboxIds() {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> CampaignRulesMapper.rules(request(List.of("mb-1", LONG_ID), null)));

        assertThat(refused.field()).isEqualTo("mailboxIds");
    }

    private static CampaignRequest request(List<String> mailboxIds, Map<String, Integer> limits) {
        return new CampaignRequest("Q4", "ACTIVE", mailboxIds, List.of(new CampaignRequest.Step("Hi", "b", 0)),
                null, null, null, null, null, limits, null);
    }
}
