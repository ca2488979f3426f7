package com.subscriptionsuite.domain.subscription;

import java.time.LocalDate;

/** Why a subscription change is refused; each has its own stable code. Never turned into another change. */
public sealed interface ChangeRejection {
    String code();

    String message();

    /** The suite product's {@code *_behaviour} is 0. */
    record NotAllowed(ChangeAction action) implements ChangeRejection {
        public String code() {
            return "change_not_allowed";
        }

        public String message() {
            return action.wireName() + ": this change is not allowed for this product";
        }
    }

    /** The suite product's {@code *_behaviour} is 2: only the seller makes this change. */
    record ContactUs(ChangeAction action) implements ChangeRejection {
        public String code() {
            return "change_contact_us";
        }

        public String message() {
            return action.wireName() + ": this change is made by the seller; please contact us";
        }
    }

    /** The requested quantity is below 1 or outside a charge's min/max ({@code chargeId} 0: no charge). */
    record QuantityOutOfRange(long quantity, long chargeId, String limit) implements ChangeRejection {
        public String code() {
            return "quantity_out_of_range";
        }

        public String message() {
            return "quantity: " + quantity + " is not allowed" + (chargeId > 0 ? " for charge " + chargeId : "")
                    + " (" + limit + ")";
        }
    }

    /** The suite product does not allow different quantities ({@code different_quantities_allowed} false). */
    record QuantityFixed(long suiteProductId) implements ChangeRejection {
        public String code() {
            return "quantity_fixed";
        }

        public String message() {
            return "quantity: suite product " + suiteProductId + " is sold in one quantity only";
        }
    }

    /** The requested quantity is the current one: there is nothing to change. */
    record QuantityUnchanged(long quantity) implements ChangeRejection {
        public String code() {
            return "quantity_unchanged";
        }

        public String message() {
            return "quantity: the subscription already has quantity " + quantity;
        }
    }

    /** The wished effective date is earlier than the notice period allows. */
    record NoticePeriod(LocalDate wished, LocalDate earliest, int noticeDays) implements ChangeRejection {
        public String code() {
            return "notice_period";
        }

        public String message() {
            return "effective_date: " + wished + " is within the notice period of " + noticeDays
                    + " days; the earliest date is " + earliest;
        }
    }

    /** The suite product has no change option with this id. */
    record ChangeOptionNotFound(long suiteProductId, long changeOptionId) implements ChangeRejection {
        public String code() {
            return "change_option_not_found";
        }

        public String message() {
            return "change_option_id: suite product " + suiteProductId + " has no change option " + changeOptionId;
        }
    }
}
