package com.subscriptionsuite.application.port.out.billing;

import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.tax.TaxDecision;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * The billing system behind the engine, in business commands and reads: the built-in ledger
 * ({@code BuiltInLedger}) or Zuora. It owns accounts, subscriptions, invoices and their numbers:
 * every id and number comes back from it. The engine keeps what only it can keep (the customer's
 * lock, the link from a customer to the account, idempotency records, voucher holds and redemptions)
 * in its own database and never calls the gateway inside a unit of work.
 * <p>
 * <strong>Every call can fail</strong> ({@link BillingFailure}); nothing here throws for a failure of
 * the billing system. <strong>Every command carries a {@link RequestKey}</strong>: a command repeated
 * with the key of one that took effect changes nothing more and answers what the first booked, by the
 * same ids and numbers, whatever the billing system did in between (a subscription's or an
 * amendment's answer is the first one's; an account command answers that account as it is now). <strong>Money is previewed by the engine</strong>
 * ({@code CartPricing}, {@code ChangeQuote}); a command carries what was previewed, and an
 * implementation books exactly that or refuses it ({@link BillingFailure.Rejected}).
 * <p>
 * Reads are scoped by the account the engine linked to the customer; a subscription or invoice of
 * another account is {@link BillingFailure.NotFound}.
 */
public interface BillingGateway {
    /** Ids of charge segments a command asks the billing system to create (it gives them their ids). */
    String UNASSIGNED = "unassigned";

    // ---- reads --------------------------------------------------------------------------------

    /** The account with its contacts and default payment method. */
    Either<BillingFailure, BillingAccount> account(AccountRef account);

    /** The account's subscriptions with their charge segments, oldest first. */
    Either<BillingFailure, List<Subscription>> subscriptions(AccountRef account);

    /** The account's invoices, newest first (by invoice date, then number). */
    Either<BillingFailure, List<Invoice>> invoices(AccountRef account);

    /**
     * One invoice of the account, {@link BillingFailure.NotFound} when the account has no such invoice.
     * By default read through {@link #invoices}; an implementation that can read one invoice by its id
     * does (the checkout reads back only its order's invoice: docs/benchmarks.md section 4).
     */
    default Either<BillingFailure, Invoice> invoice(AccountRef account, String invoiceId) {
        return invoices(account).flatMap(all -> io.vavr.control.Option.ofOptional(all.stream()
                        .filter(i -> i.id().equals(invoiceId)).findFirst())
                .toEither(() -> new BillingFailure.NotFound("invoice " + invoiceId)));
    }

    /** One invoice of the account as a document (a PDF). */
    Either<BillingFailure, InvoiceDocument> invoiceDocument(AccountRef account, String invoiceId);

    /**
     * The amendment booked with {@code key}, if the billing system booked one with it: how a repeated
     * change learns that its first attempt took effect (its re-decision would now refuse the change).
     */
    Either<BillingFailure, io.vavr.control.Option<Amended>> amendment(AccountRef account, RequestKey key);

    // ---- commands -----------------------------------------------------------------------------

    /** Creates the customer's account (bill-to and sold-to from {@code details}). */
    Either<BillingFailure, BillingAccount> openAccount(RequestKey key, OpenAccount command);

    /** Replaces the account's contact details (its currency stays). */
    Either<BillingFailure, BillingAccount> updateAccount(RequestKey key, AccountRef account, AccountDetails details);

    /** Makes {@code paymentMethodId} (one the billing system gave, {@link #addPaymentMethod}) the account's default. */
    Either<BillingFailure, BillingAccount> setDefaultPaymentMethod(RequestKey key, AccountRef account,
            String paymentMethodId);

    /** Creates a payment method of the customer (a bank transfer from its data); its id. */
    Either<BillingFailure, String> addPaymentMethod(RequestKey key, NewPaymentMethod method);

    /**
     * Subscribes the account to the cart: one subscription per line (by {@code orderPos}), with the
     * line's rate plans (a voucher's discount plan among them), starting {@code today}, and the
     * first invoice for what is due at once.
     */
    Either<BillingFailure, Subscribed> subscribe(RequestKey key, Subscribe command);

    /** Books the change of quantity previewed in {@code command}. */
    Either<BillingFailure, Amended> changeQuantity(RequestKey key, QuantityChange command);

    /** Books the replacement of the subscription's plan by a change option's, as previewed. */
    Either<BillingFailure, Amended> replacePlan(RequestKey key, PlanReplacement command);

    /** Cancels the subscription with effect from the date the engine's cancel policy chose, as previewed. */
    Either<BillingFailure, Amended> cancel(RequestKey key, Cancellation command);

    /**
     * Withdraws the change or cancel booked to take effect on {@code effectiveDate} (after the request
     * date), as previewed: the subscription goes on as before that change (the segments it ended open
     * again, the ones it started removed, no cancel date). Refused ({@link BillingFailure.Rejected})
     * when the subscription is not the version and charged-through date previewed
     * ({@code subscription_changed}), or has no change pending on that date ({@code no_pending_change}).
     * The answer's {@code amendmentId} names what the billing system booked or removed (the built-in
     * ledger's withdrawal amendment, Zuora's deleted order), with the subscription's version after it.
     */
    Either<BillingFailure, Amended> withdraw(RequestKey key, Withdrawal command);

    // ---- vocabulary ---------------------------------------------------------------------------

    /** A new account of the customer {@code userId} of {@code tenantId}; {@code paymentMethodId} may be null. */
    record OpenAccount(long tenantId, long userId, CurrencyUnit currency, AccountDetails details,
            String paymentMethodId, Instant at) {
        public OpenAccount {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A payment method to create; {@code data} masked as the engine keeps it. */
    record NewPaymentMethod(long tenantId, long userId, String type, Map<String, String> data, Instant at) {
        public NewPaymentMethod {
            Objects.requireNonNull(type, "type");
            data = Map.copyOf(data);
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The cart to book: its priced lines (the price preview's input, a voucher's discount plan
     * included), in the account's currency, taxed by {@code tax}, starting {@code today}.
     */
    record Subscribe(AccountRef account, CurrencyUnit currency, TaxDecision tax, List<CartLine> lines,
            LocalDate today, Instant at) {
        public Subscribe {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(tax, "tax");
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a subscribe command books at least one line");
            }
            Objects.requireNonNull(today, "today");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * What a subscribe booked: the subscriptions in cart order, and the first invoice if one was due;
     * and, when the billing system's answer carries them, the records as booked ({@link AsBooked}).
     * Without them (a remote system whose answer names ids and numbers, as Zuora's order does), the
     * caller reads them back.
     */
    record Subscribed(List<BookedSubscription> subscriptions, InvoiceRef invoice, Option<AsBooked> asBooked) {
        public Subscribed {
            subscriptions = List.copyOf(subscriptions);
            Objects.requireNonNull(asBooked, "asBooked");
        }

        /** An answer that names what was booked only: the records are read back. */
        public Subscribed(List<BookedSubscription> subscriptions, InvoiceRef invoice) {
            this(subscriptions, invoice, Option.none());
        }
    }

    /**
     * The account's subscriptions and the order's invoice (none when no invoice was due) as the billing
     * system holds them when it answers: right after the booking, or, for a repeated request key, as they
     * are now; what {@link #subscriptions} and {@link #invoice} would answer at that moment. The built-in
     * ledger reads them in the subscribe command's own unit of work, so the checkout's business events need
     * no second read (docs/benchmarks.md section 4).
     */
    record AsBooked(List<Subscription> accountSubscriptions, Option<Invoice> invoice) {
        public AsBooked {
            accountSubscriptions = List.copyOf(accountSubscriptions);
            Objects.requireNonNull(invoice, "invoice");
        }
    }

    record BookedSubscription(String id, String number, String uuid, long suiteProductId) {
    }

    /**
     * An invoice the billing system raised, with its amount before tax when the billing system prices
     * by a catalog of its own (Zuora: the engine compares it with its preview); null when it books what
     * the engine computed (the built-in ledger).
     */
    record InvoiceRef(String id, String number, org.joda.money.Money amountWithoutTax) {
        public InvoiceRef(String id, String number) {
            this(id, number, null);
        }
    }

    /**
     * A previewed amendment of one subscription: the version and charged-through date it was
     * previewed on (a subscription changed or billed since is refused: the preview's proration rests
     * on them), the effective date, the charge segments that start on it (ids
     * {@link #UNASSIGNED}; a segment continuing a charge keeps its original id and number), and the
     * lines of the invoice it raises at once (none when the change is settled by the next regular
     * invoice). Every open segment ends on the effective date (a cancel ends one-time charges too).
     */
    record PreviewedChange(AccountRef account, String subscriptionId, int version, LocalDate chargedThrough,
            ChangeAction action,
            LocalDate requestDate, LocalDate effectiveDate, List<SubscribedCharge> newCharges,
            List<InvoiceLine> invoiceLines, TaxDecision tax, String description, Instant at) {
        public PreviewedChange {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(chargedThrough, "chargedThrough");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(requestDate, "requestDate");
            Objects.requireNonNull(effectiveDate, "effectiveDate");
            newCharges = List.copyOf(newCharges);
            invoiceLines = List.copyOf(invoiceLines);
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(at, "at");
        }
    }

    record QuantityChange(PreviewedChange change, long quantity) {
        public QuantityChange {
            Objects.requireNonNull(change, "change");
        }
    }

    record PlanReplacement(PreviewedChange change, long changeOptionId, long targetSuiteProductId) {
        public PlanReplacement {
            Objects.requireNonNull(change, "change");
        }
    }

    record Cancellation(PreviewedChange change) {
        public Cancellation {
            Objects.requireNonNull(change, "change");
        }
    }

    /** A previewed withdrawal of the change pending on {@code effectiveDate} of a subscription. */
    record Withdrawal(AccountRef account, String subscriptionId, int version, LocalDate chargedThrough,
            LocalDate requestDate, LocalDate effectiveDate, String description, Instant at) {
        public Withdrawal {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(chargedThrough, "chargedThrough");
            Objects.requireNonNull(requestDate, "requestDate");
            Objects.requireNonNull(effectiveDate, "effectiveDate");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(at, "at");
            if (!effectiveDate.isAfter(requestDate)) {
                throw new IllegalArgumentException("only a change pending after the request date is withdrawn");
            }
        }
    }

    /** What an amendment booked: its id, the subscription's new version, the invoice it raised if any. */
    record Amended(String amendmentId, int version, InvoiceRef invoice) {
        public Amended {
            Objects.requireNonNull(amendmentId, "amendmentId");
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
