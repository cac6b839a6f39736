package com.superkabe.kit.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

/**
 * RFC 9457 problem details for every refusal, with an {@code errors} list naming each bad field
 * (dotted, indexes in brackets: {@code steps[1].subject}) and, for a JSON body, its JSON pointer.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    /** PostgreSQL's "invalid byte sequence" and "untranslatable character" (e.g. NUL in text). */
    private static final List<String> UNSTORABLE_TEXT = List.of("22021", "22P05");
    /** PostgreSQL's "value too long for type character varying(n)". */
    private static final String TOO_LONG = "22001";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        if (problem.field() != null) {
            pd.setProperty("errors", List.of(Map.of("field", problem.field(), "message", problem.getMessage())));
        }
        return problem(pd);
    }

    /** A truncated or otherwise unreadable multipart body is the caller's fault, not ours. */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The upload is larger than the limit"));
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The multipart body could not be read (truncated or malformed)");
        pd.setTitle("Malformed multipart request");
        return problem(pd);
    }

    /**
     * The last line of defence: text the database refuses to store (a NUL, or a value longer than
     * its column, that slipped past the checks above) is the caller's bad input, so a 400 — never a
     * 500; the transaction rolled back, so nothing was stored. A value too long is logged: it means a
     * request check that names the field is missing. Other failures stay 500.
     */
    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<ProblemDetail> dataAccess(DataAccessException ex) throws DataAccessException {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
                ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "A text value holds a character that cannot be stored (such as NUL); nothing was stored");
                pd.setTitle("Invalid text");
                pd.setProperty("errors", List.of(Map.of("field", "body", "message", "must not contain NUL or "
                        + "invalid characters")));
                return problem(pd);
            }
            if (t instanceof SQLException sql && TOO_LONG.equals(sql.getSQLState())) {
                log.warn("A request value was longer than its column (a missing request check): {}",
                        sql.getMessage());
                ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "A text value is longer than can be stored; nothing was stored");
                pd.setTitle("Invalid text");
                pd.setProperty("errors", List.of(Map.of("field", "body", "message", "a value is too long")));
                return problem(pd);
            }
        }
        throw ex;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
        pd.setTitle("Invalid request");
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        pd.setTitle("Malformed request body");
        JacksonException jx = jacksonCause(ex);
        if (jx != null) {
            String field = dotted(jx);
            String message = message(jx);
            pd.setDetail(field + ": " + message);
            pd.setProperty("errors", List.of(Map.of("field", field, "pointer", pointer(jx), "message", message)));
        } else {
            pd.setDetail("The request body is missing or is not valid JSON");
            pd.setProperty("errors", List.of(Map.of("field", "body", "pointer", "", "message",
                    "must be a JSON document")));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /** A query or path parameter that does not convert (a word or an overflowing number for an int): named. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        String message = "must be " + switch (expected) {
            case "Integer", "int" -> "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
            case "Long", "long" -> "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
            default -> "a valid " + expected;
        };
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        pd.setTitle("Invalid request");
        pd.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /** Every framework-level refusal (415, 405, 400 for a missing part …) as problem+json too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (entity != null && entity.getBody() instanceof ProblemDetail) {
            HttpHeaders h = new HttpHeaders();
            h.putAll(entity.getHeaders());
            h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(entity.getBody(), h, entity.getStatusCode());
        }
        return entity;
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail pd) {
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static JacksonException jacksonCause(Throwable ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException jx) {
                return jx;
            }
        }
        return null;
    }

    private static String message(JacksonException jx) {
        if (jx instanceof InputCoercionException ice) {
            return "the number is out of range for " + (ice.getTargetType() == null ? "its type"
                    : ice.getTargetType().getSimpleName());
        }
        if (jx instanceof tools.jackson.databind.exc.PropertyBindingException unknown) {
            java.util.Collection<Object> known = unknown.getKnownPropertyIds();
            return "is not a field of this request" + (known == null || known.isEmpty() ? ""
                    : " (the fields are " + known.stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        }
        String m = jx.getOriginalMessage();
        int cut = m == null ? -1 : m.indexOf('\n');
        return m == null ? "is not readable" : cut > 0 ? m.substring(0, cut) : m;
    }

    /** {@code steps[1].subject}; "body" for the document itself. */
    static String dotted(JacksonException jx) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : jx.getPath()) {
            if (r.getPropertyName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        if (b.isEmpty() && jx instanceof StreamReadException sre && sre.processor() != null) {
            String name = sre.processor().currentName();
            return name == null ? "body" : name;
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    /** RFC 6901: {@code /steps/1/subject}; empty for the document itself. */
    static String pointer(JacksonException jx) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : jx.getPath()) {
            if (r.getPropertyName() != null) {
                b.append('/').append(r.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                b.append('/').append(r.getIndex());
            }
        }
        if (b.isEmpty() && jx instanceof StreamReadException sre && sre.processor() != null
                && sre.processor().currentName() != null) {
            return "/" + sre.processor().currentName().replace("~", "~0").replace("/", "~1");
        }
        return b.toString();
    }
}
