package com.superkabe.sendadapter.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the send adapter's integration tests share: a real SMTP server (GreenMail) with one user, the
 * service on the embedded broker and database, an organization with an API key, and one SMTP
 * mailbox registered through the API.
 */
final class SmtpMailboxFixture implements AutoCloseable {

    static final String ADDRESS = "sales@acme.test";
    static final String MAILING_ADDRESS = "Acme Inc., 1 Main Street, Springfield, IL 62701, USA";
    final String org = "org-" + UUID.randomUUID();
    final String key = "sk_" + UUID.randomUUID();
    final GreenMail smtp;
    final ConfigurableApplicationContext app;
    final KafkaProbe kafka;
    final TestHttp http;
    final String mailboxId;
    /** The fixture's From address: one per organization, as a From address belongs to one (ADR 0027). */
    final String address = "sales-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";

    SmtpMailboxFixture(ConfigurableApplicationContext app, GreenMail smtp, Duration wait) {
        this(app, smtp, smtp.getSmtp().getPort(), wait);
    }

    /** A mailbox sending through any SMTP server on this port (GreenMail, or the scriptable peer). */
    SmtpMailboxFixture(ConfigurableApplicationContext app, GreenMail greenMail, int smtpPort, Duration wait) {
        this.smtp = greenMail;
        this.app = app;
        this.kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        this.http = TestHttp.of(app);
        kafka.publish(origin(new OrganizationRegistered(org, "Acme", ApiKeys.sha256(key))));
        this.mailboxId = register(address, ADDRESS, smtpPort, null, wait);
    }

    /** Registers an SMTP mailbox of the fixture's organization, with IMAP settings if {@code imapPort} is given. */
    String register(String address, int smtpPort, Integer imapPort, Duration wait) {
        return register(address, address, smtpPort, imapPort, wait);
    }

    /** As {@link #register(String, int, Integer, Duration)}, logging in as {@code login}. */
    String register(String address, String login, int smtpPort, Integer imapPort, Duration wait) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(Map.of("address", address, "provider", "SMTP",
                "dailyLimit", 50, "smtp", Map.of("host", "127.0.0.1", "port", smtpPort, "security", "NONE",
                        "username", login, "password", "pw")));
        if (imapPort != null) {
            fields.put("imap", Map.of("host", "127.0.0.1", "port", imapPort, "security", "NONE",
                    "username", login, "password", "pw"));
        }
        String body = TestHttp.json(fields);
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/mailboxes", body, "X-Api-Key", key),
                x -> x.status() != 401, wait);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("mailboxId").asString();
    }

    /** A started GreenMail SMTP server on a free loopback port with the mailbox's user. */
    static GreenMail smtpServer() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser(ADDRESS, ADDRESS, "pw");
        return smtp;
    }

    static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }

    @Override
    public void close() {
        kafka.close();
        app.close();
        if (smtp != null) {
            smtp.stop();
        }
    }
}
