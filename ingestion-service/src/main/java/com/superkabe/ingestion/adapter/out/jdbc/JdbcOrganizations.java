package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.Organizations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrganizations implements Organizations {

    private final JdbcClient jdbc;

    JdbcOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String orgId) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE org_id = ?").param(orgId).query(Long.class).single() > 0;
    }

    @Override
    public void insert(String orgId, String name) {
        jdbc.sql("INSERT INTO organization(org_id, name) VALUES (?, ?)").params(orgId, name).update();
    }
}
