package com.subscriptionsuite.application.service.common;

import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.Item;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.QuantityLimits;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * What the price preview and the checkout share, so that a cart is resolved and discounted the same
 * way in both and the first invoice is what the preview showed: resolving items against the catalog
 * with their checks, and folding a voucher's discount plan into the lines. (Both tax it through
 * the domain's {@code Tenant.vatSeller()} and {@code VatDetermination}.)
 *
 * <p>Public only so that two feature packages reach it: the architecture rules let nothing outside
 * {@code application.service} depend on this package.
 */
public final class CartResolution {
    private CartResolution() {
    }

    /**
     * The cart's lines, each with its suite product's rate plan, in the order given; refused with the
     * index of the first item at fault: empty cart, unknown or unsold suite product (outside its
     * effective dates, or its product deleted), a repeated order_pos, a quantity below 1 or outside a
     * charge's limits, a charge without a price in {@code currency}.
     */
    public static Either<PreviewFailure, List<CartLine>> resolve(Catalog catalog, List<Item> items,
            CurrencyUnit currency, LocalDate today) {
        if (items.isEmpty()) {
            return Either.left(new PreviewFailure.EmptyCart());
        }
        List<CartLine> lines = new ArrayList<>(items.size());
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Option<SuiteProduct> suiteProduct = catalog.suiteProduct(item.suiteProductId())
                    .filter(sp -> sp.effectiveOn(today));
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
     * The lines with a voucher campaign's discount rate plan added: its percentage charges to every
     * suite product, its fixed amounts only to the first one (by order_pos), so an amount is taken
     * once.
     */
    public static List<CartLine> withDiscount(List<CartLine> lines, RatePlan discount) {
        RatePlan percentagesOnly = new RatePlan(discount.id(), discount.zuoraId(), discount.productId(),
                discount.name(), discount.description(), discount.effectiveStartDate(), discount.effectiveEndDate(),
                discount.charges().stream().filter(c -> c.model() != ChargeModel.DISCOUNT_FIXED_AMOUNT).toList());
        int first = lines.stream().mapToInt(CartLine::orderPos).min().orElse(0);
        List<CartLine> out = new ArrayList<>(lines.size());
        for (CartLine line : lines) {
            RatePlan plan = line.orderPos() == first ? discount : percentagesOnly;
            if (plan.charges().isEmpty()) {
                out.add(line);
            } else {
                List<RatePlan> plans = new ArrayList<>(line.ratePlans());
                plans.add(plan);
                out.add(new CartLine(line.suiteProductId(), line.quantity(), line.orderPos(), plans));
            }
        }
        return out;
    }
}
