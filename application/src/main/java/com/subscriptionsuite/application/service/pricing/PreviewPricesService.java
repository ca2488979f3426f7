package com.subscriptionsuite.application.service.pricing;

import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.TaxCustomerData;
import com.subscriptionsuite.application.service.common.CartResolution;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.CartPricing;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.tax.Seller;
import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.joda.money.CurrencyUnit;

/**
 * Resolves a cart against the in-memory catalog, checks it, decides the tax and prices it. Touches
 * no store and no remote system.
 */
final class PreviewPricesService implements PreviewPrices {
    /** The user id of an anonymous caller: no user has it, so every hold counts as someone else's. */
    private static final long ANONYMOUS = -1;

    private final TenantDirectory directory;
    private final VatDetermination vat;
    private final Clock clock;
    private final Option<Vouchers> vouchers;
    private final Duration holdFor;
    /**
     * Tax decisions made, by seller, customer and day: {@link VatDetermination#decide} is a pure function
     * of them (its rate table is immutable), and building its explanation was a tenth of a preview's own
     * cost while a shop's previews mostly repeat a few customers' countries (docs/benchmarks.md §2). At
     * most {@link #DECISIONS_KEPT}, then forgotten all at once; a day's decisions are not used the next day.
     */
    private final ConcurrentMap<DecisionKey, TaxDecision> decisions = new ConcurrentHashMap<>();
    static final int DECISIONS_KEPT = 4096;

    private record DecisionKey(Seller seller, TaxCustomer customer, LocalDate on) {
    }

    PreviewPricesService(TenantDirectory directory, VatDetermination vat, Clock clock, Option<Vouchers> vouchers,
            Duration holdFor) {
        this.directory = directory;
        this.vat = vat;
        this.clock = clock;
        this.vouchers = vouchers;
        this.holdFor = holdFor;
    }

    @Override
    public Either<PreviewFailure, PricePreview> preview(PreviewPricesQuery query) {
        TenantDefinition definition = directory.require(query.tenantId());
        Tenant tenant = definition.tenant();
        LocalDate today = LocalDate.now(clock);
        Option<CurrencyUnit> currency = query.currency() == null
                ? Option.some(tenant.defaultCurrency())
                : tenant.currency(query.currency());
        if (currency.isEmpty()) {
            return Either.left(new PreviewFailure.CurrencyNotOffered(query.currency()));
        }
        Either<PreviewFailure, List<CartLine>> lines = CartResolution.resolve(definition.catalog(), query.items(),
                currency.get(), today);
        if (lines.isLeft()) {
            return Either.left(lines.getLeft());
        }
        List<CartLine> priced = lines.get();
        if (query.voucherCode() != null) {
            Either<PreviewFailure, List<CartLine>> discounted = withVoucher(query, definition.catalog(), priced);
            if (discounted.isLeft()) {
                return Either.left(discounted.getLeft());
            }
            priced = discounted.get();
        }
        TaxDecision tax = decide(tenant.vatSeller(), customer(tenant, query.customer()), today);
        return Either.right(CartPricing.price(priced, currency.get(), tax));
    }

    /**
     * Adds the campaign's discount rate plan when the caller could hold the code now on the page
     * (an anonymous caller cannot price a code someone holds). This is the one preview that reads
     * the store: vouchers change by the second. The plan is folded in as the checkout folds it
     * ({@link CartResolution#withDiscount}).
     */
    private Either<PreviewFailure, List<CartLine>> withVoucher(PreviewPricesQuery query, Catalog catalog,
            List<CartLine> lines) {
        Either<VoucherRejection, String> code = VoucherRules.normalize(query.voucherCode());
        if (code.isLeft()) {
            return Either.left(new PreviewFailure.VoucherRefused(code.getLeft()));
        }
        Instant now = clock.instant();
        long user = query.userId() == null ? ANONYMOUS : query.userId();
        Either<VoucherRejection, RatePlan> plan = vouchers
                .flatMap(v -> v.readCode(query.tenantId(), code.get(), user, now))
                .toEither(() -> (VoucherRejection) new VoucherRejection.Unknown(code.get()))
                .flatMap(state -> VoucherRules.hold(state, query.pageId(), query.tenantId(), user, now, holdFor)
                        .map(decision -> state.campaign()))
                .flatMap(campaign -> catalog.ratePlan(campaign.discountRatePlanId())
                        .toEither(() -> new VoucherRejection.Unknown(code.get())));
        if (plan.isLeft()) {
            return Either.left(new PreviewFailure.VoucherRefused(plan.getLeft()));
        }
        return Either.right(CartResolution.withDiscount(lines, plan.get()));
    }

    private TaxDecision decide(Seller seller, TaxCustomer customer, LocalDate on) {
        DecisionKey key = new DecisionKey(seller, customer, on);
        TaxDecision known = decisions.get(key);
        if (known != null) {
            return known;
        }
        TaxDecision made = vat.decide(seller, customer, on);
        if (decisions.size() >= DECISIONS_KEPT) {
            decisions.clear();
        }
        decisions.put(key, made);
        return made;
    }

    private static TaxCustomer customer(Tenant tenant, TaxCustomerData data) {
        if (data == null) {
            return TaxCustomer.domesticConsumerOf(tenant.vatSeller());
        }
        return new TaxCustomer(data.country(), data.zipCode(), data.company(), data.vatId());
    }
}
