package com.subscriptionsuite.domain.tenant;

/** Customer-center settings (seed CustomerCenterSettings). */
public record CustomerCenterSettings(
        long id, boolean canCancelSubscriptions, boolean canSuspend,
        boolean canCancelSubscriptionsAtAnyTime) {
}
