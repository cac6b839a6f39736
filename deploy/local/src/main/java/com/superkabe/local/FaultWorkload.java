package com.superkabe.local;

import static com.superkabe.local.DemoSeeder.expect;
import static com.superkabe.local.DemoSeeder.text;
import static com.superkabe.local.DemoSeeder.untilKnown;

import com.superkabe.events.Envelope;
import com.superkabe.events.Topic;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunPaused;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunResumed;
import com.superkabe.events.run.RunStarted;
import com.superkabe.events.run.RunStopped;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.RunWaitElapsed;
import com.superkabe.events.run.RunWaiting;
import com.superkabe.events.run.RunCommandRejected;
import com.superkabe.events.run.RunEngagementRecorded;
import com.superkabe.testsmtp.ReceivedMessage;
import com.superkabe.testsmtp.SmtpPeer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * One fault scenario's traffic, through the public doors only: an organization of its own, one mailbox
 * sending through the scriptable SMTP peer, an ACTIVE one-step campaign whose daily limit is below the
 * number of leads (so the cap is exercised), and leads submitted over REST and the intake topic. It
 * records what the client saw acknowledged and, afterwards, what every side observed.
 */
final class FaultWorkload {

    static final int DAILY_LIMIT = 10;
    static final int REST_LEADS = 12;
    static final int TOPIC_LEADS = 4;
    static final String LEAD_DOMAIN = DemoData.LEAD_DOMAIN;
    /** The fault proxies listen on loopback only. */
    private static final String LOOPBACK = "127.0.0.1";
    private static final List<String> NAMES = List.of("ada", "grace", "alan", "edsger", "barbara", "donald", "john",
            "margaret", "tony", "leslie", "frances", "niklaus", "ken", "dennis", "radia", "shafi", "silvio", "judea");
    /** How long a client keeps retrying one submission while a service or the broker is down. */
    private static final Duration CLIENT_RETRY = Duration.ofSeconds(60);

    private final Http http;
    private final String scenario;
    private final SmtpPeer peer;
    private final java.util.function.Function<String, List<String>> liveInstances;
    private final int smtpPort;
    private final int imapPort;
    private final String ingestion = ServiceSpec.named("ingestion-service").baseUrl();
    private final String sendAdapter = ServiceSpec.named("send-adapter-service").baseUrl();
    private final String sequencer = ServiceSpec.named("sequencer-service").baseUrl();
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private String orgId;
    private IntakeProducerKey producerKey;
    private Map<String, String> auth;
    private String campaignId;

    /**
     * @param smtpPort where the mailbox sends: the fault proxy in front of the peer
     * @param imapPort where the mailbox is polled: the fault proxy in front of the local mail server's IMAP
     * @param liveInstances a service's name → the base URLs of its running instances, tried in turn while
     *                      submitting and observing (with two replicas, one may have been killed)
     */
    FaultWorkload(Http http, String scenario, SmtpPeer peer, int smtpPort, int imapPort,
                  java.util.function.Function<String, List<String>> liveInstances) {
        this.liveInstances = liveInstances;
        this.http = http;
        this.scenario = scenario;
        this.peer = peer;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    String orgId() {
        return orgId;
    }

    /** Organization, mailing address, one mailbox on the peer, the campaign; waits until the sequencer serves it. */
    void seed() throws IOException, InterruptedException {
        Http.Response org = expect(201, "registering the organization", http.post(ingestion + "/admin/v1/organizations",
                Map.of("X-Admin-Token", ServiceSpec.ADMIN_TOKEN), Map.of("name", "Fault run " + scenario)));
        orgId = text(org.body(), "orgId");
        auth = Map.of("X-Api-Key", text(org.body(), "apiKey"));
        // issued before any fault: the customer's producer holds its key before it publishes
        producerKey = IntakeProducerKey.issue(http, ingestion, auth);
        expect(200, "setting the mailing address", untilKnown(() -> http.put(ingestion
                + "/api/v1/organization/mailing-address", auth, Map.of("mailingAddress", DemoData.MAILING_ADDRESS))));
        String address = scenario.replaceAll("[^a-z0-9]", "") + "@faults.superkabe.test";
        Http.Response mailbox = expect(201, "registering the mailbox", untilKnown(() -> http.post(
                sendAdapter + "/api/v1/mailboxes", auth, SendingDemoData.mailbox(address,
                LOOPBACK, smtpPort, LOOPBACK, imapPort))));
        String mailboxId = text(mailbox.body(), "mailboxId");
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", "Fault run " + scenario);
        campaign.put("status", "ACTIVE");
        campaign.put("mailboxIds", List.of(mailboxId));
        campaign.put("dailyLimit", DAILY_LIMIT);
        campaign.put("steps", List.of(Map.of("subject", "Fault run, {{firstName}}", "body",
                "Hi {{firstName}},\n\none message only.\n", "delayTicks", 0)));
        Http.Response created = expect(201, "creating the campaign", untilKnown(
                () -> http.post(sequencer + "/api/v1/campaigns", auth, campaign)));
        campaignId = text(created.body(), "campaignId");
        expect(200, "reading the campaign's runs",
                untilKnown(() -> http.get(sequencer + "/api/v1/campaigns/" + campaignId + "/runs", auth)));
    }

    List<DemoData.Lead> restLeads() {
        return leads(0, REST_LEADS);
    }

    List<DemoData.Lead> topicLeads() {
        return leads(REST_LEADS, REST_LEADS + TOPIC_LEADS);
    }

    private List<DemoData.Lead> leads(int from, int to) {
        List<DemoData.Lead> leads = new ArrayList<>();
        String tag = scenario.replaceAll("[^a-z]", "");
        for (int i = from; i < to; i++) {
            String name = NAMES.get(i % NAMES.size());
            leads.add(new DemoData.Lead(name + "." + tag + "@" + LEAD_DOMAIN, capitalise(name), "Faultline",
                    "Fault Runs", "Engineer"));
        }
        return leads;
    }

    /**
     * Submits each lead as a careful client does: retried with the same Idempotency-Key while the answer
     * is a connection failure or a 5xx, acknowledged only by a 2xx.
     */
    void submitRest(List<DemoData.Lead> leads) throws InterruptedException {
        for (DemoData.Lead lead : leads) {
            Map<String, String> headers = new HashMap<>(auth);
            headers.put("Idempotency-Key", "fault-" + scenario + "-" + lead.email());
            long deadline = System.nanoTime() + CLIENT_RETRY.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    Http.Response r = anyInstance("ingestion-service",
                            base -> http.post(base + "/api/v1/leads", headers, lead.body(campaignId)));
                    if (r.isSuccess()) {
                        acked.add(lead.email());
                        break;
                    }
                    if (r.status() < 500) {
                        Console.warn("fault run " + scenario + ": " + lead.email() + " refused: " + r.problem());
                        break;
                    }
                } catch (IOException downForNow) {
                    // the service is being killed or restarted: a client retries
                }
                Thread.sleep(500);
            }
        }
    }

    /** Publishes to the intake topic; a record counts as acknowledged once the broker has committed it (acks=all). */
    void submitTopic(List<DemoData.Lead> leads) throws InterruptedException {
        Map<String, Object> config = KafkaBroker.client(KafkaUsers.DEMO_CUSTOMER, Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CLIENT_RETRY.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (DemoData.Lead lead : leads) {
                String value = Http.JSON.writeValueAsString(DemoData.intakeRecord(lead, orgId, campaignId));
                try {
                    producer.send(producerKey.record(Topic.LEAD_INTAKE.topicName(), orgId, value))
                            .get(CLIENT_RETRY.toSeconds() + 5, TimeUnit.SECONDS);
                    acked.add(lead.email());
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    Console.warn("fault run " + scenario + ": intake record for " + lead.email() + " not committed: "
                            + e.getMessage());
                }
            }
        }
    }

    /** Asks the service's running instances in turn until one answers; a connection failure moves on. */
    private Http.Response anyInstance(String service, InstanceCall call) throws IOException, InterruptedException {
        IOException last = null;
        for (String base : liveInstances.apply(service)) {
            try {
                return call.at(base);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("no instance of " + service + " is running");
    }

    @FunctionalInterface
    private interface InstanceCall {
        Http.Response at(String baseUrl) throws IOException, InterruptedException;
    }

    /** The campaign's runs as the sequencer serves them: address → run id. */
    Map<String, String> runs() throws InterruptedException {
        Map<String, String> runs = new HashMap<>();
        try {
            Http.Response r = anyInstance("sequencer-service",
                    base -> http.get(base + "/api/v1/campaigns/" + campaignId + "/runs", auth));
            if (r.isSuccess()) {
                for (JsonNode run : r.body()) {
                    runs.put(run.path("email").asString("").toLowerCase(Locale.ROOT), run.path("runId").asString(""));
                }
            }
        } catch (IOException e) {
            Console.warn("fault run " + scenario + ": reading the runs failed: " + e.getMessage());
        }
        return runs;
    }

    /**
     * Messages the peer accepted for this scenario's leads (its addresses are the scenario's own). A
     * message whose connection the peer dropped after the final dot counts too: a real server may have
     * queued it, so a second copy would be a duplicate for the recipient.
     */
    Map<String, List<String>> delivered() {
        Map<String, List<String>> delivered = new HashMap<>();
        String tag = "." + scenario.replaceAll("[^a-z]", "") + "@";
        for (ReceivedMessage m : peer.sessions().stream().flatMap(s -> s.messages().stream()).toList()) {
            for (String rcpt : m.recipients()) {
                String address = rcpt.toLowerCase(Locale.ROOT).replaceAll("[<>]", "");
                if (address.contains(tag)) {
                    delivered.computeIfAbsent(address, k -> new ArrayList<>()).add(m.header("Message-ID").orElse("?"));
                }
            }
        }
        return delivered;
    }

    /**
     * Waits until every acknowledged lead has a run and the campaign has sent what its cap allows (or the
     * time is up), then a few more ticks so a late duplicate would show.
     */
    void awaitQuiet(Duration timeout) throws InterruptedException {
        int expectedSends = Math.min(DAILY_LIMIT, acked.size());
        boolean quiet = Await.until(timeout, () -> runs().keySet().containsAll(acked)
                && delivered().values().stream().mapToInt(List::size).sum() >= expectedSends);
        if (!quiet) {
            // not a violation the checker counts (fewer sends than the cap is no loss), but worth a look
            Console.warn("fault run " + scenario + ": after " + Console.seconds(timeout) + " "
                    + delivered().values().stream().mapToInt(List::size).sum() + " of " + expectedSends
                    + " expected messages were sent; unsent runs: " + unsent());
        }
        Thread.sleep(5000);
    }

    /** Runs without a delivered message, with the sequencer's view of them (status, in flight, attempt). */
    private List<String> unsent() throws InterruptedException {
        List<String> unsent = new ArrayList<>();
        Set<String> delivered = delivered().keySet();
        try {
            Http.Response r = anyInstance("sequencer-service",
                    base -> http.get(base + "/api/v1/campaigns/" + campaignId + "/runs", auth));
            for (JsonNode run : r.body()) {
                String email = run.path("email").asString("").toLowerCase(Locale.ROOT);
                if (!delivered.contains(email)) {
                    unsent.add(email + " " + run.path("status").asString("?") + (run.path("inFlight").asBoolean(false)
                            ? " in flight, attempt " + run.path("attempt").asInt() : "") + " due " + run.path("dueTick").asLong());
                }
            }
        } catch (IOException e) {
            unsent.add("(runs unreadable: " + e.getMessage() + ")");
        }
        return unsent;
    }

    FaultChecker.Observation observe(RunTopicsFollower follower) throws InterruptedException {
        Map<String, String> runs = runs();
        Map<String, List<FaultChecker.Status>> transitions = new HashMap<>();
        Map<String, List<String>> decided = new HashMap<>();
        Map<String, List<String>> published = new HashMap<>();
        for (String runId : follower.runIds()) {
            List<FaultChecker.Status> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Envelope e : follower.runTopicEvents(runId)) {
                ids.add(e.id());
                if (!(e.payload() instanceof RunCommandRejected) && !(e.payload() instanceof RunEngagementRecorded)) {
                    statuses.add(status(e));
                }
            }
            transitions.put(runId, statuses);
            published.put(runId, ids);
            decided.put(runId, decidedOrder(runId));
        }
        return new FaultChecker.Observation(Set.copyOf(acked), runs, transitions, delivered(), DAILY_LIMIT, decided,
                published);
    }

    /** The run's event ids in the order the sequencer decided them, as its run API lists the transitions. */
    private List<String> decidedOrder(String runId) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        try {
            Http.Response r = anyInstance("sequencer-service",
                    base -> http.get(base + "/api/v1/runs/" + runId, auth));
            if (r.isSuccess()) {
                for (JsonNode t : r.body().path("transitions")) {
                    ids.add(t.path("eventId").asString(""));
                }
            }
        } catch (IOException e) {
            Console.warn("fault run " + scenario + ": reading run " + runId + " failed: " + e.getMessage());
        }
        return ids;
    }

    /** The status an event moves a run to in the checker's own model. */
    static FaultChecker.Status status(Envelope e) {
        return switch (e.payload()) {
            case RunEnrolled x -> FaultChecker.Status.PENDING;
            case RunStarted x -> FaultChecker.Status.ACTIVE;
            case RunWaiting x -> FaultChecker.Status.WAITING;
            case RunWaitElapsed x -> FaultChecker.Status.ACTIVE;
            case RunPaused x -> FaultChecker.Status.PAUSED;
            case RunResumed x -> FaultChecker.Status.ACTIVE;
            case RunCompleted x -> FaultChecker.Status.COMPLETED;
            case RunFailed x -> FaultChecker.Status.FAILED;
            case RunReplied x -> FaultChecker.Status.STOPPED;
            case RunSuppressed x -> FaultChecker.Status.STOPPED;
            case RunStopped x -> FaultChecker.Status.STOPPED;
            default -> FaultChecker.Status.UNCHANGED;
        };
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
