package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import com.subscriptionsuite.adapters.persistence.ledger.JdbiLedgerStore;
import com.subscriptionsuite.application.port.out.LedgerStore.NumberKind;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations (V1 onwards) run from empty on H2 and on PostgreSQL, and running them again changes
 * nothing.
 */
class MigrationsIT {
    private static final Set<String> TABLES = Set.of(
            "tenant", "tenant_host", "tenant_language", "tenant_currency",
            "cart_settings", "checkout_settings", "customer_center_settings",
            "translation_language", "translation",
            "product", "rate_plan", "charge", "charge_discount_applies_to", "charge_tier",
            "suite_product", "suite_product_category", "suite_product_add_on", "change_option",
            "shop_page", "page_step", "page_step_suite_product",
            "app_user", "user_session", "password_reset", "login_failure", "mail_outbox", "deleted_product",
            "tenant_cors_origin", "tenant_admin_key",
            "voucher_campaign", "voucher_campaign_page", "voucher_code", "voucher_hold", "voucher_redemption",
            "voucher_code_user",
            "vat_check",
            "billing_account", "subscription", "subscription_charge", "invoice", "invoice_line",
            "invoice_address_line", "amendment", "idempotency_record", "customer_lock",
            "account_link", "billing_operation", "ledger_request", "invoice_discrepancy",
            "tenant_payment_option", "tenant_payment_option_country", "payment_method", "payment_method_data",
            "payment_page_token", "paypal_approval", "payment_page_key",
            "quote_link", "stored_quote", "stored_quote_contact", "stored_quote_charge",
            "event_order", "business_event", "scheduled_event", "event_consumer", "webhook_endpoint",
            "webhook_delivery",
            "revenue_batch", "revenue_line", "revenue_error",
            "flyway_schema_history");

    private static TestPostgres postgres;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void sharedPostgres() {
        postgres = TestPostgres.shared();
    }

    @Test
    void migrates_an_empty_h2_database_and_a_second_migrate_applies_nothing() throws SQLException {
        try (Database database = new Database(Database.h2File(dataDir), "sa", "")) {
            assertThat(tables(database)).containsExactlyInAnyOrderElementsOf(TABLES);
            assertThat(database.migrate()).isZero();
            assertThat(appliedVersions(database)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
        }
        try (Database reopened = new Database(Database.h2File(dataDir), "sa", "")) {
            assertThat(reopened.migrate()).isZero();
            assertThat(tables(reopened)).containsExactlyInAnyOrderElementsOf(TABLES);
        }
    }

    @Test
    void migrates_an_empty_postgresql_schema_and_a_second_migrate_applies_nothing() throws SQLException {
        String url = postgres.freshSchemaUrl();
        try (Database database = new Database(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            assertThat(tables(database)).containsExactlyInAnyOrderElementsOf(TABLES);
            assertThat(database.migrate()).isZero();
            assertThat(appliedVersions(database)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
        }
        try (Database reopened = new Database(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            assertThat(reopened.migrate()).isZero();
        }
    }

    /**
     * V20: no table has two indexes on the same columns. H2 creates an index of its own for a foreign key
     * unless one on exactly the key's columns exists when the key is added, and every index is written by
     * every insert into its table.
     */
    @Test
    void no_table_has_two_indexes_on_the_same_columns() throws SQLException {
        for (String url : List.of(Database.h2File(dataDir), postgres.freshSchemaUrl())) {
            String user = url.startsWith("jdbc:h2:") ? "sa" : TestPostgres.USER;
            String password = url.startsWith("jdbc:h2:") ? "" : TestPostgres.PASSWORD;
            try (Database database = new Database(url, user, password)) {
                Map<String, List<String>> indexesByColumns = indexesByColumns(database);
                assertThat(indexesByColumns).as(url).containsKeys("subscription (tenant_id, account_id)",
                        "user_session (tenant_id, user_id)", "invoice (tenant_id, account_id)");
                assertThat(indexesByColumns.keySet()).as(url + ": the invoice list sorts after reading")
                        .noneMatch(columns -> columns.startsWith("invoice (tenant_id, account_id, "));
                assertThat(indexesByColumns).as(url).allSatisfy((columns, indexes) ->
                        assertThat(indexes).as(url + ": " + columns).hasSize(1));
            }
        }
    }

    /**
     * V8 replaces the per-tenant number rows with one sequence per kind: each continues after the
     * highest number any tenant was given, so no number is handed out twice across the upgrade.
     */
    @Test
    void the_number_sequences_continue_after_the_highest_number_given_before_the_upgrade() {
        for (String url : List.of(Database.h2File(dataDir), postgres.freshSchemaUrl())) {
            String user = url.startsWith("jdbc:h2:") ? "sa" : TestPostgres.USER;
            String password = url.startsWith("jdbc:h2:") ? "" : TestPostgres.PASSWORD;
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("7")
                    .load().migrate();
            Jdbi.create(url, user, password).useHandle(handle -> {
                for (long tenant : List.of(1L, 2L)) {
                    handle.execute("INSERT INTO tenant (id, tenant_key, name, version, seller_country,"
                            + " seller_oss_threshold_applies) VALUES (?, ?, 'Shop', 1, 'DE', false)", tenant, "t" + tenant);
                }
                handle.execute("INSERT INTO number_sequence (tenant_id, kind, last_number) VALUES"
                        + " (1, 'INVOICE', 74), (2, 'INVOICE', 12), (1, 'ACCOUNT', 5)");
            });

            try (Database database = new Database(url, user, password)) {
                JdbiLedgerStore billing = new JdbiLedgerStore(database.jdbi());
                assertThat(billing.nextNumber(2, NumberKind.INVOICE)).as(url).isEqualTo("INV00000075");
                assertThat(billing.nextNumber(1, NumberKind.INVOICE)).as(url).isEqualTo("INV00000076");
                assertThat(billing.nextNumber(1, NumberKind.ACCOUNT)).as(url).isEqualTo("A00000006");
                assertThat(billing.nextNumber(1, NumberKind.SUBSCRIPTION)).as(url).isEqualTo("S00000001");
                assertThat(tables(database)).as(url).doesNotContain("number_sequence");
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * V10 links every customer who has an account in the built-in ledger to it, so the account links
     * (AccountLinks) start out knowing every existing account; a customer without one has no link.
     */
    @Test
    void links_every_existing_ledger_account_to_its_customer() {
        for (String url : List.of(Database.h2File(dataDir), postgres.freshSchemaUrl())) {
            String user = url.startsWith("jdbc:h2:") ? "sa" : TestPostgres.USER;
            String password = url.startsWith("jdbc:h2:") ? "" : TestPostgres.PASSWORD;
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("9")
                    .load().migrate();
            Jdbi.create(url, user, password).useHandle(handle -> {
                shopWithGuests(handle, 10L, 11L, 12L);
                for (long id : List.of(10L, 12L)) {
                    handle.execute("INSERT INTO billing_account (tenant_id, id, user_id, account_number, currency,"
                            + " company, has_billing_address, created_at, updated_at)"
                            + " VALUES (1, ?, ?, ?, 'EUR', false, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                            "acc-" + id, id, "A0000000" + id);
                }
            });

            try (Database database = new Database(url, user, password)) {
                List<String> links = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT tenant_id || '/' || user_id || '/' || account_id FROM account_link ORDER BY user_id")
                        .mapTo(String.class).list());
                assertThat(links).as(url).containsExactly("1/10/acc-10", "1/12/acc-12");
            }
        }
    }

    /** V19: the slots one user's simultaneous holds lost (both settled by one redemption) are given back. */
    @Test
    void gives_back_the_slots_lost_to_one_users_simultaneous_holds() {
        Instant past = Instant.parse("2026-01-01T10:00:00Z");
        Instant future = Instant.parse("2099-01-01T10:00:00Z");
        for (String url : List.of(Database.h2File(dataDir), postgres.freshSchemaUrl())) {
            String user = url.startsWith("jdbc:h2:") ? "sa" : TestPostgres.USER;
            String password = url.startsWith("jdbc:h2:") ? "" : TestPostgres.PASSWORD;
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("18")
                    .load().migrate();
            Jdbi.create(url, user, password).useHandle(handle -> {
                shopWithGuests(handle, 10L, 11L);
                handle.execute("INSERT INTO voucher_campaign (tenant_id, id, name, discount_rate_plan_id, kind,"
                        + " total_limit) VALUES (1, 5, 'Five', 204, 'MULTI_USE', 5)");
                // user 10's two holds, made at once, both consumed by one redemption: 3 slots taken for 2 uses
                handle.execute("INSERT INTO voucher_code (tenant_id, code, campaign_id, reserved) VALUES (1, 'FIVE', 5, 3)");
                String hold = "INSERT INTO voucher_hold (tenant_id, code, campaign_id, user_id, held_at, expires_at,"
                        + " consumed_at, reserves) VALUES (1, 'FIVE', 5, ?, ?, ?, ?, TRUE)";
                handle.execute(hold, 10, past, future, past);
                handle.execute(hold, 10, past, future, past);
                handle.execute("INSERT INTO voucher_redemption (tenant_id, code, campaign_id, user_id, redeemed_at)"
                        + " VALUES (1, 'FIVE', 5, 10, ?)", past);
                handle.execute(hold, 11, past, future, null);                              // active
            });

            try (Database database = new Database(url, user, password)) {
                long reserved = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT reserved FROM voucher_code WHERE code = 'FIVE'").mapTo(Long.class).one());
                assertThat(reserved).as(url + ": one redemption and one active hold").isEqualTo(2);
            }
        }
    }

    /**
     * V18 gives every unconsumed hold of a limited code (single-use, or with a total limit) a slot of
     * its code and counts each code's taken slots (redemptions and those holds), so the conditional
     * reservation starts from what the code had; expired holds give theirs back when the code is full.
     */
    @Test
    void counts_the_slots_existing_holds_and_redemptions_take_when_upgrading_to_reservations() {
        Instant past = Instant.parse("2026-01-01T10:00:00Z");
        Instant future = Instant.parse("2099-01-01T10:00:00Z");
        for (String url : List.of(Database.h2File(dataDir), postgres.freshSchemaUrl())) {
            String user = url.startsWith("jdbc:h2:") ? "sa" : TestPostgres.USER;
            String password = url.startsWith("jdbc:h2:") ? "" : TestPostgres.PASSWORD;
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("17")
                    .load().migrate();
            Jdbi.create(url, user, password).useHandle(handle -> {
                shopWithGuests(handle, 10L, 11L, 12L, 13L);
                handle.execute("INSERT INTO voucher_campaign (tenant_id, id, name, discount_rate_plan_id, kind,"
                        + " total_limit) VALUES (1, 1, 'Single', 204, 'SINGLE_USE', NULL),"
                        + " (1, 2, 'Open', 204, 'MULTI_USE', NULL), (1, 3, 'Three', 204, 'MULTI_USE', 3)");
                handle.execute("INSERT INTO voucher_code (tenant_id, code, campaign_id)"
                        + " VALUES (1, 'SINGLE', 1), (1, 'OPEN', 2), (1, 'THREE', 3)");
                String hold = "INSERT INTO voucher_hold (tenant_id, code, campaign_id, user_id, held_at, expires_at,"
                        + " consumed_at) VALUES (1, ?, ?, ?, ?, ?, ?)";
                String redemption = "INSERT INTO voucher_redemption (tenant_id, code, campaign_id, user_id,"
                        + " redeemed_at) VALUES (1, ?, ?, ?, ?)";
                handle.execute(hold, "SINGLE", 1, 10, past, past.plusSeconds(60), null);   // expired
                handle.execute(hold, "OPEN", 2, 10, past, future, null);
                handle.execute(redemption, "OPEN", 2, 11, past);
                handle.execute(hold, "THREE", 3, 10, past, past.plusSeconds(60), past);     // consumed
                handle.execute(redemption, "THREE", 3, 10, past);
                handle.execute(hold, "THREE", 3, 11, past, future, null);                   // active
                handle.execute(hold, "THREE", 3, 12, past, past.plusSeconds(60), null);     // expired
            });

            try (Database database = new Database(url, user, password)) {
                Map<String, Long> reserved = new java.util.TreeMap<>();
                database.jdbi().useHandle(handle -> handle.createQuery("SELECT code, reserved FROM voucher_code")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .forEach(e -> reserved.put(e.getKey(), e.getValue())));
                assertThat(reserved).as(url).isEqualTo(Map.of("SINGLE", 1L, "OPEN", 1L, "THREE", 3L));
                long reserving = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM voucher_hold WHERE reserves").mapTo(Long.class).one());
                assertThat(reserving).as(url).isEqualTo(3);

                com.subscriptionsuite.adapters.persistence.voucher.JdbiVouchers vouchers =
                        new com.subscriptionsuite.adapters.persistence.voucher.JdbiVouchers(database.jdbi());
                Instant now = Instant.parse("2026-06-01T10:00:00Z");
                assertThat(vouchers.hold(new com.subscriptionsuite.domain.voucher.Hold(1, "SINGLE", 1, 11, now,
                        now.plusSeconds(60)), 1)).as("the expired hold gives its slot back").isTrue();
                assertThat(vouchers.hold(new com.subscriptionsuite.domain.voucher.Hold(1, "THREE", 3, 13, now,
                        now.plusSeconds(60)), 3)).as("one expired of three").isTrue();
                assertThat(vouchers.hold(new com.subscriptionsuite.domain.voucher.Hold(1, "THREE", 3, 12, now,
                        now.plusSeconds(60)), 3)).as("then full").isFalse();
            }
        }
    }

    @Test
    void names_the_database_product_with_its_major_and_minor_version() {
        try (Database h2 = new Database(Database.h2File(dataDir), "sa", "");
                Database pg = new Database(postgres.freshSchemaUrl(), TestPostgres.USER, TestPostgres.PASSWORD)) {
            assertThat(h2.productName()).matches("H2 2\\.\\d+");
            assertThat(pg.productName()).matches("PostgreSQL 1[5-9]\\.\\d+");
        }
    }

    @Test
    void builds_the_h2_file_url_in_postgresql_mode_writing_each_commit_before_it_returns() {
        assertThat(Database.h2File(Path.of("/var/lib/suite")))
                .isEqualTo("jdbc:h2:file:/var/lib/suite/suite;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=0;OPTIMIZE_REUSE_RESULTS=FALSE");
    }

    /**
     * H2's default WRITE_DELAY (500 ms) lets a killed process lose answered commits (docs/durability.md). After the
     * migrations H2 writes nothing itself (its write delay reads -1): the pool's group commit writes every commit
     * before it returns ({@link GroupCommits}, {@link H2CrashIT}).
     */
    @Test
    void the_h2_file_database_runs_with_no_write_delay(@TempDir Path dir) {
        try (Database database = new Database(Database.h2File(dir), "sa", "")) {
            String writeDelay = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")
                    .mapTo(String.class).one());
            assertThat(writeDelay).isEqualTo("-1");
        }
    }

    /**
     * The server's compaction after each clean-up (docs/durability.md, "Disk space"), through the pool: the
     * chunks a run of small commits left almost empty are rewritten until they are half full, and every row
     * stays. H2 rewrites only chunks older than its retention time, set to 0 here so the test need not wait.
     */
    @Test
    void compacting_the_h2_file_makes_its_chunks_half_full(@TempDir Path dir) {
        try (Database database = new Database(Database.h2File(dir), "sa", "")) {
            Jdbi jdbi = database.jdbi();
            jdbi.useHandle(h -> {
                h.execute("SET RETENTION_TIME 0");
                h.execute("CREATE TABLE filler (id INT PRIMARY KEY, v INT, pad VARCHAR(200))");
                h.execute("INSERT INTO filler SELECT \"X\", 0, REPEAT('x', 150) FROM SYSTEM_RANGE(1, 4000)");
            });
            java.util.Random random = new java.util.Random(11);
            for (int i = 0; i < 2000; i++) {
                int id = 1 + random.nextInt(4000);
                jdbi.useTransaction(h -> h.execute("UPDATE filler SET v = v + 1 WHERE id = ?", id));
            }
            assertThat(database.compactStorage(Duration.ZERO)).as("a budget of 0 (SUITE_CLEANUP_COMPACT_SECONDS=0)")
                    .isEqualTo(StorageCompaction.NOTHING);
            StorageCompaction compaction = database.compactStorage(Duration.ofSeconds(20));
            assertThat(compaction.fillRateBefore()).isLessThan(Database.COMPACTION_TARGET_FILL_RATE);
            assertThat(compaction.fillRateAfter()).as("%s", compaction)
                    .isGreaterThanOrEqualTo(Database.COMPACTION_TARGET_FILL_RATE);
            Integer sum = jdbi.withHandle(h -> h.createQuery("SELECT SUM(v) FROM filler").mapTo(Integer.class).one());
            assertThat(sum).isEqualTo(2000);
        }
    }

    private static List<String> appliedVersions(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
    }

    /** The indexes of the connection's own schema by table and column list ("table (a, b)"). */
    private static Map<String, List<String>> indexesByColumns(Database database) throws SQLException {
        Set<String> tables = tables(database);
        return database.jdbi().withHandle(handle -> {
            Connection connection = handle.getConnection();
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, List<String>> byColumns = new java.util.TreeMap<>();
            for (String table : tables) {
                Map<String, Map<Integer, String>> columnsByIndex = new java.util.TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, connection.getSchema(), table, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        String column = rs.getString("COLUMN_NAME");
                        if (index != null && column != null) {
                            columnsByIndex.computeIfAbsent(index.toLowerCase(Locale.ROOT),
                                    k -> new java.util.TreeMap<>())
                                    .put(rs.getInt("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
                        }
                    }
                }
                columnsByIndex.forEach((index, columns) -> byColumns.computeIfAbsent(
                        table + " (" + String.join(", ", columns.values()) + ")", k -> new java.util.ArrayList<>())
                        .add(index));
            }
            return byColumns;
        });
    }

    /** The tables in the connection's own schema. */
    private static Set<String> tables(Database database) throws SQLException {
        return database.jdbi().withHandle(handle -> {
            Connection connection = handle.getConnection();
            DatabaseMetaData meta = connection.getMetaData();
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        });
    }

    /** Tenant 1 and guest users with these ids, as the older schemas take them. */
    private static void shopWithGuests(org.jdbi.v3.core.Handle handle, long... userIds) {
        handle.execute("INSERT INTO tenant (id, tenant_key, name, version, seller_country,"
                + " seller_oss_threshold_applies) VALUES (1, 't1', 'Shop', 1, 'DE', false)");
        for (long id : userIds) {
            handle.execute("INSERT INTO app_user (tenant_id, id, guid, kind, created_at)"
                    + " VALUES (1, ?, ?, 'GUEST', CURRENT_TIMESTAMP)", id, "guid-" + id);
        }
    }
}
