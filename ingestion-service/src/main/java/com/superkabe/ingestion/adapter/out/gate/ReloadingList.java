package com.superkabe.ingestion.adapter.out.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list from a configured file, re-read when its modification time changes (looked at no more
 * than once per interval); without a file, the shipped list. A file that cannot be read keeps the
 * last good list and logs why, so a bad deploy of the list never empties the gate.
 */
final class ReloadingList {

    private static final Logger log = LoggerFactory.getLogger(ReloadingList.class);

    private final String shipped;
    private final Path file;
    private final Duration interval;
    private final Clock clock;
    private volatile Set<String> current;
    private volatile FileTime loadedVersion;
    private volatile Instant nextLook = Instant.MIN;

    ReloadingList(String shipped, String file, Duration interval, Clock clock) {
        this.shipped = shipped;
        this.file = file == null || file.isBlank() ? null : Path.of(file);
        this.interval = interval;
        this.clock = clock;
        this.current = this.file == null ? ListFiles.classpath(shipped) : ListFiles.file(this.file);
        this.loadedVersion = this.file == null ? null : modified();
    }

    Set<String> get() {
        if (file != null && clock.instant().isAfter(nextLook)) {
            nextLook = clock.instant().plus(interval);
            FileTime version = modified();
            if (version != null && !version.equals(loadedVersion)) {
                try {
                    current = ListFiles.file(file);
                    loadedVersion = version;
                    log.info("reloaded {} ({} entries)", file, current.size());
                } catch (RuntimeException e) {
                    log.warn("kept the previous {} list: {}", shipped, e.toString());
                }
            }
        }
        return current;
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
