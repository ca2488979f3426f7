package com.subscriptionsuite.adapters.http.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.ChargeView;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.RatePlanView;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.SubscribedProduct;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.SubscriptionRatePlan;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.SubscriptionView;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;

/**
 * The seed's SuiteProduct-with-subscription (GET /account/subscription) and SubscriptionAndRatePlan
 * (GET /account/rate-plan) objects, with their Subscription, AccountRatePlan and RatePlanCharge.
 * The seed's 0/1 flags are numbers, its ids strings (catalog ids written as decimal strings), its
 * dates {@code YYYY-MM-DD} (null when not set), its amounts plain numbers at the currency's scale.
 */
final class SubscriptionResponses {
    private static final String MONTH = "Month";
    /** Zuora's priceChangeOption for a charge renewed at its booked price. */
    private static final String NO_PRICE_CHANGE = "NoChange";

    private SubscriptionResponses() {
    }

    /** GET /account/subscription: one element. */
    record SuiteProductWithSubscription(
            long id,
            String name,
            String description,
            String featureList,
            String effectiveStartDate,
            String effectiveEndDate,
            int differentQuantitiesAllowed,
            int differentQuantitiesAllowedForCharge,
            int purchasableByCustomer,
            int purchasableByPartner,
            int purchasableBySales,
            int multipleSubscriptionsAllowed,
            long tenantId,
            String subscriptionType,
            String renewalType,
            int term,
            int renewalTerm,
            @JsonProperty("is_auto_renew") int isAutoRenew,
            int cancelBehaviour,
            int quantityUpgradeBehaviour,
            int quantityDowngradeBehaviour,
            int upgradeBehaviour,
            int downgradeBehaviour,
            int newSubscribeMode,
            int addOnMode,
            int hasContactUsLink,
            String trustedHtml,
            int quantityLevel,
            int priceLevel,
            int cancelPeriod,
            String generatedId,
            int cancelMode,
            int quantityUpgradeMode,
            int quantityDowngradeMode,
            int upgradeMode,
            int downgradeMode,
            List<String> categories,
            List<Long> addOns,
            List<ChangeOptionEntry> changeOptions,
            SubscriptionEntry subscription,
            long quantity,
            List<RatePlanEntry> ratePlans,
            String uuid) {

        static SuiteProductWithSubscription from(SubscribedProduct p) {
            SuiteProduct sp = p.suiteProduct();
            ChangeRules r = sp.changeRules();
            SubscriptionEntry subscription = SubscriptionEntry.from(p.subscription());
            return new SuiteProductWithSubscription(sp.id(), sp.name(), sp.description(), sp.featureList(),
                    date(sp.effectiveStartDate()), date(sp.effectiveEndDate()), flag(sp.differentQuantitiesAllowed()),
                    flag(sp.differentQuantitiesAllowedForCharge()), flag(sp.purchasableByCustomer()),
                    flag(sp.purchasableByPartner()), flag(sp.purchasableBySales()),
                    flag(sp.multipleSubscriptionsAllowed()), p.tenantId(), sp.subscriptionType(), sp.renewalType(),
                    sp.term(), sp.renewalTerm(), flag(sp.autoRenew()), r.cancelBehaviour(),
                    r.quantityUpgradeBehaviour(), r.quantityDowngradeBehaviour(), r.upgradeBehaviour(),
                    r.downgradeBehaviour(), sp.newSubscribeMode(), sp.addOnMode(), flag(sp.hasContactUsLink()),
                    sp.trustedHtml(), sp.quantityLevel(), sp.priceLevel(), r.cancelPeriodDays(), sp.generatedId(),
                    r.cancelMode(), r.quantityUpgradeMode(), r.quantityDowngradeMode(), r.upgradeMode(),
                    r.downgradeMode(), sp.categories(), sp.addOns(),
                    sp.changeOptions().stream().map(o -> new ChangeOptionEntry(o.id(), o.targetSuiteProductId(),
                            o.kind().wireName())).toList(),
                    subscription, p.quantity(), subscription.ratePlans(), p.uuid());
        }
    }

    /** A change option as the tenant file defines it. */
    record ChangeOptionEntry(long id, long targetSuiteProductId, String kind) {
    }

    /** GET /account/rate-plan: one element, the rate plan's fields beside its subscription. */
    record SubscriptionAndRatePlan(SubscriptionEntry subscription, @JsonUnwrapped RatePlanEntry ratePlan) {
        static SubscriptionAndRatePlan from(SubscriptionRatePlan s) {
            return new SubscriptionAndRatePlan(SubscriptionEntry.from(s.subscription()),
                    RatePlanEntry.from(s.ratePlan()));
        }
    }

    /** The seed's Subscription. */
    record SubscriptionEntry(
            String id,
            String accountId,
            String accountNumber,
            String accountName,
            String invoiceOwnerAccountId,
            String invoiceOwnerAccountNumber,
            String invoiceOwnerAccountName,
            String subscriptionNumber,
            String termType,
            boolean invoiceSeparately,
            String contractEffectiveDate,
            String serviceActivationDate,
            String customerAcceptanceDate,
            String subscriptionStartDate,
            String termStartDate,
            String termEndDate,
            int initialTerm,
            String initialTermPeriodType,
            int currentTerm,
            String currentTermPeriodType,
            boolean autoRenew,
            String renewalSetting,
            int renewalTerm,
            String renewalTermPeriodType,
            BigDecimal contractedMrr,
            BigDecimal totalContractedValue,
            String status,
            List<RatePlanEntry> ratePlans,
            List<RatePlanEntry> latestRatePlans,
            String currentEndDate) {

        static SubscriptionEntry from(SubscriptionView s) {
            String start = date(s.startDate());
            return new SubscriptionEntry(s.id(), s.accountId(), s.accountNumber(), s.accountName(), s.accountId(),
                    s.accountNumber(), s.accountName(), s.subscriptionNumber(), s.termType(), false, start, start,
                    start, start, date(s.termStartDate()), date(s.termEndDate()), s.initialTerm(), MONTH,
                    s.currentTerm(), MONTH, s.autoRenew(), s.renewalSetting(), s.renewalTerm(), MONTH,
                    amount(s.contractedMrr()), amount(s.totalContractedValue()), s.status(),
                    s.ratePlans().stream().map(RatePlanEntry::from).toList(),
                    s.latestRatePlans().stream().map(RatePlanEntry::from).toList(), date(s.currentEndDate()));
        }
    }

    /** The seed's AccountRatePlan. */
    record RatePlanEntry(
            String id,
            String productId,
            String productName,
            String productSku,
            String productRatePlanId,
            String ratePlanName,
            String suiteProductId,
            String suiteProductUuid,
            List<ChargeEntry> ratePlanCharges,
            List<Object> subscriptionProductFeatures) {

        static RatePlanEntry from(RatePlanView p) {
            return new RatePlanEntry(p.id(), Long.toString(p.productId()), p.productName(), p.productSku(),
                    Long.toString(p.ratePlanId()), p.ratePlanName(), Long.toString(p.suiteProductId()),
                    p.suiteProductUuid(), p.charges().stream().map(ChargeEntry::from).toList(), List.of());
        }
    }

    /**
     * The seed's RatePlanCharge. {@code price_change_option} and {@code price_increase_percentage}
     * are Zuora's renewal pricing: the ledger renews every charge at its booked price (a renewed
     * term's periods are invoiced at the price of the segment in force, {@code SubscriptionBilling}),
     * and no catalog or tenant rule raises it, so every charge is {@code NoChange} with {@code 0}.
     */
    record ChargeEntry(
            String id,
            String originalChargeId,
            String productRatePlanChargeId,
            String number,
            String name,
            String type,
            String model,
            int version,
            String pricingSummary,
            String priceChangeOption,
            BigDecimal priceIncreasePercentage,
            String currency,
            BigDecimal price,
            List<Object> discountApplyDetails,
            String billingDay,
            String listPriceBase,
            String billingPeriod,
            String billingTiming,
            String billingPeriodAlignment,
            BigDecimal quantity,
            int segment,
            String effectiveStartDate,
            String effectiveEndDate,
            String processedThroughDate,
            String chargedThroughDate,
            boolean done,
            String triggerEvent,
            String endDateCondition,
            BigDecimal mrr,
            BigDecimal dmrc,
            BigDecimal tcv,
            BigDecimal dtcv,
            String description) {

        static ChargeEntry from(ChargeView v) {
            SubscribedCharge c = v.charge();
            boolean recurring = c.billingPeriod() != null && !"OneTime".equals(c.type().wireName());
            String through = date(v.chargedThroughDate());
            return new ChargeEntry(c.id(), c.originalId(), Long.toString(c.chargeId()), c.number(), c.name(),
                    c.type().wireName(), c.model(), v.version(), summary(c), NO_PRICE_CHANGE, BigDecimal.ZERO,
                    c.periodPrice().getCurrencyUnit().getCode(), price(c), List.of(), recurring ? "SubscriptionStartDay" : null,
                    recurring ? "Per_Billing_Period" : null, recurring ? period(c) : null, v.billingTiming(),
                    recurring ? "AlignToSubscriptionStart" : null, BigDecimal.valueOf(c.quantity()), c.segment(),
                    date(c.effectiveStart()), date(c.effectiveEnd()), through, through, v.done(),
                    "ContractEffective", "Subscription_End", amount(v.mrr()), amount(v.dmrc()), amount(v.tcv()),
                    amount(v.dtcv()), v.description());
        }

        /** A usage charge's price is its unit price; every other charge's its booked period price. */
        private static BigDecimal price(SubscribedCharge c) {
            return c.unitPrice() != null ? c.unitPrice() : c.periodPrice().getAmount();
        }

        private static String summary(SubscribedCharge c) {
            String currency = c.periodPrice().getCurrencyUnit().getCode();
            return c.unitPrice() != null ? currency + c.unitPrice().toPlainString() + " per unit"
                    : currency + c.periodPrice().getAmount().toPlainString();
        }

        private static String period(SubscribedCharge c) {
            return c.billingPeriod().wireName();
        }
    }

    static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static int flag(boolean b) {
        return b ? 1 : 0;
    }

    static BigDecimal amount(Money m) {
        return m.getAmount();
    }
}
