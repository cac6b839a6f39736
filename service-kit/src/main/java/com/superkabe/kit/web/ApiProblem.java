package com.superkabe.kit.web;

import org.springframework.http.HttpStatus;

/** A refusal to report to the caller as an RFC 9457 problem, naming the field and the rule broken. */
public class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;

    public ApiProblem(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, null, what + " '" + id + "' does not exist in this organization");
    }

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, field, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
