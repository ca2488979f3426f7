package com.subscriptionsuite.application.service.pricing;

import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.Item;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.TaxCustomerData;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.CartPricing;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.QuantityLimits;
import com.subscriptionsuite.domain.tax.Seller;
import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Clock;
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
    private final TenantDirectory directory;
    private final VatDetermination vat;
    private final Clock clock;

    PreviewPricesService(TenantDirectory directory, VatDetermination vat, Clock clock) {
        this.directory = directory;
        this.vat = vat;
        this.clock = clock;
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
        TaxDecision tax = vat.decide(seller(tenant), customer(tenant, query.customer()), today);
        return Either.right(CartPricing.price(lines.get(), currency.get(), tax));
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
        return (sp.effectiveStartDate() == null || !today.isBefore(sp.effectiveStartDate()))
                && (sp.effectiveEndDate() == null || today.isBefore(sp.effectiveEndDate()));
    }

    private static Seller seller(Tenant tenant) {
        return new Seller(tenant.seller().country(), tenant.seller().ossThresholdApplies());
    }

    private static TaxCustomer customer(Tenant tenant, TaxCustomerData data) {
        if (data == null) {
            return TaxCustomer.domesticConsumerOf(seller(tenant));
        }
        return new TaxCustomer(data.country(), data.zipCode(), data.company(), data.vatId());
    }
}
