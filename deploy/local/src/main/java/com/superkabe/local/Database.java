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
        long t0 = System.nanoTime();
        try {
            FileTrees.deleteRecursively(layout.postgresDir());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(EMBEDDED_PORT)
                    .setDataDirectory(layout.postgresDir())
                    .setCleanDataDirectory(true)
                    // our own hook stops it after the services, which still hold connections
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(
                            layout.logFile("postgres").toFile()))
                    .start();
            resources.add("PostgreSQL", pg);
            Console.info("PostgreSQL (embedded) up on localhost:" + EMBEDDED_PORT + " in "
                    + Console.seconds(Duration.ofNanos(System.nanoTime() - t0)) + " (data "
                    + layout.show(layout.postgresDir()) + ")");
            return new Database("jdbc:postgresql://localhost:" + EMBEDDED_PORT + "/postgres", "postgres", "postgres", true);
        } catch (IOException e) {
            throw new StackException("embedded PostgreSQL did not start: " + e.getMessage()
                    + "\nset SUPERKABE_DB_URL (and SUPERKABE_DB_USER, SUPERKABE_DB_PASSWORD) to use your own", e);
        }
    }
}
