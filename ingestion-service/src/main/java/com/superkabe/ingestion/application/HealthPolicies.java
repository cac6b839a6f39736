package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.QualityPolicy;
import java.util.Optional;

/** Port: each organization's lead-health policy (absent: the defaults). */
public interface HealthPolicies {

    Optional<QualityPolicy> find(String orgId);

    void save(String orgId, QualityPolicy policy);
}
