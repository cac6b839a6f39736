package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs (stand-in jars): started, health-checked, stopped, and nothing left running. */
class ServiceFleetTest {

    private static final Database DB = new Database("jdbc:postgresql://localhost:1/none", "u", "p", true);

    @TempDir
    Path repo;
    private StackLayout layout;

    @BeforeEach
    void requireFreeServicePorts() {
        assumeTrue(ServiceSpec.ALL.stream().noneMatch(s -> Preflight.inUse(s.port())),
                "service ports 8081-8086 are taken (a local stack running?)");
        layout = new StackLayout(repo, repo.resolve("unused-classpath.txt"));
    }

    @Test
    void startsAllSixWaitsForHealthAndLeavesNoProcessBehind() throws Exception {
        for (ServiceSpec s : ServiceSpec.ALL) {
            FakeJars.write(repo, s.name(), FakeService.class);
        }
        Resources resources = new Resources();
        ServiceFleet fleet = ServiceFleet.start(ServiceSpec.ALL, layout, DB, "127.0.0.1:53", "key", resources);
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(6);

        fleet.awaitHealthy(new Http());
        resources.closeAll();

        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(ServiceSpec.ALL).noneMatch(s -> Preflight.inUse(s.port()));
        assertThat(Files.readString(layout.logFile("gate-service"))).isEmpty();
    }

    @Test
    void namesTheServiceThatDiedAndWhy() throws Exception {
        for (ServiceSpec s : ServiceSpec.ALL) {
            FakeJars.write(repo, s.name(), s.name().equals("gate-service") ? CrashingService.class : FakeService.class);
        }
        Resources resources = new Resources();
        ServiceFleet fleet = ServiceFleet.start(ServiceSpec.ALL, layout, DB, "127.0.0.1:53", "key", resources);
        try {
            assertThatThrownBy(() -> fleet.awaitHealthy(new Http()))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("gate-service exited during start-up")
                    .hasMessageContaining("gate-service.log")
                    .hasMessageContaining("superkabe.service must name this service");
        } finally {
            resources.closeAll();
        }
        assertThat(ProcessHandle.current().descendants()).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void refusesToStartWithoutTheJarsAndSaysHowToBuildThem() {
        assertThatThrownBy(() -> ServiceFleet.start(ServiceSpec.ALL, layout, DB, "127.0.0.1:53", "key", new Resources()))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("ingestion-service/target/ingestion-service-*-exec.jar")
                .hasMessageContaining("install");
    }
}
