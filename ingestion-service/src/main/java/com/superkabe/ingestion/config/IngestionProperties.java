package com.superkabe.ingestion.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * {@code superkabe.ingestion.*}. MX: on by default, asking {@code mx.dns-server} ("host:port";
 * empty: the system resolvers) with {@code mx.timeout}, answers cached per domain for
 * {@code mx.cache-ttl}; {@code mx.enabled=false} makes the check report "not run" (passed null).
 * Lists: the shipped lists are used unless a file path is configured; files are re-read when
 * they change (checked every {@code lists.reload-interval}), no rebuild needed.
 *
 * @param mx the MX check of each address's domain
 * @param lists the disposable, allow, role and suspicious-TLD lists
 * @param limits batch size and body limits
 * @param clay the Clay webhook
 */
@Validated
@ConfigurationProperties("superkabe.ingestion")
public record IngestionProperties(@Valid Mx mx, @Valid Lists lists, Limits limits, @Valid Clay clay) {

    public IngestionProperties {
        mx = mx == null ? new Mx(true, "", null, null, 0) : mx;
        lists = lists == null ? new Lists(null, null, null, null, null) : lists;
        limits = limits == null ? new Limits(0, null, null) : limits;
        clay = clay == null ? new Clay(null) : clay;
    }

    /**
     * @param enabled whether the MX check runs (default true; false reports it as not run)
     * @param dnsServer the resolver to ask, "host:port" (empty: the system resolvers)
     * @param timeout how long one MX lookup may take (default 2s)
     * @param cacheTtl how long an answer is cached per domain (default 24h)
     * @param cacheSize how many domains the cache holds (default 100000)
     */
    public record Mx(boolean enabled, String dnsServer,
                     @DurationMin(millis = 1, message = "superkabe.ingestion.mx.timeout must be positive")
                     Duration timeout,
                     @DurationMin(millis = 0, message = "superkabe.ingestion.mx.cache-ttl must not be negative")
                     Duration cacheTtl, int cacheSize) {
        public Mx {
            dnsServer = dnsServer == null ? "" : dnsServer;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            cacheTtl = cacheTtl == null ? Duration.ofHours(24) : cacheTtl;
            cacheSize = cacheSize <= 0 ? 100_000 : cacheSize;
        }
    }

    /**
     * @param disposableFile a file of disposable domains replacing the shipped list (unset: the shipped list)
     * @param allowlistFile a file of allowed domains replacing the shipped list
     * @param roleFile a file of role local parts replacing the shipped list
     * @param suspiciousTldFile a file of suspicious top-level domains replacing the shipped list
     * @param reloadInterval how often configured files are checked for changes (default 30s)
     */
    public record Lists(String disposableFile, String allowlistFile, String roleFile, String suspiciousTldFile,
                        @DurationMin(millis = 1, message = "superkabe.ingestion.lists.reload-interval must be positive")
                        Duration reloadInterval) {
        public Lists {
            reloadInterval = reloadInterval == null ? Duration.ofSeconds(30) : reloadInterval;
        }
    }

    /**
     * Batch size and body limits; over a limit the request is refused with 413.
     *
     * @param batchMaxItems the most leads one batch request may carry (default 10000)
     * @param jsonMaxBytes the largest JSON body accepted (default 16MB)
     * @param csvMaxBytes the largest CSV upload accepted (default 512MB)
     */
    public record Limits(int batchMaxItems, DataSize jsonMaxBytes, DataSize csvMaxBytes) {
        public Limits {
            batchMaxItems = batchMaxItems <= 0 ? 10_000 : batchMaxItems;
            jsonMaxBytes = jsonMaxBytes == null ? DataSize.ofMegabytes(16) : jsonMaxBytes;
            csvMaxBytes = csvMaxBytes == null ? DataSize.ofMegabytes(512) : csvMaxBytes;
        }
    }

    /**
     * @param replayWindow how old a signed Clay webhook may be before it is refused as a replay (default 5m)
     */
    public record Clay(
            @DurationMin(millis = 1, message = "superkabe.ingestion.clay.replay-window must be positive")
            Duration replayWindow) {
        public Clay {
            replayWindow = replayWindow == null ? Duration.ofMinutes(5) : replayWindow;
        }
    }
}
