package com.superkabe.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the services keep their schemas: the user's PostgreSQL when {@code SUPERKABE_DB_URL} is
 * set, otherwise an embedded one (zonky: real PostgreSQL binaries from Maven Central).
 */
record Database(String url, String user, String password, boolean embedded) {

    static final int EMBEDDED_PORT = 15432;
    /** Fault runs only: where PostgreSQL listens behind the fault proxy on {@link #EMBEDDED_PORT}. */
    static final int PROXIED_PORT = 15433;

    @Override
    public String toString() {
        return "Database[" + url + " as " + user + "]";
    }

    static Optional<Database> fromEnvironment(Map<String, String> env) {
        String url = env.get("SUPERKABE_DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Database(url.strip(), env.getOrDefault("SUPERKABE_DB_USER", "postgres"),
                env.getOrDefault("SUPERKABE_DB_PASSWORD", ""), false));
    }

    static Database startEmbedded(StackLayout layout, Resources resources) {
        return startEmbedded(layout, resources, EMBEDDED_PORT, EMBEDDED_PORT);
    }

    /**
     * Listening on {@code port}; the services are given {@code servicePort}, which differs when a fault
     * proxy stands in between (fault runs: PostgreSQL on {@link #PROXIED_PORT}, the proxy on the usual port).
     */
    static Database startEmbedded(StackLayout layout, Resources resources, int port, int servicePort) {
        long t0 = System.nanoTime();
        try {
            FileTrees.deleteRecursively(layout.postgresDir());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(layout.postgresDir())
                    .setCleanDataDirectory(true)
                    // our own hook stops it after the services, which still hold connections
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200")
                    // the embedded library turns this off for speed; then a commit the services saw succeed can
                    // vanish when PostgreSQL is killed (kill-postgres lost an acknowledged lead so): the product's
                    // durability, please
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(
                            layout.logFile("postgres").toFile()))
                    .start();
            resources.add("PostgreSQL", pg);
            Console.info("PostgreSQL (embedded) up on localhost:" + port + " in "
                    + Console.seconds(Duration.ofNanos(System.nanoTime() - t0)) + " (data "
                    + layout.show(layout.postgresDir()) + ")");
            return new Database("jdbc:postgresql://localhost:" + servicePort + "/postgres", "postgres", "postgres", true);
        } catch (IOException e) {
            throw new StackException("embedded PostgreSQL did not start: " + e.getMessage()
                    + "\nset SUPERKABE_DB_URL (and SUPERKABE_DB_USER, SUPERKABE_DB_PASSWORD) to use your own", e);
        }
    }
}
