package com.superkabe.gate.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one decision reads: the campaign, the health of its mailboxes and their domains, the
 * organization's mode, and how far the protection view lags the gate's clock (in ticks).
 */
public record GateView(Optional<CampaignView> campaign, Map<String, MailboxHealth> mailboxes,
                       Map<String, String> domainStates, Mode mode, long protectionLagTicks, long staleAfterTicks) {

    public GateView {
        mailboxes = Map.copyOf(mailboxes);
        domainStates = Map.copyOf(domainStates);
    }

    public String domainState(String domain) {
        return domainStates.getOrDefault(domain, "healthy");
    }

    public List<MailboxHealth> campaignMailboxes() {
        return campaign.map(c -> c.mailboxIds().stream().map(mailboxes::get)
                .filter(java.util.Objects::nonNull).toList()).orElse(List.of());
    }
}
