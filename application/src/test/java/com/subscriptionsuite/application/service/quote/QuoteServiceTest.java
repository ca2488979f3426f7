package com.subscriptionsuite.application.service.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryQuoteLinks;
import com.subscriptionsuite.application.fixtures.InMemoryQuotes;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.in.quote.ConfirmQuote;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quote service's order of work with a checkout that books as told: what it claims, when it books,
 * when it marks, and what a repeat does.
 */
class QuoteServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static final long ACME = 1;
    private static final long ANN = 11;
    private static final long BOB = 12;

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryQuotes quotes = new InMemoryQuotes();
    private final InMemoryQuoteLinks links = new InMemoryQuoteLinks(transactions);
    private final CountingSecrets secrets = new CountingSecrets();
    private final List<Operation<Checkout.Subscribed>> bookings = new ArrayList<>();
    private final AtomicReference<Either<CheckoutFailure, Checkout.Subscribed>> answer = new AtomicReference<>(
            Either.right(new Checkout.Subscribed(List.of(new Checkout.NewSubscription("S-1", "A-S1", "u-1", 401)),
                    null, null)));
    private QuoteService service;
    private Checkout checkout;

    @BeforeEach
    void service() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(ACME, "acme"));
        TenantDirectory directory = new TenantDirectory(tenants);
        directory.refresh();
        checkout = (command, operation) -> {
            bookings.add(operation);
            Either<CheckoutFailure, Checkout.Subscribed> result = answer.get();
            result.forEach(s -> transactions.inTransaction(() -> {
                operation.keepAnswer().accept(s);
                return null;
            }));
            return result;
        };
        service = new QuoteService(directory, checkout, quotes, Option.some(quotes), links, transactions,
                secrets, CLOCK);
    }

    private String published() {
        SourceQuote.Contact ann = new SourceQuote.Contact("Ann", "Smith", "Main St 1", null, "Berlin", null, null,
                "10115", "DE", null, "ann@example.com", "+49 30 1", null);
        return service.store(ACME, new SourceQuote("x", "n", "Q-1", "EUR", LocalDate.parse("2025-06-30"), null,
                "12", "", null, SourceQuote.Status.OPEN, "open", ann, ann, List.of(new SourceQuote.RatePlan(
                        "8a8082c45f9f3c1b015fa0a1b2c30201", "NewProduct", List.of(
                                new SourceQuote.Charge("8a8082c45f9f3c1b015fa0a1b2c30301", BigDecimal.ONE, null),
                                new SourceQuote.Charge("8a8082c45f9f3c1b015fa0a1b2c30303", new BigDecimal("3"),
                                        null)))))).get().guid();
    }

    private Either<QuoteFailure, ConfirmQuote.Confirmed> confirm(String guid, long user) {
        return service.confirm(new ConfirmQuote.ConfirmCommand(ACME, user, false, guid), Operation.unkeyed());
    }

    private QuoteSourceFailure.Unavailable down() {
        return new QuoteSourceFailure.Unavailable("timeout");
    }

    @Test
    void books_once_with_a_key_from_the_quote_marks_it_and_answers_a_repeat_from_the_link() {
        String guid = published();

        var first = confirm(guid, ANN);
        var again = confirm(guid, ANN);

        assertThat(first.get()).isEqualTo(new ConfirmQuote.Confirmed(List.of("S-1"), true));
        assertThat(again.get()).isEqualTo(first.get());
        assertThat(bookings).hasSize(1);
        assertThat(bookings.get(0).key().get()).isEqualTo("quote:" + QuoteLinkHash.of(guid));
        assertThat(quotes.marks()).isEqualTo(1);
        assertThat(confirm(guid, BOB).getLeft()).isEqualTo(new QuoteFailure.QuoteAlreadyAccepted());
    }

    @Test
    void writes_the_quote_accepted_event_with_the_booking_once_and_names_no_guid() {
        var events = new com.subscriptionsuite.application.fixtures.InMemoryBusinessEvents(transactions);
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(ACME, "acme"));
        TenantDirectory directory = new TenantDirectory(tenants);
        directory.refresh();
        service = new QuoteService(directory, checkout, quotes, Option.some(quotes), links, transactions, secrets,
                CLOCK, events);
        String guid = published();

        confirm(guid, ANN);
        confirm(guid, ANN);

        assertThat(events.all()).hasSize(1);
        var event = events.all().get(0);
        assertThat(event.type()).isEqualTo(com.subscriptionsuite.application.port.out.events.EventType.QUOTE_ACCEPTED);
        assertThat(event.orderingKey()).isEqualTo("S-1");
        var payload = (com.subscriptionsuite.application.port.out.events.EventPayload.QuoteAccepted) event.payload();
        assertThat(payload.quoteNumber()).isEqualTo("Q-1");
        assertThat(payload.subscriptionIds()).containsExactly("S-1");
        assertThat(payload.quoteLinkHash()).isEqualTo(QuoteLinkHash.of(guid)).isNotEqualTo(guid);
        assertThat(payload.toString()).doesNotContain(guid);
    }

    @Test
    void an_unreachable_source_claims_nothing_and_books_nothing() {
        String guid = published();
        quotes.failWith(down());

        assertThat(confirm(guid, ANN).getLeft()).isEqualTo(new QuoteFailure.SourceFailed(down()));

        assertThat(bookings).isEmpty();
        assertThat(links.find(ACME, QuoteLinkHash.of(guid)).get().claimedBy()).isEmpty();
    }

    @Test
    void a_refused_booking_frees_the_quote_and_an_unanswered_one_keeps_it_for_its_customer() {
        String guid = published();
        answer.set(Either.left(new CheckoutFailure.GuestCheckoutDisabled()));
        assertThat(confirm(guid, ANN).getLeft()).isInstanceOf(QuoteFailure.BookingFailed.class);
        assertThat(links.find(ACME, QuoteLinkHash.of(guid)).get().claimedBy()).isEmpty();

        answer.set(Either.left(new CheckoutFailure.BillingFailed(new BillingFailure.Unavailable("timeout"))));
        assertThat(confirm(guid, ANN).getLeft().code()).isEqualTo("billing_unavailable");
        assertThat(links.find(ACME, QuoteLinkHash.of(guid)).get().claimedBy()).contains(ANN);
        assertThat(confirm(guid, BOB).getLeft()).isEqualTo(new QuoteFailure.QuoteAlreadyAccepted());
    }

    @Test
    void a_mark_that_fails_keeps_the_booking_and_the_job_marks_it_later() {
        String guid = published();
        InMemoryQuotes source = quotes;
        answer.set(Either.right(new Checkout.Subscribed(List.of(new Checkout.NewSubscription("S-9", "A-S9", "u-9",
                401)), null, null)));
        // the source answers the read, then is down for the mark
        Checkout.Subscribed[] seen = new Checkout.Subscribed[1];
        answer.get().forEach(s -> seen[0] = s);
        service = new QuoteService(directoryOf(), (command, operation) -> {
            bookings.add(operation);
            transactions.inTransaction(() -> {
                operation.keepAnswer().accept(seen[0]);
                return null;
            });
            source.failWith(down());
            return Either.right(seen[0]);
        }, source, Option.some(source), links, transactions, secrets, CLOCK);
        String fresh = published();

        var confirmed = confirm(fresh, ANN);

        assertThat(confirmed.get()).isEqualTo(new ConfirmQuote.Confirmed(List.of("S-9"), false));
        assertThat(service.markPending()).isZero();
        source.failWith(null);
        assertThat(service.markPending()).isEqualTo(1);
        assertThat(service.markPending()).isZero();
        assertThat(confirm(fresh, ANN).get()).isEqualTo(new ConfirmQuote.Confirmed(List.of("S-9"), true));
        assertThat(guid).isNotEqualTo(fresh);
    }

    private static TenantDirectory directoryOf() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(ACME, "acme"));
        TenantDirectory directory = new TenantDirectory(tenants);
        directory.refresh();
        return directory;
    }

    @Test
    void a_confirmation_begun_while_the_quote_was_valid_is_finished_after_it_expired_and_a_new_one_is_not() {
        String begun = published();
        String untouched = published();
        answer.set(Either.left(new CheckoutFailure.BillingFailed(new BillingFailure.Unavailable("timeout"))));
        assertThat(confirm(begun, ANN).getLeft().code()).isEqualTo("billing_unavailable");
        answer.set(Either.right(new Checkout.Subscribed(List.of(new Checkout.NewSubscription("S-1", "A-S1", "u-1",
                401)), null, null)));
        service = new QuoteService(directoryOf(), checkout, quotes, Option.some(quotes), links, transactions, secrets,
                Clock.fixed(Instant.parse("2025-07-05T10:00:00Z"), ZoneOffset.UTC));

        assertThat(confirm(begun, ANN).get().subscriptionIds()).containsExactly("S-1");
        assertThat(confirm(untouched, ANN).getLeft()).isEqualTo(new QuoteFailure.QuoteExpired("2025-06-30"));
    }

    @Test
    void an_unknown_link_and_another_tenants_link_are_the_same_failure() {
        String guid = published();

        assertThat(service.show(2, guid).getLeft()).isEqualTo(new QuoteFailure.QuoteNotFound());
        assertThat(service.show(ACME, guid + "x").getLeft()).isEqualTo(new QuoteFailure.QuoteNotFound());
        assertThat(service.confirm(new ConfirmQuote.ConfirmCommand(2, ANN, false, guid), Operation.unkeyed())
                .getLeft()).isEqualTo(new QuoteFailure.QuoteNotFound());
        assertThat(service.show(ACME, guid).get().suiteProductIds()).containsExactly(401L);
    }
}
