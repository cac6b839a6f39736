package com.superkabe.sendadapter.bench;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.smtp.SmtpMailTransport;
import com.superkabe.sendadapter.application.InMemorySendPorts;
import com.superkabe.sendadapter.application.SendBatches;
import com.superkabe.sendadapter.config.SmtpProperties;
import com.superkabe.testsmtp.SmtpPeer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import com.superkabe.mailguard.GuardedSockets;
import com.superkabe.mailguard.MailHostPolicy;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;

/**
 * The adapter's batch path ({@link SendBatches}: group a poll by mailbox, claim, render with the
 * tracking links and footer, deliver over the real {@code SmtpMailTransport} with one login and RSET
 * between messages, settle) against a bare Angus Mail loop (one Session and Transport per batch,
 * connect once, {@code sendMessage} per message), both to the scriptable SMTP peer on loopback. The
 * ports are in memory (no database, no broker): this measures the adapter's own cost over SMTP.
 * Prints one {@code SEND BENCH} line; asserts nothing. Not part of the suite (the name matches neither
 * {@code *Test} nor {@code *IT}). Run:
 * {@code mvn -f send-adapter-service test -Dtest=SendBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dbench.messages=2000 -Dbench.batch=50 -Dbench.poll=500 -Dbench.rounds=3). Diagnostic:
 * {@code -Dbench.bareRset=true} makes the bare loop send an RSET before each further message, as the
 * adapter does, to separate the cost of that round trip from the adapter's own;
 * {@code -Dbench.bareTimeouts=true} gives the bare loop the adapter's connect, read and write timeouts
 * (Angus wraps the socket to time every write).
 */
class SendBenchmark {

    private static final boolean BARE_RSET = Boolean.getBoolean("bench.bareRset");
    private static final boolean BARE_TIMEOUTS = Boolean.getBoolean("bench.bareTimeouts");

    private static final String BODY = """
            Hi Dana,

            I noticed your team is hiring for outbound roles. We help sales teams keep their sending \
            mailboxes healthy: bounces are watched per mailbox and domain, and a mailbox is paused before \
            its reputation suffers.

            Would a 15-minute call next week be useful?

            Best,
            Sam""";

    @Test
    void measure() throws Exception {
        int messages = Integer.getInteger("bench.messages", 2_000);
        int batch = Integer.getInteger("bench.batch", 50);
        int poll = Integer.getInteger("bench.poll", 500);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int mailboxes = (messages + batch - 1) / batch;
        SecretBox secrets = new SecretBox(Base64.getEncoder().encodeToString(new byte[32]));
        try (SmtpPeer peer = SmtpPeer.start()) {
            for (int m = 0; m < mailboxes; m++) {
                peer.user(address(m), "pw");
            }
            // warm-up of both paths (JIT, class loading), not measured
            adapter(peer, secrets, Math.min(messages, 500), batch, poll, "w");
            bare(peer, Math.min(messages, 500), batch);
            long adapterNanos = 0;
            long bareNanos = 0;
            for (int r = 0; r < rounds; r++) {
                adapterNanos += adapter(peer, secrets, messages, batch, poll, "r" + r);
                bareNanos += bare(peer, messages, batch);
            }
            double adapterPerS = (double) messages * rounds / (adapterNanos / 1e9);
            double barePerS = (double) messages * rounds / (bareNanos / 1e9);
            System.out.printf("SEND BENCH adapter_per_s=%d bare_per_s=%d ratio=%.2f%n", Math.round(adapterPerS),
                    Math.round(barePerS), adapterPerS / barePerS);
        }
    }

    /** Nanoseconds to send {@code messages} through SendBatches, polls of {@code poll} interleaving the mailboxes. */
    private static long adapter(SmtpPeer peer, SecretBox secrets, int messages, int batch, int poll, String round) {
        InMemorySendPorts ports = new InMemorySendPorts();
        int mailboxes = (messages + batch - 1) / batch;
        String sealed = secrets.encrypt("pw");
        for (int m = 0; m < mailboxes; m++) {
            ports.smtpMailbox("mb-" + m, address(m), peer.host(), peer.port(), sealed);
        }
        SendBatches batches = ports.batches(new SmtpMailTransport(secrets,
                new SmtpProperties(Duration.ofSeconds(10), Duration.ofSeconds(30)), Clock.systemUTC(),
                new GuardedSockets(MailHostPolicy.of(List.of("127.0.0.0/8", "::1", "localhost"), List.of()))));
        List<SendBatches.Incoming> all = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            int m = i / batch;
            all.add(InMemorySendPorts.request(round + "-" + i, "mb-" + m, "lead" + i + "@example.test", BODY));
        }
        long start = System.nanoTime();
        for (int from = 0; from < messages; from += poll) {
            batches.send(all.subList(from, Math.min(messages, from + poll)));
        }
        long took = System.nanoTime() - start;
        long sent = ports.settled.values().stream().filter(d -> d.succeeded()).count();
        if (sent != messages) {
            throw new AssertionError("adapter sent " + sent + " of " + messages + ": " + ports.settled.values().stream()
                    .filter(d -> !d.succeeded()).findFirst().orElse(null));
        }
        return took;
    }

    /** Nanoseconds for the bare loop: per batch one Session and Transport, connect once, sendMessage each. */
    private static long bare(SmtpPeer peer, int messages, int batch) throws Exception {
        long start = System.nanoTime();
        for (int from = 0, m = 0; from < messages; from += batch, m++) {
            Properties p = new Properties();
            p.put("mail.smtp.auth", "true");
            if (BARE_TIMEOUTS) {
                p.put("mail.smtp.connectiontimeout", "10000");
                p.put("mail.smtp.timeout", "30000");
                p.put("mail.smtp.writetimeout", "30000");
            }
            Session session = Session.getInstance(p);
            try (Transport t = session.getTransport("smtp")) {
                t.connect(peer.host(), peer.port(), address(m), "pw");
                for (int i = from; i < Math.min(messages, from + batch); i++) {
                    if (BARE_RSET && i > from) {
                        ((SMTPTransport) t).issueCommand("RSET", 250);
                    }
                    MimeMessage msg = new MimeMessage(session);
                    msg.setFrom(new InternetAddress(address(m)));
                    msg.setRecipient(Message.RecipientType.TO, new InternetAddress("lead" + i + "@example.test",
                            "Dana"));
                    msg.setSubject("Quick question", "UTF-8");
                    msg.setText(BODY, "UTF-8");
                    msg.saveChanges();
                    t.sendMessage(msg, msg.getAllRecipients());
                }
            }
        }
        return System.nanoTime() - start;
    }

    private static String address(int mailbox) {
        return "sales" + mailbox + "@acme.test";
    }
}
