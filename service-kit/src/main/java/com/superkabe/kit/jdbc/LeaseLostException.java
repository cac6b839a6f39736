package com.superkabe.kit.jdbc;

/**
 * This instance no longer holds the lease its work is fenced by: another instance took over (or it
 * expired). The transaction that found out rolls back; the input is left for the holder.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
