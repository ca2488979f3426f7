package com.subscriptionsuite.adapters.persistence.revenue;

import static com.subscriptionsuite.application.fixtures.RevenueLineFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchDetail;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches.BatchRef;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches.BatchStatus;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches.ErrorRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link RevenueBatches}, run on H2 and on PostgreSQL. */
abstract class RevenueBatchesContract {
    static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");
    static final long TENANT = 1;
    static final long OTHER_TENANT = 2;

    Database database;
    RevenueBatches store;

    protected abstract Database open();

    @BeforeEach
    void openStore() {
        database = open();
        store = new JdbiRevenueBatches(database.jdbi());
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    static List<RevenueLine> lines(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> line(prefix + i, "S-" + prefix, i)).toList();
    }

    BatchRef ref(long batchId) {
        return store.due(NOW.plus(Duration.ofDays(1)), 1000).stream().filter(b -> b.id() == batchId).findFirst()
                .orElseThrow();
    }

    @Test
    void records_a_source_id_once_per_tenant() {
        assertThat(store.record(TENANT, lines("a", 3), NOW)).isEqualTo(3);
        assertThat(store.record(TENANT, lines("a", 4), NOW)).isEqualTo(1);
        assertThat(store.record(OTHER_TENANT, lines("a", 2), NOW)).isEqualTo(2);
        assertThat(store.tenantsWithUnbatchedLines()).containsExactly(TENANT, OTHER_TENANT);
    }

    @Test
    void a_line_comes_back_as_recorded() {
        store.record(TENANT, List.of(line("x", "S-1", 1)), NOW);
        long batch = store.open(TENANT, 10, NOW).get();
        RevenueLine back = store.unposted(batch).get(0).line();
        assertThat(back).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(line("x", "S-1", 1));
        assertThat(back.quantity().toPlainString()).isEqualTo("5");
        assertThat(back.extendedSellPrice().toPlainString()).isEqualTo("47.50");
    }

    @Test
    void opens_bounded_batches_of_the_oldest_free_lines_of_one_tenant() {
        store.record(TENANT, lines("a", 5), NOW);
        store.record(OTHER_TENANT, lines("b", 1), NOW);
        long first = store.open(TENANT, 3, NOW).get();
        long second = store.open(TENANT, 3, NOW).get();
        assertThat(store.open(TENANT, 3, NOW).isEmpty()).isTrue();
        assertThat(store.unposted(first)).extracting(l -> l.line().sourceId()).containsExactly("a1", "a2", "a3");
        assertThat(store.unposted(second)).extracting(l -> l.line().sourceId()).containsExactly("a4", "a5");
        assertThat(store.tenantsWithUnbatchedLines()).containsExactly(OTHER_TENANT);
        assertThat(store.page(TENANT, 1, 10).batches()).extracting(b -> b.lines()).containsExactly(2, 3);
        assertThat(store.page(OTHER_TENANT, 1, 10).total()).isZero();
    }

    @Test
    void concurrent_openers_never_share_a_line() throws Exception {
        store.record(TENANT, lines("c", 200), NOW);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> openers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                openers.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    // an opener skips lines another is taking: it goes on until no line is left in no batch
                    for (int i = 0; i < 1000 && !store.tenantsWithUnbatchedLines().isEmpty(); i++) {
                        store.open(TENANT, 7, NOW).forEach(mine::add);
                    }
                    return mine;
                });
            }
            List<Long> batches = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(openers)) {
                batches.addAll(f.get());
            }
            List<String> seen = new ArrayList<>();
            batches.forEach(b -> store.unposted(b).forEach(l -> seen.add(l.line().sourceId())));
            assertThat(seen).hasSize(200);
            assertThat(new HashSet<>(seen)).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_claim_is_taken_once_and_lasts_its_lease() {
        store.record(TENANT, lines("a", 1), NOW);
        long batch = store.open(TENANT, 10, NOW).get();
        BatchRef seen = store.due(NOW, 10).get(0);
        assertThat(seen.status()).isEqualTo(BatchStatus.QUEUED);
        long version = store.claim(seen, NOW, NOW.plusSeconds(60)).get();
        assertThat(store.claim(seen, NOW, NOW.plusSeconds(60)).isEmpty()).isTrue();
        assertThat(store.due(NOW.plusSeconds(30), 10)).isEmpty();
        assertThat(store.uploading(batch, version, "f1.csv", "csv", NOW)).isTrue();
        // the lease runs out: another instance takes the batch over, the first one's writes are refused
        BatchRef interrupted = store.due(NOW.plusSeconds(61), 10).get(0);
        assertThat(interrupted.status()).isEqualTo(BatchStatus.UPLOADING);
        assertThat(interrupted.filename()).isEqualTo("f1.csv");
        assertThat(interrupted.uploads()).isEqualTo(1);
        long taken = store.claim(interrupted, NOW.plusSeconds(61), NOW.plusSeconds(120)).get();
        assertThat(store.staged(batch, version, 7, NOW, NOW)).isFalse();
        assertThat(store.staged(batch, taken, 7, NOW, NOW)).isTrue();
        assertThat(store.csv(TENANT, batch).get().get()).isEqualTo("csv");
    }

    @Test
    void a_loaded_batch_posts_its_lines_but_those_named_by_a_staging_error() {
        store.record(TENANT, lines("a", 3), NOW);
        long batch = store.open(TENANT, 10, NOW).get();
        long v = store.claim(store.due(NOW, 10).get(0), NOW, NOW.plusSeconds(60)).get();
        store.uploading(batch, v, "f.csv", "csv", NOW);
        store.staged(batch, v, 11, NOW, NOW);
        assertThat(store.loaded(batch, v, List.of(new ErrorRecord("transaction", "S-a", "2", "Invalid item")), NOW))
                .isTrue();
        BatchDetail detail = store.detail(TENANT, batch).get();
        assertThat(detail.batch().status()).isEqualTo("LOADED");
        assertThat(detail.batch().linesInError()).isEqualTo(1);
        assertThat(detail.lines()).extracting(l -> l.status()).containsExactly("POSTED", "ERROR", "POSTED");
        assertThat(detail.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("transaction");
            assertThat(e.lineNumber()).isEqualTo("2");
            assertThat(e.upload()).isEqualTo(1);
        });
        // a re-post carries the line in error only
        assertThat(store.repost(TENANT, batch, NOW).get().queued()).isTrue();
        assertThat(store.unposted(batch)).extracting(l -> l.line().sourceId()).containsExactly("a2");
        assertThat(store.detail(OTHER_TENANT, batch).isEmpty()).isTrue();
        assertThat(store.repost(OTHER_TENANT, batch, NOW).isEmpty()).isTrue();
    }

    @Test
    void a_failed_batch_keeps_its_lines_pending_and_its_error_and_can_be_reposted() {
        store.record(TENANT, lines("a", 2), NOW);
        long batch = store.open(TENANT, 10, NOW).get();
        long v = store.claim(store.due(NOW, 10).get(0), NOW, NOW.plusSeconds(60)).get();
        store.uploading(batch, v, "f.csv", "csv", NOW);
        assertThat(store.failed(batch, v, "revenue_batch_failed", new ErrorRecord("batch", null, null, "bad item"),
                NOW)).isTrue();
        assertThat(store.due(NOW.plusSeconds(3600), 10)).isEmpty();
        assertThat(store.open(TENANT, 10, NOW).isEmpty()).isTrue();
        BatchDetail failed = store.detail(TENANT, batch).get();
        assertThat(failed.batch().status()).isEqualTo("FAILED");
        assertThat(failed.batch().lastError()).isEqualTo("bad item");
        assertThat(failed.lines()).extracting(l -> l.status()).containsOnly("PENDING");
        assertThat(store.repost(TENANT, batch, NOW).get().queued()).isTrue();
        assertThat(store.repost(TENANT, batch, NOW).get().queued()).isFalse();
        BatchRef again = store.due(NOW, 10).get(0);
        assertThat(again.status()).isEqualTo(BatchStatus.QUEUED);
        assertThat(again.filename()).isNull();
        assertThat(again.uploads()).isEqualTo(1);
        assertThat(store.unposted(batch)).hasSize(2);
        assertThat(store.detail(TENANT, batch).get().errors()).hasSize(1);
    }

    @Test
    void a_loaded_batch_without_errors_cannot_be_reposted() {
        store.record(TENANT, lines("a", 1), NOW);
        long batch = store.open(TENANT, 10, NOW).get();
        long v = store.claim(store.due(NOW, 10).get(0), NOW, NOW.plusSeconds(60)).get();
        store.uploading(batch, v, "f.csv", "csv", NOW);
        store.staged(batch, v, 3, NOW, NOW);
        store.loaded(batch, v, List.of(), NOW);
        var reposted = store.repost(TENANT, batch, NOW).get();
        assertThat(reposted.queued()).isFalse();
        assertThat(reposted.batch().status()).isEqualTo("LOADED");
        assertThat(store.unposted(batch)).isEmpty();
    }

    @Test
    void an_in_doubt_batch_is_confirmed_by_its_tenant_only_and_then_done() {
        store.record(TENANT, lines("a", 2), NOW);
        long batch = store.open(TENANT, 10, NOW).get();
        long v = store.claim(store.due(NOW, 10).get(0), NOW, NOW.plusSeconds(60)).get();
        store.uploading(batch, v, "f.csv", "csv", NOW);
        assertThat(store.inDoubt(batch, v, "lost f.csv", NOW)).isTrue();
        assertThat(store.due(NOW.plusSeconds(3600), 10)).isEmpty();
        assertThat(store.confirm(OTHER_TENANT, batch, NOW).isEmpty()).isTrue();
        assertThat(store.confirm(TENANT, batch, NOW).get().queued()).isTrue();
        BatchDetail done = store.detail(TENANT, batch).get();
        assertThat(done.batch().status()).isEqualTo("LOADED");
        assertThat(done.lines()).extracting(l -> l.status()).containsOnly("POSTED");
        assertThat(store.confirm(TENANT, batch, NOW).get().queued()).isFalse();
        assertThat(store.staged(batch, v, 1, NOW, NOW)).isFalse();
    }

    @Test
    void pages_batches_newest_first() {
        store.record(TENANT, lines("a", 5), NOW);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.open(TENANT, 1, NOW).get());
        }
        Collections.reverse(ids);
        var page2 = store.page(TENANT, 2, 2);
        assertThat(page2.total()).isEqualTo(5);
        assertThat(page2.batches()).extracting(b -> b.id()).containsExactly(ids.get(2), ids.get(3));
        Set<String> statuses = new HashSet<>();
        page2.batches().forEach(b -> statuses.add(b.status()));
        assertThat(statuses).containsExactly("QUEUED");
    }
}
