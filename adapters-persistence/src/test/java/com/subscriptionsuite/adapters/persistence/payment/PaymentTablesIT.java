package com.subscriptionsuite.adapters.persistence.payment;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.port.out.PayPalAgreements.AgreementRequest;
import com.subscriptionsuite.application.port.out.PayPalAgreements.AgreementStart;
import com.subscriptionsuite.application.port.out.PaymentPages.PageRequest;
import com.subscriptionsuite.application.port.out.PaymentPages.PageSignature;
import com.subscriptionsuite.application.port.out.PaymentPages.Redeemed;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.payment.PaymentType;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What only the database adapters of payment methods and their tokens care about, on H2 and PostgreSQL. */
class PaymentTablesIT {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    private static final Instant EXPIRES = T0.plus(Duration.ofMinutes(30));

    @TempDir
    Path dataDir;

    private ExecutorService threads;

    @BeforeEach
    void threads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static User customer(Database database, long tenantId, String email) {
        EmailAddress address = EmailAddress.parse("email", email).getOrElseThrow(r -> new AssertionError(r.message()));
        return new JdbiUsers(database.jdbi()).add(tenantId, "guid-" + email, UserKind.CUSTOMER, address, "hash", "de",
                T0).getOrElseThrow(taken -> new AssertionError(taken.toString()));
    }

    private static PageRequest request(User user) {
        return new PageRequest(user.tenantId(), user.id(), 1, PaymentType.CREDIT_CARD, "card-acme", "de", T0, EXPIRES);
    }

    private static List<Map<String, Object>> rows(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_renumbered_tenant_keeps_its_customers_payment_methods(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            JdbiTenants tenants = new JdbiTenants(database.jdbi());
            JdbiPaymentMethods methods = new JdbiPaymentMethods(database.jdbi());
            tenants.store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            PaymentMethod card = new PaymentMethod("pm-1", 1, ann.id(), "CreditCard",
                    Map.of("credit_card_mask_number", "************1111"), PaymentMethod.Status.ACTIVE, T0);
            methods.save(card);
            new JdbiPaymentPages(database.jdbi(), new CountingSecrets(), JdbiPaymentStores.KEY).sign(request(ann));
            new JdbiPayPalAgreements(database.jdbi(), new CountingSecrets(), "/approve")
                    .start(new AgreementRequest(1, ann.id(), T0, EXPIRES));

            tenants.store(full(7, "acme"));

            assertThat(methods.paymentMethod(7, "pm-1").map(PaymentMethod::data).toJavaOptional())
                    .contains(card.data());
            assertThat(methods.paymentMethod(1, "pm-1").isEmpty()).isTrue();
            assertThat(rows(database, "payment_page_token")).extracting(r -> r.get("tenant_id")).containsExactly(7L);
            assertThat(rows(database, "paypal_approval")).extracting(r -> r.get("tenant_id")).containsExactly(7L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void keeps_a_page_token_only_as_its_hash_and_no_signature(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            PageSignature s = new JdbiPaymentPages(database.jdbi(), new CountingSecrets(), JdbiPaymentStores.KEY)
                    .sign(request(ann)).get();

            List<Map<String, Object>> stored = rows(database, "payment_page_token");

            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).get("token_hash")).isEqualTo(SecretHash.of(s.token()));
            assertThat(stored.get(0).values()).allSatisfy(v -> assertThat(String.valueOf(v))
                    .doesNotContain(s.token()).doesNotContain(s.signature()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_redemption_that_rolls_back_leaves_the_token_usable(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            JdbiPaymentPages pages = new JdbiPaymentPages(database.jdbi(), new CountingSecrets(), JdbiPaymentStores.KEY);
            PageSignature s = pages.sign(request(ann)).get();
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());

            try {
                transactions.inTransaction(() -> {
                    assertThat(pages.redeem(1, "card-acme", s.token(), s.signature(), T0).isDefined()).isTrue();
                    throw new IllegalStateException("the payment method could not be stored");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }

            assertThat(pages.redeem(1, "card-acme", s.token(), s.signature(), T0).isDefined()).isTrue();
            assertThat(pages.redeem(1, "card-acme", s.token(), s.signature(), T0).isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    @Timeout(60)
    void of_two_concurrent_redemptions_of_a_token_exactly_one_wins(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            JdbiPaymentPages pages = new JdbiPaymentPages(database.jdbi(), new CountingSecrets(), JdbiPaymentStores.KEY);
            PageSignature s = pages.sign(request(ann)).get();
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
            CountDownLatch firstRedeemed = new CountDownLatch(1);
            CountDownLatch secondStarted = new CountDownLatch(1);

            Future<Option<Redeemed>> first = threads.submit(() -> transactions.inTransaction(() -> {
                Option<Redeemed> won = pages.redeem(1, "card-acme", s.token(), s.signature(), T0);
                firstRedeemed.countDown();
                await(secondStarted);
                sleep(300);
                return won;
            }));
            Future<Option<Redeemed>> second = threads.submit(() -> {
                await(firstRedeemed);
                secondStarted.countDown();
                return transactions.inTransaction(() -> pages.redeem(1, "card-acme", s.token(), s.signature(), T0));
            });

            assertThat(first.get(30, TimeUnit.SECONDS).isDefined()).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS).isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void instances_without_a_configured_key_share_the_one_generated_first(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            JdbiPaymentPages first = JdbiPaymentPages.withStoredKey(database.jdbi(), new CountingSecrets(), T0);
            PageSignature s = first.sign(request(ann)).get();

            JdbiPaymentPages second = JdbiPaymentPages.withStoredKey(database.jdbi(),
                    new CountingSecrets(), T0.plusSeconds(60));

            assertThat(second.sign(request(ann)).get().key()).isEqualTo(s.key());
            assertThat(second.redeem(1, "card-acme", s.token(), s.signature(), T0).isDefined()).isTrue();
            assertThat(rows(database, "payment_page_key")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void keeps_an_approvals_pending_method_billing_agreement_and_payer(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            JdbiPayPalAgreements payPal = new JdbiPayPalAgreements(database.jdbi(), new CountingSecrets(), "/approve");
            AgreementStart start = payPal.start(new AgreementRequest(1, ann.id(), T0, EXPIRES)).get();
            String token = start.token();

            String baid = payPal.complete(1, token, "ann@paypal.example", T0).get().get().billingAgreementId();

            Map<String, Object> row = rows(database, "paypal_approval").get(0);
            assertThat(row.get("token_hash")).isEqualTo(SecretHash.of(token));
            assertThat(row.get("payment_method_id")).isEqualTo(start.paymentMethodId());
            assertThat(row.get("billing_agreement_id")).isEqualTo(baid);
            assertThat(row.get("payer_email")).isEqualTo("ann@paypal.example");
            assertThat(row.get("approved_at")).isNotNull();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
