package com.superkabe.sequencer.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which shard owns an organization, and the settings a shard decides with (ADR 0065). */
class ShardsTest {

    @Test
    void anOrganizationsShardIsTheSameOnEveryCallAndWithinTheCount() {
        for (int i = 0; i < 1_000; i++) {
            String org = "org-" + i;
            int shard = Shards.of(org, 12);
            assertThat(shard).isBetween(0, 11).isEqualTo(Shards.of(org, 12));
            assertThat(shard).isEqualTo(Math.floorMod(org.hashCode(), 12));
        }
    }

    @Test
    void organizationsSpreadOverEveryShard() {
        Map<Integer, Integer> perShard = new HashMap<>();
        IntStream.range(0, 1_200).forEach(i -> perShard.merge(Shards.of("org-" + java.util.UUID.nameUUIDFromBytes(
                new byte[] {(byte) i, (byte) (i >> 8)}), 12), 1, Integer::sum));
        assertThat(perShard).hasSize(12);
        assertThat(perShard.values()).allMatch(n -> n > 50);
    }

    @Test
    void withOneShardOrNoOrganizationEverythingIsShardZero() {
        assertThat(Shards.of("org-any", 1)).isZero();
        assertThat(Shards.of(null, 4)).isZero();
        assertThat(Shards.of("", 4)).isZero();
    }

    @Test
    void eachShardGetsAnEqualShareOfTheBulkSenderBudgetThatNeverAddsUpToMore() {
        SendingSettings whole = SendingSettings.DEFAULT;
        for (int shards = 1; shards <= 7; shards++) {
            int share = whole.forShards(shards).bulkSenderDailyBudget();
            assertThat(share * shards).isLessThanOrEqualTo(whole.bulkSenderDailyBudget());
            assertThat(share).isEqualTo(whole.bulkSenderDailyBudget() / shards);
        }
        assertThat(whole.forShards(1)).isSameAs(whole);
    }

    @Test
    void theHandlingThreadCarriesItsShardOnlyWhileItHandles() {
        assertThat(ShardScope.current()).isZero();
        int inside = ShardScope.in(3, ShardScope::current);
        assertThat(inside).isEqualTo(3);
        assertThat(ShardScope.current()).isZero();
    }
}
