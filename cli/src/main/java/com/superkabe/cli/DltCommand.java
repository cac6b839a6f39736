package com.superkabe.cli;

import com.superkabe.events.Service;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlt list|show|redrive}: the dead-letter topics, their causes, and re-drive to the origin topic. */
@Command(name = "dlt", description = {"Dead-lettered records: list them with their causes, show one, re-drive.", "",
    "Each service parks the records it cannot handle on superkabe.dlt.<service> with the cause in kafka_dlt-* "
    + "headers. A record is named by its position, TOPIC-PARTITION@OFFSET, as 'list' prints it."},
        subcommands = {DltCommand.ListDeadLetters.class, DltCommand.Show.class, DltCommand.Redrive.class})
public final class DltCommand {

    static List<String> topics(String service) {
        return Arrays.stream(Service.values()).filter(s -> s != Service.EXTERNAL)
                .filter(s -> service == null || s.id().equals(service) || s.name().equalsIgnoreCase(service))
                .map(Service::deadLetterTopic).toList();
    }

    static List<DeadLetter> read(KafkaOptions kafka, String service) {
        return new TopicHistory(kafka, System.err).read(topics(service), false).stream().map(DeadLetter::of).toList();
    }

    static String oneLine(String s, int max) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ");
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }

    @Command(name = "list", description = {"Every dead-lettered record with where it came from and why.", "",
        "Example: ./superkabe dlt list --service gate-service"})
    static final class ListDeadLetters extends TopicCommand {
        @Option(names = "--service", paramLabel = "S", description = "Only this service's dead letters (e.g. ingestion-service).")
        String service;
        @Option(names = "--json", description = "One JSON object per record.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = out();
            List<DeadLetter> all = read(kafka, service);
            if (!json) {
                out.printf("%-42s %-34s %-38s %s%n", "RECORD", "ORIGIN", "EVENT TYPE", "CAUSE");
            }
            Map<String, Integer> perTopic = new LinkedHashMap<>();
            for (DeadLetter d : all) {
                perTopic.merge(d.record().topic(), 1, Integer::sum);
                if (json) {
                    out.println(Json.line(summary(d)));
                } else {
                    out.printf("%-42s %-34s %-38s %s%n", d.record().position(), d.origin(),
                            d.type() == null ? "(no ce_type)" : d.type(), oneLine(d.cause(), 100));
                }
            }
            printSummary(json, all.size() + " dead-lettered records"
                    + (perTopic.isEmpty() ? "" : " " + perTopic));
            return ExitCodes.OK;
        }
    }

    static Map<String, Object> summary(DeadLetter d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", d.record().position());
        m.put("origin", d.origin());
        m.put("type", d.type());
        m.put("eventId", d.eventId());
        m.put("key", d.record().key());
        m.put("cause", d.cause());
        m.put("causeClass", d.causeClass());
        m.put("timestamp", d.record().timestamp());
        return m;
    }

    @Command(name = "show", description = {"One dead-lettered record in full: headers, cause, value.", "",
        "Example: ./superkabe dlt show superkabe.dlt.gate-service-0@4"})
    static final class Show extends TopicCommand {
        @Parameters(paramLabel = "RECORD", description = "TOPIC-PARTITION@OFFSET as 'dlt list' prints it.")
        String position;

        @Override
        public Integer call() {
            PrintWriter out = out();
            String topic = topicOf(position);
            for (DeadLetter d : read(kafka, null)) {
                if (d.record().position().equals(position) && d.record().topic().equals(topic)) {
                    Map<String, Object> m = summary(d);
                    m.put("headers", d.record().headers().entrySet().stream()
                            .filter(e -> !e.getKey().equals("kafka_dlt-original-partition")
                                    && !e.getKey().equals("kafka_dlt-original-offset")
                                    && !e.getKey().equals("kafka_dlt-original-timestamp"))
                            .collect(LinkedHashMap::new, (x, e) -> x.put(e.getKey(), e.getValue()), Map::putAll));
                    m.put("value", d.record().value() == null ? null
                            : new String(d.record().value(), StandardCharsets.UTF_8));
                    out.println(Json.line(m));
                    return ExitCodes.OK;
                }
            }
            err().println("superkabe: no dead-lettered record at " + position);
            return ExitCodes.NOT_FOUND;
        }
    }

    static String topicOf(String position) {
        int at = position.lastIndexOf('@');
        int dash = at < 0 ? -1 : position.lastIndexOf('-', at);
        if (at < 0 || dash < 0) {
            throw new InputException("'" + position + "' is not a record position: give TOPIC-PARTITION@OFFSET, "
                    + "e.g. superkabe.dlt.gate-service-0@4");
        }
        return position.substring(0, dash);
    }

    @Command(name = "redrive", sortOptions = false, description = {
        "Produces chosen dead letters again to their origin topic, once.", "",
        "Each goes to the topic and partition it came from with its original key, value and headers (ce_id above "
        + "all), plus superkabe_redrive_of naming the dead letter. A record already re-driven (the origin topic "
        + "holds one with that mark) is skipped, so running a redrive twice is safe; the consuming service's inbox "
        + "dedupes by ce_id as well. Fix the cause first.", "",
        "Example: ./superkabe dlt redrive superkabe.dlt.gate-service-0@4    or    ./superkabe dlt redrive --all"})
    static final class Redrive extends TopicCommand {
        @Parameters(paramLabel = "RECORD", arity = "0..*", description = "TOPIC-PARTITION@OFFSET of each record to re-drive.")
        List<String> positions = new ArrayList<>();
        @Option(names = "--all", description = "Every dead-lettered record (of --service, if given).")
        boolean all;
        @Option(names = "--service", paramLabel = "S", description = "With --all: only this service's dead letters.")
        String service;
        @Option(names = "--dry-run", description = "Say what would be re-driven; produce nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            if (positions.isEmpty() && !all) {
                throw new InputException("name the records to re-drive (TOPIC-PARTITION@OFFSET) or give --all");
            }
            positions.forEach(DltCommand::topicOf);
            PrintWriter out = out();
            List<DeadLetter> chosen = read(kafka, all ? service : null).stream()
                    .filter(d -> all || positions.contains(d.record().position())).toList();
            Set<String> found = new HashSet<>();
            chosen.forEach(d -> found.add(d.record().position()));
            List<String> missing = positions.stream().filter(p -> !found.contains(p)).toList();
            Set<String> origins = new HashSet<>();
            chosen.stream().map(DeadLetter::originTopic).filter(t -> t != null).forEach(origins::add);
            Set<String> done = alreadyRedriven(origins);
            int sent = 0;
            int skipped = 0;
            int unknownOrigin = 0;
            try (KafkaProducer<String, byte[]> producer = dryRun ? null : producer()) {
                for (DeadLetter d : chosen) {
                    String at = d.record().position();
                    if (d.originTopic() == null) {
                        unknownOrigin++;
                        out.println("not re-driven " + at + ": it names no origin topic");
                    } else if (done.contains(at)) {
                        skipped++;
                        out.println("already re-driven " + at + " -> " + d.originTopic());
                    } else {
                        if (!dryRun) {
                            producer.send(record(d)).get(kafka.timeoutSeconds(), TimeUnit.SECONDS);
                        }
                        sent++;
                        out.println((dryRun ? "would re-drive " : "re-driven ") + at + " -> " + d.originTopic()
                                + (d.eventId() == null ? "" : " (ce_id " + d.eventId() + ")"));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted while re-driving", e);
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                throw new ClusterException("re-drive failed after " + sent + " records: " + e.getMessage(), e);
            }
            missing.forEach(p -> out.println("not found " + p));
            out.println((dryRun ? "would re-drive " : "re-driven ") + sent + ", already re-driven " + skipped
                    + ", without origin " + unknownOrigin + ", not found " + missing.size());
            return missing.isEmpty() && unknownOrigin == 0 ? ExitCodes.OK : ExitCodes.NOT_FOUND;
        }

        private Set<String> alreadyRedriven(Set<String> origins) {
            Set<String> out = new HashSet<>();
            if (origins.isEmpty()) {
                return out;
            }
            history().stream(origins, false, r -> {
                String of = r.headers().get(DeadLetter.REDRIVE_OF);
                if (of != null) {
                    out.add(of);
                }
            });
            return out;
        }

        private KafkaProducer<String, byte[]> producer() {
            Properties p = new Properties();
            p.put("acks", "all");
            p.put("enable.idempotence", "true");
            return producer(p);
        }

        private static ProducerRecord<String, byte[]> record(DeadLetter d) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(d.originTopic(),
                    d.originPartition() >= 0 ? d.originPartition() : null, d.record().key(), d.record().value());
            d.record().rawHeaders().forEach((k, v) -> {
                if (!k.startsWith("kafka_dlt-") && !k.startsWith("superkabe_dlt_") && !k.equals(DeadLetter.REDRIVE_OF)) {
                    r.headers().add(k, v);
                }
            });
            r.headers().add(DeadLetter.REDRIVE_OF, d.record().position().getBytes(StandardCharsets.UTF_8));
            return r;
        }
    }
}
