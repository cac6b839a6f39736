package com.superkabe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's own problem types link to sections of docs/problems.md that exist. */
class GatewayProblemsDocumentedTest {

    @Test
    void eachTypeTheGatewayEmitsHasItsSection() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "problems.md"));

        for (String type : List.of(GatewayProblems.NO_ROUTE, GatewayProblems.BACKEND_UNAVAILABLE,
                GatewayErrorValve.typeFor(400), GatewayErrorValve.typeFor(404), GatewayErrorValve.typeFor(500))) {
            assertThat(type).startsWith("https://superkabe.dev/docs/problems.md#");
            assertThat(doc).as(type).containsPattern("(?m)^## " + URI.create(type).getFragment() + "\\s*$");
        }
    }
}
