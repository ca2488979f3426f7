package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.billing.Amendment;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.Subscription;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.List;

/**
 * The billing system: accounts, subscriptions with their charge segments, invoices and their
 * documents, and amendments, per tenant. The built-in adapter is a ledger in the engine's own
 * database; a Zuora adapter puts Zuora behind the same port. Writes join the running unit of work
 * ({@link Transactions}), so a checkout or a change is booked whole or not at all.
 * <p>
 * The application decides and prices; the port books what it is given and reads it back. Every
 * read is scoped by tenant; ownership (which user's account) is the caller's check. The port locks
 * nothing: one customer's checkouts and changes are serialised by {@link CustomerLocks}, the
 * engine's own lock, taken before the account is read.
 */
public interface LedgerStore {
    /** The user's billing account, if the user has one. */
    Option<BillingAccount> accountOfUser(long tenantId, long userId);

    /** The account with this id in the tenant (whoever owns it); the bill run reaches accounts this way. */
    Option<BillingAccount> account(long tenantId, String accountId);

    /** Creates the account, or updates it (by id): details, default payment method, updated time. */
    void saveAccount(BillingAccount account);

    /** The account's subscriptions, oldest first. */
    List<Subscription> subscriptions(long tenantId, String accountId);

    /** The subscription with this uuid in the tenant (whoever owns it). */
    Option<Subscription> subscription(long tenantId, String uuid);

    /**
     * Creates the subscription, or replaces it (by id) with a newer version: its charge segments are
     * replaced by the given ones. Refuses (throws {@link IllegalStateException}) a replacement whose
     * version is not exactly one more than the stored one, or equal for a billing-only update
     * ({@link Subscription#chargedThrough}): a lost update is a bug, never silent.
     */
    void saveSubscription(Subscription subscription);

    /**
     * Subscriptions of the tenant that have a billing period starting on or before {@code day} not
     * yet invoiced: charged through {@code day} or earlier, and not cancelled by then.
     */
    List<Subscription> dueForBilling(long tenantId, LocalDate day);

    void addInvoice(Invoice invoice);

    /** The account's invoices, newest first (by invoice date, then number). */
    List<Invoice> invoices(long tenantId, String accountId);

    Option<Invoice> invoice(long tenantId, String invoiceId);

    /** The invoice's document (a PDF), if the tenant has that invoice. */
    Option<InvoiceDocument> invoiceDocument(long tenantId, String invoiceId);

    void addAmendment(Amendment amendment);

    /** The subscription's amendments, oldest first. */
    List<Amendment> amendments(long tenantId, String subscriptionId);

    /**
     * The next number of a kind for the tenant: {@code A00000001} for accounts, {@code S00000001}
     * for subscriptions, {@code INV00000001} for invoices, {@code C-00000001} for charges. A number
     * is never given twice within a tenant and kind, and later numbers are greater; the series may
     * have gaps (numbers taken in a unit of work that rolls back are skipped, like Zuora's, and an
     * implementation may share one series among the tenants of one database). Taken inside the
     * running unit of work without holding a second connection or a lock until the unit ends.
     */
    String nextNumber(long tenantId, NumberKind kind);

    /** A new unique id for an account, subscription, charge, invoice or amendment. */
    String newId();

    /** What the ledger recorded for a request key (the ids its command created), if it saw the key. */
    default Option<String> requestResult(long tenantId, String requestKey) {
        throw new UnsupportedOperationException("TODO(issue 12)");
    }

    /**
     * Records what the command of {@code requestKey} created; joins the running unit. A key recorded
     * already throws {@link IllegalStateException} (the caller rolls back and reads the first result).
     */
    default void recordRequest(long tenantId, String requestKey, String kind, String result, java.time.Instant at) {
        throw new UnsupportedOperationException("TODO(issue 12)");
    }

    /** The account, locked for the rest of the running unit (the ledger's own row lock). */
    default Option<BillingAccount> lockAccount(long tenantId, String accountId) {
        throw new UnsupportedOperationException("TODO(issue 12)");
    }

    enum NumberKind {
        ACCOUNT("A", 8),
        SUBSCRIPTION("S", 8),
        INVOICE("INV", 8),
        CHARGE("C-", 8);

        private final String prefix;
        private final int digits;

        NumberKind(String prefix, int digits) {
            this.prefix = prefix;
            this.digits = digits;
        }

        /** The n-th number of this kind, e.g. {@code INV00000042}. */
        public String format(long n) {
            return prefix + String.format("%0" + digits + "d", n);
        }
    }

    /** An invoice as a document: the bytes, their media type and a file name. */
    record InvoiceDocument(String invoiceNumber, String mediaType, String fileName, byte[] content) {
        public InvoiceDocument {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
