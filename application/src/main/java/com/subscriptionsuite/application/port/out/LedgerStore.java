package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.billing.Amendment;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.Subscription;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The billing system: accounts, subscriptions with their charge segments, invoices and their
 * documents, and amendments, per tenant. The built-in adapter is a ledger in the engine's own
 * database; a Zuora adapter puts Zuora behind the same port. Writes join the running unit of work
 * ({@link Transactions}), so a checkout or a change is booked whole or not at all.
 * <p>
 * The application decides and prices; the port books what it is given and reads it back. Every
 * read is scoped by tenant; ownership (which user's account) is the caller's check. One customer's
 * checkouts and changes are serialised by {@link CustomerLocks}, the engine's own lock, taken before
 * the account is read; the ledger's own commands and its bill run on one account are serialised by
 * the account's row lock ({@link #lockAccount}), and a command repeated with its request key finds
 * what the first answered ({@link #requestResult}, {@link #recordRequest}).
 */
public interface LedgerStore {
    /** The user's billing account, if the user has one. */
    Option<BillingAccount> accountOfUser(long tenantId, long userId);

    /** The account with this id in the tenant (whoever owns it); the bill run reaches accounts this way. */
    Option<BillingAccount> account(long tenantId, String accountId);

    /**
     * The account with this id in the tenant, its row locked until the running unit of work ends: a
     * second unit locking the same account waits until the first commits or rolls back (on every
     * connection and server instance), and then reads what it committed. The ledger's own lock that
     * serialises its commands and its bill run on one account; outside a unit it ends with the call.
     * None (and nothing locked) when the tenant has no such account.
     */
    Option<BillingAccount> lockAccount(long tenantId, String accountId);

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

    /**
     * What the ledger recorded ({@link #recordRequest}) as the answer to the command with this request
     * key in the tenant; none when no command with the key took effect (was committed).
     */
    Option<String> requestResult(long tenantId, String requestKey);

    /**
     * Records {@code result} (the kind's own text, at most 4000 characters) as the answer to the
     * command of {@code kind} with this request key, at {@code at}. Joins the running unit of work, so
     * the record commits with what the command booked, or neither does. A key recorded already in the
     * tenant (also by a concurrent unit that committed first) is refused with an
     * {@link IllegalStateException} and nothing is written: the caller rolls its unit back and reads
     * {@link #requestResult}. The refusal leaves the running unit usable.
     */
    void recordRequest(long tenantId, String requestKey, String kind, String result, Instant at);

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
