package com.superkabe.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What the problem handler makes of a database refusal that reached it from a request. */
class ProblemHandlerDataAccessTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aValueLongerThanItsColumnIsA400ProblemNamingTheBodyNotA500() {
        DataIntegrityViolationException refused = new DataIntegrityViolationException("insert failed",
                new SQLException("ERROR: value too long for type character varying(128)", "22001"));

        ResponseEntity<ProblemDetail> answer = handler.dataAccess(refused);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getStatus()).isEqualTo(400);
        assertThat(answer.getBody().getProperties()).containsKey("errors");
        assertThat((List<?>) answer.getBody().getProperties().get("errors")).singleElement()
                .satisfies(e -> assertThat(((Map<?, ?>) e).get("field")).isEqualTo("body"));
    }

    @Test
    void aNulTheDatabaseRefusesIsA400ProblemNamingTheBody() {
        DataIntegrityViolationException refused = new DataIntegrityViolationException("insert failed",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertThat(handler.dataAccess(refused).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anyOtherDatabaseFailureIsLeftToBeAServerError() {
        DataIntegrityViolationException broken = new DataIntegrityViolationException("insert failed",
                new SQLException("ERROR: relation \"mailbox\" does not exist", "42P01"));

        assertThatThrownBy(() -> handler.dataAccess(broken)).isSameAs(broken);
    }
}
