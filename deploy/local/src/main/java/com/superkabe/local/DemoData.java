package com.superkabe.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the demo creates, as the JSON bodies the public APIs take. */
final class DemoData {

    /** The demo organization's postal address, printed in every message's CAN-SPAM footer. */
    static final String MAILING_ADDRESS = "Superkabe Demo Co., 1 Example Street, Springfield, IL 62701, USA";

    static final String ORG_NAME = "Demo Org";
    static final String CAMPAIGN_NAME = "Demo campaign";
    static final String STEP_1_SUBJECT = "Quick question, {{firstName}}";
    static final String STEP_2_SUBJECT = "Following up";

    record Lead(String email, String firstName, String lastName, String company, String title) {

        Map<String, Object> body(String campaignId) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("email", email);
            m.put("firstName", firstName);
            m.put("lastName", lastName);
            m.put("company", company);
            m.put("title", title);
            m.put("campaignId", campaignId);
            return m;
        }
    }

    /**
     * The demo prospects' domain. Not a reserved name (the ingestion gate refuses example.com and
     * .test, ADR 0023); the launcher's DNS answers its MX, and no mail to it leaves the machine: the
     * demo mailboxes send through the local mail server or the test peer.
     */
    static final String LEAD_DOMAIN = "prospects.superkabe.dev";

    static final Lead ADA = new Lead("ada@" + LEAD_DOMAIN, "Ada", "Lovelace", "Analytical Engines", "Countess");
    static final Lead GRACE = new Lead("grace@" + LEAD_DOMAIN, "Grace", "Hopper", "Navy", "Rear Admiral");
    static final Lead MALFORMED = new Lead("not-an-email", "Nobody", "Atall", "Nowhere", "None");
    /** Not sent over REST: published straight to the intake topic by the demo customer's producer, signed with its key. */
    static final Lead ALAN = new Lead("alan@" + LEAD_DOMAIN, "Alan", "Turing", "Bletchley", "Cryptanalyst");

    static final List<Lead> REST_LEADS = List.of(ADA, GRACE, MALFORMED);
    /** The leads that should end up with runs and receive mail. */
    static final List<String> GOOD_ADDRESSES = List.of(ADA.email(), GRACE.email(), ALAN.email());

    private DemoData() {
    }

    static Map<String, Object> organization() {
        return Map.of("name", ORG_NAME);
    }

    static Map<String, Object> mailbox() {
        return mailbox(MailServer.DEMO_ADDRESS, 50);
    }

    /** A mailbox on the local mail server, SMTP and IMAP without TLS, as POST /api/v1/mailboxes takes it. */
    static Map<String, Object> mailbox(String address, int dailyLimit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address);
        m.put("provider", "SMTP");
        m.put("dailyLimit", dailyLimit);
        m.put("smtp", server(address, MailServer.SMTP_PORT));
        m.put("imap", server(address, MailServer.IMAP_PORT));
        return m;
    }

    private static Map<String, Object> server(String address, int port) {
        return server(MailServer.HOST, port, address);
    }

    /** A mail server endpoint of a demo mailbox: plain connection, the demo password. */
    static Map<String, Object> server(String host, int port, String address) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("port", port);
        m.put("security", "NONE");
        m.put("username", address);
        m.put("password", MailServer.DEMO_PASSWORD);
        return m;
    }

    static Map<String, Object> campaign(String mailboxId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", CAMPAIGN_NAME);
        m.put("status", "ACTIVE");
        m.put("mailboxIds", List.of(mailboxId));
        m.put("steps", List.of(
                step(STEP_1_SUBJECT, "Hi {{firstName}},\n\nis {{company}} looking at outbound this quarter?\n", 0),
                step(STEP_2_SUBJECT, "Hi {{firstName}}, just bumping this.", 8)));
        return m;
    }

    private static Map<String, Object> step(String subject, String body, int delayTicks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("body", body);
        m.put("delayTicks", delayTicks);
        return m;
    }

    /** The intake topic's JSON value: the REST body plus the organization, since there is no API key. */
    static Map<String, Object> intakeRecord(Lead lead, String orgId, String campaignId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", orgId);
        m.put("email", lead.email());
        m.put("firstName", lead.firstName());
        m.put("lastName", lead.lastName());
        m.put("company", lead.company());
        m.put("campaignId", campaignId);
        return m;
    }
}
