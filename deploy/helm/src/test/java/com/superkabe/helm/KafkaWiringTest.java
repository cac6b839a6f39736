package com.superkabe.helm;

import static com.superkabe.helm.Rendered.at;
import static com.superkabe.helm.Rendered.map;
import static com.superkabe.helm.Rendered.maps;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The Kafka settings as a service really sees them: the environment a rendered pod gets (its ConfigMap, its
 * env, secret references replaced by stand-ins, {@code $(VAR)} expanded as the kubelet does) bound by Spring
 * Boot's own binder, over the service's yml, into {@link KafkaProperties} — the one source of every Kafka
 * client the services create.
 */
class KafkaWiringTest {

    static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");

    @Test
    void tls_and_scram_values_reach_every_kafka_client_with_the_password_from_the_secret() throws IOException {
        Rendered production = Rendered.of("production", Helm.template(List.of(Helm.values("production"))));
        KafkaProperties kafka = bind(production, "gate-service");

        Map<String, Object> producer = kafka.buildProducerProperties();
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        Map<String, Object> admin = kafka.buildAdminProperties();
        for (Map<String, Object> client : List.of(producer, consumer, admin)) {
            assertThat(client).containsEntry("bootstrap.servers",
                    List.of("kafka-0.kafka.svc:9093", "kafka-1.kafka.svc:9093", "kafka-2.kafka.svc:9093"))
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("ssl.truststore.location", "/etc/superkabe/kafka/ca/ca.crt")
                    .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                            + "username=\"superkabe\" password=\"<superkabe-kafka/password>\";");
        }
        assertThat(consumer).containsEntry("allow.auto.create.topics", "false");
        assertThat(kafka.getAdmin().isAutoCreate()).as("no service creates a topic with replication factor 1").isFalse();
    }

    @Test
    void without_tls_or_sasl_the_clients_speak_plaintext_and_still_create_no_topics() throws IOException {
        Rendered minimal = Rendered.of("minimal", Helm.template(List.of(Helm.values("minimal"))));
        KafkaProperties kafka = bind(minimal, "send-adapter-service");
        assertThat(kafka.buildProducerProperties()).containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("bootstrap.servers", List.of("kafka.superkabe.svc:9092"))
                .doesNotContainKeys("sasl.jaas.config", "ssl.truststore.location");
        assertThat(kafka.getAdmin().isAutoCreate()).isFalse();
    }

    @Test
    void a_mutual_tls_client_certificate_becomes_the_keystore_with_its_password_from_the_secret() throws IOException {
        Rendered mtls = Rendered.of("strimzi + mTLS", Helm.template(List.of(Helm.values("strimzi")),
                "kafka.sasl.enabled=false", "kafka.tls.clientCertSecret.name=superkabe-user"));
        Map<String, Object> producer = bind(mtls, "protection-service").buildProducerProperties();
        assertThat(producer).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.keystore.location", "/etc/superkabe/kafka/client/keystore.p12")
                .containsEntry("ssl.keystore.password", "<superkabe-user/user.password>");
    }

    /** What Spring Boot binds for spring.kafka in this service, in this rendered pod. */
    static KafkaProperties bind(Rendered rendered, String service) throws IOException {
        Map<String, Object> deployment = rendered.byName("Deployment").get(service);
        Map<String, Object> container = maps(at(deployment, "spec", "template", "spec", "containers")).getFirst();
        Map<String, Object> env = new LinkedHashMap<>();
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            String name = String.valueOf(at(from, "configMapRef", "name"));
            env.putAll(map(at(rendered.byName("ConfigMap").get(name), "data")));
        }
        for (Map<String, Object> e : maps(container.get("env"))) {
            Object secret = at(e, "valueFrom", "secretKeyRef");
            String value = secret != null
                    ? "<" + map(secret).get("name") + "/" + map(secret).get("key") + ">"
                    : expand(String.valueOf(e.get("value")), env);
            env.put(String.valueOf(e.get("name")), value);
        }
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        new YamlPropertySourceLoader().load(service, new FileSystemResource(
                Helm.REPO.resolve(service + "/src/main/resources/" + service + ".yml"))).forEach(sources::addLast);
        return Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
    }

    /** The kubelet's $(VAR) expansion from variables defined before. */
    static String expand(String value, Map<String, Object> defined) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = defined.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        return m.appendTail(out).toString();
    }
}
