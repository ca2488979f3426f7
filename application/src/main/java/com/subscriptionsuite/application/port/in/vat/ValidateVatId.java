package com.subscriptionsuite.application.port.in.vat;

import io.vavr.control.Either;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks a customer's VAT ID (seed GET /account/vat-validate/{vatId}): first offline (format and
 * check digits), then, if it passes, against the register (VIES) with the tenant's own VAT ID as
 * requester. Every answer of the register is kept as evidence. Three outcomes: valid, invalid,
 * unverified (the register could not answer; VAT is then charged).
 */
public interface ValidateVatId {
    Either<VatFailure, VatValidation> validate(long tenantId, long userId, String rawVatId);

    /**
     * The result. {@code vatId} is the normalised VAT ID ({@code DE136695976}) or, when it failed
     * the offline check, the input compacted as typed; {@code country} its VAT prefix's ISO country
     * (null when the prefix is unknown); {@code reason} why invalid or unverified (an offline
     * rejection code such as {@code vat_id_bad_checksum}, {@code invalid_input}, {@code ms_unavailable},
     * {@code timeout}, {@code rate_limited}, {@code service_unavailable}), else null;
     * {@code consultationNumber}, {@code name}, {@code address} as the register returned them.
     */
    record VatValidation(VatOutcome outcome, String reason, String vatId, String country, Instant checkedAt,
            String consultationNumber, String name, String address) {
        public VatValidation {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(vatId, "vatId");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }

        /** The seed's {@code success}: the VAT ID is valid. */
        public boolean success() {
            return outcome == VatOutcome.VALID;
        }
    }
}
