package com.superkabe.local;

import com.superkabe.events.Topic;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/** Seeds the demo through the public APIs only, the way a user would. */
final class DemoSeeder {

    /** Services other than ingestion learn a new API key from Kafka, a moment after it is issued. */
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(30);
    /** Answers that mean "not known here yet" while an event is still on its way between services. */
    private static final Set<Integer> NOT_YET = Set.of(401, 404, 409, 422);

    record Seeded(String orgId, String apiKey, String mailboxId, String campaignId) {
    }

    private final Http http;
    private final String ingestion = ServiceSpec.named("ingestion-service").baseUrl();
    private final String sendAdapter = ServiceSpec.named("send-adapter-service").baseUrl();
    private final String sequencer = ServiceSpec.named("sequencer-service").baseUrl();

    DemoSeeder(Http http) {
        this.http = http;
    }

    Seeded seed() throws IOException, InterruptedException {
        Http.Response org = expect(201, "registering organization", http.post(ingestion + "/admin/v1/organizations",
                Map.of("X-Admin-Token", ServiceSpec.ADMIN_TOKEN), DemoData.organization()));
        String orgId = text(org.body(), "orgId");
        String apiKey = text(org.body(), "apiKey");
        Console.info("registered organization \"" + DemoData.ORG_NAME + "\" id " + orgId + ", API key " + apiKey);
        Map<String, String> auth = Map.of("X-Api-Key", apiKey);
        // CAN-SPAM: no campaign is activated and nothing is sent without the organization's postal address
        expect(200, "setting the mailing address", untilKnown(() -> http.put(ingestion
                + "/api/v1/organization/mailing-address", auth, Map.of("mailingAddress", DemoData.MAILING_ADDRESS))));

        Http.Response mailbox = expect(201, "registering mailbox", untilKnown(
                () -> http.post(sendAdapter + "/api/v1/mailboxes", auth, DemoData.mailbox())));
        String mailboxId = text(mailbox.body(), "mailboxId");
        Console.info("registered mailbox " + MailServer.DEMO_ADDRESS + " id " + mailboxId);

        Http.Response campaign = expect(201, "creating campaign", untilKnown(
                () -> http.post(sequencer + "/api/v1/campaigns", auth, DemoData.campaign(mailboxId))));
        String campaignId = text(campaign.body(), "campaignId");
        Console.info("created ACTIVE campaign \"" + DemoData.CAMPAIGN_NAME + "\" id " + campaignId
                + " (step 1 now, step 2 eight ticks later)");
        awaitCampaignVisible(auth, campaignId);

        Seeded seeded = new Seeded(orgId, apiKey, mailboxId, campaignId);
        submitLeads(seeded, auth);
        publishToIntakeTopic(seeded, IntakeProducerKey.issue(http, ingestion, auth));
        return seeded;
    }

    /**
     * The gate hears of the campaign over Kafka; there is no API to ask it, so once the sequencer
     * serves the campaign give the other consumers a moment too.
     */
    private void awaitCampaignVisible(Map<String, String> auth, String campaignId)
            throws IOException, InterruptedException {
        expect(200, "reading the campaign's runs",
                untilKnown(() -> http.get(sequencer + "/api/v1/campaigns/" + campaignId + "/runs", auth)));
        Thread.sleep(3000);
    }

    private void submitLeads(Seeded s, Map<String, String> auth) throws IOException, InterruptedException {
        for (DemoData.Lead lead : DemoData.REST_LEADS) {
            Http.Response r = untilKnown(() -> http.post(ingestion + "/api/v1/leads", auth, lead.body(s.campaignId())));
            if (r.status() == 201) {
                Console.info("POST /api/v1/leads " + lead.email() + " -> 201 leadId " + text(r.body(), "leadId")
                        + ", status " + r.body().path("status").asString("?")
                        + ", health " + r.body().path("health").asString("?"));
            } else if (r.status() == 400 && lead == DemoData.MALFORMED) {
                Console.info("POST /api/v1/leads " + lead.email() + " -> 400 as expected: " + fieldErrors(r));
            } else {
                throw new StackException("submitting lead " + lead.email() + " failed: " + r.problem());
            }
        }
    }

    private void publishToIntakeTopic(Seeded s, IntakeProducerKey key) throws InterruptedException {
        String value = Http.JSON.writeValueAsString(DemoData.intakeRecord(DemoData.ALAN, s.orgId(), s.campaignId()));
        Map<String, Object> config = KafkaBroker.client(KafkaUsers.DEMO_CUSTOMER, Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        String topic = Topic.LEAD_INTAKE.topicName();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            RecordMetadata md = producer.send(key.record(topic, s.orgId(), value)).get(30, TimeUnit.SECONDS);
            Console.info("published " + DemoData.ALAN.email() + " straight to Kafka topic " + topic + " (partition "
                    + md.partition() + ", offset " + md.offset() + ") as Kafka user " + KafkaUsers.DEMO_CUSTOMER
                    + ", signed with intake producer key " + key.producerId() + " of the organization");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("publishing to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    private static String fieldErrors(Http.Response r) {
        JsonNode errors = r.body().path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return r.problem();
        }
        StringBuilder sb = new StringBuilder(r.body().path("title").asString("invalid lead"));
        errors.forEach(e -> sb.append("; ").append(e.path("field").asString("?")).append(": ")
                .append(e.path("message").asString("?")));
        return sb.toString();
    }

    @FunctionalInterface
    interface Call {
        Http.Response send() throws IOException, InterruptedException;
    }

    /** Retries while the answer means "not known here yet" (an event still on its way), up to 30 s. */
    static Http.Response untilKnown(Call call) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        Http.Response r = call.send();
        while (NOT_YET.contains(r.status()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            r = call.send();
        }
        return r;
    }

    static Http.Response expect(int status, String what, Http.Response r) {
        if (r.status() != status) {
            throw new StackException(what + " failed: " + r.problem());
        }
        return r;
    }

    static String text(JsonNode body, String field) {
        String v = body.path(field).asString("");
        if (v.isEmpty()) {
            throw new StackException("response has no \"" + field + "\": " + body);
        }
        return v;
    }
}
