package com.subscriptionsuite.application.service.common;

import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.PaymentPages.PageMethod;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Objects;

/**
 * A user's payment method by its id, as the checkout, the account's default method and the method
 * read look it up: the one the engine stored, or else one the hosted page's provider created and the
 * engine does not know yet (Zuora's page posts the details to Zuora and hands the shop only the new
 * method's id, its callback's {@code refId}). Such a method is asked of the provider
 * ({@link PaymentPages#created}: it must exist, be active and belong to no account yet) and stored as
 * the caller's, so the first customer who uses the id owns it; from then on it is another user's for
 * everybody else. Ids are 32 random hex digits only the page's browser saw, so "first use owns" is
 * the hosted page's own trust model.
 *
 * <p>Never call this inside a unit of work: asking the provider is a remote call. The store is
 * written in a unit of its own.
 */
public final class PaymentMethodLookup {
    private final PaymentMethods methods;
    private final PaymentPages pages;
    private final Transactions transactions;
    private final Clock clock;

    /** {@code pages} may be null (no hosted pages): then only stored methods are found. */
    public PaymentMethodLookup(PaymentMethods methods, PaymentPages pages, Transactions transactions, Clock clock) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.pages = pages;
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored methods, for what only stores and reads them. */
    public PaymentMethods stored() {
        return methods;
    }

    /**
     * The user's method with {@code id}: stored, or created by the provider's page and now stored as the
     * user's; none when it is another user's, unknown, or the provider has it attached or inactive.
     * Left only when the provider had to be asked and could not be reached.
     */
    public Either<ProviderUnavailable, Option<PaymentMethod>> owned(long tenantId, long userId, String id) {
        if (id == null || id.isBlank()) {
            return Either.right(Option.none());
        }
        Option<PaymentMethod> stored = methods.paymentMethod(tenantId, id);
        if (stored.isDefined() || pages == null) {
            return Either.right(PaymentMethodIds.owned(stored, tenantId, userId));
        }
        return pages.created(tenantId, id).map(created -> created
                .filter(m -> m.paymentMethodId().equals(id))
                .flatMap(m -> claim(tenantId, userId, m)));
    }

    private Option<PaymentMethod> claim(long tenantId, long userId, PageMethod created) {
        return transactions.inTransaction(() -> {
            if (methods.paymentMethod(tenantId, created.paymentMethodId()).isEmpty()) {
                methods.save(new PaymentMethod(created.paymentMethodId(), tenantId, userId,
                        created.type().wireName(), created.data(), PaymentMethod.Status.ACTIVE, clock.instant()));
            }
            return PaymentMethodIds.owned(methods.paymentMethod(tenantId, created.paymentMethodId()), tenantId,
                    userId);
        });
    }
}
