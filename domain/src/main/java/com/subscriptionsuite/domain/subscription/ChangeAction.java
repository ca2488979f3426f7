package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.catalog.ChangeKind;
import com.subscriptionsuite.domain.catalog.ChangeRules;

/** The five changes a suite product has rules for, each reading its own pair of rule fields. */
public enum ChangeAction {
    CANCEL("cancel"),
    QUANTITY_UPGRADE("quantity_upgrade"),
    QUANTITY_DOWNGRADE("quantity_downgrade"),
    UPGRADE("upgrade"),
    DOWNGRADE("downgrade");

    private final String wireName;

    ChangeAction(String wireName) {
        this.wireName = wireName;
    }

    /** The prefix of the rule fields on the wire ({@code cancel} for {@code cancel_behaviour}). */
    public String wireName() {
        return wireName;
    }

    /** The replacement of one suite product by another through a change option. */
    public static ChangeAction of(ChangeKind kind) {
        return kind == ChangeKind.UPGRADE ? UPGRADE : DOWNGRADE;
    }

    public ChangeBehaviour behaviour(ChangeRules rules) {
        return ChangeBehaviour.of(switch (this) {
            case CANCEL -> rules.cancelBehaviour();
            case QUANTITY_UPGRADE -> rules.quantityUpgradeBehaviour();
            case QUANTITY_DOWNGRADE -> rules.quantityDowngradeBehaviour();
            case UPGRADE -> rules.upgradeBehaviour();
            case DOWNGRADE -> rules.downgradeBehaviour();
        });
    }

    public ChangeTiming timing(ChangeRules rules) {
        return ChangeTiming.of(switch (this) {
            case CANCEL -> rules.cancelMode();
            case QUANTITY_UPGRADE -> rules.quantityUpgradeMode();
            case QUANTITY_DOWNGRADE -> rules.quantityDowngradeMode();
            case UPGRADE -> rules.upgradeMode();
            case DOWNGRADE -> rules.downgradeMode();
        });
    }
}
