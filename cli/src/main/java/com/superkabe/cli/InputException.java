package com.superkabe.cli;

/** An input the command cannot use (a file, a record, an option value); exits with {@link ExitCodes#INPUT}. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
