package com.superkabe.ingestion.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code superkabe.ingestion.*}. MX: on by default, asking {@code mx.dns-server} ("host:port";
 * empty: the system resolvers) with {@code mx.timeout}, answers cached per domain for
 * {@code mx.cache-ttl}; {@code mx.enabled=false} makes the check report "not run" (passed null).
 * Lists: the shipped lists are used unless a file path is configured; files are re-read when
 * they change (checked every {@code lists.reload-interval}), no rebuild needed.
 */
@ConfigurationProperties("superkabe.ingestion")
public record IngestionProperties(Mx mx, Lists lists, Limits limits, Clay clay) {

    public IngestionProperties {
        mx = mx == null ? new Mx(true, "", null, null, 0) : mx;
        lists = lists == null ? new Lists(null, null, null, null, null) : lists;
        limits = limits == null ? new Limits(0, null, null) : limits;
        clay = clay == null ? new Clay(null) : clay;
    }

    public record Mx(boolean enabled, String dnsServer, Duration timeout, Duration cacheTtl, int cacheSize) {
        public Mx {
            dnsServer = dnsServer == null ? "" : dnsServer;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            cacheTtl = cacheTtl == null ? Duration.ofHours(24) : cacheTtl;
            cacheSize = cacheSize <= 0 ? 100_000 : cacheSize;
        }
    }

    public record Lists(String disposableFile, String allowlistFile, String roleFile, String suspiciousTldFile,
                        Duration reloadInterval) {
        public Lists {
            reloadInterval = reloadInterval == null ? Duration.ofSeconds(30) : reloadInterval;
        }
    }

    /** Batch size and body limits; over a limit the request is refused with 413. */
    public record Limits(int batchMaxItems, DataSize jsonMaxBytes, DataSize csvMaxBytes) {
        public Limits {
            batchMaxItems = batchMaxItems <= 0 ? 10_000 : batchMaxItems;
            jsonMaxBytes = jsonMaxBytes == null ? DataSize.ofMegabytes(16) : jsonMaxBytes;
            csvMaxBytes = csvMaxBytes == null ? DataSize.ofMegabytes(512) : csvMaxBytes;
        }
    }

    public record Clay(Duration replayWindow) {
        public Clay {
            replayWindow = replayWindow == null ? Duration.ofMinutes(5) : replayWindow;
        }
    }
}
