package com.superkabe.cli;

/** The cluster did not answer or refused; exits with {@link ExitCodes#CLUSTER}. */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
