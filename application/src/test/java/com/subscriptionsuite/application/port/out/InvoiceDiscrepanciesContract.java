package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.out.billing.InvoiceDiscrepancies;
import com.subscriptionsuite.domain.billing.InvoiceDiscrepancy;
import com.subscriptionsuite.domain.identity.User;
import java.time.Instant;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InvoiceDiscrepancies} store does: keeps a discrepancy in the running unit (gone
 * with a rolled-back one), once per invoice, exact amounts in their currency, counted and listed newest
 * first per tenant, never another tenant's.
 */
public abstract class InvoiceDiscrepanciesContract extends IdentityContract {
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123456Z");

    protected abstract InvoiceDiscrepanciesStores freshDiscrepancyStores();

    private InvoiceDiscrepancies store;
    private Transactions transactions;
    private User ann;
    private User bea;

    @Override
    protected final IdentityStores freshStores() {
        InvoiceDiscrepanciesStores stores = freshDiscrepancyStores();
        store = stores.discrepancies();
        transactions = stores.transactions();
        return stores.identity();
    }

    @BeforeEach
    void customers() {
        ann = customer(ALPHA, "ann@example.com");
        bea = customer(BETA, "bea@example.com");
    }

    private static InvoiceDiscrepancy of(User user, String invoice, String previewed, String invoiced, Instant at) {
        return new InvoiceDiscrepancy(user.tenantId(), user.id(), "k-" + invoice, invoice, "INV-" + invoice,
                Money.parse("EUR " + previewed), Money.parse("EUR " + invoiced), at);
    }

    @Test
    void keeps_a_discrepancy_with_its_exact_amounts_and_lists_the_newest_first() {
        transactions.inTransaction(() -> {
            store.record(of(ann, "i-1", "124.20", "130.20", AT));
            store.record(of(ann, "i-2", "10.00", "9.99", AT.plusSeconds(60)));
            return null;
        });

        assertThat(store.count(ALPHA)).isEqualTo(2);
        assertThat(store.latest(ALPHA, 10)).containsExactly(of(ann, "i-2", "10.00", "9.99", AT.plusSeconds(60)),
                of(ann, "i-1", "124.20", "130.20", AT));
        assertThat(store.latest(ALPHA, 1)).extracting(InvoiceDiscrepancy::invoiceId).containsExactly("i-2");
        assertThat(store.latest(ALPHA, 1).get(0).difference()).isEqualTo(Money.of(CurrencyUnit.EUR,
                new java.math.BigDecimal("-0.01")));
    }

    @Test
    void keeps_an_invoice_once_and_nothing_of_a_unit_that_rolled_back() {
        transactions.inTransaction(() -> {
            store.record(of(ann, "i-1", "1.00", "2.00", AT));
            store.record(of(ann, "i-1", "1.00", "2.00", AT));
            return null;
        });
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            store.record(of(ann, "i-9", "1.00", "2.00", AT));
            throw new IllegalStateException("the checkout's unit fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.latest(ALPHA, 10)).extracting(InvoiceDiscrepancy::invoiceId).containsExactly("i-1");
    }

    @Test
    void a_tenant_sees_only_its_own() {
        transactions.inTransaction(() -> {
            store.record(of(ann, "i-1", "1.00", "2.00", AT));
            store.record(of(bea, "i-2", "3.00", "4.00", AT));
            return null;
        });

        assertThat(store.count(ALPHA)).isEqualTo(1);
        assertThat(store.latest(BETA, 10)).extracting(InvoiceDiscrepancy::invoiceId).containsExactly("i-2");
    }
}
