package com.superkabe.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every problem type the services can emit links to a section of docs/problems.md that exists. */
class ProblemTypesDocumentedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Body(int size) {
    }

    @RestController
    static class Refusing {
        @GetMapping("/refused")
        String refused() {
            throw new ApiProblem(HttpStatus.CONFLICT, null, "already there");
        }

        @GetMapping("/own")
        ResponseEntity<ProblemDetail> own() {
            return ResponseEntity.unprocessableContent().body(ProblemDetail.forStatus(422));
        }

        @PostMapping("/body")
        Body body(@RequestBody Body body) {
            return body;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
            .setControllerAdvice(new ProblemHandler(), new ProblemTypeAdvice())
            .setMessageConverters(new JacksonJsonHttpMessageConverter(StrictJson.configure(JsonMapper.builder()
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)).build())).build();

    @Test
    void everyTypeTheKitCanEmitHasItsSectionInProblemsMd() throws IOException {
        Set<String> sections = sections();

        for (URI type : ProblemTypes.all()) {
            assertThat(type.toString()).startsWith(ProblemTypes.BASE);
            assertThat(sections).as("section for %s", type).contains(type.getFragment());
        }
    }

    @Test
    void everyErrorStatusMapsToADocumentedType() throws IOException {
        Set<String> sections = sections();

        for (int status = 400; status < 600; status++) {
            assertThat(ProblemTypes.all()).contains(ProblemTypes.forStatus(status));
            assertThat(sections).contains(ProblemTypes.slug(status));
        }
    }

    @Test
    void aRefusalFromAControllerCarriesTheTypeOfItsStatus() throws Exception {
        JsonNode conflict = JSON.readTree(mvc.perform(get("/refused")).andReturn().getResponse().getContentAsString());

        assertThat(conflict.get("type").asString()).isEqualTo(ProblemTypes.BASE + "conflict");
    }

    @Test
    void aProblemAControllerBuildsItselfGetsTheTypeOfItsStatusInsteadOfAboutBlank() throws Exception {
        JsonNode own = JSON.readTree(mvc.perform(get("/own")).andReturn().getResponse().getContentAsString());

        assertThat(own.get("type").asString()).isEqualTo(ProblemTypes.BASE + "unprocessable-content");
    }

    @Test
    void aFrameworkRefusalCarriesTheTypeOfItsStatus() throws Exception {
        JsonNode unreadable = JSON.readTree(mvc.perform(post("/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"size\":\"big\"}")).andReturn().getResponse().getContentAsString());
        JsonNode unsupported = JSON.readTree(mvc.perform(post("/body").contentType(MediaType.TEXT_HTML)
                .content("<p>")).andReturn().getResponse().getContentAsString());

        assertThat(unreadable.get("type").asString()).isEqualTo(ProblemTypes.BASE + "invalid-request");
        assertThat(unsupported.get("type").asString()).isEqualTo(ProblemTypes.BASE + "unsupported-media-type");
    }

    @Test
    void aContainerErrorWrittenByHandCarriesTheTypeOfItsStatus() {
        JsonNode written = JSON.readTree(ProblemJson.of(405, "Method Not Allowed", "not here"));

        assertThat(written.get("type").asString()).isEqualTo(ProblemTypes.BASE + "method-not-allowed");
    }

    /** GitHub's anchors for "## slug" headings: the heading text itself, lower-case. */
    static Set<String> sections() throws IOException {
        Path doc = Path.of("..", "docs", "problems.md");
        Set<String> sections = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^## ([a-z0-9-]+)\\s*$").matcher(Files.readString(doc));
        while (m.find()) {
            sections.add(m.group(1));
        }
        return sections;
    }
}
