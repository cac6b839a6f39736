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
 * Given a campaign request, when its mailboxes are checked, then another org's or an unknown mailbox, over-long ids, a
 * mailbox listed twice and an oversized pool are refused.
 */
class CampaignTenancyTest {

    private static final String LONG_ID = "m".repeat(CampaignRulesMapper.MAX_MAILBOX_ID + 1);

    @Test
    void aMailboxRegisteredByAnotherOrganizationIsRefusedNamingItsPosition() {
        // given mb-a registered by org-a, and a later claim by org-b that changes nothing
        InMemoryRuns mailboxes = new InMemoryRuns();
        mailboxes.register("org-a", "mb-a", 50, "acme.test");
        mailboxes.register("org-b", "mb-a", 1, "acme.test");
        mailboxes.register("org-b", "mb-b", 1, "acme.test");

        // when org-b lists it
        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> MailboxOwnership.check("org-b", List.of("mb-b", "mb-a"), mailboxes));

        // then it is refused without naming the owner; org-a may list it
        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.field()).isEqualTo("mailboxIds[1]");
        assertThat(refused.getMessage()).contains("mb-a").doesNotContain("org-a");
        assertThatCode(() -> MailboxOwnership.check("org-a", List.of("mb-a"), mailboxes)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownMailboxIsRefusedWithTheSameAnswerAsAnotherOrganizationsMailbox() {
        // given org-a owns mb-a, and nobody has registered mb-none
        InMemoryRuns mailboxes = new InMemoryRuns();
        mailboxes.register("org-a", "mb-a", 50, "acme.test");

        // when org-b lists each of them
        ApiProblem unknown = catchThrowableOfType(ApiProblem.class,
                () -> MailboxOwnership.check("org-b", List.of("mb-none"), mailboxes));
        ApiProblem foreign = catchThrowableOfType(ApiProblem.class,
                () -> MailboxOwnership.check("org-b", List.of("mb-a"), mailboxes));

        // then both answers are the same but for the id: nothing tells that mb-a exists
        assertThat(unknown.status()).isEqualTo(foreign.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unknown.getMessage().replace("mb-none", "ID")).isEqualTo(foreign.getMessage().replace("mb-a", "ID"));
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
