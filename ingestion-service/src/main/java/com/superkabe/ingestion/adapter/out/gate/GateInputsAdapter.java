package com.superkabe.ingestion.adapter.out.gate;

import com.superkabe.ingestion.application.GateInputs;
import com.superkabe.ingestion.application.HealthPolicies;
import com.superkabe.ingestion.config.IngestionProperties;
import com.superkabe.ingestion.domain.DomainLists;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.QualityPolicy;
import com.superkabe.kit.dns.JndiDnsLookup;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The gate's inputs, prepared in memory: the lists (snapshot rebuilt only when a list file
 * changes), per-org policies (cached by the policy store) and the MX check (DomainInsights over
 * the kit's JNDI resolver, or DISABLED).
 */
@Component
class GateInputsAdapter implements GateInputs {

    private final ReloadingList disposable;
    private final ReloadingList allowlist;
    private final ReloadingList roles;
    private final ReloadingList tlds;
    private final HealthPolicies policies;
    private final DomainInsights insights;
    private volatile DomainLists snapshot;
    private volatile Set<?>[] snapshotOf = new Set<?>[0];

    GateInputsAdapter(IngestionProperties props, HealthPolicies policies, Clock clock) {
        IngestionProperties.Lists l = props.lists();
        this.disposable = new ReloadingList("lists/disposable-domains.txt", l.disposableFile(), l.reloadInterval(), clock);
        this.allowlist = new ReloadingList("lists/disposable-allowlist.txt", l.allowlistFile(), l.reloadInterval(), clock);
        this.roles = new ReloadingList("lists/role-accounts.tsv", l.roleFile(), l.reloadInterval(), clock);
        this.tlds = new ReloadingList("lists/suspicious-tlds.txt", l.suspiciousTldFile(), l.reloadInterval(), clock);
        this.policies = policies;
        IngestionProperties.Mx mx = props.mx();
        this.insights = mx.enabled() ? new DomainInsights(new JndiDnsLookup(mx.dnsServer(), mx.timeout(),
                Duration.ZERO, clock), mx.cacheTtl(), mx.cacheSize(), clock) : null;
    }

    @Override
    public DomainLists lists() {
        Set<?>[] now = {disposable.get(), allowlist.get(), roles.get(), tlds.get()};
        Set<?>[] was = snapshotOf;
        if (was.length != 4 || was[0] != now[0] || was[1] != now[1] || was[2] != now[2] || was[3] != now[3]) {
            snapshot = new DomainLists(disposable.get(), allowlist.get(), roles.get(), tlds.get());
            snapshotOf = now;
        }
        return snapshot;
    }

    @Override
    public QualityPolicy policy(String orgId) {
        return policies.find(orgId).orElse(QualityPolicy.DEFAULT);
    }

    @Override
    public MxCheck mx(Collection<String> asciiDomains) {
        if (insights == null) {
            return MxCheck.DISABLED;
        }
        insights.prefetch(asciiDomains);
        java.util.Map<String, com.superkabe.ingestion.domain.MxResult> answers = new java.util.HashMap<>();
        for (String domain : asciiDomains) {
            answers.put(domain, insights.lookup(domain));
        }
        return MxCheck.of(answers);
    }
}
