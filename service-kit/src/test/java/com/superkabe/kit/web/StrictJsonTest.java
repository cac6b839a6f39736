package com.superkabe.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The kit's request JSON rules, through Spring MVC with the kit's mapper and problem handler. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Step(String subject, String body, int delay) {
    }

    record Campaign(String name, Integer limit, Long budget, Boolean active, Colour colour, List<Step> steps,
                    Map<String, Integer> caps) {
    }

    @RestController
    static class Echo {
        @PostMapping("/campaigns")
        Campaign create(@RequestBody Campaign c) {
            return c;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Echo()).setControllerAdvice(new ProblemHandler())
            .setMessageConverters(new JacksonJsonHttpMessageConverter(StrictJson.configure(JsonMapper.builder()
                    // Spring Boot's own customizer turns this off before the kit's runs
                    .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)).build())).build();

    @Test
    void aWellTypedBodyIsReadAsItIs() throws Exception {
        JsonNode ok = send("{\"name\":\"Q4\\tlaunch\",\"limit\":5,\"budget\":9000000000,\"active\":true,\"colour\":\"RED\","
                + "\"steps\":[{\"subject\":\"Hi\",\"body\":\"Line 1\\r\\nLine 2\",\"delay\":0}],\"caps\":{\"a\":1}}", 200);

        assertThat(ok.get("steps").get(0).get("body").asString()).isEqualTo("Line 1\r\nLine 2");
        assertThat(ok.get("budget").asLong()).isEqualTo(9_000_000_000L);
    }

    @Test
    void aNulOrControlCharacterInAnyStringIsRefusedNamingTheField() throws Exception {
        assertField("{\"name\":\"a\\u0000b\"}", "name", "/name", "U+0000");
        assertField("{\"steps\":[{\"subject\":\"ok\",\"delay\":1},{\"body\":\"x\\u001bY\",\"delay\":1}]}", "steps[1].body", "/steps/1/body",
                "U+001B");
        assertField("{\"caps\":{\"a\\u0000\":1}}", "caps", "/caps", "U+0000");
    }

    /** A lone surrogate was accepted and the database driver stored it as '?': "a\ud800b" came back "a?b". */
    @Test
    void anUnpairedSurrogateInAnyStringIsRefusedNamingTheFieldAndAPairIsKept() throws Exception {
        assertField("{\"name\":\"a\\ud800b\"}", "name", "/name", "unpaired surrogate");
        assertField("{\"name\":\"\\udc00\"}", "name", "/name", "U+DC00");
        assertField("{\"steps\":[{\"subject\":\"x\\ud83d\",\"delay\":1}]}", "steps[0].subject", "/steps/0/subject",
                "U+D83D");
        assertField("{\"caps\":{\"\\ud800\":1}}", "caps", "/caps", "surrogate"); // the parser's own refusal

        JsonNode ok = send("{\"name\":\"launch \\ud83d\\ude80\"}", 200);

        assertThat(ok.get("name").asString()).isEqualTo("launch \ud83d\ude80");
    }

    @Test
    void aWrongJsonTypeIsRefusedNamingTheFieldRatherThanCoerced() throws Exception {
        assertField("{\"name\":123}", "name", "/name", null);
        assertField("{\"limit\":1.5}", "limit", "/limit", null);
        assertField("{\"limit\":\"12\"}", "limit", "/limit", null);
        assertField("{\"steps\":[{\"delay\":null}]}", "steps[0].delay", "/steps/0/delay", null);
        assertField("{\"active\":\"true\"}", "active", "/active", null);
        assertField("{\"active\":1}", "active", "/active", null);
        assertField("{\"colour\":1}", "colour", "/colour", null);
        assertField("{\"steps\":{\"subject\":\"x\"}}", "steps", "/steps", null);
        assertField("{\"caps\":[1,2]}", "caps", "/caps", null);
    }

    @Test
    void aNumberOutOfItsTypesRangeIsRefusedNamingTheField() throws Exception {
        assertField("{\"limit\":99999999999}", "limit", "/limit", "out of range");
        assertField("{\"budget\":99999999999999999999999}", "budget", "/budget", "out of range");
        assertField("{\"steps\":[{\"delay\":-99999999999}]}", "steps[0].delay", "/steps/0/delay", "out of range");
    }

    @Test
    void aMalformedDocumentIsRefusedNamingWhereItBroke() throws Exception {
        assertField("[1,2]", "body", "", null);
        assertField("{\"name\":\"a\"} {}", "body", "", null);
        assertField("{\"name\":\"a\",\"name\":\"b\"}", "name", "/name", null);
        assertField("{\"name\":", "name", "/name", null);
    }

    @Test
    void aFieldTheRequestDoesNotDeclareIsRefusedNamingIt() throws Exception {
        assertField("{\"name\":\"Q4\",\"nmae\":\"typo\"}", "nmae", "/nmae", "the fields are active, budget, caps");
        assertField("{\"steps\":[{\"subject\":\"a\",\"delay\":1,\"delayTicks\":5}]}", "steps[0].delayTicks",
                "/steps/0/delayTicks", "is not a field of this request");
    }

    @Test
    void aBidiOverrideOrIsolateInAnyStringIsRefusedNamingTheFieldWhileLineBreaksAndBidiMarksStay() throws Exception {
        assertField("{\"name\":\"Acme \u202Egnp.exe\"}", "name", "/name", "U+202E");
        assertField("{\"name\":\"ok\",\"steps\":[{\"body\":\"Dear \u2067x\u2069\",\"delay\":1}]}", "steps[0].body",
                "/steps/0/body", "bidirectional");
        assertField("{\"caps\":{\"\u202Akey\":1}}", "caps", "/caps", "U+202A");

        JsonNode ok = send("{\"name\":\"\u05E9\u05DC\u05D5\u05DD\u200F\",\"steps\":[{\"body\":\"1 Main St\\r\\n"
                + "Springfield\",\"delay\":0}]}", 200);
        assertThat(ok.get("name").asString()).endsWith("\u200F");
        assertThat(ok.get("steps").get(0).get("body").asString()).contains("\r\n");
    }

    @Test
    void aTreeBodyWithAFixedShapeRefusesAFieldItDoesNotHave() {
        JsonNode body = JsonMapper.builder().build().readTree("{\"leadIds\":[],\"leadID\":[]}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrictJson.onlyFields(body, "", "leadIds"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.field()).isEqualTo("leadID");
                    assertThat(p.getMessage()).contains("the fields are leadIds");
                });
        StrictJson.onlyFields(JsonMapper.builder().build().readTree("{\"leadIds\":[]}"), "", "leadIds");
    }

    @Test
    void plainTextFindsABidiIsolateInATreeBody() {
        JsonNode tree = JsonMapper.builder().build().readTree("{\"address\":{\"lines\":[\"1 Main St\\r\\n\","
                + "\"\u2066PO Box\"]}}");

        assertThat(PlainText.check(tree)).get().extracting(PlainText.Violation::field).isEqualTo("address.lines[1]");
    }

    private void assertField(String body, String field, String pointer, String messagePart) throws Exception {
        JsonNode problem = send(body, 400);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).as(body).isEqualTo(field);
        assertThat(error.get("pointer").asString()).as(body).isEqualTo(pointer);
        if (messagePart != null) {
            assertThat(error.get("message").asString()).as(body).contains(messagePart);
        }
    }

    private JsonNode send(String body, int status) throws Exception {
        MvcResult r = mvc.perform(post("/campaigns").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
        String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body + " → " + text).isEqualTo(status);
        if (status >= 400) {
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        }
        return JsonMapper.builder().build().readTree(text);
    }
}
