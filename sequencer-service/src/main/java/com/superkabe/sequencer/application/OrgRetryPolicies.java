package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.RetryPolicy;
import java.util.Optional;

/** Port: the retry policy an organization chose, from SendRetrySettingsChanged (absent: the deployment's). */
public interface OrgRetryPolicies {

    void setRetryPolicy(String orgId, RetryPolicy policy);

    Optional<RetryPolicy> retryPolicy(String orgId);
}
