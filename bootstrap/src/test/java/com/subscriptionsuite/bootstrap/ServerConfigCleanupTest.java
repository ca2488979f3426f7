package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduled clean-up's settings (docs/housekeeping.md). */
class ServerConfigCleanupTest {
    @Test
    void the_clean_up_runs_every_15_minutes_1000_rows_per_step_and_compacts_for_2_s_by_default() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).cleanup()).isEqualTo(new ServerConfig.Cleanup(15, 1000, 2));
    }

    @Test
    void zero_minutes_never_schedules_it_and_the_batch_size_and_compaction_budget_are_read() {
        assertThat(ServerConfig.fromEnvironment(Map.of("SUITE_CLEANUP_MINUTES", "0", "SUITE_CLEANUP_BATCH_SIZE", "50",
                "SUITE_CLEANUP_COMPACT_SECONDS", "0")).cleanup()).isEqualTo(new ServerConfig.Cleanup(0, 50, 0));
    }

    @Test
    void a_batch_size_of_0_a_negative_interval_or_a_long_compaction_is_a_start_up_error_naming_the_variable() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_CLEANUP_BATCH_SIZE", "0")))
                .hasMessageContaining("SUITE_CLEANUP_BATCH_SIZE");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_CLEANUP_MINUTES", "-1")))
                .hasMessageContaining("SUITE_CLEANUP_MINUTES");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_CLEANUP_COMPACT_SECONDS", "601")))
                .hasMessageContaining("SUITE_CLEANUP_COMPACT_SECONDS");
    }
}
