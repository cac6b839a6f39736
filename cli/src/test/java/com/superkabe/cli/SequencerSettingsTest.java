package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.sequencer.application.DispatchPaging;
import com.superkabe.sequencer.application.SendingSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --set sequencer.*: the service's own defaults when absent, one named key per bad input. */
class SequencerSettingsTest {

    @Test
    void noSettingsAreTheServicesDefaults() {
        SequencerSettings.Settings s = SequencerSettings.sequencer(Map.of());

        assertThat(s.sending()).isEqualTo(SendingSettings.DEFAULT);
        assertThat(s.paging()).isEqualTo(DispatchPaging.DEFAULT);
    }

    @Test
    void eachKeyChangesItsSetting() {
        SequencerSettings.Settings s = SequencerSettings.sequencer(Map.of("sequencer.yellowMax", "5",
                "sequencer.bulkSenderDailyBudget", "100", "sequencer.retryGiveUpTicks", "60",
                "sequencer.secondsPerTick", "5", "sequencer.dispatchPageSize", "10"));

        assertThat(s.sending().yellowBudget().maxYellow()).isEqualTo(5);
        assertThat(s.sending().bulkSenderDailyBudget()).isEqualTo(100);
        assertThat(s.sending().retry().giveUpTicks()).isEqualTo(60);
        assertThat(s.sending().ticksPerDay()).isEqualTo(86_400 / 5);
        assertThat(s.paging().page()).isEqualTo(10);
    }

    @Test
    void theHelpListsEveryKnownKey() {
        assertThat(SequencerSettings.KEYS.split(", ")).containsExactlyElementsOf(
                SequencerSettings.NAMES.stream().map(n -> "sequencer." + n).toList());
    }

    @Test
    void badInputNamesTheKey() {
        assertThatThrownBy(() -> SequencerSettings.sequencer(Map.of("sequencer.sendGap", "3")))
                .isInstanceOf(InputException.class).hasMessageContaining("sequencer.sendGap");
        assertThatThrownBy(() -> SequencerSettings.sequencer(Map.of("sequencer.retryJitterPercent", "101")))
                .isInstanceOf(InputException.class).hasMessageContaining("sequencer.retryJitterPercent")
                .hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() -> SequencerSettings.sequencer(Map.of("sequencer.retryBaseTicks", "ten")))
                .isInstanceOf(InputException.class).hasMessageContaining("sequencer.retryBaseTicks");
        assertThatThrownBy(() -> SequencerSettings.sequencer(Map.of("sequencer.retryBaseTicks", "300")))
                .isInstanceOf(InputException.class).hasMessageContaining("sequencer.retryBaseTicks")
                .hasMessageContaining("do not go together");
        assertThatThrownBy(() -> SequencerSettings.sequencer(Map.of("sequencer.dispatchScanLimit", "10")))
                .isInstanceOf(InputException.class).hasMessageContaining("sequencer.dispatchScanLimit");
    }
}
