package com.superkabe.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sending demo creates: an organization of its own, three mailboxes that send through the
 * scriptable SMTP peer, and two campaigns — one whose recipient greylists the first attempt, one
 * whose run must leave a mailbox that protection pauses between its two steps.
 */
final class SendingDemoData {

    static final String ORG_NAME = "Sending Demo Org";
    static final String RETRY_MAILBOX = "retries@sending.superkabe.test";
    static final String FIRST_MAILBOX = "north@sending.superkabe.test";
    static final String SECOND_MAILBOX = "south@sending.superkabe.test";
    static final List<String> MAILBOXES = List.of(RETRY_MAILBOX, FIRST_MAILBOX, SECOND_MAILBOX);

    /** What a greylisting server answers a sender it has not seen before. */
    static final String GREYLISTED = "451 4.7.1 greylisted, try again later";
    static final DemoData.Lead BARBARA = new DemoData.Lead("barbara.liskov@" + DemoData.LEAD_DOMAIN, "Barbara", "Liskov",
            "Substitution Systems", "Professor");
    static final DemoData.Lead EDSGER = new DemoData.Lead("edsger.dijkstra@" + DemoData.LEAD_DOMAIN, "Edsger", "Dijkstra",
            "Shortest Paths", "Professor");

    static final String RETRY_CAMPAIGN = "Greylisting demo";
    static final String MOVE_CAMPAIGN = "Reassignment demo";
    /**
     * Ticks between the two steps of the move campaign: time for the demo to see step 1 delivered and
     * pause its mailbox, and for protection's state to reach the sequencer, before step 2 is due.
     */
    static final int FOLLOW_UP_DELAY = 10;
    /** How long a run waits on a mailbox that cannot send before it moves (the product's default is a day). */
    static final int REASSIGN_AFTER_TICKS = 3;
    static final String PAUSE_REASON = "sending demo: operator pause after step 1";

    private SendingDemoData() {
    }

    static Map<String, Object> organization() {
        return Map.of("name", ORG_NAME);
    }

    /** Sends through the peer (any login accepted), polled for replies on the local mail server. */
    static Map<String, Object> mailbox(String address, String peerHost, int peerPort) {
        return mailbox(address, peerHost, peerPort, MailServer.HOST, MailServer.IMAP_PORT);
    }

    /** The same, polled through another IMAP address (a fault proxy in front of the local mail server). */
    static Map<String, Object> mailbox(String address, String peerHost, int peerPort, String imapHost, int imapPort) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address);
        m.put("provider", "SMTP");
        m.put("dailyLimit", 50);
        m.put("smtp", DemoData.server(peerHost, peerPort, address));
        m.put("imap", DemoData.server(imapHost, imapPort, address));
        return m;
    }

    /** One step, from the one mailbox whose recipient greylists. */
    static Map<String, Object> retryCampaign(String mailboxId) {
        return campaign(RETRY_CAMPAIGN, List.of(mailboxId), List.of(
                step("Type hierarchies, {{firstName}}", "Hi {{firstName}},\n\ncan {{company}} substitute a subtype?\n", 0)),
                null);
    }

    /** Two steps over two mailboxes; a run leaves a mailbox that cannot send after three ticks. */
    static Map<String, Object> moveCampaign(List<String> mailboxIds) {
        return campaign(MOVE_CAMPAIGN, mailboxIds, List.of(
                step("Shortest paths at {{company}}", "Hi {{firstName}},\n\nhow does {{company}} route today?\n", 0),
                step("Following up, {{firstName}}", "Hi {{firstName}}, just bumping this.", FOLLOW_UP_DELAY)),
                REASSIGN_AFTER_TICKS);
    }

    private static Map<String, Object> campaign(String name, List<String> mailboxIds, List<Map<String, Object>> steps,
                                                Integer reassignAfterTicks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", "ACTIVE");
        m.put("mailboxIds", mailboxIds);
        m.put("steps", steps);
        if (reassignAfterTicks != null) {
            m.put("reassignAfterTicks", reassignAfterTicks);
        }
        return m;
    }

    private static Map<String, Object> step(String subject, String body, int delayTicks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("body", body);
        m.put("delayTicks", delayTicks);
        return m;
    }

    static Map<String, Object> pause() {
        return Map.of("target", "paused", "reason", PAUSE_REASON, "force", true);
    }
}
