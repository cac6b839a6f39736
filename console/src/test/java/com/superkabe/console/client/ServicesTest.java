package com.superkabe.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.console.ConsoleProperties;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServicesTest {

    private HttpServer server;
    private final AtomicReference<String> seenKey = new AtomicReference<>();

    private Services servicesAt(URI protection) {
        URI none = URI.create("http://127.0.0.1:9");
        return new Services(new ConsoleProperties(none, none, none, none, none, protection, "/api/v1/protection/mailboxes",
                "/api/v1/protection/domains", "/api/v1/protection/mode", "/api/v1/protection/policy",
                "/api/v1/protection/graduation-criteria", "/api/v1/protection/mailbox-counts", Duration.ofSeconds(5),
                50));
    }

    private URI serve(int status, String contentType, String body, String... headers) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seenKey.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            for (int h = 0; h + 1 < headers.length; h += 2) {
                exchange.getResponseHeaders().add(headers[h], headers[h + 1]);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void callsCarryTheSessionsKeyAndReturnTheServicesJson() throws Exception {
        Services services = servicesAt(serve(200, "application/json", "{\"mode\":\"ENFORCE\"}"));

        String mode = services.get("sk_live_key", Services.Service.PROTECTION, "/api/v1/protection/mode")
                .path("mode").asString();

        assertThat(mode).isEqualTo("ENFORCE");
        assertThat(seenKey.get()).isEqualTo("sk_live_key");
    }

    @Test
    void aPageOfAListCarriesTheCursorsOfItsLinkHeaderAndTheFiltersRowCount() throws Exception {
        Services services = servicesAt(serve(200, "application/json", "[{\"mailboxId\":\"m1\"}]", "Link",
                "</api/v1/protection/mailboxes?limit=1&state=paused&after=bTFAeC50ZXN0Cm0x>; rel=\"next\", "
                        + "</api/v1/protection/mailboxes?limit=1&state=paused&before=bTFAeC50ZXN0Cm0x>; rel=\"prev\"",
                "X-Total-Count", "42"));

        Services.Page page = services.page("k", Services.Service.PROTECTION, "/api/v1/protection/mailboxes?limit=1");

        assertThat(page.rows().get(0).path("mailboxId").asString()).isEqualTo("m1");
        assertThat(page.next()).isEqualTo("bTFAeC50ZXN0Cm0x");
        assertThat(page.previous()).isEqualTo("bTFAeC50ZXN0Cm0x");
        assertThat(page.total()).isEqualTo(42);
    }

    @Test
    void theLastPageOfAListHasNoNextCursor() throws Exception {
        Services services = servicesAt(serve(200, "application/json", "[]"));

        Services.Page page = services.page("k", Services.Service.PROTECTION, "/api/v1/protection/mailboxes");

        assertThat(page.next()).isNull();
        assertThat(page.previous()).isNull();
        assertThat(page.total()).isEqualTo(-1);
    }

    @Test
    void aRefusalCarriesTheServicesProblemDetailAndField() throws Exception {
        Services services = servicesAt(serve(409, "application/problem+json",
                "{\"status\":409,\"field\":\"target\",\"detail\":\"mailbox is already paused\"}"));

        assertThatThrownBy(() -> services.get("k", Services.Service.PROTECTION, "/api/v1/protection/mailboxes/m"))
                .isInstanceOfSatisfying(ApiCallFailed.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.field()).isEqualTo("target");
                    assertThat(e.detail()).isEqualTo("mailbox is already paused");
                });
    }

    @Test
    void aPageThatIsNotAProblemIsReportedByItsStatus() throws Exception {
        Services services = servicesAt(serve(502, "text/html", "<html>bad gateway</html>"));

        assertThatThrownBy(() -> services.get("k", Services.Service.PROTECTION, "/x"))
                .isInstanceOfSatisfying(ApiCallFailed.class, e -> assertThat(e.detail())
                        .isEqualTo("protection service answered 502"));
    }

    @Test
    void aServiceThatIsNotListeningIsNamedAsNotAnswering() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Services services = servicesAt(URI.create("http://127.0.0.1:" + closed));

        assertThatThrownBy(() -> services.get("k", Services.Service.PROTECTION, "/x"))
                .isInstanceOfSatisfying(ApiCallFailed.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.detail()).isEqualTo("protection service did not answer");
                });
    }
}
