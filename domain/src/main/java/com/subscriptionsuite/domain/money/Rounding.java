package com.subscriptionsuite.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The one rounding policy of the engine (domain-rules §1): amounts are rounded once, at the line,
 * to the currency's ISO 4217 minor unit with HALF_UP; intermediate factors keep {@link #FACTOR_SCALE}
 * decimals.
 */
public final class Rounding {
    public static final RoundingMode MODE = RoundingMode.HALF_UP;
    public static final int FACTOR_SCALE = 9;

    private Rounding() {
    }

    /** Rounds an exact amount to the currency's minor unit: the only way a line amount is made. */
    public static Money line(CurrencyUnit currency, BigDecimal exactAmount) {
        return Money.of(currency, exactAmount, MODE);
    }

    /** Rounds an intermediate factor (proration, percentage, tax fraction) to the factor scale. */
    public static BigDecimal factor(BigDecimal value) {
        return value.setScale(FACTOR_SCALE, MODE);
    }

    /** An exact division kept at the factor scale. */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, FACTOR_SCALE, MODE);
    }
}
