package com.subscriptionsuite.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLedgerStore;
import com.subscriptionsuite.application.fixtures.InMemoryIdempotencyRecords;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemoryPayPalAgreements;
import com.subscriptionsuite.application.fixtures.InMemoryPaymentMethods;
import com.subscriptionsuite.application.fixtures.InMemoryPaymentPages;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryCustomerLocks;
import com.subscriptionsuite.application.fixtures.InMemoryAccountLinks;
import com.subscriptionsuite.application.fixtures.InMemoryBillingOperations;
import com.subscriptionsuite.application.ledger.BuiltInLedger;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.InMemoryVatChecks;
import com.subscriptionsuite.application.fixtures.InMemoryVatRegistry;
import com.subscriptionsuite.application.fixtures.InMemoryVouchers;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine's optional capabilities are groups that exist when their ports were given, all of them;
 * a partial set of a group's ports, or a group without the groups it builds on, is refused by
 * {@code build()} with the missing port named.
 */
class EngineGroupsTest {
    private final CountingSecrets secrets = new CountingSecrets();

    private Engine.Builder core() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(1, "acme"));
        return Engine.builder().tenants(tenants).clock(EngineTestSupport.NOVEMBER_2026);
    }

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryCustomerLocks locks = new InMemoryCustomerLocks(transactions);
    private final InMemoryAccountLinks links = new InMemoryAccountLinks(transactions);
    private final InMemoryBillingOperations operations = new InMemoryBillingOperations(transactions);

    /** The built-in ledger with the engine's own billing ports. */
    private Engine.Builder withLedger(Engine.Builder builder) {
        return builder.ledger(new InMemoryLedgerStore()).customerLocks(locks).accountLinks(links)
                .billingOperations(operations);
    }

    private Engine.Builder withIdentity() {
        return core().users(new InMemoryUsers()).sessions(new InMemorySessions())
                .passwordResets(new InMemoryPasswordResets()).loginAttempts(new InMemoryLoginAttempts())
                .transactions(transactions).passwordHasher(new PlainTestHasher())
                .secrets(secrets).commonPasswords(p -> false).mailer(new RecordingMailer());
    }

    @Nested
    class Built_with_the_core_ports_only {
        private final Engine engine = core().build();

        @Test
        void has_no_optional_group() {
            assertThat(engine.identity()).isEmpty();
            assertThat(engine.vouchers()).isEmpty();
            assertThat(engine.vatValidation()).isEmpty();
            assertThat(engine.billing()).isEmpty();
            assertThat(engine.payments()).isEmpty();
            assertThat(engine.idempotency()).isEmpty();
        }

        @Test
        void serves_the_tenant_catalog_and_preview_use_cases() {
            assertThat(engine.resolveTenant().resolve("acme", null).isRight()).isTrue();
        }

        @Test
        void says_how_to_configure_a_group_when_a_shorthand_reaches_into_it() {
            assertThatThrownBy(engine::checkout).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(".ledger(..) or .billingGateway(..)");
            assertThatThrownBy(engine::register).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("identity ports");
        }
    }

    @Nested
    class Built_with_every_port {
        private final Engine engine = withIdentity().vouchers(new InMemoryVouchers())
                .vatRegistry(new InMemoryVatRegistry()).vatChecks(new InMemoryVatChecks())
                .ledger(new InMemoryLedgerStore()).customerLocks(locks).accountLinks(links).billingOperations(operations)
                .paymentMethods(new InMemoryPaymentMethods())
                .paymentPages(new InMemoryPaymentPages(secrets)).payPalAgreements(new InMemoryPayPalAgreements(secrets))
                .idempotencyRecords(new InMemoryIdempotencyRecords()).build();

        @Test
        void has_every_group_with_its_parts() {
            assertThat(engine.identity()).isPresent();
            assertThat(engine.vouchers()).isPresent();
            assertThat(engine.vatValidation()).isPresent();
            assertThat(engine.billing()).isPresent();
            assertThat(engine.billing().orElseThrow().runBilling()).as("the built-in ledger's bill run").isPresent();
            assertThat(engine.ledger()).isPresent();
            assertThat(engine.idempotency()).isPresent();
            Engine.Payments payments = engine.payments().orElseThrow();
            assertThat(payments.hostedPages()).isPresent();
            assertThat(payments.payPal()).isPresent();
            assertThat(payments.accountPaymentMethod()).isPresent();
        }

        @Test
        void hands_out_the_group_s_use_cases_through_the_shorthands_too() {
            assertThat(engine.checkout()).isSameAs(engine.billing().orElseThrow().checkout());
            assertThat(engine.holdVoucher()).isSameAs(engine.vouchers().orElseThrow().holdVoucher());
        }
    }

    @Nested
    class Built_with_a_billing_gateway_factory {
        private final java.util.concurrent.atomic.AtomicReference<java.util.function.LongFunction<
                com.subscriptionsuite.domain.tenant.TenantDefinition>> lookup =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final Engine engine = withIdentity().customerLocks(locks).accountLinks(links)
                .billingOperations(operations).paymentMethods(new InMemoryPaymentMethods())
                .billingGateway(tenants -> {
                    lookup.set(tenants);
                    return new BuiltInLedger(new InMemoryLedgerStore(), transactions,
                            new com.subscriptionsuite.application.service.tenant.TenantDirectory(new InMemoryTenants()),
                            secrets, new com.subscriptionsuite.domain.tax.VatDetermination(
                                    com.subscriptionsuite.domain.tax.VatRates.euStandardRates()),
                            java.time.Clock.systemUTC());
                })
                .build();

        @Test
        void hands_the_gateway_the_engine_s_own_tenant_lookup_and_has_no_bill_run() {
            assertThat(engine.billing()).isPresent();
            assertThat(lookup.get().apply(1).tenant().key()).isEqualTo("acme");
            assertThat(engine.billing().orElseThrow().runBilling()).as("another billing system bills by itself")
                    .isEmpty();
            assertThatThrownBy(engine::runBilling).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bills by itself");
        }
    }

    @Nested
    class Built_with_payment_methods_but_without_billing {
        private final Engine engine = withIdentity().paymentMethods(new InMemoryPaymentMethods()).build();

        @Test
        void has_payments_without_the_parts_it_was_not_given() {
            Engine.Payments payments = engine.payments().orElseThrow();
            assertThat(payments.hostedPages()).isEmpty();
            assertThat(payments.payPal()).isEmpty();
            assertThat(payments.accountPaymentMethod()).isEmpty();
            assertThat(engine.billing()).isEmpty();
        }
    }

    @Nested
    class Refuses_to_build {
        @Test
        void a_part_of_the_identity_ports_naming_the_missing_ones() {
            assertThatThrownBy(() -> core().users(new InMemoryUsers()).sessions(new InMemorySessions()).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("identity ports")
                    .hasMessageContaining("passwordResets, loginAttempts, transactions, passwordHasher, secrets, "
                            + "commonPasswords, mailer");
        }

        @Test
        void billing_without_payment_methods() {
            assertThatThrownBy(() -> withLedger(withIdentity()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("paymentMethods");
        }

        @Test
        void billing_without_the_engine_s_own_billing_ports_or_those_without_a_billing_system() {
            assertThatThrownBy(() -> withIdentity().ledger(new InMemoryLedgerStore())
                    .paymentMethods(new InMemoryPaymentMethods()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("all ports or none")
                    .hasMessageContaining("missing: customerLocks, accountLinks, billingOperations");
            assertThatThrownBy(() -> withIdentity().customerLocks(locks).accountLinks(links)
                    .billingOperations(operations).paymentMethods(new InMemoryPaymentMethods()).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing: ledger or billingGateway");
        }

        @Test
        void both_the_built_in_ledger_and_another_billing_gateway() {
            InMemoryLedgerStore store = new InMemoryLedgerStore();
            assertThatThrownBy(() -> withLedger(withIdentity()).billingGateway(new BuiltInLedger(store, transactions,
                            new com.subscriptionsuite.application.service.tenant.TenantDirectory(new InMemoryTenants()),
                            secrets, new com.subscriptionsuite.domain.tax.VatDetermination(
                                    com.subscriptionsuite.domain.tax.VatRates.euStandardRates()),
                            java.time.Clock.systemUTC()))
                    .paymentMethods(new InMemoryPaymentMethods()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
        }

        @Test
        void a_group_without_the_identity_ports() {
            assertThatThrownBy(() -> withLedger(core())
                    .paymentMethods(new InMemoryPaymentMethods()).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("identity ports");
            assertThatThrownBy(() -> core().vouchers(new InMemoryVouchers()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("identity ports");
            assertThatThrownBy(() -> core().idempotencyRecords(new InMemoryIdempotencyRecords()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("identity ports");
        }

        @Test
        void hosted_pages_without_payment_methods() {
            assertThatThrownBy(() -> withIdentity().paymentPages(new InMemoryPaymentPages(secrets)).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("paymentMethods");
        }
    }
}
