package com.subscriptionsuite.application.port.in.vat;

/**
 * Why a VAT ID could not even be looked at. Only an empty input is a failure; a VAT ID that fails
 * the offline check is a {@link ValidateVatId.VatValidation} with outcome {@code invalid}.
 */
public sealed interface VatFailure {
    String code();

    String message();

    /** No VAT ID was given (empty after removing spaces, dots and dashes). */
    record VatIdEmpty() implements VatFailure {
        public String code() {
            return "vat_id_empty";
        }

        public String message() {
            return "No VAT ID was given.";
        }
    }
}
