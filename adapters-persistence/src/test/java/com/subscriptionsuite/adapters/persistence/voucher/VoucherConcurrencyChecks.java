package com.subscriptionsuite.adapters.persistence.voucher;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiLoginAttempts;
import com.subscriptionsuite.adapters.persistence.identity.JdbiPasswordResets;
import com.subscriptionsuite.adapters.persistence.identity.JdbiSessions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.HeldVoucher;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * The proof of domain-rules §6 "under any concurrency, a code is never redeemed more often than its
 * limits allow": real {@link Engine}s, each on its own {@link Database} (its own connection pool, as
 * separate server instances would have) over one schema, with threads spread over them and released
 * at once. Every call must end in a result or a clear refusal: no exception, no deadlock. Subclasses
 * pick the database and how many servers share it.
 */
abstract class VoucherConcurrencyChecks {
    private static final long TENANT = 1;
    private static final long DISCOUNT_RATE_PLAN = 204;
    private static final Instant NOW = Instant.parse("2025-05-01T08:00:00Z");
    private static final long CALL_TIMEOUT_SECONDS = 60;

    /** The servers: migrated databases over one and the same schema, each with a pool of its own. */
    protected abstract List<Database> openServers();

    private List<Database> servers;
    private List<Engine> engines;
    private JdbiUsers users;
    private int nextUser;

    @BeforeEach
    void serversWithOneTenant() {
        servers = openServers();
        new JdbiTenants(servers.get(0).jdbi()).store(full(TENANT, "acme"));
        users = new JdbiUsers(servers.get(0).jdbi());
        engines = servers.stream().map(VoucherConcurrencyChecks::engineOn).toList();
    }

    @AfterEach
    void closeServers() {
        servers.forEach(Database::close);
    }

    private static Engine engineOn(Database server) {
        var jdbi = server.jdbi();
        return Engine.builder()
                .tenants(new JdbiTenants(jdbi))
                .users(new JdbiUsers(jdbi))
                .sessions(new JdbiSessions(jdbi))
                .passwordResets(new JdbiPasswordResets(jdbi))
                .loginAttempts(new JdbiLoginAttempts(jdbi))
                .transactions(new JdbiTransactions(jdbi))
                .passwordHasher(new PlainTestHasher())
                .secrets(new CountingSecrets())
                .commonPasswords(password -> false)
                .mailer(new RecordingMailer())
                .vouchers(new JdbiVouchers(jdbi))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private List<User> customers(int count) {
        List<User> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = ++nextUser;
            EmailAddress email = EmailAddress.parse("email", "customer" + n + "@example.com")
                    .getOrElseThrow(r -> new AssertionError(r.message()));
            created.add(users.add(TENANT, String.format("00000000-0000-4000-8000-%012d", n), UserKind.CUSTOMER,
                    email, "hash", "de", NOW).getOrElseThrow(taken -> new AssertionError(taken.toString())));
        }
        return created;
    }

    private void define(Campaign campaign, String code) {
        engines.get(0).defineCampaigns().define(TENANT, List.of(new CampaignWithCodes(campaign, List.of(code))))
                .getOrElseThrow(f -> new AssertionError(f.message()));
    }

    private static VoucherCommand command(User user, String code) {
        return new VoucherCommand(TENANT, code, null, user.id());
    }

    /** Holds, and if that worked consumes: "redeemed", or the code of the failure that stopped it. */
    private static String holdThenConsume(Engine engine, VoucherCommand command) {
        Either<VoucherFailure, String> outcome = engine.holdVoucher().hold(command)
                .flatMap(held -> engine.consumeVoucher().consume(command))
                .map(redeemed -> "redeemed");
        return outcome.fold(VoucherFailure::code, Function.identity());
    }

    /**
     * Runs every task on a thread of its own, the {@code i}-th on engine {@code i % servers}, all
     * released by one start gate; their results in task order. A task that throws or does not end
     * within the time-out fails the test.
     */
    private <T> List<T> race(int tasks, TaskOnEngine<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        try {
            CountDownLatch ready = new CountDownLatch(tasks);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                Engine engine = engines.get(i % engines.size());
                Callable<T> call = () -> {
                    ready.countDown();
                    start.await();
                    return task.run(index, engine);
                };
                futures.add(pool.submit(call));
            }
            assertThat(ready.await(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("all threads ready").isTrue();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface TaskOnEngine<T> {
        T run(int index, Engine engine);
    }

    private long count(String sql, String code) {
        return servers.get(0).jdbi().withHandle(h -> h.createQuery(sql).bind("tenantId", TENANT).bind("code", code)
                .mapTo(Long.class).one());
    }

    private long redemptions(String code) {
        return count("SELECT COUNT(*) FROM voucher_redemption WHERE tenant_id = :tenantId AND code = :code", code);
    }

    private long holds(String code) {
        return count("SELECT COUNT(*) FROM voucher_hold WHERE tenant_id = :tenantId AND code = :code", code);
    }

    private static Map<String, Long> tally(List<String> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @RepeatedTest(3)
    @Timeout(120)
    void of_32_customers_racing_for_one_single_use_code_exactly_one_redeems_it() throws Exception {
        define(new Campaign(1, "Solo", DISCOUNT_RATE_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, null),
                "solo-1");
        List<User> customers = customers(32);

        List<String> outcomes = race(32, (i, engine) -> holdThenConsume(engine, command(customers.get(i), "solo-1")));

        assertThat(tally(outcomes)).as("outcomes").containsEntry("redeemed", 1L);
        assertThat(outcomes).as("every other call refused with a reason")
                .allMatch(o -> List.of("redeemed", "voucher_held_by_other", "voucher_limit_reached",
                        "voucher_not_held").contains(o));
        assertThat(redemptions("SOLO-1")).as("redemptions in the table").isEqualTo(1);
        assertThat(holds("SOLO-1")).as("only the winner ever held it").isEqualTo(1);
    }

    @RepeatedTest(3)
    @Timeout(120)
    void of_40_customers_racing_for_a_multi_use_code_limited_to_10_exactly_10_redeem_it() throws Exception {
        define(new Campaign(2, "Ten", DISCOUNT_RATE_PLAN, null, null, List.of(), CodeKind.MULTI_USE, 10, 1),
                "TEN-FOR-ALL");
        List<User> customers = customers(40);

        List<String> outcomes = race(40,
                (i, engine) -> holdThenConsume(engine, command(customers.get(i), "ten-for-all")));

        assertThat(tally(outcomes)).as("outcomes")
                .isEqualTo(Map.of("redeemed", 10L, "voucher_limit_reached", 30L));
        assertThat(redemptions("TEN-FOR-ALL")).as("redemptions in the table").isEqualTo(10);
        assertThat(count("SELECT COUNT(DISTINCT user_id) FROM voucher_redemption "
                + "WHERE tenant_id = :tenantId AND code = :code", "TEN-FOR-ALL")).as("one per customer").isEqualTo(10);
    }

    @RepeatedTest(3)
    @Timeout(120)
    void one_customer_holding_a_code_10_times_at_once_gets_one_hold() throws Exception {
        define(new Campaign(3, "Once", DISCOUNT_RATE_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, null),
                "ONCE-1");
        User ann = customers(1).get(0);

        List<Either<VoucherFailure, HeldVoucher>> holds = race(10,
                (i, engine) -> engine.holdVoucher().hold(command(ann, "ONCE-1")));

        assertThat(holds).allMatch(Either::isRight);
        assertThat(holds.stream().map(Either::get).distinct()).as("the same hold for every call").hasSize(1);
        assertThat(holds("ONCE-1")).as("hold rows").isEqualTo(1);
    }

    @RepeatedTest(3)
    @Timeout(120)
    void one_customer_holding_a_limited_multi_use_code_10_times_at_once_takes_one_slot() throws Exception {
        define(new Campaign(5, "Five", DISCOUNT_RATE_PLAN, null, null, List.of(), CodeKind.MULTI_USE, 5, null),
                "FIVE-ONLY");
        List<User> customers = customers(6);
        User ann = customers.get(0);

        List<Either<VoucherFailure, HeldVoucher>> holds = race(10,
                (i, engine) -> engine.holdVoucher().hold(command(ann, "FIVE-ONLY")));

        assertThat(holds).allMatch(Either::isRight);
        assertThat(count("SELECT reserved FROM voucher_code WHERE tenant_id = :tenantId AND code = :code",
                "FIVE-ONLY")).as("slots taken").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM voucher_hold WHERE tenant_id = :tenantId AND code = :code"
                + " AND consumed_at IS NULL AND released_at IS NULL", "FIVE-ONLY")).as("unsettled holds").isEqualTo(1);
        // so the code's limit is there in full: Ann and four others redeem it, the sixth customer is refused
        assertThat(engines.get(1).consumeVoucher().consume(command(ann, "FIVE-ONLY")).isRight()).isTrue();
        for (User other : customers.subList(1, 5)) {
            assertThat(holdThenConsume(engines.get(0), command(other, "FIVE-ONLY"))).isEqualTo("redeemed");
        }
        assertThat(holdThenConsume(engines.get(0), command(customers.get(5), "FIVE-ONLY")))
                .isEqualTo("voucher_limit_reached");
        assertThat(redemptions("FIVE-ONLY")).isEqualTo(5);
    }

    @RepeatedTest(3)
    @Timeout(120)
    void one_customer_consuming_a_held_code_10_times_at_once_redeems_it_once() throws Exception {
        define(new Campaign(4, "Twice", DISCOUNT_RATE_PLAN, null, null, List.of(), CodeKind.MULTI_USE, null, null),
                "TWICE");
        User ann = customers(1).get(0);
        engines.get(0).holdVoucher().hold(command(ann, "TWICE")).getOrElseThrow(f -> new AssertionError(f.message()));

        List<String> outcomes = race(10, (i, engine) -> engine.consumeVoucher().consume(command(ann, "TWICE"))
                .fold(VoucherFailure::code, redeemed -> "redeemed"));

        assertThat(tally(outcomes)).isEqualTo(Map.of("redeemed", 1L, "voucher_not_held", 9L));
        assertThat(redemptions("TWICE")).isEqualTo(1);
    }
}
