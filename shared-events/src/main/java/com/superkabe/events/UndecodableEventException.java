package com.superkabe.events;

/** A record could not be turned into an event: unknown type, missing header, or invalid payload. */
public class UndecodableEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
