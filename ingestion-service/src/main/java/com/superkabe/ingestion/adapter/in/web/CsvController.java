package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.CsvImport;
import com.superkabe.ingestion.config.IngestionProperties;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * CSV upload, streamed from the request (text/csv) or from the multipart part (spooled to disk by
 * the container, never held in memory). Over {@code limits.csv-max-bytes}: 413 (checked up front
 * from Content-Length, and while reading for chunked bodies). {@code mapping} overrides header
 * auto-mapping: a JSON object field → column name, e.g. {"email":"Work Mail"}.
 */
@RestController
class CsvController {

    private final CsvImport csv;
    private final long maxBytes;

    CsvController(CsvImport csv, IngestionProperties props) {
        this.csv = csv;
        this.maxBytes = props.limits().csvMaxBytes().toBytes();
    }

    @PostMapping(path = "/api/v1/leads/csv", consumes = {"text/csv", "text/plain", "application/csv"})
    Map<String, Object> raw(OrgId org, HttpServletRequest request,
                            @RequestParam(name = "mapping", required = false) String mapping,
                            @RequestHeader(name = "Idempotency-Key", required = false) String key) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw JsonBodies.tooLarge(maxBytes);
        }
        return run(org, request.getInputStream(), mapping, key);
    }

    @PostMapping(path = "/api/v1/leads/csv", consumes = "multipart/form-data")
    Map<String, Object> multipart(OrgId org, @RequestPart("file") MultipartFile file,
                                  @RequestParam(name = "mapping", required = false) String mapping,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key)
            throws IOException {
        if (file.getSize() > maxBytes) {
            throw JsonBodies.tooLarge(maxBytes);
        }
        try (InputStream in = file.getInputStream()) {
            return run(org, in, mapping, key);
        }
    }

    private Map<String, Object> run(OrgId org, InputStream body, String mapping, String key) {
        Map<String, String> explicit = mapping(mapping);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(new Limited(body, maxBytes), decoder), 1 << 16);
        String uploadId = key != null && !key.isBlank() ? org.value() + "/" + key : UUID.randomUUID().toString();
        try {
            return csv.run(org.value(), reader, explicit, uploadId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("mapping", e.getMessage());
        } catch (TooLarge e) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, null, "The CSV is larger than the limit of " + maxBytes
                    + " bytes; the rows before the limit were processed, the rest were not read");
        } catch (UncheckedIOException e) {
            throw ApiProblem.invalid("file", "The upload could not be read: " + e.getCause().getMessage());
        }
    }

    private static Map<String, String> mapping(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode node = JsonBodies.parse(JsonBodies.utf8(json), 64 * 1024);
        if (!node.isObject()) {
            throw ApiProblem.invalid("mapping", "mapping must be a JSON object of field → column name");
        }
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts bytes as they stream and stops at the limit (a chunked body has no length to check first). */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(Math.max(n, 0));
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                throw new TooLarge();
            }
        }
    }
}
