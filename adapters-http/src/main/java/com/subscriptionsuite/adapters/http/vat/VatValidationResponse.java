package com.subscriptionsuite.adapters.http.vat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.subscriptionsuite.application.port.in.vat.ValidateVatId.VatValidation;

/**
 * The seed's {@code {"success"}} with the extensions: {@code outcome} (valid, invalid, unverified),
 * the normalised {@code vat_id}, its {@code country}, {@code checked_at}, and, when given,
 * {@code reason}, {@code consultation_number}, {@code name} and {@code address}. Absent fields are
 * left out, not null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VatValidationResponse(boolean success, String outcome, String vatId, String country, String checkedAt,
        String reason, String consultationNumber, String name, String address) {
    static VatValidationResponse from(VatValidation v) {
        return new VatValidationResponse(v.success(), v.outcome().code(), v.vatId(), v.country(),
                v.checkedAt().toString(), v.reason(), v.consultationNumber(), v.name(), v.address());
    }
}
