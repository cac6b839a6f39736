package com.superkabe.sequencer.application.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.application.DispatchObserver;
import com.superkabe.sequencer.application.DispatchPaging;
import com.superkabe.sequencer.application.SendingSettings;
import com.superkabe.sequencer.application.SequencerService;
import java.util.List;
import java.util.Map;

/** Feeds recorded inputs, in their recorded order, into a fresh in-memory sequencer. */
public final class Replayer {

    private Replayer() {
    }

    public static Map<String, List<RunEvent>> replay(List<Envelope> inputs, List<CampaignDef> campaignDefs) {
        return replay(inputs, campaignDefs, new InMemoryRuns());
    }

    public static Map<String, List<RunEvent>> replay(List<Envelope> inputs, List<CampaignDef> campaignDefs,
                                                     InMemoryRuns runs) {
        return replay(inputs, campaignDefs, runs, DispatchPaging.DEFAULT);
    }

    /** With the dispatcher's paging given: production's must be used when the scan limit can bind. */
    public static Map<String, List<RunEvent>> replay(List<Envelope> inputs, List<CampaignDef> campaignDefs,
                                                     InMemoryRuns runs, DispatchPaging paging) {
        return replay(inputs, campaignDefs, runs, paging, SendingSettings.DEFAULT);
    }

    /** With the sending settings given: production's, since retries, the YELLOW budget and the day length decide. */
    public static Map<String, List<RunEvent>> replay(List<Envelope> inputs, List<CampaignDef> campaignDefs,
                                                     InMemoryRuns runs, DispatchPaging paging,
                                                     SendingSettings settings) {
        Session session = new Session(campaignDefs, runs, paging, settings);
        inputs.forEach(session);
        return runs.history();
    }

    /**
     * A fresh in-memory sequencer fed one input at a time, for a replay that streams its inputs (the
     * CLI's verify reads them from the topics). With no definitions given, campaigns come from the
     * CampaignCreated and CampaignVersionPublished inputs themselves (ADR 0039).
     */
    public static final class Session implements java.util.function.Consumer<Envelope> {
        private final SequencerService sequencer;
        private final InMemoryRuns runs;

        public Session(List<CampaignDef> campaignDefs, InMemoryRuns runs, DispatchPaging paging,
                       SendingSettings settings) {
            Campaigns campaigns = new InMemoryCampaigns(campaignDefs);
            this.runs = runs;
            this.sequencer = new SequencerService(new SequencerService.Ports(campaigns, runs, runs, runs, runs,
                    runs, runs, runs, runs, runs, runs, runs, (c, cause) -> campaigns.changeStatus(c.campaignId(),
                    "COMPLETED")), paging, settings, DispatchObserver.NONE, runs);
        }

        @Override
        public void accept(Envelope input) {
            sequencer.onInput(input);
        }

        /** Every run event decided so far, per run in decision order. */
        public Map<String, List<RunEvent>> history() {
            return runs.history();
        }
    }
}
