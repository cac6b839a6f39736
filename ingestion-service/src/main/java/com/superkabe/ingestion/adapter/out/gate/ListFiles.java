package com.superkabe.ingestion.adapter.out.gate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Reads one-entry-per-line lists ("#" comments, TSV: first column) from the classpath or a file. */
final class ListFiles {

    private ListFiles() {
    }

    static Set<String> classpath(String resource) {
        try (InputStream in = ListFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped list " + resource + " is missing from the jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> file(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read list " + path, e);
        }
    }

    private static Set<String> read(InputStream in) throws IOException {
        Set<String> out = new HashSet<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String entry = line.split("\t", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!entry.isEmpty() && !entry.startsWith("#") && !entry.equals("local_part")) {
                out.add(entry.startsWith(".") ? entry.substring(1) : entry);
            }
        }
        return out;
    }
}
