package com.subscriptionsuite.application.service.pricing;

import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.Item;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.TaxCustomerData;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.CartPricing;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.QuantityLimits;
import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        Either<PreviewFailure, List<CartLine>> lines = resolve(definition.catalog(), query.items(), currency.get(),
                today);
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
        TaxDecision tax = CustomerTax.decide(vat, tenant, customer(tenant, query.customer()), today);
        return Either.right(CartPricing.price(priced, currency.get(), tax));
    }

    /**
     * Adds the campaign's discount rate plan when the caller could hold the code now on the page
     * (an anonymous caller cannot price a code someone holds). This is the one preview that reads
     * the store: vouchers change by the second. The plan's percentage charges go to every suite
     * product; its fixed amounts only to the first one (by order_pos), so an amount is taken once.
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
        RatePlan whole = plan.get();
        RatePlan percentagesOnly = new RatePlan(whole.id(), whole.zuoraId(), whole.productId(), whole.name(),
                whole.description(), whole.effectiveStartDate(), whole.effectiveEndDate(), whole.charges().stream()
                        .filter(c -> c.model() != ChargeModel.DISCOUNT_FIXED_AMOUNT).toList());
        int first = lines.stream().mapToInt(CartLine::orderPos).min().orElse(0);
        List<CartLine> out = new ArrayList<>(lines.size());
        for (CartLine line : lines) {
            RatePlan discount = line.orderPos() == first ? whole : percentagesOnly;
            if (discount.charges().isEmpty()) {
                out.add(line);
            } else {
                List<RatePlan> plans = new ArrayList<>(line.ratePlans());
                plans.add(discount);
                out.add(new CartLine(line.suiteProductId(), line.quantity(), line.orderPos(), plans));
            }
        }
        return Either.right(out);
    }

    private static Either<PreviewFailure, List<CartLine>> resolve(Catalog catalog, List<Item> items,
            CurrencyUnit currency, LocalDate today) {
        if (items.isEmpty()) {
            return Either.left(new PreviewFailure.EmptyCart());
        }
        List<CartLine> lines = new ArrayList<>(items.size());
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Option<SuiteProduct> suiteProduct = catalog.suiteProduct(item.suiteProductId())
                    .filter(sp -> sellable(sp, today));
            Option<RatePlan> plan = suiteProduct.flatMap(sp -> catalog.ratePlan(sp.ratePlanId()))
                    .filter(rp -> catalog.product(rp.productId()).isDefined());
            if (plan.isEmpty()) {
                return Either.left(new PreviewFailure.UnknownSuiteProduct(i, item.suiteProductId()));
            }
            if (!positions.add(item.orderPos())) {
                return Either.left(new PreviewFailure.DuplicateOrderPosition(i, item.orderPos()));
            }
            if (item.quantity() <= 0) {
                return Either.left(new PreviewFailure.QuantityOutOfRange(i, item.quantity(), 0, "at least 1"));
            }
            BigDecimal quantity = BigDecimal.valueOf(item.quantity());
            for (Charge charge : plan.get().charges()) {
                if (!charge.soldIn(currency)) {
                    return Either.left(new PreviewFailure.NotPricedInCurrency(i, item.suiteProductId(),
                            currency.getCode()));
                }
                Option<String> violated = QuantityLimits.violated(charge, quantity);
                if (violated.isDefined()) {
                    return Either.left(new PreviewFailure.QuantityOutOfRange(i, item.quantity(), charge.id(),
                            violated.get()));
                }
            }
            lines.add(new CartLine(item.suiteProductId(), item.quantity(), item.orderPos(), List.of(plan.get())));
        }
        return Either.right(lines);
    }

    /**
     * A suite product is sold while today is within its effective dates (end date exclusive, as
     * Zuora) and its product is not soft-deleted.
     */
    private static boolean sellable(SuiteProduct sp, LocalDate today) {
        return sp.effectiveOn(today);
    }

    private static TaxCustomer customer(Tenant tenant, TaxCustomerData data) {
        if (data == null) {
            return TaxCustomer.domesticConsumerOf(CustomerTax.seller(tenant));
        }
        return new TaxCustomer(data.country(), data.zipCode(), data.company(), data.vatId());
    }
}
