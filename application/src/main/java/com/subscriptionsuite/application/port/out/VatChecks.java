package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.application.port.in.vat.VatOutcome;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * The evidence of VAT ID checks (domain rules §3): who checked which VAT ID when, with what
 * outcome, and what the register returned. Kept, never changed.
 */
public interface VatChecks {
    void add(Evidence evidence);

    /** The tenant's most recent check of the VAT ID (normalised, prefix included); none if never checked. */
    Option<Evidence> latest(long tenantId, String vatId);

    /**
     * One check. {@code vatId} normalised with its prefix ({@code DE136695976}); {@code reason} why it
     * was unverified (or {@code invalid_input}), else null; {@code consultationNumber}, {@code name},
     * {@code address} as the register returned them, else null.
     */
    record Evidence(long tenantId, long userId, String vatId, VatOutcome outcome, String reason,
            String consultationNumber, String name, String address, Instant checkedAt) {
        public Evidence {
            Objects.requireNonNull(vatId, "vatId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }
}
