package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.DEMO_CART;
import static com.subscriptionsuite.bootstrap.ServerHarness.assertDemoCartPriced;
import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server on a real PostgreSQL, as it runs when it must scale out. */
class ServerPostgresIT {
    static TestPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private Map<String, String> onPostgres(String url, String... more) {
        Map<String, String> env = env(dir, more);
        env.put("SUITE_DB_URL", url);
        env.put("SUITE_DB_USER", TestPostgres.USER);
        env.put("SUITE_DB_PASSWORD", TestPostgres.PASSWORD);
        return env;
    }

    @Test
    void starts_on_postgresql_with_the_demo_tenant_and_prices_its_cart() {
        try (Server server = start(onPostgres(postgres.freshSchemaUrl()))) {
            assertDemoCartPriced(post(server, "/subscription/preview", DEMO_CART));
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void a_second_instance_on_the_same_database_picks_up_a_tenant_change_on_refresh() throws IOException {
        String url = postgres.freshSchemaUrl();
        try (Server first = start(onPostgres(url)); Server second = start(onPostgres(url))) {
            assertThat(get(second, "/page/1").body()).contains("Cloud Office Starter");
            Path changed = dir.resolve("changed.json");
            Files.writeString(changed, ServerIT.demoFile().replace("\"Cloud Office Starter\"", "\"Starter 2027\""));
            try (Server third = start(onPostgres(url, "SUITE_TENANT_FILES", changed.toString()))) {
                assertThat(get(third, "/page/1").body()).contains("Starter 2027");
            }
            assertThat(get(first, "/page/1").body()).contains("Cloud Office Starter");
            assertThat(first.engine().refreshTenants()).isTrue();
            assertThat(get(first, "/page/1").body()).contains("Starter 2027");
            assertThat(second.engine().refreshTenants()).isTrue();
            assertThat(get(second, "/page/1").body()).contains("Starter 2027");
        }
    }
}
