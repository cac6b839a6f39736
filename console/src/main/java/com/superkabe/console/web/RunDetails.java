package com.superkabe.console.web;

import static com.superkabe.console.client.Services.Service.SEQUENCER;

import com.superkabe.console.client.ApiCallFailed;
import com.superkabe.console.client.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/** Each run's {@code GET /api/v1/runs/{runId}} (the run and its transitions), fetched side by side. */
final class RunDetails {

    private RunDetails() {
    }

    static List<JsonNode> of(Services services, String key, Iterable<JsonNode> runs) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (JsonNode run : runs) {
                String id = run.path("runId").asString();
                futures.add(pool.submit(() -> services.get(key, SEQUENCER,
                        "/api/v1/runs/" + CampaignPages.encode(id))));
            }
            List<JsonNode> out = new ArrayList<>();
            for (Future<JsonNode> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ApiCallFailed failed) {
                        throw failed;
                    }
                    throw new ApiCallFailed(0, null, "sequencer service did not answer");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiCallFailed(0, null, "the page was interrupted");
                }
            }
            return out;
        }
    }
}
