package com.subscriptionsuite.application.port.in.account;

import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import java.time.LocalDate;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * The caller's subscriptions as the seed shows them (GET /account/subscription: suite products
 * with their subscription; GET /account/rate-plan: rate plans with their subscription), with the
 * values of the billing ledger as of today. Empty before the first checkout.
 */
public interface ReadSubscriptions {
    /** One entry per subscription of the caller's account, oldest first, cancelled ones included. */
    Either<AccountFailure, List<SubscribedProduct>> subscriptions(long tenantId, long userId);

    /** One entry per rate plan in force of each subscription of the caller's account. */
    Either<AccountFailure, List<SubscriptionRatePlan>> ratePlans(long tenantId, long userId);

    /**
     * A subscribed suite product: the catalog's suite product (the one the subscription is on
     * today), its subscription, its quantity and the {@code uuid} that names it in
     * {@code /product/{uuid}/...}.
     */
    record SubscribedProduct(SuiteProduct suiteProduct, long tenantId, SubscriptionView subscription,
            long quantity, String uuid) {
        public SubscribedProduct {
            Objects.requireNonNull(suiteProduct, "suiteProduct");
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(uuid, "uuid");
        }
    }

    /** A rate plan in force with its subscription (the seed's SubscriptionAndRatePlan). */
    record SubscriptionRatePlan(SubscriptionView subscription, RatePlanView ratePlan) {
    }

    /**
     * The seed's Subscription. Dates: every one of contract effective, service activation, customer
     * acceptance and subscription start is {@code startDate}; the term dates are the current term's
     * (an evergreen subscription's term starts with it and has no end). Terms are in months.
     * {@code ratePlans} are in force today (on a cancelled subscription: on its last day),
     * {@code latestRatePlans} include changes booked for later.
     */
    record SubscriptionView(
            String id,
            String accountId,
            String accountNumber,
            String accountName,
            String subscriptionNumber,
            String termType,
            LocalDate startDate,
            LocalDate termStartDate,
            LocalDate termEndDate,
            int initialTerm,
            int currentTerm,
            int renewalTerm,
            boolean autoRenew,
            String renewalSetting,
            Money contractedMrr,
            Money totalContractedValue,
            String status,
            List<RatePlanView> ratePlans,
            List<RatePlanView> latestRatePlans,
            LocalDate currentEndDate) {
        public SubscriptionView {
            ratePlans = List.copyOf(ratePlans);
            latestRatePlans = List.copyOf(latestRatePlans);
        }
    }

    /**
     * One rate plan of a subscription (the seed's AccountRatePlan): {@code id} is the subscription's
     * rate plan (subscription id and catalog rate plan id), the others are catalog ids and names.
     */
    record RatePlanView(String id, long productId, String productName, String productSku, long ratePlanId,
            String ratePlanName, long suiteProductId, String suiteProductUuid, List<ChargeView> charges) {
        public RatePlanView {
            charges = List.copyOf(charges);
        }
    }

    /**
     * One charge segment (the seed's RatePlanCharge) with its ledger values: the billing timing from
     * the catalog, through when it was invoiced (null when not yet), whether it is fully invoiced,
     * and its metrics (net of tax).
     */
    record ChargeView(SubscribedCharge charge, int version, String billingTiming, LocalDate chargedThroughDate,
            boolean done, Money mrr, Money dmrc, Money tcv, Money dtcv, String description) {
        public ChargeView {
            Objects.requireNonNull(charge, "charge");
        }
    }
}
