package com.subscriptionsuite.domain.voucher;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A voucher campaign: which discount rate plan of the catalog its codes give, when they are valid
 * ({@code validFrom} inclusive, {@code validUntil} exclusive; null for open ends), the shop pages
 * they are limited to (empty: every page), and the kind of its codes. Multi-use codes each have the
 * campaign's limits: {@code totalLimit} redemptions in all and {@code perCustomerLimit} per user
 * (null: no limit).
 */
public record Campaign(long id, String name, long discountRatePlanId, Instant validFrom, Instant validUntil,
        List<Long> pageIds, CodeKind kind, Integer totalLimit, Integer perCustomerLimit) {
    public Campaign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        pageIds = List.copyOf(pageIds);
    }

    public boolean validOnPage(Long pageId) {
        return pageIds.isEmpty() || (pageId != null && pageIds.contains(pageId));
    }
}
