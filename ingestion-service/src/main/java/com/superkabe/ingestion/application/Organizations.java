package com.superkabe.ingestion.application;

/** Port: the organizations this installation serves. */
public interface Organizations {

    boolean exists(String orgId);

    void insert(String orgId, String name);
}
