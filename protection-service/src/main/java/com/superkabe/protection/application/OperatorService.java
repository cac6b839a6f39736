package com.superkabe.protection.application;

import com.superkabe.events.protection.ProtectionModeChanged;
import com.superkabe.events.protection.ProtectionSettingsPublished;
import com.superkabe.protection.domain.DomainDecider;
import com.superkabe.protection.domain.DomainDecision;
import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.DomainStatus;
import com.superkabe.protection.domain.MailboxCommand;
import com.superkabe.protection.domain.MailboxDecider;
import com.superkabe.protection.domain.MailboxDecision;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.MailboxStatus;
import com.superkabe.protection.domain.Mode;
import com.superkabe.protection.domain.PolicyOverrides;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.RecordedPolicy;
import com.superkabe.protection.domain.Transition;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' requests: forced or checked transitions of mailboxes and domains, and the
 * organization's mode. Each runs in its own transaction; a refusal changes nothing.
 */
public class OperatorService {

    /** What a request led to: the transition, a refusal, or nothing found (empty). */
    public record Outcome(Optional<Transition> transition, String rejection) {
    }

    private final ProtectionStore store;
    private final Policies policies;
    private final StateApplier applier;
    private final Emitter.Factory emitters;
    private final TransactionTemplate tx;

    public OperatorService(ProtectionStore store, Policies policies, StateApplier applier, Emitter.Factory emitters,
                           TransactionTemplate tx) {
        this.store = store;
        this.policies = policies;
        this.applier = applier;
        this.emitters = emitters;
        this.tx = tx;
    }

    public Optional<Outcome> mailbox(String orgId, String mailboxId, MailboxStatus target, String reason, String actor,
                                     boolean force) {
        return tx.execute(status -> {
            Optional<MailboxState> found = store.mailbox(mailboxId).filter(m -> m.orgId().equals(orgId));
            if (found.isEmpty() || !found.get().registered()) {
                return Optional.empty();
            }
            store.lock(ProtectionService.domainKey(orgId, found.get().domain()));
            store.lock("mailbox:" + mailboxId);
            MailboxState m = store.mailbox(mailboxId).orElseThrow();
            long tick = store.currentTick();
            MailboxDecision d = MailboxDecider.decide(m, new MailboxCommand.Operator(target, reason, actor, force,
                    tick), policies.policy(orgId));
            if (d.isRejected()) {
                return Optional.of(new Outcome(Optional.empty(), d.rejection()));
            }
            applier.mailbox(d, tick, emitters.origin("operator/" + store.nextOperatorRequest()), true);
            return Optional.of(new Outcome(d.transitions().stream().findFirst(), null));
        });
    }

    public Optional<Outcome> domain(String orgId, String domain, DomainStatus target, String reason, String actor,
                                    boolean force) {
        return tx.execute(status -> {
            if (store.mailboxesOfDomain(orgId, domain).isEmpty()) {
                return Optional.empty();
            }
            store.lock(ProtectionService.domainKey(orgId, domain));
            DomainState current = store.domain(orgId, domain).orElseGet(() -> DomainState.healthy(orgId, domain));
            int[] counts = store.domainCounts(orgId, domain);
            DomainState counted = current.counted(counts[0], counts[1]);
            long tick = store.currentTick();
            DomainDecision d = DomainDecider.operator(counted, target, reason, actor, force, tick,
                    policies.policy(orgId));
            if (d.rejection() != null) {
                return Optional.of(new Outcome(Optional.empty(), d.rejection()));
            }
            applier.domain(counted, d, tick, emitters.origin("operator/" + store.nextOperatorRequest()));
            return Optional.of(new Outcome(d.transition(), null));
        });
    }

    /**
     * Replaces the organization's policy overrides (null fields: the service's defaults), audits
     * the effective policy before and after, and publishes the overrides as
     * {@code ProtectionPolicyChanged} in the same transaction (ADR 0064), so a replay of the topics
     * decides with them. The caller has validated them. Returns the policy now in force; decisions
     * from the next input on use it.
     */
    public ProtectionPolicy setPolicy(String orgId, PolicyOverrides overrides, String reason, String actor) {
        ProtectionPolicy after = tx.execute(status -> {
            store.lock("org:" + orgId);
            ProtectionPolicy before = policies.policy(orgId);
            store.savePolicy(orgId, overrides);
            policies.invalidate(orgId);
            ProtectionPolicy now = policies.policy(orgId);
            long tick = store.currentTick();
            store.auditPolicy(orgId, new ProtectionStore.PolicyChange(actor, reason, describe(before), describe(now),
                    tick, null));
            emitters.origin("policy/" + store.nextOperatorRequest()).emit(orgId, tick, RecordedPolicy.changed(orgId,
                    overrides, policies.manualOverride(orgId), actor, reason, tick));
            return now;
        });
        policies.invalidate(orgId); // a reader may have cached the old settings before the commit
        return after;
    }

    /** The audited shape of a policy: the fields an organization can set. */
    public static String describe(ProtectionPolicy p) {
        return "{\"warningBounces\":" + p.warningBounces() + ",\"warningWindow\":" + p.warningWindow()
                + ",\"pauseBounces\":" + p.pauseBounces() + ",\"pauseWindow\":" + p.pauseWindow()
                + ",\"cooldownTicks\":" + p.cooldownTicks() + ",\"warmNewMailboxes\":" + p.warmNewMailboxes()
                + ",\"complaintWarningPercent\":" + percent(p.complaints().warningPer100k())
                + ",\"complaintPausePercent\":" + percent(p.complaints().pausePer100k())
                + ",\"complaintMinimumSends\":" + p.complaints().minimumSends()
                + ",\"complaintWindowDays\":" + p.complaints().windowDays() + "}";
    }

    private static String percent(int per100k) {
        return java.math.BigDecimal.valueOf(per100k, 3).stripTrailingZeros().toPlainString();
    }

    /**
     * Publishes the settings this instance decides by (ADR 0064), before its listeners start: a replay
     * of the topics switches to them from this record on. Every start publishes them, also unchanged,
     * so the record nearest before any input is the settings of the instance that handled it.
     */
    public void announceSettings(long tickSeconds) {
        tx.executeWithoutResult(status -> {
            long tick = store.currentTick();
            emitters.origin("settings/" + store.nextOperatorRequest()).emit(ProtectionSettingsPublished.KEY, tick,
                    new ProtectionSettingsPublished(tickSeconds, policies.defaultMode().name(),
                            RecordedPolicy.settings(policies.defaults()), tick));
        });
    }

    /** Sets the mode; publishes ProtectionModeChanged when it changes. Returns the mode now in force. */
    public Mode setMode(String orgId, Mode mode, String reason, String actor) {
        return tx.execute(status -> {
            store.lock("org:" + orgId);
            Mode before = policies.mode(orgId);
            String stored = store.settings(orgId).mode();
            if (stored != null && before == mode) {
                return mode;
            }
            store.saveMode(orgId, mode.name());
            policies.invalidate(orgId);
            long tick = store.currentTick();
            emitters.origin("mode/" + store.nextOperatorRequest()).emit(orgId, tick, new ProtectionModeChanged(orgId,
                    stored == null ? null : before.name(), mode.name(), actor, reason, tick));
            return mode;
        });
    }
}
