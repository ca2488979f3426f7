package com.subscriptionsuite.application.service.quote;

import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.catalog.Tier;
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
 * A quote translated into the checkout's terms: its rate plans into the catalog's suite products by
 * Zuora product rate plan id, its charges checked against the plan's charges by Zuora product rate
 * plan charge id, its quantity, its price; its contacts into the account. Reads only.
 */
final class QuoteBooking {
    private QuoteBooking() {
    }

    /** The suite product that sells the quote rate plan's product rate plan, if the catalog has one. */
    static Option<SuiteProduct> suiteProductOf(Catalog catalog, String productRatePlanId, LocalDate today) {
        Option<RatePlan> plan = ratePlanOf(catalog, productRatePlanId);
        if (plan.isEmpty()) {
            return Option.none();
        }
        List<SuiteProduct> selling = catalog.suiteProducts().stream()
                .filter(sp -> sp.ratePlanId() == plan.get().id()).toList();
        return Option.ofOptional(selling.stream().filter(sp -> sp.effectiveOn(today)).findFirst()
                .or(() -> selling.stream().findFirst()));
    }

    private static Option<RatePlan> ratePlanOf(Catalog catalog, String zuoraId) {
        return Option.ofOptional(catalog.ratePlans().stream().filter(p -> zuoraId.equals(p.zuoraId())).findFirst());
    }

    /** The checkout's items, one per quote rate plan in the quote's order, or why the quote cannot be booked. */
    static Either<QuoteFailure, List<Checkout.Item>> items(SourceQuote quote, Catalog catalog, LocalDate today) {
        if (quote.ratePlans().isEmpty()) {
            return Either.left(new QuoteFailure.QuoteNotBookable("rate_plans", "the quote has no rate plan"));
        }
        CurrencyUnit currency;
        try {
            currency = CurrencyUnit.of(quote.currency() == null ? "" : quote.currency().strip());
        } catch (RuntimeException e) {
            return Either.left(new QuoteFailure.QuoteNotBookable("currency", "'" + quote.currency()
                    + "' is not a currency"));
        }
        List<Checkout.Item> items = new ArrayList<>();
        for (int i = 0; i < quote.ratePlans().size(); i++) {
            SourceQuote.RatePlan quoted = quote.ratePlans().get(i);
            String at = "rate_plans[" + i + "]";
            if (quoted.amendmentType() != null && !quoted.amendmentType().equals("NewProduct")) {
                return Either.left(new QuoteFailure.QuoteNotBookable(at + ".type", "'" + quoted.amendmentType()
                        + "' changes an existing subscription; only new products (NewProduct) are booked from a quote"));
            }
            Option<SuiteProduct> sp = suiteProductOf(catalog, quoted.productRatePlanId(), today);
            if (sp.isEmpty()) {
                return Either.left(new QuoteFailure.QuoteItemUnknown(at + ".id", quoted.productRatePlanId()));
            }
            RatePlan plan = catalog.ratePlan(sp.get().ratePlanId()).getOrElseThrow(() -> new IllegalStateException(
                    "suite product " + sp.get().id() + " without its rate plan"));
            Either<QuoteFailure, Long> quantity = quantity(quoted, plan, currency, at);
            if (quantity.isLeft()) {
                return Either.left(quantity.getLeft());
            }
            items.add(new Checkout.Item(sp.get().id(), quantity.get(), i, null));
        }
        return Either.right(items);
    }

    /**
     * The one quantity the suite product is booked with: the quantity of its charges that are priced
     * per unit (all equal), else 1. Every catalog charge must be quoted (the engine books a plan with
     * all its charges) and a single price must be the catalog's (the engine books catalog prices).
     */
    private static Either<QuoteFailure, Long> quantity(SourceQuote.RatePlan quoted, RatePlan plan,
            CurrencyUnit currency, String at) {
        Set<String> seen = new HashSet<>();
        BigDecimal quantity = null;
        for (int k = 0; k < quoted.charges().size(); k++) {
            SourceQuote.Charge qc = quoted.charges().get(k);
            String field = at + ".charges[" + k + "]";
            Option<Charge> charge = Option.ofOptional(plan.charges().stream()
                    .filter(c -> qc.productRatePlanChargeId().equals(c.zuoraId())).findFirst());
            if (charge.isEmpty()) {
                return Either.left(new QuoteFailure.QuoteItemUnknown(field + ".id", qc.productRatePlanChargeId()));
            }
            if (!seen.add(qc.productRatePlanChargeId())) {
                return Either.left(new QuoteFailure.QuoteNotBookable(field + ".id", "charge '"
                        + qc.productRatePlanChargeId() + "' is quoted twice"));
            }
            Charge c = charge.get();
            List<Tier> tiers = c.tiersIn(currency);
            boolean discount = c.model() == ChargeModel.DISCOUNT_PERCENTAGE
                    || c.model() == ChargeModel.DISCOUNT_FIXED_AMOUNT;
            if (qc.effectivePrice() != null && !discount && tiers.size() == 1
                    && qc.effectivePrice().compareTo(tiers.get(0).price()) != 0) {
                return Either.left(new QuoteFailure.QuoteNotBookable(field + ".price", "the quoted price "
                        + qc.effectivePrice().toPlainString() + " " + currency + " is not the catalog's "
                        + tiers.get(0).price().toPlainString() + " (the engine books catalog prices; give a "
                        + "negotiated price a discount rate plan in the catalog)"));
            }
            if (c.model() != ChargeModel.FLAT_FEE && !discount && qc.quantity() != null) {
                if (quantity != null && quantity.compareTo(qc.quantity()) != 0) {
                    return Either.left(new QuoteFailure.QuoteNotBookable(field + ".quantity", "quantity "
                            + qc.quantity().toPlainString() + " differs from " + quantity.toPlainString()
                            + " of another charge of the rate plan (one subscription has one quantity)"));
                }
                quantity = qc.quantity();
            }
        }
        for (Charge c : plan.charges()) {
            if (c.zuoraId() != null && !seen.contains(c.zuoraId())) {
                return Either.left(new QuoteFailure.QuoteNotBookable(at + ".charges", "charge '" + c.zuoraId()
                        + "' of the rate plan is not quoted (the engine books a rate plan with all its charges that have a Zuora id)"));
            }
        }
        if (quantity == null) {
            return Either.right(1L);
        }
        try {
            return Either.right(quantity.longValueExact());
        } catch (ArithmeticException e) {
            return Either.left(new QuoteFailure.QuoteNotBookable(at + ".charges", "quantity "
                    + quantity.toPlainString() + " is not a whole number"));
        }
    }

    /**
     * The account the quote books: the sold-to contact as the account's contact, the bill-to as its
     * billing address when it differs, the company and VAT ID of the quote, its currency.
     */
    static AccountDetails account(SourceQuote quote) {
        SourceQuote.Contact sold = quote.soldTo() != null ? quote.soldTo() : quote.billTo();
        SourceQuote.Contact bill = quote.billTo() != null ? quote.billTo() : sold;
        if (sold == null) {
            sold = new SourceQuote.Contact(null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
            bill = sold;
        }
        boolean separate = !bill.equals(sold);
        boolean company = quote.companyName() != null && !quote.companyName().isBlank();
        return new AccountDetails(company, quote.companyName(), sold.firstName(), sold.lastName(), sold.address1(),
                sold.zipCode(), sold.city(), sold.state(), sold.country(), sold.workEmail(), sold.workPhone(),
                sold.address2(), separate, separate ? bill.firstName() : null, separate ? bill.lastName() : null,
                separate ? bill.address1() : null, separate ? bill.address2() : null,
                separate ? bill.zipCode() : null, separate ? bill.city() : null, separate ? bill.country() : null,
                separate ? bill.workEmail() : null, separate ? bill.workPhone() : null,
                quote.vatId() == null ? "" : quote.vatId(), quote.currency());
    }
}
