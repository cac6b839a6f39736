package com.superkabe.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The six services as child JVMs ({@code java -jar <module>/target/<module>-*-exec.jar}). */
final class ServiceFleet {

    /**
     * 120 s; {@code SUPERKABE_HEALTH_TIMEOUT_SECONDS} (or the system property {@code superkabe.health-timeout-seconds},
     * as the build's failover test sets it) raises it on a machine busy with other work.
     */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(Long.parseLong(System.getProperty(
            "superkabe.health-timeout-seconds", System.getenv().getOrDefault("SUPERKABE_HEALTH_TIMEOUT_SECONDS", "120"))));
    // C1 only and a serial GC: these JVMs start faster and fight less over a small machine's cores
    static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Map<ServiceSpec, ChildProcess> processes;
    private final StackLayout layout;
    private final java.util.function.BiFunction<ServiceSpec, Path, ChildProcess> launcher;
    private final Set<ServiceSpec> reportedDead = new HashSet<>();
    /** Instances already seen UP: a second wave's wait does not poll (and print) the first again. */
    private final Set<ServiceSpec> seenUp = new HashSet<>();
    private int restarts;

    private ServiceFleet(Map<ServiceSpec, ChildProcess> processes, StackLayout layout,
                         java.util.function.BiFunction<ServiceSpec, Path, ChildProcess> launcher) {
        this.processes = processes;
        this.layout = layout;
        this.launcher = launcher;
    }

    /** Starts all six at once: on two cores that is still clearly faster than one after another. */
    static ServiceFleet start(List<ServiceSpec> services, StackLayout layout, Database db, String dnsServer,
                              String secretsKey, Resources resources) {
        Map<ServiceSpec, Path> jars = locateJars(services, layout);
        List<String> jvmOptions = Jvm.options(System.getenv().getOrDefault("SUPERKABE_SERVICE_JVM_OPTS", DEFAULT_JVM_OPTIONS));
        Map<ServiceSpec, ChildProcess> started = new LinkedHashMap<>();
        resources.add("services", () -> {
            synchronized (started) {
                ChildProcess.stopAll(List.copyOf(started.values()), Duration.ofSeconds(20));
            }
        });
        java.util.function.BiFunction<ServiceSpec, Path, ChildProcess> launcher = (spec, log) -> {
            ChildProcess p = ChildProcess.start(spec.label(), Jvm.jar(jars.get(spec.instance(1)), jvmOptions,
                            spec.args(db, dnsServer)),
                    spec.secretEnvironment(db, secretsKey, KafkaUsers.launcher()), layout.repoRoot(), log);
            Preflight.recordPid(layout, p.pid(), spec.label());
            return p;
        };
        for (ServiceSpec spec : services) {
            started.put(spec, launcher.apply(spec, layout.logFile(spec.label())));
        }
        Console.info("started " + started.size() + " services; their logs: " + layout.show(layout.logsDir())
                + "/<service>.log");
        return new ServiceFleet(started, layout, launcher);
    }

    /**
     * Starts more instances beside the running ones (the second instances of {@code --replicas 2}, after the
     * first are UP: twelve JVMs starting at once on two cores take longer than two waves of six).
     */
    void startMore(List<ServiceSpec> more) {
        for (ServiceSpec spec : more) {
            ChildProcess p = launcher.apply(spec, layout.logFile(spec.label()));
            synchronized (processes) {
                processes.put(spec, p);
            }
        }
        Console.info("started " + more.size() + " more instances: " + more.stream().map(ServiceSpec::label).toList());
    }

    /** Whether this instance's process is running. */
    boolean alive(ServiceSpec spec) {
        ChildProcess p = processes.get(spec);
        return p != null && p.isAlive();
    }

    /** The base URLs of the running instances of a service, the first instance first. */
    List<String> liveBaseUrls(String service) {
        synchronized (processes) {
            return processes.entrySet().stream().filter(e -> e.getKey().name().equals(service) && e.getValue().isAlive())
                    .sorted(java.util.Comparator.comparingInt(e -> e.getKey().instance()))
                    .map(e -> e.getKey().baseUrl()).toList();
        }
    }

    /** Every instance of the stack's services, in start order. */
    List<ServiceSpec> instances() {
        synchronized (processes) {
            return List.copyOf(processes.keySet());
        }
    }

    /** kill -9 of the service and its descendants: no shutdown hook runs, nothing is flushed (fault runs). */
    void kill(ServiceSpec spec) {
        ChildProcess p = processes.get(spec);
        if (p == null) {
            throw new StackException(spec.label() + " is not part of this stack");
        }
        p.kill();
        reportedDead.add(spec);
    }

    /**
     * Starts a killed service again with the same arguments and waits until it is UP; its output goes to
     * {@code <service>-restart-<n>.log}, so the log of the killed process stays as it was.
     */
    void restart(ServiceSpec spec, Http http) throws InterruptedException {
        ChildProcess p = launcher.apply(spec, layout.logFile(spec.label() + "-restart-" + (++restarts)));
        synchronized (processes) {
            processes.put(spec, p);
        }
        reportedDead.remove(spec);
        long startedAt = System.nanoTime();
        while (!isUp(http, spec)) {
            if (!p.isAlive()) {
                throw new StackException(spec.label() + " exited during its restart; " + layout.show(p.log())
                        + " says:\n" + p.whyItFailed(25));
            }
            if (System.nanoTime() - startedAt > HEALTH_TIMEOUT.toNanos()) {
                throw new StackException(spec.label() + " did not report UP within " + Console.seconds(HEALTH_TIMEOUT)
                        + " after its restart; see " + layout.show(p.log()));
            }
            Thread.sleep(250);
        }
    }

    /** Polls every {@code /actuator/health} until all are UP; fails naming the service and its log. */
    void awaitHealthy(Http http) throws InterruptedException {
        long startedAt = System.nanoTime();
        List<ServiceSpec> pending = new ArrayList<>(instances());
        pending.removeAll(seenUp);
        while (!pending.isEmpty()) {
            for (ServiceSpec spec : List.copyOf(pending)) {
                ChildProcess p = processes.get(spec);
                if (!p.isAlive()) {
                    throw new StackException(spec.label() + " exited during start-up; "
                            + layout.show(p.log()) + " says:\n" + p.whyItFailed(25));
                }
                if (isUp(http, spec)) {
                    pending.remove(spec);
                    seenUp.add(spec);
                    Console.info(String.format("%-23s healthy after %s  %s", spec.label(),
                            Console.seconds(Duration.ofNanos(System.nanoTime() - startedAt)), spec.healthUrl()));
                }
            }
            if (!pending.isEmpty() && System.nanoTime() - startedAt > HEALTH_TIMEOUT.toNanos()) {
                ServiceSpec late = pending.getFirst();
                throw new StackException(late.label() + " did not report UP at " + late.healthUrl() + " within "
                        + Console.seconds(HEALTH_TIMEOUT) + "; see " + layout.show(processes.get(late).log())
                        + (pending.size() > 1 ? " (also not UP: " + pending.subList(1, pending.size()).stream()
                                .map(ServiceSpec::name).toList() + ")" : "")
                        + "\nits log says:\n" + processes.get(late).whyItFailed(25));
            }
            Thread.sleep(500);
        }
    }

    /** Says once per service if it died while the stack was running, and where to look. */
    void reportDeaths() {
        processes.forEach((spec, p) -> {
            if (!p.isAlive() && reportedDead.add(spec)) {
                Console.warn(spec.label() + " has stopped; see " + layout.show(p.log()));
            }
        });
    }

    private static boolean isUp(Http http, ServiceSpec spec) throws InterruptedException {
        try {
            Http.Response r = http.get(spec.healthUrl(), Map.of());
            return r.status() == 200 && "UP".equals(r.body().path("status").asString(""));
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private static Map<ServiceSpec, Path> locateJars(List<ServiceSpec> services, StackLayout layout) {
        Map<ServiceSpec, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : services) {
            Path target = layout.repoRoot().resolve(spec.name()).resolve("target");
            findExecJar(target, spec.name()).ifPresentOrElse(j -> jars.put(spec, j),
                    () -> missing.add(layout.show(target) + "/" + spec.name() + "-*-exec.jar"));
        }
        if (!missing.isEmpty()) {
            throw new StackException("service jars missing: " + missing
                    + "\nbuild them with ./mvnw -q -B -DskipTests install (or run ./deploy/local/run.sh --rebuild)");
        }
        jars.values().forEach(jar -> requireRunnable(jar, layout));
        return jars;
    }

    /**
     * A jar repackaged twice (a second repackage execution beside the Boot parent's own) starts
     * JarLauncher from JarLauncher until the stack overflows; say so instead of showing that.
     */
    private static void requireRunnable(Path jar, StackLayout layout) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            String start = mf == null ? null : mf.getMainAttributes().getValue("Start-Class");
            if (start != null && start.startsWith("org.springframework.boot.loader.")) {
                throw new StackException(layout.show(jar) + " was repackaged twice (its Start-Class is " + start
                        + ") and cannot start: give the module's spring-boot-maven-plugin execution"
                        + " <id>repackage</id> so it replaces the Boot parent's instead of adding a second one");
            }
        } catch (IOException e) {
            throw new StackException("cannot read " + layout.show(jar) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> findExecJar(Path target, String module) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            var it = ds.iterator();
            return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
