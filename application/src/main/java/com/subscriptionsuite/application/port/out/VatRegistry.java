package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.tax.VatId;
import java.time.LocalDate;

/**
 * The register of VAT IDs (VIES): whether a VAT ID is registered, asked for a VAT ID that passed
 * the offline check. Never throws for a fault of the register, a timeout or a network failure:
 * those are {@link VatCheck.Unavailable} (the ID could not be checked).
 */
public interface VatRegistry {
    /**
     * Asks the register about {@code id}. {@code requesterVatId} is the asking seller's own VAT ID
     * (prefix included, e.g. {@code DE136695976}); with it the register hands out a consultation
     * number as proof of the check. May be null: then there is no consultation number.
     */
    VatCheck check(VatId id, String requesterVatId);

    /** The register's answer, or why there was none. */
    sealed interface VatCheck {
    }

    /**
     * The register answered: the ID is registered ({@code valid}) or not. {@code name},
     * {@code address} and {@code consultationNumber} as returned (null when not);
     * {@code requestDate} the register's date of the check (null when it gave none); {@code reason}
     * a code when the register refused the input as malformed ({@code invalid_input}), else null.
     */
    record Confirmed(boolean valid, String name, String address, String consultationNumber, LocalDate requestDate,
            String reason) implements VatCheck {
        public static Confirmed invalidInput() {
            return new Confirmed(false, null, null, null, null, "invalid_input");
        }
    }

    /**
     * The register could not answer: {@code reason} is {@code ms_unavailable},
     * {@code service_unavailable}, {@code timeout} or {@code rate_limited}.
     */
    record Unavailable(String reason) implements VatCheck {
        public static final String MS_UNAVAILABLE = "ms_unavailable";
        public static final String SERVICE_UNAVAILABLE = "service_unavailable";
        public static final String TIMEOUT = "timeout";
        public static final String RATE_LIMITED = "rate_limited";

        public Unavailable {
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }
}
