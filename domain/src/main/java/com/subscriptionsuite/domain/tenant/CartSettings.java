package com.subscriptionsuite.domain.tenant;

/** How the shop's cart shows its content (seed CartSettings). */
public record CartSettings(
        long id, boolean showProductName, boolean showRatePlanName, boolean showFeatureList,
        boolean showDescription, boolean showCharges, boolean useSingleQuantity) {
}
