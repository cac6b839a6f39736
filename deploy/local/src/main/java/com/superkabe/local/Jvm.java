package com.superkabe.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: the same java that runs the launcher (run.sh picked a JDK 25). */
final class Jvm {

    private Jvm() {
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> mainClass(String classpath, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    static List<String> jar(Path jar, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    /** The classpath maven-dependency-plugin wrote at build time (the broker's jars are on it). */
    static String runtimeClasspath(StackLayout layout) {
        try {
            return Files.readString(layout.runtimeClasspath(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new StackException("missing " + layout.runtimeClasspath()
                    + " - build first: ./mvnw -q -B -DskipTests install (run.sh does this)", e);
        }
    }

    /** Splits a user-supplied option string such as {@code "-Xmx512m -XX:TieredStopAtLevel=1"}. */
    static List<String> options(String raw) {
        return raw == null || raw.isBlank() ? List.of() : List.of(raw.strip().split("\\s+"));
    }
}
