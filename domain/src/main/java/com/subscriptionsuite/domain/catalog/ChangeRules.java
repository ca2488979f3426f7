package com.subscriptionsuite.domain.catalog;

/**
 * The change-rule fields of a suite product (seed SuiteProduct; domain-rules §5).
 * {@code *Behaviour}: 0 not allowed, 1 self-service, 2 contact us. {@code *Mode}: 0 immediately,
 * 1 end of billing period, 2 end of term. {@code cancelPeriodDays}: notice period.
 */
public record ChangeRules(
        int cancelBehaviour,
        int cancelMode,
        int cancelPeriodDays,
        int quantityUpgradeBehaviour,
        int quantityUpgradeMode,
        int quantityDowngradeBehaviour,
        int quantityDowngradeMode,
        int upgradeBehaviour,
        int upgradeMode,
        int downgradeBehaviour,
        int downgradeMode) {

    public static ChangeRules selfServiceImmediate() {
        return new ChangeRules(1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0);
    }
}
