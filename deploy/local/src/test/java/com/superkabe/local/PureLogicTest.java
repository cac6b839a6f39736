package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PureLogicTest {

    @Test
    void parsesOptionsAndRejectsNonsense() {
        assertThat(Options.parse(List.of())).isEqualTo(new Options(List.of(Options.Demo.LEADS), false, java.util.Set.of(), false));
        assertThat(Options.parse(List.of("--exit-after-demo")).exitAfterDemo()).isTrue();
        assertThat(Options.parse(List.of("--no-demo")).demo()).isFalse();
        assertThat(Options.parse(List.of("--skip=gate-service,protection-service")).services())
                .extracting(ServiceSpec::name)
                .containsExactly("ingestion-service", "sequencer-service", "send-adapter-service", "reply-poller-service");
        assertThatThrownBy(() -> Options.parse(List.of("--no-demo", "--exit-after-demo"))).hasMessageContaining("needs the demo");
        assertThatThrownBy(() -> Options.parse(List.of("--skip=gateway"))).hasMessageContaining("no service gateway");
        assertThatThrownBy(() -> Options.parse(List.of("--fast"))).hasMessageContaining("usage:");
    }

    @Test
    void choosesTheDemoLeadsByDefaultOneByNameOrAllInOrder() {
        assertThat(Options.parse(List.of("--demo=protection", "--exit-after-demo")).demos())
                .containsExactly(Options.Demo.PROTECTION);
        assertThat(Options.parse(List.of("--demo=leads")).demos()).containsExactly(Options.Demo.LEADS);
        assertThat(Options.parse(List.of("--demo=sending")).demos()).containsExactly(Options.Demo.SENDING);
        assertThat(Options.parse(List.of("--demo=all")).demos())
                .containsExactly(Options.Demo.LEADS, Options.Demo.PROTECTION, Options.Demo.SENDING);
        assertThat(Options.parse(List.of("--no-demo")).demos()).isEmpty();
        assertThatThrownBy(() -> Options.parse(List.of("--demo=gate"))).hasMessageContaining("no demo 'gate'")
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> Options.parse(List.of("--demo=all", "--no-demo"))).hasMessageContaining("contradict");
    }

    @Test
    void givesEachServiceItsPortInfrastructureAndOwnPropertiesButNoSecretsOnTheCommandLine() {
        Database db = new Database("jdbc:postgresql://localhost:15432/postgres", "postgres", "s3cret", true);
        assertThat(ServiceSpec.named("sequencer-service").args(db, "127.0.0.1:5353")).containsExactly(
                "--server.port=8083", "--spring.kafka.bootstrap-servers=localhost:19092",
                "--spring.datasource.url=jdbc:postgresql://localhost:15432/postgres",
                "--spring.datasource.username=postgres", "--superkabe.clock.interval=1s",
                "--superkabe.sequencer.sending.retry-base-ticks=2", "--superkabe.sequencer.sending.retry-max-ticks=8",
                "--superkabe.instance-id=sequencer-service");
        assertThat(ServiceSpec.named("ingestion-service").args(db, "127.0.0.1:5353")).contains("--superkabe.admin-token=local-admin-token",
                "--superkabe.ingestion.mx.dns-server=127.0.0.1:5353");
        assertThat(ServiceSpec.named("reply-poller-service").args(db, "127.0.0.1:5353")).contains("--superkabe.poll.interval=2s");
        assertThat(ServiceSpec.named("send-adapter-service").args(db, "127.0.0.1:5353")).contains(
                "--superkabe.mailbox.allowed-hosts=127.0.0.0/8,::1,localhost",
                "--superkabe.mailbox.refused-ports=8080,8081,8082,8083,8084,8085,8086,8087,8091,8092,8093,8094,8095,8096,"
                        + "19092,19093,19094,19095,15432,15433,9090");
        assertThat(ServiceSpec.named("reply-poller-service").args(db, "127.0.0.1:5353")).contains(
                "--superkabe.mailbox.allowed-hosts=127.0.0.0/8,::1,localhost");
        assertThat(ServiceSpec.named("protection-service").args(db, "127.0.0.1:5353")).contains(
                "--superkabe.protection.dns.server=127.0.0.1:5353", "--superkabe.protection.cooldowns=PT15M,PT45M,PT105M",
                "--superkabe.protection.warm-recovery-minimum=PT20M", "--superkabe.protection.dns.default-selectors=s1");
        assertThat(ServiceSpec.named("gate-service").args(db, "127.0.0.1:5353")).noneMatch(a -> a.contains("dns"));
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::port).containsExactly(8081, 8082, 8083, 8084, 8085, 8086);
        assertThat(ServiceSpec.ALL).allSatisfy(s -> assertThat(String.join(" ", s.args(db, "127.0.0.1:5353"))).doesNotContain("s3cret"));
        assertThat(ServiceSpec.secretEnvironment(db, "k3y"))
                .containsEntry("SUPERKABE_SECRETS_KEY", "k3y").containsEntry("SPRING_DATASOURCE_PASSWORD", "s3cret");
    }

    @Test
    void startsTheConsoleAfterTheServicesOnPort8087WithItsHealthUnderItsContextPath() {
        List<ServiceSpec> processes = ServiceSpec.withConsole(ServiceSpec.ALL);

        assertThat(processes).extracting(ServiceSpec::port).containsExactly(8081, 8082, 8083, 8084, 8085, 8086, 8087);
        assertThat(processes.getLast().name()).isEqualTo("console");
        assertThat(ServiceSpec.CONSOLE.healthUrl()).isEqualTo("http://localhost:8087/console/actuator/health");
        assertThat(ServiceSpec.named("gate-service").healthUrl()).isEqualTo("http://localhost:8082/actuator/health");
    }

    @Test
    void usesTheUsersDatabaseOnlyWhenAUrlIsGiven() {
        assertThat(Database.fromEnvironment(Map.of())).isEmpty();
        assertThat(Database.fromEnvironment(Map.of("SUPERKABE_DB_URL", " jdbc:postgresql://db/sk ",
                "SUPERKABE_DB_USER", "sk", "SUPERKABE_DB_PASSWORD", "pw")))
                .contains(new Database("jdbc:postgresql://db/sk", "sk", "pw", false));
        assertThat(new Database("u", "user", "pw", false).toString()).doesNotContain("pw");
    }

    @Test
    void configuresACombinedKraftNodeOnTheLocalPortsWithAuthenticationAndAclsOn() {
        String props = KafkaBroker.serverProperties(Path.of("/data/kafka"), 19092, 19093, KafkaUsers.launcher());
        assertThat(props).contains("process.roles=broker,controller",
                "listeners=SASL_PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false", "super.users=User:superkabe-admin;User:superkabe-controller",
                "controller.quorum.bootstrap.servers=localhost:19093", "log.dirs=/data/kafka",
                "offsets.topic.replication.factor=1");
        assertThat(props).doesNotContainPattern("(?<!SASL_)PLAINTEXT://").doesNotContain("allow.everyone.if.no.acl.found=true");
    }

    @Test
    void behindAFaultProxyTheServicesListenerAdvertisesTheProxyAndTheLauncherHasADirectListener() {
        // given the broker on 19094 behind a proxy on 19092, and the launcher's listener on 19095
        String props = KafkaBroker.serverProperties(Path.of("/data/kafka"), 19094, 19093, KafkaUsers.launcher(),
                new KafkaBroker.Proxied(19092, 19095));

        // then clients learn the proxy's address from metadata, and the broker talks to itself around it
        assertThat(props).contains(
                "\nlisteners=SASL_PLAINTEXT://localhost:19094,DIRECT://localhost:19095,CONTROLLER://localhost:19093\n",
                "advertised.listeners=SASL_PLAINTEXT://localhost:19092,DIRECT://localhost:19095,CONTROLLER://localhost:19093",
                "inter.broker.listener.name=DIRECT",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,DIRECT:SASL_PLAINTEXT",
                "listener.name.direct.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(props).doesNotContainPattern("(?<!SASL_)PLAINTEXT://");
    }

    @Test
    void withTwoReplicasEachServiceGetsASecondInstanceTenPortsUpAndTheGatewayStaysSingle() {
        // when
        Options options = Options.parse(List.of("--replicas", "2", "--no-demo"));
        List<ServiceSpec> fleet = ServiceSpec.withGateway(options.services());

        // then
        assertThat(options.replicas()).isEqualTo(2);
        assertThat(fleet).hasSize(13);
        ServiceSpec second = fleet.stream().filter(s -> s.label().equals("sequencer-service-2")).findFirst().orElseThrow();
        assertThat(second.port()).isEqualTo(8093);
        assertThat(second.args(new Database("jdbc:postgresql://localhost:15432/postgres", "postgres", "pw", true), "127.0.0.1:53"))
                .contains("--server.port=8093", "--superkabe.clock.interval=1s", "--superkabe.instance-id=sequencer-service-2");
        assertThat(fleet.stream().filter(s -> s.name().equals("api-gateway"))).hasSize(1);
        assertThat(Options.parse(List.of("--replicas=1")).services()).hasSize(6);
        assertThatThrownBy(() -> Options.parse(List.of("--replicas", "0"))).hasMessageContaining("--replicas: 1 or 2");
        assertThat(LocalPrometheus.config(fleet, Path.of("/rules.yml")))
                .contains("- targets: ['localhost:8083', 'localhost:8093']");
    }

    @Test
    void restartsPostgresWithTheCommandLineItRecordedInPostmasterOpts() {
        String opts = "/tmp/embedded-pg/PG-1/bin/postgres \"-D\" \"/data/pg dir\" \"-p\" \"15433\" \"-c\" \"max_connections=200\"\n";
        assertThat(PostgresCrash.parseOpts(opts)).containsExactly("/tmp/embedded-pg/PG-1/bin/postgres", "-D",
                "/data/pg dir", "-p", "15433", "-c", "max_connections=200");
    }

    @Test
    void givesEachServiceItsOwnKafkaUserInItsSecretEnvironmentAndTheGatewayNone() {
        Database db = new Database("jdbc:postgresql://localhost:15432/superkabe", "superkabe", "s3cret", true);
        KafkaUsers users = KafkaUsers.generate(List.of());
        Map<String, String> env = ServiceSpec.named("send-adapter-service").secretEnvironment(db, "k3y", users);
        assertThat(env).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SUPERKABE_SECRETS_KEY", "k3y");
        assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).contains("username=\"superkabe-send-adapter\"")
                .contains(users.password("superkabe-send-adapter"));
        assertThat(ServiceSpec.GATEWAY.secretEnvironment(db, "k3y", users)).doesNotContainKey("SPRING_KAFKA_SECURITY_PROTOCOL");
        assertThat(users.password("superkabe-ingestion")).isNotEqualTo(users.password("superkabe-send-adapter"));
        assertThat(users.operatorProperties()).contains("username=\"superkabe-operator\"", "security.protocol=SASL_PLAINTEXT");
    }

    @Test
    void explainsADeadProcessByItsRootCauseNotItsLastStackFrames() {
        List<String> log = new java.util.ArrayList<>(List.of("Exception in thread \"main\" java.lang.reflect.InvocationTargetException"));
        log.addAll(Collections.nCopies(50, "\tat org.springframework.boot.loader.launch.Launcher.launch(Launcher.java:52)"));
        log.add("Caused by: java.lang.StackOverflowError");
        log.add("\tat a.b.C.d(C.java:1)");
        assertThat(LogExcerpt.explain(log, 10)).containsExactly(log.getFirst(), "Caused by: java.lang.StackOverflowError",
                "\tat a.b.C.d(C.java:1)");

        List<String> boot = List.of("noise", "***************************", "APPLICATION FAILED TO START",
                "***************************", "", "Description:", "", "superkabe.service must be set");
        assertThat(LogExcerpt.explain(boot, 10)).startsWith("APPLICATION FAILED TO START").contains("superkabe.service must be set");
        assertThat(LogExcerpt.explain(List.of("a", "b", "c"), 2)).containsExactly("b", "c");
    }
}
