package com.subscriptionsuite.domain.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A suite product: what the shop sells. It extends one Zuora product rate plan
 * ({@code ratePlanId}) with the seed's rule fields. Its id is the id a page step lists and the
 * preview takes.
 */
public record SuiteProduct(
        long id,
        long ratePlanId,
        String name,
        String description,
        String featureList,
        String highlight,
        LocalDate effectiveStartDate,
        LocalDate effectiveEndDate,
        boolean differentQuantitiesAllowed,
        boolean differentQuantitiesAllowedForCharge,
        boolean purchasableByCustomer,
        boolean purchasableByPartner,
        boolean purchasableBySales,
        boolean multipleSubscriptionsAllowed,
        String subscriptionType,
        String renewalType,
        int term,
        int renewalTerm,
        boolean autoRenew,
        int newSubscribeMode,
        int addOnMode,
        boolean hasContactUsLink,
        String trustedHtml,
        int quantityLevel,
        int priceLevel,
        String generatedId,
        ChangeRules changeRules,
        List<String> categories,
        List<Long> addOns,
        List<ChangeOption> changeOptions) {

    public SuiteProduct {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(changeRules, "changeRules");
        description = description == null ? "" : description;
        featureList = featureList == null ? "" : featureList;
        highlight = highlight == null ? "" : highlight;
        trustedHtml = trustedHtml == null ? "" : trustedHtml;
        subscriptionType = subscriptionType == null ? "TERMED" : subscriptionType;
        renewalType = renewalType == null ? "RENEW_WITH_SPECIFIC_TERM" : renewalType;
        generatedId = generatedId == null ? "" : generatedId;
        categories = List.copyOf(categories);
        addOns = List.copyOf(addOns);
        changeOptions = List.copyOf(changeOptions);
    }

    /** Whether {@code day} is within the effective dates (start inclusive, end exclusive, as Zuora; null: open). */
    public boolean effectiveOn(LocalDate day) {
        return (effectiveStartDate == null || !day.isBefore(effectiveStartDate))
                && (effectiveEndDate == null || day.isBefore(effectiveEndDate));
    }
}
