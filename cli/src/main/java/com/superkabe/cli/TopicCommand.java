package com.superkabe.cli;

import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that reads or writes the cluster's topics shares: the cluster options
 * ({@link KafkaOptions}), the output streams, one way to read history and one to write records, and
 * where the summary line goes.
 */
abstract class TopicCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    KafkaOptions kafka;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The topics' history, progress on stderr. */
    TopicHistory history() {
        return new TopicHistory(kafka, System.err);
    }

    /** The summary line: after a table on stdout; after JSON lines on stderr, so stdout stays one object a line. */
    void printSummary(boolean json, String line) {
        (json ? err() : out()).println(line);
    }

    /** A producer of records as the services write them (string keys, byte payloads) with these settings. */
    KafkaProducer<String, byte[]> producer(Properties settings) {
        Properties p = kafka.client();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.putAll(settings);
        return new KafkaProducer<>(p);
    }
}
