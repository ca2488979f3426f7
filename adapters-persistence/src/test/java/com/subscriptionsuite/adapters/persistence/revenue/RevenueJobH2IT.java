package com.subscriptionsuite.adapters.persistence.revenue;

import static com.subscriptionsuite.application.fixtures.RevenueLineFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.in.revenue.PostRevenue;
import com.subscriptionsuite.application.port.in.revenue.RevenueFailure;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.service.revenue.RevenueUseCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch job on H2 with CSV files underneath, failures on cue. */
class RevenueJobH2IT {
    static final long TENANT = 1;

    @TempDir
    Path dir;
    Database database;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-03T10:00:00Z"));
    ScriptedFeed feed;
    RevenueUseCases.Cases revenue;

    @BeforeEach
    void start() {
        database = TestDatabases.h2(dir.resolve("db"));
        feed = new ScriptedFeed(new CsvFileRevenueFeed(dir.resolve("revenue")));
        revenue = RevenueUseCases.create(new JdbiRevenueBatches(database.jdbi()), feed,
                new RevenueUseCases.Settings(2, Duration.ofMinutes(5), Duration.ofSeconds(30)), clock);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("revenue"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void lines_go_out_in_bounded_batches_as_csv_files_once() throws Exception {
        var recorded = revenue.recordLines().record(TENANT, List.of(line("e1:0", "S-a", 1), line("e1:1", "S-a", 2),
                line("e2:0", "S-b", 1))).get();
        assertThat(recorded.recorded()).isEqualTo(3);
        assertThat(revenue.recordLines().record(TENANT, List.of(line("e1:0", "S-a", 1))).get().alreadyRecorded())
                .isEqualTo(1);

        PostRevenue.Run run = revenue.post().run();

        assertThat(run.opened()).isEqualTo(2);
        assertThat(run.loaded()).isEqualTo(2);
        assertThat(files()).extracting(p -> p.getFileName().toString())
                .containsExactly("suite-t1-b1-u1.csv", "suite-t1-b2-u1.csv");
        String first = Files.readString(files().get(0), StandardCharsets.UTF_8);
        assertThat(first).startsWith("Type,Sales Order Number,Sales Order Line Number,");
        assertThat(first.split("\r\n")).hasSize(3);
        assertThat(revenue.manage().batches(TENANT, 1, 10).batches()).extracting(b -> b.status())
                .containsOnly("LOADED");
        assertThat(revenue.post().run()).isEqualTo(new PostRevenue.Run(0, 0, 0, 0, 0, null));
        assertThat(files()).hasSize(2);
    }

    @Test
    void invalid_lines_are_refused_with_the_field_named_and_none_recorded() {
        RevenueLine bad = new RevenueLine("x", RevenueLine.Kind.SALES_ORDER, "S-1", 0, "A1", null, "SUITE", null,
                null, null, "EURO", null, null, null, null, null, null, null, null);
        RevenueFailure failure = revenue.recordLines().record(TENANT, List.of(line("ok", "S-1", 1), bad)).getLeft();
        assertThat(failure.code()).isEqualTo("revenue_lines_invalid");
        assertThat(((RevenueFailure.LinesInvalid) failure).problems()).extracting(RevenueFailure.Problem::path)
                .contains("lines[1].line_number", "lines[1].currency", "lines[1].quantity", "lines[1].booked_on");
        assertThat(revenue.post().run().opened()).isZero();
    }

    @Test
    void a_batch_failing_as_a_whole_keeps_its_lines_until_it_is_reposted() throws Exception {
        feed.failingProduct = "LEGACY";
        revenue.recordLines().record(TENANT, List.of(line("e1:0", "S-a", 1, "LEGACY"), line("e1:1", "S-a", 2)));

        assertThat(revenue.post().run().failed()).isEqualTo(1);
        var failed = revenue.manage().batch(TENANT, 1).get();
        assertThat(failed.batch().status()).isEqualTo("FAILED");
        assertThat(failed.lines()).extracting(l -> l.status()).containsOnly("PENDING");
        assertThat(failed.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("LEGACY"));
        assertThat(revenue.post().run().uploaded()).isZero();

        feed.failingProduct = null; // fixed in Zuora Revenue
        assertThat(revenue.manage().repost(TENANT, 1).get().status()).isEqualTo("QUEUED");
        assertThat(revenue.post().run().loaded()).isEqualTo(1);
        var loaded = revenue.manage().batch(TENANT, 1).get();
        assertThat(loaded.batch().status()).isEqualTo("LOADED");
        assertThat(loaded.batch().filename()).isEqualTo("suite-t1-b1-u2.csv");
        assertThat(loaded.errors()).hasSize(1);
        assertThat(files()).extracting(p -> p.getFileName().toString()).containsExactly("suite-t1-b1-u2.csv");
        assertThat(revenue.manage().repost(TENANT, 1).getLeft().code()).isEqualTo("revenue_batch_not_repostable");
        assertThat(revenue.manage().repost(2, 1).getLeft().code()).isEqualTo("revenue_batch_not_found");
    }

    @Test
    void staging_errors_are_attached_to_the_lines_they_name_and_only_those_are_reposted() throws Exception {
        feed.stagingErrorProduct = "SUITE";
        revenue.recordLines().record(TENANT, List.of(line("e1:0", "S-b", 1), line("e1:1", "S-b", 2)));
        revenue.post().run();
        var loaded = revenue.manage().batch(TENANT, 1).get();
        assertThat(loaded.lines()).extracting(l -> l.status()).containsExactly("POSTED", "ERROR");
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("transaction");
            assertThat(e.orderNumber()).isEqualTo("S-b");
        });

        feed.stagingErrorProduct = null;
        revenue.manage().repost(TENANT, 1).get();
        revenue.post().run();
        String second = Files.readString(dir.resolve("revenue/suite-t1-b1-u2.csv"));
        assertThat(second.split("\r\n")).hasSize(2);
        assertThat(second).contains(",S-b,2,e1:1,");
        assertThat(revenue.manage().batch(TENANT, 1).get().lines()).extracting(l -> l.status())
                .containsOnly("POSTED");
    }

    @Test
    void api_not_enabled_stops_the_run_without_retrying_and_says_why() {
        feed.notEnabled = true;
        revenue.recordLines().record(TENANT, List.of(line("e1:0", "S-a", 1), line("e2:0", "S-b", 1),
                line("e3:0", "S-c", 1)));
        PostRevenue.Run run = revenue.post().run();
        assertThat(run.stoppedBy()).startsWith("revenue_api_not_enabled").contains("not enabled");
        assertThat(run.uploaded()).isZero();
        var batches = revenue.manage().batches(TENANT, 1, 10).batches();
        assertThat(batches).extracting(b -> b.status()).containsOnly("QUEUED");
        assertThat(batches).filteredOn(b -> b.lastErrorCode() != null).singleElement()
                .satisfies(b -> assertThat(b.lastErrorCode()).isEqualTo("revenue_api_not_enabled"));
        feed.notEnabled = false;
        assertThat(revenue.post().run().loaded()).isEqualTo(2);
    }

    @Test
    void an_upload_interrupted_by_a_crash_is_found_by_its_file_name_and_not_posted_again() throws Exception {
        revenue.recordLines().record(TENANT, List.of(line("e1:0", "S-a", 1)));
        feed.crashAfterUpload = true;
        assertThatThrownBy(() -> revenue.post().run()).hasMessageContaining("dies");
        feed.crashAfterUpload = false;

        assertThat(revenue.post().run().uploaded()).isZero(); // still under the dead instance's lease
        clock.advance(Duration.ofMinutes(6));
        PostRevenue.Run run = revenue.post().run();

        assertThat(run.uploaded()).isZero();
        assertThat(run.loaded()).isEqualTo(1);
        assertThat(feed.uploads).containsExactly("suite-t1-b1-u1.csv");
        assertThat(files()).hasSize(1);
    }

    @Test
    void an_interrupted_upload_the_feed_cannot_look_up_is_left_in_doubt_for_an_admin() throws Exception {
        feed.cannotTell = true;
        revenue.recordLines().record(TENANT, List.of(line("e1:0", "S-a", 1)));
        feed.crashAfterUpload = true;
        assertThatThrownBy(() -> revenue.post().run()).hasMessageContaining("dies");
        feed.crashAfterUpload = false;
        clock.advance(Duration.ofMinutes(6));

        assertThat(revenue.post().run().inDoubt()).isEqualTo(1);
        var batch = revenue.manage().batch(TENANT, 1).get().batch();
        assertThat(batch.status()).isEqualTo("IN_DOUBT");
        assertThat(batch.lastError()).contains("suite-t1-b1-u1.csv");
        assertThat(revenue.post().run().uploaded()).isZero();
        assertThat(feed.uploads).hasSize(1);

        revenue.manage().repost(TENANT, 1).get(); // the admin found it missing in Zuora Revenue
        assertThat(revenue.post().run().loaded()).isEqualTo(1);
        assertThat(feed.uploads).containsExactly("suite-t1-b1-u1.csv", "suite-t1-b1-u2.csv");
    }
}
