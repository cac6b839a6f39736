package com.superkabe.local;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Shows the leads flowing: prints every email that reaches a lead's inbox, answers Ada's first one
 * as Ada would (a real reply over SMTP into the demo mailbox), and prints each run's status as it
 * changes, until the verdict is in.
 */
final class DemoObserver {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** Once the verdict looks good, keep watching a little: Ada must stay without a follow-up. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final Http http;
    private final MailServer mail;
    private final DemoSeeder.Seeded seeded;
    private final Map<String, List<MailServer.ReceivedEmail>> inboxes = new HashMap<>();
    private final Map<String, String> runLines = new HashMap<>();
    private final Map<String, String> statusByLead = new HashMap<>();
    private final String replier = DemoData.ADA.email();
    private final List<String> others = DemoData.GOOD_ADDRESSES.stream().filter(a -> !a.equals(replier)).toList();
    private boolean replied;

    DemoObserver(Http http, MailServer mail, DemoSeeder.Seeded seeded) {
        this.http = http;
        this.mail = mail;
        this.seeded = seeded;
    }

    DemoVerdict watch() throws InterruptedException {
        Console.info("watching the leads' inboxes and the campaign's runs (1 logical tick per second) ...");
        long start = System.nanoTime();
        long lastRunsPoll = 0;
        long passedAt = -1;
        while (true) {
            pollInboxes();
            long now = System.nanoTime();
            if (now - lastRunsPoll >= Duration.ofSeconds(1).toNanos()) {
                pollRuns();
                lastRunsPoll = now;
            }
            DemoVerdict v = DemoVerdict.judge(replier, others, emailCounts(), statusByLead);
            if (v.state() == DemoVerdict.State.FAILED) {
                return v;
            }
            if (v.state() == DemoVerdict.State.PASSED) {
                passedAt = passedAt < 0 ? now : passedAt;
                if (now - passedAt >= SETTLE.toNanos()) {
                    return v;
                }
            }
            if (now - start > TIMEOUT.toNanos()) {
                return DemoVerdict.atDeadline(replier, others, emailCounts(), statusByLead);
            }
            Thread.sleep(200);
        }
    }

    private void pollInboxes() {
        for (String address : DemoData.GOOD_ADDRESSES) {
            List<MailServer.ReceivedEmail> now = mail.inbox(address);
            List<MailServer.ReceivedEmail> before = inboxes.getOrDefault(address, List.of());
            for (int i = before.size(); i < now.size(); i++) {
                MailServer.ReceivedEmail e = now.get(i);
                Console.info("email #" + (i + 1) + " reached " + address + ": \"" + e.subject() + "\" from " + e.from()
                        + ", Message-ID " + e.messageId());
            }
            inboxes.put(address, now);
        }
        List<MailServer.ReceivedEmail> adas = inboxes.getOrDefault(replier, List.of());
        if (!replied && !adas.isEmpty()) {
            replyAsAda(adas.getFirst());
            replied = true;
        }
    }

    private void replyAsAda(MailServer.ReceivedEmail first) {
        String subject = "Re: " + first.subject();
        mail.send(replier, MailServer.DEMO_ADDRESS, subject,
                "Hi,\n\nyes, we are. Let's talk next week.\n\nAda\n", first.messageId());
        Console.info("replied as " + replier + " to " + MailServer.DEMO_ADDRESS + ": \"" + subject
                + "\" (In-Reply-To " + first.messageId() + ") - her run should stop at step 1");
    }

    private void pollRuns() throws InterruptedException {
        String url = ServiceSpec.named("sequencer-service").baseUrl() + "/api/v1/campaigns/" + seeded.campaignId() + "/runs";
        Http.Response r;
        try {
            r = http.get(url, Map.of("X-Api-Key", seeded.apiKey()));
        } catch (IOException e) {
            Console.warn("GET " + url + " failed: " + e.getMessage());
            return;
        }
        if (!r.isSuccess() || !r.body().isArray()) {
            Console.warn("GET " + url + " -> " + r.problem());
            return;
        }
        for (JsonNode run : r.body()) {
            String email = run.path("email").asString("?");
            String status = run.path("status").asString("?");
            String line = status + ", step " + run.path("currentStep").asString("?") + ", due tick "
                    + run.path("dueTick").asString("-");
            statusByLead.put(email, status);
            if (!line.equals(runLines.put(run.path("runId").asString(email), line))) {
                Console.info("run of " + email + ": " + line);
            }
        }
    }

    private Map<String, Integer> emailCounts() {
        Map<String, Integer> counts = new HashMap<>();
        inboxes.forEach((address, mails) -> counts.put(address, mails.size()));
        return counts;
    }
}
