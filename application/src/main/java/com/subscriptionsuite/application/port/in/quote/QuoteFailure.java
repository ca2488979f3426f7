package com.subscriptionsuite.application.port.in.quote;

import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;

/**
 * Why a quote was not shown, confirmed or published. {@code field} is the path of the field at
 * fault (in the quote: {@code rate_plans[0].charges[1]}; in the admin body), empty when none is.
 */
public sealed interface QuoteFailure {
    String code();

    String field();

    String message();

    /** No quote has this link in the tenant (unknown, another tenant's, or gone at its source): 404. */
    record QuoteNotFound() implements QuoteFailure {
        public String code() {
            return "quote_not_found";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "there is no quote at this link";
        }
    }

    /** The quote's valid_until_date has passed. */
    record QuoteExpired(String validUntil) implements QuoteFailure {
        public String code() {
            return "quote_expired";
        }

        public String field() {
            return "valid_until_date";
        }

        public String message() {
            return "valid_until_date: the quote was valid until " + validUntil + " and can no longer be accepted";
        }
    }

    /** The quote was accepted already (by another customer, or at its source). */
    record QuoteAlreadyAccepted() implements QuoteFailure {
        public String code() {
            return "quote_already_accepted";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "the quote has been accepted already";
        }
    }

    /** The quote is in a state that cannot be accepted (rejected, withdrawn ...). */
    record QuoteNotAcceptable(String status) implements QuoteFailure {
        public String code() {
            return "quote_not_acceptable";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "the quote is in state '" + status + "' and cannot be accepted";
        }
    }

    /** The quote names a product rate plan or charge the shop's catalog does not have (or no suite product sells). */
    record QuoteItemUnknown(String field, String zuoraId) implements QuoteFailure {
        public String code() {
            return "quote_item_unknown";
        }

        public String message() {
            return field + ": the shop's catalog has no " + (field.contains("charges") ? "charge" : "rate plan")
                    + " with Zuora id '" + zuoraId + "' (or no suite product sells it)";
        }
    }

    /**
     * The quote cannot be booked as it is: charges of one rate plan with different quantities, a
     * rate plan without all of its catalog charges, or a price other than the catalog's.
     */
    record QuoteNotBookable(String field, String reason) implements QuoteFailure {
        public String code() {
            return "quote_not_bookable";
        }

        public String message() {
            return field + ": " + reason;
        }
    }

    /** A quote to publish (admin) is invalid: the field and why. */
    record QuoteInvalid(String field, String reason) implements QuoteFailure {
        public String code() {
            return "quote_invalid";
        }

        public String message() {
            return field + ": " + reason;
        }
    }

    /** Quotes are not stored in the engine (the source is Salesforce): a quote is linked by its source id. */
    record QuotesNotStored() implements QuoteFailure {
        public String code() {
            return "quote_source_read_only";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "quotes of this engine live in Salesforce: link one by its source_id instead of sending its content";
        }
    }

    /** The quote source did not answer (503, {@code Retry-After}) or refused (502). */
    record SourceFailed(QuoteSourceFailure failure) implements QuoteFailure {
        public String code() {
            return failure instanceof QuoteSourceFailure.Unavailable ? "quote_source_unavailable"
                    : failure instanceof QuoteSourceFailure.NotFound ? "quote_not_found" : "quote_source_rejected";
        }

        public String field() {
            return "";
        }

        public String message() {
            return failure instanceof QuoteSourceFailure.NotFound ? "there is no quote at this link"
                    : failure.describe();
        }
    }

    /** The booking was refused or failed as a checkout's would be: the checkout's own code. */
    record BookingFailed(CheckoutFailure failure) implements QuoteFailure {
        public String code() {
            return failure.code();
        }

        public String field() {
            return failure.field();
        }

        public String message() {
            return failure.message();
        }
    }
}
