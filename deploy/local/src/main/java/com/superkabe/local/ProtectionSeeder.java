package com.superkabe.local;

import static com.superkabe.local.DemoSeeder.expect;
import static com.superkabe.local.DemoSeeder.text;
import static com.superkabe.local.DemoSeeder.untilKnown;

import java.io.IOException;
import java.util.Map;

/** Seeds the protection demo through the public APIs: its own organization, mailbox, campaign, and later the lead. */
final class ProtectionSeeder {

    private final Http http;
    private final String ingestion = ServiceSpec.named("ingestion-service").baseUrl();
    private final String sendAdapter = ServiceSpec.named("send-adapter-service").baseUrl();
    private final String sequencer = ServiceSpec.named("sequencer-service").baseUrl();
    private final String protection = ServiceSpec.named("protection-service").baseUrl();

    ProtectionSeeder(Http http) {
        this.http = http;
    }

    ProtectionDemo.Seeded seed() throws IOException, InterruptedException {
        Http.Response org = expect(201, "registering organization", http.post(ingestion + "/admin/v1/organizations",
                Map.of("X-Admin-Token", ServiceSpec.ADMIN_TOKEN), ProtectionDemoData.organization()));
        String orgId = text(org.body(), "orgId");
        String apiKey = text(org.body(), "apiKey");
        Console.info("registered organization \"" + ProtectionDemoData.ORG_NAME + "\" id " + orgId + ", API key " + apiKey);
        Map<String, String> auth = Map.of("X-Api-Key", apiKey);
        // CAN-SPAM: no campaign is activated and nothing is sent without the organization's postal address
        expect(200, "setting the mailing address", DemoSeeder.untilKnown(() -> http.put(ingestion
                + "/api/v1/organization/mailing-address", auth, Map.of("mailingAddress", DemoData.MAILING_ADDRESS))));

        Http.Response mailbox = expect(201, "registering mailbox", untilKnown(
                () -> http.post(sendAdapter + "/api/v1/mailboxes", auth, ProtectionDemoData.mailbox())));
        String mailboxId = text(mailbox.body(), "mailboxId");
        Http.Response known = expect(200, "reading the mailbox at protection-service", untilKnown(
                () -> http.get(protection + "/api/v1/protection/mailboxes/" + mailboxId, auth)));
        Console.info("registered mailbox " + MailServer.PROTECTION_ADDRESS + " id " + mailboxId
                + " (daily limit " + ProtectionDemoData.DAILY_LIMIT + "); protection-service says: "
                + known.body().path("state").asString("?"));

        Http.Response campaign = expect(201, "creating campaign", untilKnown(
                () -> http.post(sequencer + "/api/v1/campaigns", auth, ProtectionDemoData.campaign(mailboxId))));
        String campaignId = text(campaign.body(), "campaignId");
        Console.info("created ACTIVE campaign \"" + ProtectionDemoData.CAMPAIGN_NAME + "\" id " + campaignId
                + ", one step, its only mailbox " + MailServer.PROTECTION_ADDRESS);
        // the gate hears of the campaign over Kafka and has no API to ask: see it served, then give it a moment
        expect(200, "reading the campaign's runs",
                untilKnown(() -> http.get(sequencer + "/api/v1/campaigns/" + campaignId + "/runs", auth)));
        Thread.sleep(3000);
        return new ProtectionDemo.Seeded(orgId, apiKey, mailboxId, campaignId);
    }

    /** Submits the demo's lead over REST; returns its id. */
    String submitLead(ProtectionDemo.Seeded s) throws IOException, InterruptedException {
        DemoData.Lead lead = ProtectionDemoData.HEDY;
        Http.Response r = expect(201, "submitting lead " + lead.email(), untilKnown(() -> http.post(
                ingestion + "/api/v1/leads", Map.of("X-Api-Key", s.apiKey()), lead.body(s.campaignId()))));
        String leadId = text(r.body(), "leadId");
        Console.info("POST /api/v1/leads " + lead.email() + " -> 201 leadId " + leadId + ", status "
                + r.body().path("status").asString("?"));
        return leadId;
    }
}
