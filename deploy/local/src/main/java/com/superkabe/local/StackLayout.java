package com.superkabe.local;

import java.nio.file.Path;

/**
 * Where the stack keeps its state: everything under {@code .local-stack/} in the repository root
 * (gitignored), so one {@code rm -rf .local-stack} resets it; a test in the build keeps its own under
 * {@code target/} instead ({@link #withStateDir}).
 */
record StackLayout(Path repoRoot, Path runtimeClasspath, Path stateDir) {

    StackLayout(Path repoRoot, Path runtimeClasspath) {
        this(repoRoot, runtimeClasspath, repoRoot.resolve(".local-stack"));
    }

    /** The same repository (its service and CLI jars), with the state (broker, database, logs) elsewhere. */
    StackLayout withStateDir(Path dir) {
        return new StackLayout(repoRoot, runtimeClasspath, dir.toAbsolutePath().normalize());
    }

    static StackLayout fromSystemProperties() {
        Path root = Path.of(System.getProperty("superkabe.repo", ".")).toAbsolutePath().normalize();
        Path cp = root.resolve("deploy/local/target/runtime-classpath.txt");
        return new StackLayout(root, cp);
    }

    Path kafkaDir() {
        return stateDir().resolve("kafka");
    }

    Path postgresDir() {
        return stateDir().resolve("pg");
    }

    Path logsDir() {
        return stateDir().resolve("logs");
    }

    Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    Path secretKeyFile() {
        return stateDir().resolve("secret.key");
    }

    Path pidFile() {
        return stateDir().resolve("pids");
    }

    /** Paths shown to the user relative to the repository root, which is where they ran run.sh from. */
    String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(repoRoot) ? repoRoot.relativize(abs).toString() : abs.toString();
    }
}
