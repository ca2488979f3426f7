package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.catalog.Charge;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What the customer asks to change on one subscription of a suite product. */
public sealed interface ChangeRequest {

    /**
     * End the subscription. {@code wishedEffectiveDate}: the date the customer asks for (§312k BGB
     * lets them name one); none takes the earliest date the rules allow.
     */
    record Cancel(Option<LocalDate> wishedEffectiveDate) implements ChangeRequest {
        public Cancel {
            Objects.requireNonNull(wishedEffectiveDate, "wishedEffectiveDate");
        }
    }

    /**
     * Change the quantity from {@code currentQuantity} to {@code requestedQuantity}; {@code charges}
     * are the charges of the subscription's rate plan, whose min/max quantities the new quantity must
     * respect. More is a quantity upgrade, less a quantity downgrade.
     */
    record ChangeQuantity(long currentQuantity, long requestedQuantity, List<Charge> charges)
            implements ChangeRequest {
        public ChangeQuantity {
            charges = List.copyOf(charges);
        }
    }

    /** Replace the suite product by the target of one of its change options (upgrade or downgrade). */
    record Replace(long changeOptionId) implements ChangeRequest {
    }

    /** Cancel at the earliest date the rules allow. */
    static Cancel cancel() {
        return new Cancel(Option.none());
    }

    /** Cancel on {@code wished}, or at the first date the rules allow on or after it. */
    static Cancel cancelOn(LocalDate wished) {
        return new Cancel(Option.some(wished));
    }

    static ChangeQuantity changeQuantity(long currentQuantity, long requestedQuantity, List<Charge> charges) {
        return new ChangeQuantity(currentQuantity, requestedQuantity, charges);
    }

    static Replace replace(long changeOptionId) {
        return new Replace(changeOptionId);
    }
}
