package com.superkabe.local;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protection demo: a mailbox is paused by its hard bounces, a lead for its campaign is blocked
 * with HEALTH_ISSUE, the logical clock and clean sends walk the mailbox back through quarantine,
 * restricted_send and warm_recovery to healthy, and the released lead is allowed and starts its run.
 * The receiving servers' answers are simulated (see {@link OutcomeSimulator}); everything else is
 * the services' own behaviour, read back through their public APIs.
 */
final class ProtectionDemo {

    record Seeded(String orgId, String apiKey, String mailboxId, String campaignId) {
    }

    /** A first offence's cooldown and the warm_recovery minimum (ServiceSpec.PROTECTION_DEMO_SPEED), at 1 tick/s. */
    private static final Duration COOLDOWN = Duration.ofSeconds(15);
    private static final Duration WARM_MINIMUM = Duration.ofSeconds(20);
    /** Slack on top of the ticks a phase needs, for a busy two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(30);

    private final Http http;
    private final MailServer mail;
    private final ProtectionSeeder seeder;
    private ProtectionWatch watch;
    private Seeded seeded;
    private String leadId;

    ProtectionDemo(Http http, MailServer mail) {
        this.http = http;
        this.mail = mail;
        this.seeder = new ProtectionSeeder(http);
    }

    Seeded seeded() {
        return seeded;
    }

    ProtectionVerdict run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        seeded = seeder.seed();
        watch = new ProtectionWatch(http, seeded.apiKey(), seeded.mailboxId());
        watch.mailbox();
        try (ClockWatcher clock = ClockWatcher.start();
             OutcomeSimulator sim = new OutcomeSimulator(seeded.orgId(), seeded.mailboxId())) {
            ProtectionVerdict v = script(clock, sim);
            Console.info("protection demo took " + Console.seconds(Duration.ofNanos(System.nanoTime() - start)));
            return v;
        }
    }

    private ProtectionVerdict script(ClockWatcher clock, OutcomeSimulator sim) throws InterruptedException, IOException {
        Console.info("--- 1. the mailbox sends; SIMULATING WHAT RECEIVING SERVERS ANSWER (GreenMail accepts every"
                + " address, so real bounces cannot happen locally): outcomes published to superkabe.send-outcomes");
        for (int i = 0; i < ProtectionDemoData.CLEAN_BEFORE; i++) {
            sim.accepted(ProtectionDemoData.cleanRecipient(i), clock.tick());
        }
        Console.info("simulated: " + ProtectionDemoData.CLEAN_BEFORE + " sends accepted (250 OK) by varied providers");
        for (String recipient : ProtectionDemoData.BOUNCING) {
            sim.hardBounce(recipient, clock.tick());
            Console.info("simulated: " + recipient + " answered 550 5.1.1 user unknown (HARD_BOUNCE)");
            Thread.sleep(400);
            watch.mailbox();
        }
        if (!awaitState(Set.of("paused"), Duration.ofSeconds(30))) {
            return timedOut("the mailbox to be paused");
        }
        Console.info("mailbox " + MailServer.PROTECTION_ADDRESS + ": " + watch.snapshot());

        Console.info("--- 2. a lead arrives for \"" + ProtectionDemoData.CAMPAIGN_NAME + "\", whose only mailbox is paused");
        leadId = seeder.submitLead(seeded);
        if (!await(Duration.ofSeconds(30), () -> !watch.decisions(leadId).isEmpty())) {
            return timedOut("the gate's decision on the lead");
        }

        Console.info("--- 3. healing, driven by the logical clock (tick " + clock.tick() + " now): cooldown, then a DNS"
                + " check of SPF/DKIM/DMARC/DNSBL against the launcher's DNS server");
        if (!awaitState(Set.of("restricted_send"), COOLDOWN.plus(SLACK))) {
            return timedOut("quarantine and the DNS check to end in restricted_send");
        }
        Console.info("restricted_send: " + ProtectionDemoData.RESTRICTED_CLEAN + " clean sends with no hard bounce"
                + " graduate it; simulated:");
        sendClean(sim, clock, ProtectionDemoData.RESTRICTED_CLEAN, ProtectionDemoData.RESTRICTED_CLEAN + " sends accepted");
        if (!awaitState(Set.of("warm_recovery"), SLACK)) {
            return timedOut("warm_recovery");
        }
        Console.info("warm_recovery: at least 50 clean sends, at least 20 ticks in the phase, bounce rate below 2%;"
                + " simulated sends trickle in meanwhile");
        Trickle trickle = new Trickle(sim, clock, ProtectionDemoData.CLEAN_AFTER - ProtectionDemoData.RESTRICTED_CLEAN);
        if (!await(WARM_MINIMUM.plus(SLACK), () -> {
            trickle.next();
            return "healthy".equals(watch.mailbox());
        })) {
            return timedOut("graduation from warm_recovery to healthy");
        }
        trickle.finish();
        Console.info("mailbox " + MailServer.PROTECTION_ADDRESS + ": " + watch.snapshot());
        watch.printAuditTrail();

        Console.info("--- 4. the mailbox has recovered: releasing the lead (POST /api/v1/leads/" + leadId + "/release)");
        if (!releaseUntilAllowed()) {
            return timedOut("an ALLOWED gate decision after the release");
        }
        if (!await(SLACK, () -> watch.run(seeded.campaignId(), ProtectionDemoData.HEDY.email()) != null)) {
            return timedOut("the lead's run at the sequencer");
        }
        awaitEmail();
        return ProtectionVerdict.judge(watch.trail(), watch.seenDecisions(), watch.runStatus());
    }

    /**
     * Releases the lead; the gate decides again at once, from its own copy of protection's state,
     * which may be a moment behind: a release that is blocked again is retried a few times.
     */
    private boolean releaseUntilAllowed() throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            int before = watch.decisions(leadId).size();
            Http.Response r = http.post(ServiceSpec.named("gate-service").baseUrl() + "/api/v1/leads/" + leadId
                    + "/release", Map.of("X-Api-Key", seeded.apiKey()), Map.of());
            Console.info("POST /api/v1/leads/" + leadId + "/release -> " + r.status() + " " + r.raw());
            if (!await(Duration.ofSeconds(15), () -> watch.decisions(leadId).size() > before)) {
                return false;
            }
            if ("ALLOWED".equals(watch.seenDecisions().getLast().outcome())) {
                return true;
            }
            Console.warn("released but blocked again; the gate's view may lag protection's by a moment: retrying");
            Thread.sleep(2000);
        }
        return false;
    }

    private void awaitEmail() throws InterruptedException {
        String to = ProtectionDemoData.HEDY.email();
        if (await(Duration.ofSeconds(20), () -> {
            watch.run(seeded.campaignId(), to);
            return !mail.inbox(to).isEmpty();
        })) {
            MailServer.ReceivedEmail e = mail.inbox(to).getFirst();
            Console.info("email reached " + to + ": \"" + e.subject() + "\" from " + e.from());
            watch.run(seeded.campaignId(), to);
        } else {
            Console.warn("no email reached " + to + " within 20 s (the run is " + watch.runStatus() + ")");
        }
    }

    private void sendClean(OutcomeSimulator sim, ClockWatcher clock, int n, String what) throws InterruptedException {
        int first = sim.published();
        for (int i = 0; i < n; i++) {
            sim.accepted(ProtectionDemoData.cleanRecipient(first + i), clock.tick());
        }
        Console.info("simulated: " + what);
    }

    private boolean awaitState(Set<String> targets, Duration timeout) throws InterruptedException {
        return await(timeout, () -> targets.contains(watch.mailbox()));
    }

    private static boolean await(Duration timeout, Await.Check check) throws InterruptedException {
        return Await.until(timeout, check);
    }

    private ProtectionVerdict timedOut(String what) throws InterruptedException {
        Console.warn("timed out waiting for " + what + "; mailbox: " + watch.snapshot());
        return ProtectionVerdict.timedOut(what, watch.trail(), watch.seenDecisions(), watch.runStatus());
    }

    List<String> summaryLines() {
        if (seeded == null) {
            return List.of();
        }
        String base = ServiceSpec.named("protection-service").baseUrl() + "/api/v1/protection/mailboxes/" + seeded.mailboxId();
        return List.of("protection demo: org \"" + ProtectionDemoData.ORG_NAME + "\" API key " + seeded.apiKey(),
                "try:         curl -H 'X-Api-Key: " + seeded.apiKey() + "' " + base + "/transitions",
                leadId == null ? "" : "             curl -H 'X-Api-Key: " + seeded.apiKey() + "' "
                        + ServiceSpec.named("gate-service").baseUrl() + "/api/v1/leads/" + leadId + "/gate-decisions",
                "its story:   " + ServiceSpec.CONSOLE.baseUrl() + "/console/mailboxes/" + seeded.mailboxId()
                        + "  (sign in with the API key above)");
    }
}
