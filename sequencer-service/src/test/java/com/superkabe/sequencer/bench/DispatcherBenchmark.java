package com.superkabe.sequencer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.SequencerApplication;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.application.DispatchObserver;
import com.superkabe.sequencer.application.DispatchPaging;
import com.superkabe.sequencer.application.EspStats;
import com.superkabe.sequencer.application.MailboxAvailability;
import com.superkabe.sequencer.application.MailingAddresses;
import com.superkabe.sequencer.application.SendLedger;
import com.superkabe.sequencer.application.SendingSettings;
import com.superkabe.sequencer.application.SequencerService;
import com.superkabe.sequencer.application.Suppressions;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher's tick decision time on real PostgreSQL (ADR 0019; issue #9). Not a timed test: it
 * prints one line and runs only when asked for by name:
 * {@code ./mvnw -f sequencer-service test -Dtest=DispatcherBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.tier=M}. Tier M: 1,000,000 enrolled runs, 10,000 mailboxes on 1,000 domains, 1,000 campaigns over
 * eight time zones, 100,000 runs due at the first tick, ten ticks. What is timed is the sequencer's own
 * tick handling — due query pages, campaign, mailbox, usage, YELLOW and ESP reads, window, caps, gap,
 * YELLOW budget, routing, rendering, batching — with the run commands decided by the real decider in
 * memory and the ledger buffered; the event store, outbox and read-model writes of the dispatched runs
 * are applied between ticks, untimed ({@link BenchHarness}). A checker then re-reads every produced send
 * against every cap, window, send gap and the YELLOW budget.
 */
class DispatcherBenchmark {

    record Tier(String name, int runs, int mailboxes, int campaigns, int orgs) {
        static Tier of(String name) {
            return switch (name) {
                case "S" -> new Tier("S", 100_000, 1_000, 100, 10);
                case "M" -> new Tier("M", 1_000_000, 10_000, 1_000, 100);
                default -> throw new IllegalArgumentException("bench.tier must be S or M");
            };
        }

        int mailboxesPerCampaign() {
            return mailboxes / campaigns;
        }
    }

    static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("America/Sao_Paulo"), ZoneId.of("Europe/London"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Sydney"));
    /** A Monday, 13:30 UTC: windows are open in New York, Chicago, São Paulo, London and Berlin. */
    static final Instant FIRST_TICK = Instant.parse("2026-03-09T13:30:00Z");
    static final int TICKS = 10;
    static final int MAILBOX_DAILY_LIMIT = 40;
    static final int CAMPAIGN_DAILY_LIMIT = 300;
    static final int OVERRIDE = 20;
    static final int GAP_MINUTES = 5;

    private final List<String> holds = new ArrayList<>();

    @Test
    void dispatchBench() {
        Tier tier = Tier.of(System.getProperty("bench.tier", "S"));
        try (ConfigurableApplicationContext app = SequencerApplication.builder().run(TestInfra.args(
                "--superkabe.clock.enabled=false"))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<CampaignDef> campaigns = seed(tier, jdbc, app.getBean(Campaigns.class));
            BenchHarness harness = new BenchHarness(jdbc, app.getBean(com.superkabe.sequencer.adapter.out.jdbc.JdbcRunViews.class),
                    app.getBean(SendLedger.class), tier.runs());
            SequencerService sequencer = new SequencerService(new SequencerService.Ports(
                    Timed.wrap(Campaigns.class, app.getBean(Campaigns.class)),
                    harness, Timed.wrap(com.superkabe.sequencer.application.RunViews.class, harness), harness,
                    Timed.wrap(MailboxAvailability.class, app.getBean(MailboxAvailability.class)),
                    Timed.wrap(Suppressions.class, app.getBean(Suppressions.class)),
                    Timed.wrap(SendLedger.class, harness.ledger()), Timed.wrap(EspStats.class, app.getBean(EspStats.class)),
                    Timed.wrap(MailingAddresses.class, app.getBean(MailingAddresses.class)),
                    app.getBean(com.superkabe.sequencer.application.OrgRetryPolicies.class),
                    app.getBean(com.superkabe.sequencer.application.EspThrottles.class),
                    app.getBean(com.superkabe.sequencer.application.LeadPauses.class), (c, cause) -> { }),
                    DispatchPaging.DEFAULT, SendingSettings.DEFAULT, (tick, held) -> holds.add(tick + ": " + held));
            long due = jdbc.sql("SELECT count(*) FROM run_view WHERE due_tick <= 1").query(Long.class).single();
            if (Boolean.getBoolean("bench.explain")) {
                String[] blocked = java.util.stream.IntStream.range(0, tier.campaigns() * 2 / 5).mapToObj(i -> "cmp-" + i)
                        .toArray(String[]::new);
                String[] none = new String[0];
                for (int i = 0; i < 7; i++) { // past the driver's prepare threshold, into the generic plan
                    String plan = String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) "
                                    + com.superkabe.sequencer.adapter.out.jdbc.JdbcRunViews.DUE_QUERY)
                            .params(0, 1L, 0, 0L, "run-0005", blocked, none, none, none, 0L, 500).query(String.class).list());
                    if (i == 0 || i == 6) {
                        System.out.println("DISPATCH BENCH plan " + i + ":\n" + plan);
                    }
                }
            }
            List<Long> nanos = new ArrayList<>();
            holds.clear();
            Timed.reset();
            for (long tick = 1; tick <= TICKS; tick++) {
                ClockTicked t = new ClockTicked(tick, BenchClock.instant(tick), 60);
                Envelope cause = new Envelope("tick-" + tick, EventType.CLOCK_TICKED, "bench", Instant.EPOCH, null,
                        null, "tick-" + tick, -1, t);
                long start = System.nanoTime();
                sequencer.onInput(cause);
                nanos.add(System.nanoTime() - start);
                harness.settleTick(tick);
            }
            List<SendRequested> sends = harness.sends();
            int violations = new SendChecker(campaigns, MAILBOX_DAILY_LIMIT, SendingSettings.DEFAULT.yellowBudget())
                    .violations(sends, harness.yellowRuns());
            List<Long> sorted = nanos.stream().sorted().toList();
            System.out.printf("DISPATCH BENCH tier=%s runs=%d due=%d ticks=%d p50_ms=%d p99_ms=%d sends=%d "
                            + "cap_violations=%d%n", tier.name(), tier.runs(), due, TICKS,
                    sorted.get(sorted.size() / 2) / 1_000_000, sorted.getLast() / 1_000_000, sends.size(), violations);
            System.out.println("DISPATCH BENCH per-tick ms " + nanos.stream().map(n -> n / 1_000_000).toList());
            holds.forEach(h -> System.out.println("DISPATCH BENCH holds at tick " + h));
            System.out.println("DISPATCH BENCH reads over all ticks: " + Timed.report());
            assertThat(violations).isZero();
        }
    }

    /** Campaigns, mailboxes, addresses and runs, generated in the database by SQL. */
    private static List<CampaignDef> seed(Tier tier, JdbcClient jdbc, Campaigns store) {
        jdbc.sql("INSERT INTO org_mailing_address(org_id, mailing_address) SELECT 'org-' || g, 'Org ' || g "
                + "|| ', 1 Main St, Springfield' FROM generate_series(0, ?) g").param(tier.orgs() - 1).update();
        int per = tier.mailboxesPerCampaign();
        // mailbox m belongs to campaign m / per; one in fifty is paused by protection
        // ten mailboxes per sending domain (tier M: 10,000 mailboxes on 1,000 domains), for the bulk-sender budget
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, org_id, can_send, daily_limit, unavailable_since, domain) "
                        + "SELECT 'mb-' || g, 'org-' || ((g / ?) % ?), g % 50 <> 7, ?, CASE WHEN g % 50 = 7 THEN 0 END, "
                        + "'d' || (g / 10) || '.test' FROM generate_series(0, ?) g")
                .params(per, tier.orgs(), MAILBOX_DAILY_LIMIT, tier.mailboxes() - 1).update();
        List<StepTemplate> steps = List.of(
                new StepTemplate("{Quick|Short} question, {{firstName}}", "Hi {{firstName}},\nis {{company|your team}} "
                        + "hiring?", 0),
                new StepTemplate("Following up", "Hi {{firstName}}, bumping this.", 1440),
                new StepTemplate("Last note", "Closing the loop.", 2880));
        List<CampaignDef> defs = new ArrayList<>();
        for (int c = 0; c < tier.campaigns(); c++) {
            List<String> mailboxes = new ArrayList<>();
            for (int m = 0; m < per; m++) {
                mailboxes.add("mb-" + (c * per + m));
            }
            SendWindow window = new SendWindow(ZONES.get(c % ZONES.size()), LocalTime.of(9, 0), LocalTime.of(17, 0),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            CampaignDef def = new CampaignDef("org-" + (c % tier.orgs()), "cmp-" + c, "Campaign " + c, "ACTIVE",
                    mailboxes, steps, new CampaignRules(window, CAMPAIGN_DAILY_LIMIT, Map.of(mailboxes.getFirst(), OVERRIDE),
                    GAP_MINUTES, 1440, false));
            store.insert(def);
            defs.add(def);
        }
        // run g is in campaign g % campaigns; one in ten of each campaign's runs is due at tick 1, the rest later; one in
        // twenty is YELLOW; ESPs spread over six providers; one in five is a consumer Gmail or Outlook address
        jdbc.sql("INSERT INTO run_view(run_id, org_id, campaign_id, lead_id, email, mailbox_id, status, current_step, "
                        + "due_tick, in_flight, email_key, attempt, avoid_since_tick, esp, yellow) "
                        + "SELECT 'run-' || lpad(g::text, 8, '0'), 'org-' || ((g % ?) % ?), 'cmp-' || (g % ?), "
                        + "'lead-' || g, 'lead' || g || (CASE g % 10 WHEN 1 THEN '@gmail.com' WHEN 2 THEN '@outlook.com' "
                        + "ELSE '@example.com' END), NULL, 'ACTIVE', 0, "
                        + "CASE WHEN (g / ?) % 10 = 0 THEN 1 ELSE 10000 END, FALSE, 'lead' || g || (CASE g % 10 WHEN 1 "
                        + "THEN '@gmail.com' WHEN 2 THEN '@outlook.com' ELSE '@example.com' END), 0, -1, "
                        + "(ARRAY['GOOGLE','MICROSOFT','YAHOO','OTHER','PROOFPOINT','UNKNOWN'])[1 + g % 6], g % 20 = 3 "
                        + "FROM generate_series(0, ?) g")
                .params(tier.campaigns(), tier.orgs(), tier.campaigns(), tier.campaigns(), tier.runs() - 1).update();
        jdbc.sql("ANALYZE run_view").update();
        return defs;
    }
}
