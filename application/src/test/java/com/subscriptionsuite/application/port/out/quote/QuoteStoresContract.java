package com.subscriptionsuite.application.port.out.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.out.IdentityContract;
import com.subscriptionsuite.application.port.out.IdentityStores;
import com.subscriptionsuite.domain.identity.User;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the built-in quote source ({@link QuoteSource} with {@link StoredQuotes}) and every
 * {@link QuoteLinks} adapter must do: a stored quote reads back as written, in its tenant only; marking
 * it accepted is idempotent and refused for a withdrawn one; a link is found by its hash in its tenant
 * only; one claimant per quote, also when claimed at once; a booking recorded in a unit that rolls back
 * is gone.
 */
public abstract class QuoteStoresContract extends IdentityContract {
    protected abstract QuoteStores freshQuoteStores();

    private QuoteStores quotes;
    private User ann;
    private User bob;

    @Override
    protected final IdentityStores freshStores() {
        quotes = freshQuoteStores();
        return quotes.identity();
    }

    @BeforeEach
    void twoCustomers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
    }

    public static SourceQuote sample() {
        SourceQuote.Contact sold = new SourceQuote.Contact("Ann", "Smith", "Main St 1", "2nd floor", "Berlin", null,
                null, "10115", "DE", null, "ann@example.com", "+49 30 1234", null);
        SourceQuote.Contact bill = new SourceQuote.Contact("Bea", "Payer", "Pay St 9", null, "Hamburg", null, null,
                "20095", "DE", null, "pay@example.com", "+49 40 9876", "+49 40 9877");
        return new SourceQuote("ignored", "Team plan for ACME", "Q-00042", "EUR", LocalDate.parse("2025-06-30"),
                LocalDate.parse("2025-05-15"), "12", "DE123456789", "ACME GmbH", SourceQuote.Status.OPEN, "open",
                bill, sold, List.of(new SourceQuote.RatePlan("prp-1", "NewProduct", List.of(
                        new SourceQuote.Charge("prpc-1", new BigDecimal("5"), new BigDecimal("9.90")),
                        new SourceQuote.Charge("prpc-2", new BigDecimal("1"), null))),
                        new SourceQuote.RatePlan("prp-2", "NewProduct", List.of(
                                new SourceQuote.Charge("prpc-3", new BigDecimal("2.5"), new BigDecimal("0.0001"))))));
    }

    private String store(long tenantId) {
        return quotes.transactions().inTransaction(() -> quotes.stored().add(tenantId, sample()));
    }

    @Test
    void a_stored_quote_reads_back_as_written_with_its_own_id_and_open() {
        String id = store(ALPHA);

        SourceQuote read = quotes.source().quote(ALPHA, id).get();

        SourceQuote expected = sample();
        assertThat(read.sourceId()).isEqualTo(id);
        assertThat(read.status()).isEqualTo(SourceQuote.Status.OPEN);
        assertThat(read).usingRecursiveComparison().ignoringFields("sourceId")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
    }

    @Test
    void a_quote_is_not_found_in_another_tenant_nor_by_an_unknown_or_malformed_id() {
        String id = store(ALPHA);

        assertThat(quotes.source().quote(BETA, id).getLeft()).isInstanceOf(QuoteSourceFailure.NotFound.class);
        assertThat(quotes.source().quote(ALPHA, "999999").getLeft()).isInstanceOf(QuoteSourceFailure.NotFound.class);
        assertThat(quotes.source().quote(ALPHA, "x'; --").getLeft()).isInstanceOf(QuoteSourceFailure.NotFound.class);
        assertThat(quotes.source().markAccepted(BETA, id, LocalDate.parse("2025-05-02")).getLeft())
                .isInstanceOf(QuoteSourceFailure.NotFound.class);
    }

    @Test
    void marking_accepted_is_idempotent() {
        String id = store(ALPHA);

        assertThat(quotes.source().markAccepted(ALPHA, id, LocalDate.parse("2025-05-02")).isRight()).isTrue();
        assertThat(quotes.source().markAccepted(ALPHA, id, LocalDate.parse("2025-05-03")).isRight()).isTrue();

        assertThat(quotes.source().quote(ALPHA, id).get().status()).isEqualTo(SourceQuote.Status.ACCEPTED);
    }

    @Test
    void a_link_is_found_by_its_hash_in_its_tenant_only() {
        quotes.transactions().inTransaction(() -> {
            quotes.links().add(QuoteLinks.QuoteLink.fresh(ALPHA, "a".repeat(64), "17", T0));
            return null;
        });

        QuoteLinks.QuoteLink link = quotes.links().find(ALPHA, "a".repeat(64)).get();
        assertThat(link.sourceId()).isEqualTo("17");
        assertThat(link.claimedBy()).isEmpty();
        assertThat(link.booked()).isFalse();
        assertThat(quotes.links().find(BETA, "a".repeat(64))).isEmpty();
        assertThat(quotes.links().find(ALPHA, "b".repeat(64))).isEmpty();
    }

    @Test
    void the_first_claimant_keeps_the_quote_until_it_releases_it_unbooked() {
        link("c");

        assertThat(quotes.links().claim(ALPHA, "c".repeat(64), ann.id(), T0)).isEqualTo(ann.id());
        assertThat(quotes.links().claim(ALPHA, "c".repeat(64), bob.id(), T0)).isEqualTo(ann.id());
        assertThat(quotes.links().claim(ALPHA, "c".repeat(64), ann.id(), T0)).isEqualTo(ann.id());

        quotes.links().release(ALPHA, "c".repeat(64), bob.id());
        assertThat(quotes.links().find(ALPHA, "c".repeat(64)).get().claimedBy()).contains(ann.id());
        quotes.links().release(ALPHA, "c".repeat(64), ann.id());
        assertThat(quotes.links().claim(ALPHA, "c".repeat(64), bob.id(), T0)).isEqualTo(bob.id());
    }

    @Test
    void claims_at_once_get_one_claimant() throws Exception {
        link("d");
        List<Callable<Long>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long user = i % 2 == 0 ? ann.id() : bob.id();
            claims.add(() -> quotes.links().claim(ALPHA, "d".repeat(64), user, T0));
        }

        List<Long> claimants = atOnce(claims);

        assertThat(claimants).containsOnly(claimants.get(0));
    }

    @Test
    void a_booking_is_recorded_with_the_unit_that_commits_it_and_then_awaits_its_mark() {
        link("e");
        quotes.links().claim(ALPHA, "e".repeat(64), ann.id(), T0);

        assertThatThrownBy(() -> quotes.transactions().inTransaction(() -> {
            quotes.links().booked(ALPHA, "e".repeat(64), ann.id(), List.of("S-1"), T0);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(quotes.links().find(ALPHA, "e".repeat(64)).get().booked()).isFalse();

        quotes.transactions().inTransaction(() -> {
            quotes.links().booked(ALPHA, "e".repeat(64), ann.id(), List.of("S-1", "S-2"), T0);
            return null;
        });
        QuoteLinks.QuoteLink booked = quotes.links().find(ALPHA, "e".repeat(64)).get();
        assertThat(booked.subscriptionIds()).containsExactly("S-1", "S-2");
        assertThat(quotes.links().bookedUnmarked(10)).extracting(QuoteLinks.QuoteLink::guidHash)
                .containsExactly("e".repeat(64));
        quotes.links().release(ALPHA, "e".repeat(64), ann.id());
        assertThat(quotes.links().find(ALPHA, "e".repeat(64)).get().claimedBy()).as("a booked claim stays")
                .contains(ann.id());

        quotes.links().marked(ALPHA, "e".repeat(64), T0.plusSeconds(5));
        assertThat(quotes.links().bookedUnmarked(10)).isEmpty();
        assertThat(quotes.links().find(ALPHA, "e".repeat(64)).get().markedAt()).contains(T0.plusSeconds(5));
    }

    @Test
    void a_booking_of_a_customer_who_does_not_hold_the_claim_is_refused() {
        link("f");
        quotes.links().claim(ALPHA, "f".repeat(64), ann.id(), T0);

        assertThatThrownBy(() -> quotes.transactions().inTransaction(() -> {
            quotes.links().booked(ALPHA, "f".repeat(64), bob.id(), List.of("S-1"), T0);
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    private void link(String c) {
        quotes.transactions().inTransaction(() -> {
            quotes.links().add(QuoteLinks.QuoteLink.fresh(ALPHA, c.repeat(64), "1", T0));
            return null;
        });
    }
}
