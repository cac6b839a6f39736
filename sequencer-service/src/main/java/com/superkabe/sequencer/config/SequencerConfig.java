package com.superkabe.sequencer.config;

import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.adapter.out.jdbc.ClockTicker;
import com.superkabe.sequencer.application.CampaignService;
import com.superkabe.sequencer.application.DispatchPaging;
import com.superkabe.sequencer.application.EspStats;
import com.superkabe.sequencer.application.MailingAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.application.LogicalClock;
import com.superkabe.sequencer.application.MailboxAvailability;
import com.superkabe.sequencer.application.RunCommands;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.application.SendLedger;
import com.superkabe.sequencer.application.SequencerService;
import com.superkabe.sequencer.application.Suppressions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties({ClockProperties.class, SendingProperties.class})
class SequencerConfig {

    @Bean
    SequencerService sequencerService(Campaigns campaigns, RunCommands runs, RunViews views, LogicalClock clock,
                                      MailboxAvailability mailboxes, Suppressions suppressions, SendLedger ledger,
                                      EspStats espStats, MailingAddresses addresses,
                                      com.superkabe.sequencer.application.OrgRetryPolicies retryPolicies,
                                      com.superkabe.sequencer.application.EspThrottles throttles,
                                      EventSink events, Envelopes envelopes,
                                      SendingProperties sending,
                                      MeterRegistry meters, DispatchPaging paging,
                                      com.superkabe.sequencer.application.LeadPauses leadPauses,
                                      CampaignService campaignService,
                                      @Value("${superkabe.sequencer.shards:1}") int shards) {
        return new SequencerService(new SequencerService.Ports(campaigns, runs, views, clock, mailboxes, suppressions,
                ledger, espStats, addresses, retryPolicies, throttles, leadPauses, campaignService), paging,
                sending.settings().forShards(shards), new com.superkabe.sequencer.application.DispatchObserver() {
                    @Override
                    public void held(long tick, java.util.Map<com.superkabe.sequencer.domain.dispatch.HoldReason,
                            Integer> held) {
                        held.forEach((reason, n) -> meters.counter("superkabe_dispatch_holds",
                                "reason", reason.name().toLowerCase(java.util.Locale.ROOT)).increment(n));
                    }

                    @Override
                    public void denied(com.superkabe.events.run.SendPolicy policy,
                                       com.superkabe.events.run.PolicyAction action, int count) {
                        meters.counter("superkabe_policy_denials", "policy",
                                policy.name().toLowerCase(java.util.Locale.ROOT), "action",
                                action.name().toLowerCase(java.util.Locale.ROOT)).increment(count);
                    }
                },
                (cause, key, event) -> {
                    events.publish(envelopes.causedBy(cause, "dispatch/" + key, 0, event instanceof
                            com.superkabe.events.dispatch.MailboxEspThrottleChanged c ? c.tick() : -1, event));
                    meters.counter("superkabe_esp_throttle_changes").increment();
                });
    }

    @Bean
    CampaignService campaignService(Campaigns campaigns, EventSink events, Envelopes envelopes) {
        return new CampaignService(campaigns, events, envelopes);
    }

    @Bean
    com.superkabe.sequencer.application.OperatorInputs operatorInputs(EventSink events, Envelopes envelopes) {
        return new com.superkabe.sequencer.application.OperatorInputs(events, envelopes);
    }

    /** How the dispatcher pages due runs; the replay check must page the same way. */
    @Bean
    DispatchPaging dispatchPaging(@Value("${superkabe.sequencer.dispatch.page-size:500}") int pageSize,
                                  @Value("${superkabe.sequencer.dispatch.scan-limit:20000}") int scanLimit) {
        return new DispatchPaging(pageSize, scanLimit);
    }

    /** The clock ticker asks its keeper whether it holds the lease before each tick; nothing starts or stops. */
    private static final com.superkabe.kit.jdbc.LeaseKeeper.Job NOTHING = new com.superkabe.kit.jdbc.LeaseKeeper.Job() {
        @Override
        public void acquired(long epoch) {
        }

        @Override
        public void lost() {
        }
    };

    /** The shard count, checked against the one this installation was first started with (ADR 0065). */
    @Bean
    com.superkabe.sequencer.adapter.out.jdbc.ShardCount shardCount(JdbcClient jdbc,
            @Value("${superkabe.sequencer.shards:1}") int shards) {
        return com.superkabe.sequencer.adapter.out.jdbc.ShardCount.check(jdbc, shards);
    }

    /** Which replica runs the ordered input queue (ADR 0052); a standby takes over when the holder is gone. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "superkabe.sequencer.shards",
            havingValue = "1", matchIfMissing = true)
    com.superkabe.kit.jdbc.LeaseKeeper sequencerLease(com.superkabe.kit.jdbc.Leases leases,
            org.springframework.kafka.config.KafkaListenerEndpointRegistry registry,
            @org.springframework.beans.factory.annotation.Value("${spring.application.name}") String application,
            Campaigns campaigns, com.superkabe.sequencer.adapter.out.jdbc.ShardCount checked) {
        return leases.keeper("sequencer",
                new com.superkabe.sequencer.adapter.in.kafka.SequencerTenure(registry, application, campaigns));
    }

    /**
     * More than one shard (ADR 0065): each shard a lease and a consumer group of its own, its organizations'
     * inputs in its own recorded order; the replicas share the shards.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("${superkabe.sequencer.shards:1} > 1")
    com.superkabe.sequencer.adapter.in.kafka.SequencerShards sequencerShards(
            com.superkabe.sequencer.adapter.out.jdbc.ShardCount checked,
            @Value("${superkabe.sequencer.max-shards-per-replica:0}") int maxPerReplica,
            com.superkabe.kit.jdbc.Leases leases,
            org.springframework.kafka.config.AbstractKafkaListenerContainerFactory<?, ?, ?> kafkaListenerContainerFactory,
            org.springframework.kafka.config.KafkaListenerEndpointRegistry registry,
            @Value("${spring.application.name}") String application,
            com.superkabe.kit.kafka.InboundHandler inbound,
            com.superkabe.sequencer.application.ShardInbox inbox, TransactionTemplate tx,
            SequencerService sequencer, Campaigns campaigns, JdbcClient jdbc, MeterRegistry meters,
            @Value("${spring.kafka.consumer.group-id}") String groupId) {
        int shards = checked.shards();
        var sharded = new com.superkabe.sequencer.adapter.in.kafka.SequencerShards(
                new com.superkabe.sequencer.adapter.in.kafka.SequencerShards.Settings(shards,
                        maxPerReplica > 0 ? maxPerReplica : shards, leases.renewEvery()),
                leases, kafkaListenerContainerFactory, registry, application, inbound, inbox, tx, sequencer, campaigns,
                jdbc, groupId, meters);
        for (int k = 0; k < shards; k++) {
            int shard = k;
            com.superkabe.kit.jdbc.Leases.held(meters,
                    com.superkabe.sequencer.adapter.in.kafka.SequencerShards.LEASE_PREFIX + k, () -> sharded.holds(shard));
        }
        return sharded;
    }

    @Bean
    ClockTicker clockTicker(JdbcClient jdbc, TransactionTemplate tx, EventSink events, Envelopes envelopes,
                            ClockProperties props, java.time.Clock wall, com.superkabe.kit.jdbc.Leases leases) {
        return new ClockTicker(jdbc, tx, events, envelopes, props, wall, leases.keeper("clock", NOTHING));
    }
}
