package com.subscriptionsuite.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLedgerStore;
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
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.payment.ChangeAccountPaymentMethod.Change;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.payment.StartPayPal.PayPalStarted;
import com.subscriptionsuite.application.port.in.payment.SubmitPaymentPage.Submission;
import com.subscriptionsuite.application.port.in.payment.SignPaymentPage.SignedPage;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.FieldProblem;
import com.subscriptionsuite.domain.payment.PaymentDataRules.AchInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.CardInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.SepaInput;
import com.subscriptionsuite.domain.payment.PaymentOption;
import io.vavr.control.Either;
import com.subscriptionsuite.application.port.out.PayPalAgreements;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import io.vavr.control.Option;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The payment-method use cases on in-memory adapters. Tenants acme (1) and other (2) offer
 * {@link SampleTenants#fullPaymentOptions}: 1 CreditCard everywhere (page card-acme), 2 SEPA in DE, AT,
 * FR, NL (sepa-acme), 3 PayPal, 4 BankTransfer in DE and AT, 5 ACH in the US (ach-acme).
 */
class PaymentMethodsTest {
    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    static final CardInput VISA = new CardInput("4111 1111 1111 1111", "Ann Example", 12, 2030, "123");
    static final SepaInput NO_SEPA = new SepaInput(null, null);
    static final AchInput NO_ACH = new AchInput(null, null, null, null);

    final MutableClock clock = new MutableClock(START);
    final InMemoryPaymentMethods methods = new InMemoryPaymentMethods();
    final InMemoryLedgerStore billing = new InMemoryLedgerStore();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryAccountLinks links = new InMemoryAccountLinks(transactions);
    final CountingSecrets secrets = new CountingSecrets();
    final InMemoryPaymentPages pages = new InMemoryPaymentPages(secrets);
    /** The payment-method ids the providers gave, in order. */
    final List<String> providerIds = new CopyOnWriteArrayList<>();
    final Engine engine;
    final long ann;
    final long bob;

    PaymentMethodsTest() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(1, "acme"));
        tenants.store(SampleTenants.full(2, "other"));
        engine = Engine.builder().tenants(tenants).clock(clock).users(new InMemoryUsers())
                .sessions(new InMemorySessions()).passwordResets(new InMemoryPasswordResets())
                .loginAttempts(new InMemoryLoginAttempts()).transactions(transactions)
                .passwordHasher(new PlainTestHasher()).secrets(secrets).commonPasswords(p -> false)
                .mailer(new RecordingMailer())
                .customerLocks(new InMemoryCustomerLocks(transactions, clock)).accountLinks(links)
                .billingOperations(new InMemoryBillingOperations(transactions)).ledger(billing).paymentMethods(methods)
                .paymentPages(new ProviderIdsSeen(pages, new InMemoryPayPalAgreements(secrets)))
                .payPalAgreements(new ProviderIdsSeen(pages, new InMemoryPayPalAgreements(secrets))).build();
        ann = engine.logInAsGuest().logInAsGuest(1, "a").get().user().id();
        bob = engine.logInAsGuest().logInAsGuest(1, "b").get().user().id();
    }

    /** The in-memory providers, noting each payment-method id they give. */
    private final class ProviderIdsSeen implements PaymentPages, PayPalAgreements {
        private final PaymentPages pageProvider;
        private final PayPalAgreements payPalProvider;

        ProviderIdsSeen(PaymentPages pageProvider, PayPalAgreements payPalProvider) {
            this.pageProvider = pageProvider;
            this.payPalProvider = payPalProvider;
        }

        @Override
        public Either<ProviderUnavailable, PageSignature> sign(PageRequest request) {
            return pageProvider.sign(request);
        }

        @Override
        public Either<ProviderUnavailable, Option<PageMethod>> created(long tenantId, String paymentMethodId) {
            return pageProvider.created(tenantId, paymentMethodId);
        }

        @Override
        public Option<Redeemed> redeem(long tenantId, String pageId, String token, String signature, Instant now) {
            return pageProvider.redeem(tenantId, pageId, token, signature, now)
                    .peek(redeemed -> providerIds.add(redeemed.paymentMethodId()));
        }

        @Override
        public Either<ProviderUnavailable, AgreementStart> start(AgreementRequest request) {
            return payPalProvider.start(request).peek(started -> providerIds.add(started.paymentMethodId()));
        }

        @Override
        public Either<ProviderUnavailable, Option<Agreement>> complete(long tenantId, String token,
                String payerEmail, Instant now) {
            return payPalProvider.complete(tenantId, token, payerEmail, now);
        }
    }

    private static <T> T right(Either<PaymentFailure, T> result) {
        return result.getOrElseThrow(f -> new AssertionError(f.code() + ": " + f.message()));
    }

    private static PaymentFailure left(Either<PaymentFailure, ?> result) {
        assertThat(result.isLeft()).as("refused: %s", result).isTrue();
        return result.getLeft();
    }

    private SignedPage signCard(long user) {
        return right(engine.signPaymentPage().sign(1, user, "1", null));
    }

    private Either<PaymentFailure, PaymentMethod> submitCard(SignedPage s, CardInput card) {
        return engine.submitPaymentPage().submit(new Submission(1, s.pageId(), s.token(), s.signature(), card, NO_SEPA,
                NO_ACH));
    }

    private PaymentMethod cardOf(long user) {
        return right(submitCard(signCard(user), VISA));
    }

    private BillingAccount accountIn(long user, String country) {
        AccountDetails details = new AccountDetails(false, null, "Ann", "Example", "Hauptstr. 1", "10115", "Berlin",
                null, country, "ann@example.com", null, null, false, null, null, null, null, null, null, null, null,
                null, null, "EUR");
        BillingAccount account = new BillingAccount("acc-" + user, 1, user, "A0000000" + user, CurrencyUnit.EUR,
                details, null, START, START);
        billing.saveAccount(account);
        links.link(new AccountRef(1, user, account.id()));
        return account;
    }

    @Nested
    class Available {
        @Test
        void offers_the_options_of_the_country_and_those_of_every_country() {
            assertThat(right(engine.showPaymentOptions().available(1, "DE"))).extracting(PaymentOption::id)
                    .containsExactly(1L, 2L, 3L, 4L);
            assertThat(right(engine.showPaymentOptions().available(1, "us"))).extracting(PaymentOption::id)
                    .containsExactly(1L, 3L, 5L);
        }

        @Test
        void offers_every_option_without_a_country() {
            assertThat(right(engine.showPaymentOptions().available(1, null))).hasSize(5);
            assertThat(right(engine.showPaymentOptions().available(1, " "))).hasSize(5);
        }

        @Test
        void refuses_a_country_that_is_no_iso_code() {
            assertThat(left(engine.showPaymentOptions().available(1, "DEU")))
                    .isEqualTo(new PaymentFailure.CountryInvalid("DEU"));
            assertThat(left(engine.showPaymentOptions().available(1, "XX")).field()).isEqualTo("country");
        }
    }

    @Nested
    class Hosted_page {
        @Test
        void signs_the_card_page_in_the_tenants_language_for_30_minutes() {
            SignedPage s = signCard(ann);

            assertThat(s.pageId()).isEqualTo("card-acme");
            assertThat(s.locale()).isEqualTo("de");
            assertThat(s.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
            assertThat(s.tenant()).isEqualTo("1");
            assertThat(s.token()).isNotBlank();
            assertThat(s.signature()).isNotBlank();
        }

        @Test
        void signs_in_the_locale_asked_and_refuses_one_that_is_no_locale() {
            assertThat(right(engine.signPaymentPage().sign(1, ann, "2", "en_US")).pageId()).isEqualTo("sepa-acme");
            assertThat(left(engine.signPaymentPage().sign(1, ann, "1", "en\"><script>")).code())
                    .isEqualTo("locale_invalid");
        }

        @Test
        void refuses_to_sign_a_paypal_or_bank_transfer_option_or_an_unknown_one() {
            assertThat(left(engine.signPaymentPage().sign(1, ann, "3", null)).code())
                    .isEqualTo("payment_option_unsuitable");
            assertThat(left(engine.signPaymentPage().sign(1, ann, "4", null)).message())
                    .isEqualTo("paymentMethodId: payment method 4 is BankTransfer; only CreditCard, SEPA and ACH "
                            + "details are typed into a hosted payment page");
            assertThat(left(engine.signPaymentPage().sign(1, ann, "99", null)))
                    .isEqualTo(new PaymentFailure.PaymentOptionNotFound("99"));
            assertThat(left(engine.signPaymentPage().sign(1, ann, "card", null)).code())
                    .isEqualTo("payment_option_not_found");
        }

        @Test
        void stores_an_active_card_of_the_signer_under_the_providers_id_with_masked_data_only() {
            PaymentMethod card = right(submitCard(signCard(ann), VISA));

            assertThat(card.userId()).isEqualTo(ann);
            assertThat(card.type()).isEqualTo("CreditCard");
            assertThat(card.status()).isEqualTo(PaymentMethod.Status.ACTIVE);
            assertThat(card.id()).matches("[0-9a-f]{32}");
            assertThat(providerIds).containsExactly(card.id());
            assertThat(card.data()).containsEntry("credit_card_mask_number", "************1111")
                    .containsEntry("credit_card_type", "Visa");
            assertThat(methods.all()).hasSize(1).allSatisfy(m -> assertThat(m.data().toString())
                    .doesNotContain("4111111111111111").doesNotContain("4111 1111").doesNotContain("123"));
        }

        @Test
        void takes_a_token_once() {
            SignedPage s = signCard(ann);
            right(submitCard(s, VISA));

            assertThat(left(submitCard(s, VISA))).isEqualTo(new PaymentFailure.PageTokenInvalid());
            assertThat(methods.all()).hasSize(1);
        }

        @Test
        void refuses_a_token_after_30_minutes() {
            SignedPage s = signCard(ann);
            clock.advance(Duration.ofMinutes(30));

            assertThat(left(submitCard(s, VISA)).code()).isEqualTo("payment_page_token_invalid");
        }

        @Test
        void refuses_bad_details_and_leaves_the_token_usable() {
            SignedPage s = signCard(ann);

            PaymentFailure bad = left(submitCard(s, new CardInput("4111111111111112", "Ann", 1, 2026, "12")));

            assertThat(bad).isEqualTo(new PaymentFailure.PaymentDataInvalid(java.util.List.of(
                    new FieldProblem("credit_card_number", "is not a card number (its check digit is wrong)"),
                    new FieldProblem("credit_card_expiration_month", "the card has expired"),
                    new FieldProblem("credit_card_security_code", "must be 3 or 4 digits"))));
            assertThat(right(submitCard(s, VISA)).userId()).isEqualTo(ann);
        }

        @Test
        void refuses_card_fields_on_a_sepa_page() {
            SignedPage s = right(engine.signPaymentPage().sign(1, ann, "2", null));

            PaymentFailure refused = left(engine.submitPaymentPage().submit(new Submission(1, "sepa-acme", s.token(),
                    s.signature(), new CardInput("4111111111111111", null, null, null, null),
                    new SepaInput("DE89370400440532013000", "Ann"), NO_ACH)));

            assertThat(refused).isEqualTo(new PaymentFailure.PaymentDataInvalid(java.util.List.of(
                    new FieldProblem("credit_card_number", "is not a field of a SEPA payment page"))));
        }

        @Test
        void stores_a_sepa_mandate_with_the_masked_iban() {
            SignedPage s = right(engine.signPaymentPage().sign(1, ann, "2", null));

            PaymentMethod sepa = right(engine.submitPaymentPage().submit(new Submission(1, "sepa-acme", s.token(),
                    s.signature(), new CardInput(null, null, null, null, null),
                    new SepaInput("DE89 3704 0044 0532 0130 00", "Ann Example"), NO_ACH)));

            assertThat(sepa.type()).isEqualTo("SEPA");
            assertThat(sepa.data()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "bank_transfer_account_number_mask", "DE89**************3000",
                    "bank_transfer_account_name", "Ann Example"));
        }

        @Test
        void knows_no_page_the_tenant_does_not_use_and_no_token_of_another_page() {
            SignedPage s = signCard(ann);

            assertThat(left(engine.submitPaymentPage().submit(new Submission(1, "card-other", s.token(),
                    s.signature(), VISA, NO_SEPA, NO_ACH)))).isEqualTo(new PaymentFailure.PaymentPageNotFound(
                            "card-other"));
            assertThat(left(engine.submitPaymentPage().submit(new Submission(2, "card-other", s.token(),
                    s.signature(), VISA, NO_SEPA, NO_ACH))).code()).isEqualTo("payment_page_token_invalid");
        }

        @Test
        void answers_a_provider_that_cannot_be_reached_as_such() {
            pages.unavailable();

            assertThat(left(engine.signPaymentPage().sign(1, ann, "1", null)).code())
                    .isEqualTo("payment_provider_unavailable");
        }
    }

    @Nested
    class Show {
        @Test
        void shows_the_callers_own_method() {
            PaymentMethod card = cardOf(ann);

            assertThat(right(engine.showPaymentMethod().paymentMethod(1, ann, card.id()))).isEqualTo(card);
        }

        @Test
        void does_not_find_another_users_method_another_tenants_or_an_unknown_one() {
            PaymentMethod card = cardOf(ann);

            assertThat(left(engine.showPaymentMethod().paymentMethod(1, bob, card.id())))
                    .isEqualTo(new PaymentFailure.PaymentMethodNotFound("paymentMethodId", card.id()));
            assertThat(left(engine.showPaymentMethod().paymentMethod(2, ann, card.id())).code())
                    .isEqualTo("payment_method_not_found");
            assertThat(left(engine.showPaymentMethod().paymentMethod(1, ann, "nope")).code())
                    .isEqualTo("payment_method_not_found");
        }
    }

    @Nested
    class PayPal {
        @Test
        void stores_a_pending_method_under_the_providers_id_and_activates_it_once_approved() {
            PayPalStarted started = right(engine.startPayPal().start(1, ann, "3"));

            assertThat(methods.paymentMethod(1, started.paymentMethodId()).get().status())
                    .isEqualTo(PaymentMethod.Status.PENDING);
            assertThat(started.approvalUrl()).isEqualTo("/payment-provider/paypal/approve?token=" + started.token());
            assertThat(providerIds).containsExactly(started.paymentMethodId());

            PaymentMethod active = right(engine.approvePayPal().approve(1, started.token(), "Ann@PayPal.example"));

            assertThat(active.id()).isEqualTo(started.paymentMethodId());
            assertThat(active.userId()).isEqualTo(ann);
            assertThat(active.status()).isEqualTo(PaymentMethod.Status.ACTIVE);
            assertThat(active.data()).containsEntry("paypal_email", "ann@paypal.example")
                    .hasEntrySatisfying("paypal_baid", baid -> assertThat(baid).startsWith("B-"));
            assertThat(methods.paymentMethod(1, active.id()).toJavaOptional()).contains(active);
        }

        @Test
        void refuses_a_replayed_approval() {
            PayPalStarted started = right(engine.startPayPal().start(1, ann, "3"));
            right(engine.approvePayPal().approve(1, started.token(), null));

            assertThat(left(engine.approvePayPal().approve(1, started.token(), null)))
                    .isEqualTo(new PaymentFailure.PayPalTokenInvalid());
        }

        @Test
        void starts_only_for_a_paypal_option() {
            assertThat(left(engine.startPayPal().start(1, ann, "1")).message())
                    .isEqualTo("paymentMethodId: payment method 1 is CreditCard; PayPal is started only for a PayPal "
                            + "payment method");
        }

        @Test
        void refuses_a_payer_email_that_is_none() {
            PayPalStarted started = right(engine.startPayPal().start(1, ann, "3"));

            assertThat(left(engine.approvePayPal().approve(1, started.token(), "ann-at-example")))
                    .isEqualTo(new PaymentFailure.PaymentDataInvalid(java.util.List.of(
                            new FieldProblem("payer_email", "not an email address (name@domain)"))));
            assertThat(right(engine.approvePayPal().approve(1, started.token(), null)).status())
                    .isEqualTo(PaymentMethod.Status.ACTIVE);
        }
    }

    /** PayPal's method is the PayPal provider's: the billing system registers it when it is first used. */
    @Nested
    class PayPal_with_the_billing_system {
        @Test
        void is_registered_once_when_it_becomes_the_accounts_default_and_read_back_under_its_own_id() {
            accountIn(ann, "DE");
            PayPalStarted started = right(engine.startPayPal().start(1, ann, "3"));
            PaymentMethod approved = right(engine.approvePayPal().approve(1, started.token(), "ann@paypal.example"));
            assertThat(approved.billingId()).as("not registered before it is used").isNull();

            PaymentMethod chosen = right(engine.changeAccountPaymentMethod().change(new Change(1, ann, approved.id(),
                    "PayPal", Map.of())));

            String billingId = billing.accountOfUser(1, ann).get().paymentMethodId();
            assertThat(chosen.id()).isEqualTo(approved.id());
            assertThat(billingId).as("the billing system's own id for the agreement").isNotEqualTo(approved.id());
            assertThat(methods.paymentMethod(1, approved.id()).get().billingId()).isEqualTo(billingId);
            PaymentMethod read = right(engine.showAccountPaymentMethod().accountPaymentMethod(1, ann));
            assertThat(read.id()).isEqualTo(approved.id());
            assertThat(read.data()).containsEntry("paypal_email", "ann@paypal.example");

            right(engine.changeAccountPaymentMethod().change(new Change(1, ann, approved.id(), "PayPal", Map.of())));
            assertThat(billing.accountOfUser(1, ann).get().paymentMethodId()).as("registered once").isEqualTo(billingId);
            assertThat(left(engine.showAccountPaymentMethod().accountPaymentMethod(1, bob)).code())
                    .isEqualTo("account_not_found");
        }
    }

    /** A provider whose page posts to itself (Zuora): the shop gets the new method's id, the engine asks for it. */
    @Nested
    class Created_by_the_providers_page {
        static final String ID = "2c92c0f9" + "6d5a4b3c2d1e0f9a8b7c6d5e";

        void pageCreatesACard() {
            pages.pageCreated(new PaymentPages.PageMethod(ID, com.subscriptionsuite.domain.payment.PaymentType.CREDIT_CARD,
                    Map.of("credit_card_mask_number", "************1111", "credit_card_type", "Visa")));
        }

        @Test
        void is_stored_as_the_first_users_who_uses_its_id_and_is_nobody_elses() {
            pageCreatesACard();

            PaymentMethod claimed = right(engine.showPaymentMethod().paymentMethod(1, ann, ID));

            assertThat(claimed.userId()).isEqualTo(ann);
            assertThat(claimed.type()).isEqualTo("CreditCard");
            assertThat(claimed.status()).isEqualTo(PaymentMethod.Status.ACTIVE);
            assertThat(claimed.data()).containsEntry("credit_card_mask_number", "************1111");
            assertThat(methods.paymentMethod(1, ID)).contains(claimed);
            assertThat(left(engine.showPaymentMethod().paymentMethod(1, bob, ID)))
                    .isEqualTo(new PaymentFailure.PaymentMethodNotFound("paymentMethodId", ID));
            assertThat(right(engine.showPaymentMethod().paymentMethod(1, ann, ID))).isEqualTo(claimed);
        }

        @Test
        void becomes_the_accounts_default_when_the_customer_names_its_id() {
            accountIn(ann, "DE");
            pageCreatesACard();

            assertThat(right(engine.changeAccountPaymentMethod().change(new Change(1, ann, ID, "CreditCard",
                    Map.of()))).id()).isEqualTo(ID);

            assertThat(billing.accountOfUser(1, ann).get().paymentMethodId()).isEqualTo(ID);
        }

        @Test
        void an_id_the_provider_does_not_know_is_not_found_and_an_unreachable_provider_is_said() {
            assertThat(left(engine.showPaymentMethod().paymentMethod(1, ann, ID)).code())
                    .isEqualTo("payment_method_not_found");
            assertThat(methods.paymentMethod(1, ID)).isEmpty();

            pages.unavailable();
            assertThat(left(engine.showPaymentMethod().paymentMethod(1, ann, ID)).code())
                    .isEqualTo("payment_provider_unavailable");
        }
    }

    @Nested
    class Account {
        @Test
        void has_no_payment_method_without_an_account_or_before_one_is_set() {
            assertThat(left(engine.showAccountPaymentMethod().accountPaymentMethod(1, ann)))
                    .isEqualTo(new PaymentFailure.AccountNotFound());
            accountIn(ann, "DE");
            assertThat(left(engine.showAccountPaymentMethod().accountPaymentMethod(1, ann)))
                    .isEqualTo(new PaymentFailure.PaymentMethodNotSet());
        }

        @Test
        void makes_an_active_card_of_the_caller_the_accounts_default() {
            accountIn(ann, "DE");
            PaymentMethod card = cardOf(ann);
            clock.advance(Duration.ofMinutes(5));

            assertThat(right(engine.changeAccountPaymentMethod().change(new Change(1, ann, card.id(), "CreditCard",
                    Map.of("credit_card_mask_number", "ignored"))))).isEqualTo(card);

            BillingAccount account = billing.accountOfUser(1, ann).get();
            assertThat(account.paymentMethodId()).isEqualTo(card.id());
            assertThat(account.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
            assertThat(right(engine.showAccountPaymentMethod().accountPaymentMethod(1, ann))).isEqualTo(card);
        }

        @Test
        void creates_a_bank_transfer_from_the_body() {
            accountIn(ann, "AT");

            PaymentMethod transfer = right(engine.changeAccountPaymentMethod().change(new Change(1, ann, null,
                    "BankTransfer", Map.of("bank_transfer_account_name", "Ann Example"))));

            assertThat(transfer.data()).containsExactly(Map.entry("bank_transfer_account_name", "Ann Example"));
            assertThat(billing.accountOfUser(1, ann).get().paymentMethodId()).isEqualTo(transfer.id());
            assertThat(methods.paymentMethod(1, transfer.id()).toJavaOptional()).contains(transfer);
        }

        @Test
        void refuses_another_users_method_and_an_unknown_one_as_not_found() {
            accountIn(ann, "DE");
            PaymentMethod bobs = cardOf(bob);

            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, bobs.id(), "CreditCard",
                    Map.of())))).isEqualTo(new PaymentFailure.PaymentMethodNotFound("id", bobs.id()));
            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, "nope", "CreditCard",
                    Map.of()))).code()).isEqualTo("payment_method_not_found");
            assertThat(billing.accountOfUser(1, ann).get().paymentMethodId()).isNull();
        }

        @Test
        void refuses_a_pending_paypal_method() {
            accountIn(ann, "DE");
            PayPalStarted started = right(engine.startPayPal().start(1, ann, "3"));

            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, started.paymentMethodId(),
                    "PayPal", Map.of())))).isEqualTo(new PaymentFailure.PaymentMethodPending(started.paymentMethodId()));
        }

        @Test
        void refuses_a_type_the_shop_does_not_offer_in_the_accounts_country() {
            accountIn(ann, "US");
            PaymentMethod sepa = right(engine.submitPaymentPage().submit(sepaSubmission(ann)));

            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, sepa.id(), "SEPA",
                    Map.of())))).isEqualTo(new PaymentFailure.PaymentMethodNotOffered("SEPA", "US"));
            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, null, "BankTransfer",
                    Map.of())))).isEqualTo(new PaymentFailure.PaymentMethodNotOffered("BankTransfer", "US"));
            assertThat(methods.all()).hasSize(1);
        }

        @Test
        void refuses_a_type_other_than_the_methods_an_unknown_type_and_a_card_without_id() {
            accountIn(ann, "DE");
            PaymentMethod card = cardOf(ann);

            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, card.id(), "SEPA",
                    Map.of())))).isEqualTo(new PaymentFailure.PaymentMethodTypeMismatch(card.id(), "CreditCard", "SEPA"));
            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, card.id(), "Cash",
                    Map.of())))).isEqualTo(new PaymentFailure.PaymentTypeUnknown("Cash"));
            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, "", "CreditCard",
                    Map.of())))).isEqualTo(new PaymentFailure.PaymentMethodIdRequired("CreditCard"));
        }

        @Test
        void refuses_an_unmasked_account_number_for_a_bank_transfer() {
            accountIn(ann, "DE");

            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, null, "BankTransfer",
                    Map.of("bank_transfer_account_number_mask", "DE89370400440532013000")))).field())
                    .isEqualTo("data.bank_transfer_account_number_mask");
            assertThat(methods.all()).isEmpty();
        }

        @Test
        void refuses_a_change_without_an_account() {
            PaymentMethod card = cardOf(ann);

            assertThat(left(engine.changeAccountPaymentMethod().change(new Change(1, ann, card.id(), "CreditCard",
                    Map.of())))).isEqualTo(new PaymentFailure.AccountNotFound());
        }

        private Submission sepaSubmission(long user) {
            SignedPage s = right(engine.signPaymentPage().sign(1, user, "2", null));
            return new Submission(1, "sepa-acme", s.token(), s.signature(), new CardInput(null, null, null, null, null),
                    new SepaInput("DE89370400440532013000", "Ann"), NO_ACH);
        }
    }
}
