package com.superkabe.local;

import static com.superkabe.local.DemoSeeder.expect;
import static com.superkabe.local.DemoSeeder.text;
import static com.superkabe.local.DemoSeeder.untilKnown;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Seeds the sending demo through the public APIs: its organization, mailboxes on the peer, campaigns, leads. */
final class SendingSeeder {

    private final Http http;
    private final String ingestion = ServiceSpec.named("ingestion-service").baseUrl();
    private final String sendAdapter = ServiceSpec.named("send-adapter-service").baseUrl();
    private final String sequencer = ServiceSpec.named("sequencer-service").baseUrl();
    private final String protection = ServiceSpec.named("protection-service").baseUrl();
    private Map<String, String> auth;

    SendingSeeder(Http http) {
        this.http = http;
    }

    /** Registers the organization and sets its mailing address; returns {orgId, apiKey}. */
    List<String> organization() throws IOException, InterruptedException {
        Http.Response org = expect(201, "registering organization", http.post(ingestion + "/admin/v1/organizations",
                Map.of("X-Admin-Token", ServiceSpec.ADMIN_TOKEN), SendingDemoData.organization()));
        String orgId = text(org.body(), "orgId");
        String apiKey = text(org.body(), "apiKey");
        Console.info("registered organization \"" + SendingDemoData.ORG_NAME + "\" id " + orgId + ", API key " + apiKey);
        auth = Map.of("X-Api-Key", apiKey);
        // CAN-SPAM: no campaign is activated and nothing is sent without the organization's postal address
        expect(200, "setting the mailing address", untilKnown(() -> http.put(ingestion
                + "/api/v1/organization/mailing-address", auth, Map.of("mailingAddress", DemoData.MAILING_ADDRESS))));
        return List.of(orgId, apiKey);
    }

    /** Registers each address as a mailbox sending through the peer; returns mailbox id → address, in order. */
    Map<String, String> mailboxes(List<String> addresses, String peerHost, int peerPort)
            throws IOException, InterruptedException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String address : addresses) {
            Http.Response r = expect(201, "registering mailbox " + address, untilKnown(() -> http.post(
                    sendAdapter + "/api/v1/mailboxes", auth, SendingDemoData.mailbox(address, peerHost, peerPort))));
            String id = text(r.body(), "mailboxId");
            ids.put(id, address);
            expect(200, "reading mailbox " + address + " at protection-service",
                    untilKnown(() -> http.get(protection + "/api/v1/protection/mailboxes/" + id, auth)));
            Console.info("registered mailbox " + address + " id " + id + ": SMTP via the peer " + peerHost + ":"
                    + peerPort + ", IMAP on the local mail server");
        }
        return ids;
    }

    /** Creates an ACTIVE campaign and waits until the sequencer serves it; returns its id. */
    String campaign(Map<String, Object> body, String describe) throws IOException, InterruptedException {
        Http.Response r = expect(201, "creating campaign", untilKnown(
                () -> http.post(sequencer + "/api/v1/campaigns", auth, body)));
        String campaignId = text(r.body(), "campaignId");
        Console.info("created ACTIVE campaign \"" + body.get("name") + "\" id " + campaignId + ": " + describe);
        expect(200, "reading the campaign's runs",
                untilKnown(() -> http.get(sequencer + "/api/v1/campaigns/" + campaignId + "/runs", auth)));
        // the gate hears of the campaign over Kafka and has no API to ask: give it a moment
        Thread.sleep(3000);
        return campaignId;
    }

    void lead(DemoData.Lead lead, String campaignId) throws IOException, InterruptedException {
        Http.Response r = expect(201, "submitting lead " + lead.email(), untilKnown(() -> http.post(
                ingestion + "/api/v1/leads", auth, lead.body(campaignId))));
        Console.info("POST /api/v1/leads " + lead.email() + " -> 201 leadId " + text(r.body(), "leadId"));
    }

    /** The run id of the campaign's run for this address, or null while there is none. */
    String runId(String campaignId, String email) throws InterruptedException {
        try {
            Http.Response r = http.get(sequencer + "/api/v1/campaigns/" + campaignId + "/runs", auth);
            if (r.isSuccess()) {
                for (JsonNode run : r.body()) {
                    if (email.equals(run.path("email").asString(""))) {
                        return run.path("runId").asString(null);
                    }
                }
            }
        } catch (IOException e) {
            Console.warn("reading the runs of " + campaignId + " failed: " + e.getMessage());
        }
        return null;
    }

    /** Forces the mailbox to paused at protection, as an operator would. */
    void pause(String mailboxId, String address) throws IOException, InterruptedException {
        String url = protection + "/api/v1/protection/mailboxes/" + mailboxId + "/transitions";
        Http.Response r = expect(201, "pausing " + address, http.post(url, auth, SendingDemoData.pause()));
        Console.info("POST " + url + " {\"target\":\"paused\",\"reason\":\"" + SendingDemoData.PAUSE_REASON
                + "\",\"force\":true} -> " + r.status() + ": " + address + " " + r.body().path("from").asString("?")
                + " → " + r.body().path("to").asString("?") + " at tick " + r.body().path("logicalTick").asString("?")
                + " (forced " + r.body().path("forced").asString("?") + ")");
    }
}
