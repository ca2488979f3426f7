package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.pricing.TaxSplit;
import java.math.BigDecimal;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One prorated line of an immediate change: a credit for the unused part of an old charge (negative
 * amounts) or a charge for the remaining part of a new one.
 *
 * @param periodPrice the charge's full-period price the line is a part of (in its tax mode)
 * @param factor      the proration factor (scale 9)
 * @param amounts     netto / tax / brutto of the line, each rounded at the line
 */
public record QuoteLine(Kind kind, long chargeId, Money periodPrice, BigDecimal factor, TaxSplit amounts) {

    public enum Kind {
        CREDIT, CHARGE
    }

    public QuoteLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(periodPrice, "periodPrice");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(amounts, "amounts");
    }
}
