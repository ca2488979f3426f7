package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.ChangeKind;
import com.subscriptionsuite.domain.catalog.ChangeOption;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/** Builders for subscription-change tests. */
final class Fixtures {
    static final CurrencyUnit EUR = CurrencyUnit.EUR;
    static final long UPGRADE_OPTION = 901;
    static final long DOWNGRADE_OPTION = 902;
    static final List<ChangeOption> OPTIONS = List.of(new ChangeOption(UPGRADE_OPTION, 8, ChangeKind.UPGRADE),
            new ChangeOption(DOWNGRADE_OPTION, 6, ChangeKind.DOWNGRADE));

    /** Started and billed monthly from 2023-01-15, 12-month terms renewing by 12 months. */
    static final SubscriptionDates MONTHLY_FROM_JAN_15 = new SubscriptionDates(
            BillingCycle.of(d("2023-01-15"), BillingPeriod.MONTH), TermSchedule.termed(d("2023-01-15"), 12, 12));

    private Fixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    static CustomerCenterSettings settings(boolean cancelAtAnyTime) {
        return new CustomerCenterSettings(1, true, false, cancelAtAnyTime);
    }

    /**
     * Rules where {@code action} has the given behaviour and mode, every other change is not allowed
     * and has a different mode, so a test proves the decision reads the right pair of fields.
     */
    static ChangeRules rules(ChangeAction action, int behaviour, int mode, int noticeDays) {
        int[] b = {0, 0, 0, 0, 0};
        int other = (mode + 1) % 3;
        int[] m = {other, other, other, other, other};
        b[action.ordinal()] = behaviour;
        m[action.ordinal()] = mode;
        return new ChangeRules(b[0], m[0], noticeDays, b[1], m[1], b[2], m[2], b[3], m[3], b[4], m[4]);
    }

    static ChangeRules cancelRules(int mode, int noticeDays) {
        return rules(ChangeAction.CANCEL, 1, mode, noticeDays);
    }

    static SuiteProduct product(ChangeRules rules) {
        return product(rules, true);
    }

    static SuiteProduct product(ChangeRules rules, boolean differentQuantitiesAllowed) {
        return new SuiteProduct(7, 70, "Team", "", "", "", null, null, differentQuantitiesAllowed, false, true,
                false, false, false, "TERMED", "RENEW_WITH_SPECIFIC_TERM", 12, 12, true, 0, 0, false, "", 0, 0, "",
                rules, List.of(), List.of(), OPTIONS);
    }

    static SuiteProduct product(String subscriptionType, String renewalType, int term, int renewalTerm,
            boolean autoRenew) {
        return new SuiteProduct(7, 70, "Team", "", "", "", null, null, true, false, true, false, false, false,
                subscriptionType, renewalType, term, renewalTerm, autoRenew, 0, 0, false, "", 0, 0, "",
                ChangeRules.selfServiceImmediate(), List.of(), List.of(), OPTIONS);
    }

    static Charge charge(long id, ChargeModel model, String min, String max) {
        return new Charge(id, "z" + id, "charge " + id, "", ChargeType.RECURRING, model, BillingPeriod.MONTH, null,
                BillingTiming.IN_ADVANCE, BigDecimal.ONE, min == null ? null : n(min), max == null ? null : n(max),
                "seat", TaxMode.TAX_EXCLUSIVE, true, BigDecimal.ZERO, Set.of(),
                List.of(new Tier(EUR, BigDecimal.ZERO, null, n("10.00"), PriceFormat.PER_UNIT, false)));
    }

    /** The request for one of the five changes on a subscription with quantity 5. */
    static ChangeRequest requestFor(ChangeAction action) {
        return switch (action) {
            case CANCEL -> ChangeRequest.cancel();
            case QUANTITY_UPGRADE -> ChangeRequest.changeQuantity(5, 7, List.of());
            case QUANTITY_DOWNGRADE -> ChangeRequest.changeQuantity(5, 3, List.of());
            case UPGRADE -> ChangeRequest.replace(UPGRADE_OPTION);
            case DOWNGRADE -> ChangeRequest.replace(DOWNGRADE_OPTION);
        };
    }
}
