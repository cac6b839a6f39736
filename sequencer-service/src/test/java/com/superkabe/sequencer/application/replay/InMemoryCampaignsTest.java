package com.superkabe.sequencer.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.Campaigns;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryCampaignsTest {

    private final InMemoryCampaigns campaigns = new InMemoryCampaigns(List.of(
            new CampaignDef("org-1", "c-1", "C", "ACTIVE", List.of("mb-1"), List.of())));

    @Test
    void aStatusChangeReturnsThePreviousStatusAndNumbersChangesPerCampaignLikeTheStore() {
        assertThat(campaigns.changeStatus("c-1", "PAUSED")).contains(new Campaigns.StatusChange("ACTIVE", 1));
        assertThat(campaigns.changeStatus("c-1", "ACTIVE")).contains(new Campaigns.StatusChange("PAUSED", 2));
        assertThat(campaigns.find("c-1")).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("ACTIVE"));
    }

    @Test
    void anUnknownCampaignHasNoStatusToChange() {
        assertThat(campaigns.changeStatus("nope", "PAUSED")).isEmpty();
    }
}
