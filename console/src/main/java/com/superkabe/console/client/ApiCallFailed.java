package com.superkabe.console.client;

/**
 * A service answered with an error, or not at all. {@code status} is the HTTP status (0: no answer);
 * {@code detail} is the service's own explanation (an RFC 9457 problem's detail), shown to the operator.
 */
public class ApiCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public ApiCallFailed(int status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
