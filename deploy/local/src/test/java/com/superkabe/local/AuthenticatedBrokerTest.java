package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.Topic;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack's real broker (child JVM, SASL/SCRAM, StandardAuthorizer) with the plan's ACLs, on
 * random ports so it runs beside a stack: who may write where is the catalogue's single writer.
 */
class AuthenticatedBrokerTest {

    private static final String CUSTOMER = "acme-producer";
    private static Path repo;
    private static Resources resources;
    private static KafkaBroker broker;
    private static KafkaUsers users;

    @BeforeAll
    static void startBroker() throws Exception {
        repo = Files.createTempDirectory("kauth");
        StackLayout layout = new StackLayout(repo, Path.of("target/runtime-classpath.txt").toAbsolutePath());
        resources = new Resources();
        users = KafkaUsers.generate(List.of(CUSTOMER));
        broker = KafkaBroker.launch(layout, resources, freePort(), freePort(), users);
        broker.awaitReady();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        resources.closeAll();
        FileTrees.deleteRecursively(repo);
    }

    @Test
    void aServiceCannotWriteATopicItDoesNotOwn() {
        assertThatThrownBy(() -> send("superkabe-send-adapter", Topic.ORGANIZATIONS))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theTopicsWriterCanWriteIt() throws Exception {
        assertThat(send("superkabe-ingestion", Topic.ORGANIZATIONS).offset()).isGreaterThanOrEqualTo(0);
        assertThat(send("superkabe-send-adapter", Topic.SEND_OUTCOMES).offset()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aCustomerPrincipalWritesOnlyThePublicIntakeTopic() throws Exception {
        assertThat(send(CUSTOMER, Topic.LEAD_INTAKE).offset()).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> send(CUSTOMER, Topic.LEADS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(CUSTOMER, Topic.ORGANIZATIONS))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theOperatorReadsButCannotWrite() throws Exception {
        send("superkabe-protection", Topic.PROTECTION_MODES);
        Map<String, Object> c = users.client(broker.bootstrap(), AclPlan.OPERATOR);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            TopicPartition p = new TopicPartition(Topic.PROTECTION_MODES.topicName(), 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            assertThat(consumer.poll(Duration.ofSeconds(10)).count()).isPositive();
        }
        // the operator may neither write a topic nor open an idempotent producer session
        assertThatThrownBy(() -> send(AclPlan.OPERATOR, Topic.LEAD_INTAKE))
                .hasCauseInstanceOf(AuthorizationException.class);
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        Map<String, Object> config = users.client(broker.bootstrap(), "superkabe-ingestion");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"superkabe-ingestion\" password=\"guessed\";");
        assertThatThrownBy(() -> send(config, Topic.ORGANIZATIONS)).hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void anUnauthenticatedClientGetsNothingWritten() {
        Map<String, Object> plaintext = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()));
        // a plaintext client cannot even complete a metadata request on a SASL listener
        assertThatThrownBy(() -> send(plaintext, Topic.ORGANIZATIONS))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    private RecordMetadata send(String user, Topic topic) throws Exception {
        return send(users.client(broker.bootstrap(), user), topic);
    }

    private static RecordMetadata send(Map<String, Object> config, Topic topic) throws Exception {
        Map<String, Object> c = new java.util.HashMap<>(config);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8000);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(c)) {
            return p.send(new ProducerRecord<>(topic.topicName(), "k", "v")).get(15, TimeUnit.SECONDS);
        } catch (org.apache.kafka.common.KafkaException direct) {
            throw new ExecutionException(direct);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
