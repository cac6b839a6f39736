package com.superkabe.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the protection demo creates and simulates: an organization of its own, its mailbox, campaign and lead. */
final class ProtectionDemoData {

    static final String ORG_NAME = "Protection Demo Org";
    static final String CAMPAIGN_NAME = "Protection demo campaign";
    static final DemoData.Lead HEDY = new DemoData.Lead("hedy@" + DemoData.LEAD_DOMAIN, "Hedy", "Lamarr", "Frequency Hopping Inc",
            "Inventor");
    /**
     * High enough that compressing a day's sending into a minute does not read as a velocity spike
     * to the gate's soft score; the story here is bounces.
     */
    static final int DAILY_LIMIT = 2000;

    /** Accepted sends before the trouble starts: a mailbox with a history, not a fresh one. */
    static final int CLEAN_BEFORE = 20;
    /**
     * The bad list: addresses that do not exist, on unrelated providers. Spread over several ESPs
     * so the correlation check sees a mailbox problem, not a provider outage (which pauses nobody).
     */
    static final List<String> BOUNCING = List.of("j.smith.1987@gmail.com", "purchasing@initech.example",
            "m.chen@outlook.com", "old-contact@globex.example", "ceo@yahoo.com");
    /**
     * Clean sends after the pause: restricted_send needs 15; the rest warm_recovery needs 50 of, and
     * 100 in all push the pausing bounces out of the gate's window of the last 100 outcomes, so its
     * hard-risk score is back to 0 when the lead is released.
     */
    static final int CLEAN_AFTER = 100;
    /** What restricted_send asks of a first offender (the product's default, not shortened for the demo). */
    static final int RESTRICTED_CLEAN = 15;
    private static final List<String> RECIPIENT_DOMAINS = List.of("acme.example", "gmail.com", "umbrella.example",
            "outlook.com", "hooli.example", "yahoo.com", "stark.example");

    private ProtectionDemoData() {
    }

    /** A valid prospect on one of several providers, different every time. */
    static String cleanRecipient(int n) {
        return "prospect" + n + "@" + RECIPIENT_DOMAINS.get(n % RECIPIENT_DOMAINS.size());
    }

    static Map<String, Object> organization() {
        return Map.of("name", ORG_NAME);
    }

    static Map<String, Object> mailbox() {
        return DemoData.mailbox(MailServer.PROTECTION_ADDRESS, DAILY_LIMIT);
    }

    /** One step: the lead gets one email once the gate lets it through. */
    static Map<String, Object> campaign(String mailboxId) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("subject", "A question about frequency hopping, {{firstName}}");
        step.put("body", "Hi {{firstName}},\n\ndoes {{company}} still hop frequencies by hand?\n");
        step.put("delayTicks", 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", CAMPAIGN_NAME);
        m.put("status", "ACTIVE");
        m.put("mailboxIds", List.of(mailboxId));
        m.put("steps", List.of(step));
        return m;
    }
}
