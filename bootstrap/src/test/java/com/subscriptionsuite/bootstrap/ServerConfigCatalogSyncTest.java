package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code SUITE_CATALOG_SYNC_MINUTES}: the schedule of the catalog sync from Zuora (issue 13). */
class ServerConfigCatalogSyncTest {
    static Map<String, String> zuora(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("SUITE_BILLING", "zuora",
                "SUITE_ZUORA_BASE_URL", "https://rest.test.zuora.com",
                "SUITE_ZUORA_CLIENT_ID", "0123456789abcdef0123456789abcdef0123",
                "SUITE_ZUORA_CLIENT_SECRET", "secret"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void syncs_every_hour_with_zuora_by_default() {
        ServerConfig c = ServerConfig.fromEnvironment(zuora());
        assertThat(c.catalogSyncMinutes()).isEqualTo(60);
        assertThat(c.catalogSyncs()).isTrue();
        assertThat(c.toString()).contains("catalogSyncMinutes=60");
    }

    @Test
    void takes_minutes_and_zero_for_never() {
        assertThat(ServerConfig.fromEnvironment(zuora("SUITE_CATALOG_SYNC_MINUTES", "15")).catalogSyncMinutes())
                .isEqualTo(15);
        ServerConfig never = ServerConfig.fromEnvironment(zuora("SUITE_CATALOG_SYNC_MINUTES", "0"));
        assertThat(never.catalogSyncMinutes()).isZero();
        assertThat(never.catalogSyncs()).isFalse();
    }

    @Test
    void never_syncs_on_the_built_in_ledger() {
        ServerConfig ledger = ServerConfig.fromEnvironment(Map.of("SUITE_CATALOG_SYNC_MINUTES", "5"));
        assertThat(ledger.catalogSyncs()).isFalse();
    }

    @Test
    void refuses_more_than_a_day_or_a_negative_or_a_word() {
        for (String bad : new String[] {"1441", "-1", "hourly"}) {
            assertThatThrownBy(() -> ServerConfig.fromEnvironment(zuora("SUITE_CATALOG_SYNC_MINUTES", bad)))
                    .isInstanceOf(ServerConfig.InvalidConfiguration.class)
                    .hasMessageContaining("SUITE_CATALOG_SYNC_MINUTES");
        }
    }
}
