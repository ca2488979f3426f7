package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.application.fixtures.RevenueLineFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.adapters.persistence.revenue.JdbiRevenueBatches;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.adapters.zuora.revenue.RevenueSettings;
import com.subscriptionsuite.adapters.zuora.revenue.ZuoraRevenueFeed;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchSummary;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import com.subscriptionsuite.zuora.simulator.revenue.RevenueSimulator;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines (two connection pools, as two server instances) on one embedded PostgreSQL feeding one
 * Zuora Revenue simulator: running the batch job at once posts every line once; an instance that dies
 * in the middle of an upload leaves its batch to the other, which never posts it a second time.
 */
class RevenueMultiInstancePostgresIT {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-03T10:00:00Z"));
    RevenueSimulator sim;
    Database first;
    Database second;

    @BeforeEach
    void start() {
        sim = RevenueSimulator.start(RevenueSimulator.options().clock(clock));
        String url = TestPostgres.shared().freshSchemaUrl();
        first = new Database(url, TestPostgres.USER, TestPostgres.PASSWORD);
        second = new Database(url, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    @AfterEach
    void stop() {
        assertThat(sim.invalidRequests()).isEmpty();
        first.close();
        second.close();
        sim.close();
    }

    Engine engine(Database database, Function<RevenueFeed, RevenueFeed> wrap) {
        RevenueFeed feed = new ZuoraRevenueFeed(RevenueSettings.of(sim.baseUrl(), sim.user(), sim.password(),
                sim.role(), sim.clientName(), sim.template()), clock, Duration.ofMillis(1));
        return Engine.builder().tenants(new JdbiTenants(database.jdbi())).clock(clock)
                .revenueBatches(new JdbiRevenueBatches(database.jdbi())).revenueFeed(wrap.apply(feed))
                .revenueSettings(4, Duration.ofMinutes(5), Duration.ZERO).build();
    }

    static List<RevenueLine> lines(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> line(prefix + i, "S-" + prefix + ((i - 1) / 3),
                (i - 1) % 3 + 1)).toList();
    }

    /** How many times each source id reached Zuora Revenue in an upload it staged. */
    Map<String, Long> posted() {
        return sim.uploads().stream().filter(u -> u.status().equals("Successfully Uploaded"))
                .flatMap(u -> u.rows().stream()).collect(Collectors.groupingBy(r -> r.get("SO_LINE_ID"),
                        Collectors.counting()));
    }

    List<BatchSummary> batches(Engine engine, long tenant) {
        return engine.revenue().orElseThrow().manageRevenueBatches().batches(tenant, 1, 100).batches();
    }

    @Test
    void two_instances_running_the_job_at_once_post_every_line_once() throws Exception {
        Engine a = engine(first, f -> f);
        Engine b = engine(second, f -> f);
        a.revenue().orElseThrow().recordRevenueLines().record(1, lines("a", 60));
        b.revenue().orElseThrow().recordRevenueLines().record(2, lines("b", 10));
        // the same lines recorded again by the other instance (a replayed event) change nothing
        assertThat(b.revenue().orElseThrow().recordRevenueLines().record(1, lines("a", 60)).get().recorded()).isZero();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (Engine engine : List.of(a, b, a, b)) {
                runs.add(() -> {
                    int uploads = 0;
                    for (int i = 0; i < 6; i++) {
                        uploads += engine.revenue().orElseThrow().postRevenue().run().uploaded();
                    }
                    return uploads;
                });
            }
            int uploads = 0;
            for (Future<Integer> f : pool.invokeAll(runs)) {
                uploads += f.get();
            }
            assertThat(uploads).isEqualTo(15 + 3);
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> posted = posted();
        assertThat(posted).hasSize(70);
        assertThat(posted.values()).containsOnly(1L);
        assertThat(batches(a, 1)).hasSize(15).extracting(BatchSummary::status).containsOnly("LOADED");
        assertThat(batches(b, 2)).hasSize(3).extracting(BatchSummary::status).containsOnly("LOADED");
        assertThat(sim.uploads()).extracting(RevenueSimulator.Upload::filename).doesNotHaveDuplicates();
    }

    @Test
    void an_instance_dying_mid_upload_leaves_its_batch_in_doubt_and_the_other_finishes_without_posting_twice() {
        Engine dying = engine(first, CrashAfterUpload::new);
        Engine survivor = engine(second, f -> f);
        dying.revenue().orElseThrow().recordRevenueLines().record(1, lines("a", 12));

        assertThatThrownBy(() -> dying.revenue().orElseThrow().postRevenue().run())
                .hasMessageContaining("dies");
        assertThat(sim.uploads()).hasSize(1);
        String lost = sim.uploads().get(0).filename();

        // under the dead instance's lease nothing of its batch is touched; the others are posted
        survivor.revenue().orElseThrow().postRevenue().run();
        assertThat(sim.uploads()).hasSize(3);
        clock.advance(Duration.ofMinutes(6));
        var run = survivor.revenue().orElseThrow().postRevenue().run();

        assertThat(run.inDoubt()).isEqualTo(1);
        assertThat(run.uploaded()).isZero();
        assertThat(posted()).hasSize(12);
        assertThat(posted().values()).containsOnly(1L);
        List<BatchSummary> batches = batches(survivor, 1);
        assertThat(batches).extracting(BatchSummary::status).containsExactlyInAnyOrder("IN_DOUBT", "LOADED",
                "LOADED");
        BatchSummary inDoubt = batches.stream().filter(x -> x.status().equals("IN_DOUBT")).findFirst().orElseThrow();
        assertThat(inDoubt.filename()).isEqualTo(lost);
        assertThat(inDoubt.lastError()).contains(lost).contains("re-post");
        // later runs leave it to the admin
        clock.advance(Duration.ofMinutes(10));
        assertThat(survivor.revenue().orElseThrow().postRevenue().run().uploaded()).isZero();
        assertThat(sim.uploads()).hasSize(3);

        // the admin finds the file in Zuora Revenue and confirms it: the batch is done, its lines posted once
        var manage = survivor.revenue().orElseThrow().manageRevenueBatches();
        assertThat(manage.confirm(1, inDoubt.id()).get().status()).isEqualTo("LOADED");
        assertThat(manage.batch(1, inDoubt.id()).get().lines()).extracting(l -> l.status()).containsOnly("POSTED");
        assertThat(manage.confirm(1, inDoubt.id()).getLeft().code()).isEqualTo("revenue_batch_not_in_doubt");
        assertThat(manage.confirm(2, inDoubt.id()).getLeft().code()).isEqualTo("revenue_batch_not_found");
        assertThat(manage.repost(1, inDoubt.id()).getLeft().code()).isEqualTo("revenue_batch_not_repostable");
        assertThat(posted().values()).containsOnly(1L);
    }

    /** A feed whose instance dies right after Zuora Revenue staged its first upload (before recording it). */
    static final class CrashAfterUpload implements RevenueFeed {
        private final RevenueFeed feed;
        private boolean crashed;

        CrashAfterUpload(RevenueFeed feed) {
            this.feed = feed;
        }

        @Override
        public Either<RevenueFeedFailure, UploadTemplate> template() {
            return feed.template();
        }

        @Override
        public synchronized Either<RevenueFeedFailure, UploadOutcome> upload(String filename, String csv) {
            var outcome = feed.upload(filename, csv);
            if (!crashed) {
                crashed = true;
                throw new IllegalStateException("the instance dies before recording " + filename);
            }
            return outcome;
        }

        @Override
        public Either<RevenueFeedFailure, UploadState> status(long uploadId) {
            return feed.status(uploadId);
        }

        @Override
        public Either<RevenueFeedFailure, List<StageError>> stageErrors(StageErrorKind kind) {
            return feed.stageErrors(kind);
        }

        @Override
        public Either<RevenueFeedFailure, Lookup> find(String filename) {
            return feed.find(filename);
        }
    }
}
