package com.subscriptionsuite.application.service.vat;

import com.subscriptionsuite.application.port.in.vat.ValidateVatId;
import com.subscriptionsuite.application.port.in.vat.VatFailure;
import com.subscriptionsuite.application.port.in.vat.VatOutcome;
import com.subscriptionsuite.application.port.out.VatChecks;
import com.subscriptionsuite.application.port.out.VatRegistry;
import com.subscriptionsuite.application.port.out.VatRegistry.Confirmed;
import com.subscriptionsuite.application.port.out.VatRegistry.Unavailable;
import com.subscriptionsuite.application.port.out.VatRegistry.VatCheck;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatId;
import com.subscriptionsuite.domain.tax.VatIdRejection;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;

/**
 * Offline check first; a VAT ID that passes it is asked of the register with the tenant's own VAT
 * ID as requester, and the register's answer (or its failure to answer) is stored as evidence.
 */
final class ValidateVatIdService implements ValidateVatId {
    private static final String EMPTY = "vat_id_empty";
    private static final String UNKNOWN_PREFIX = "vat_id_unknown_prefix";

    private final TenantDirectory directory;
    private final VatRegistry registry;
    private final VatChecks checks;
    private final Clock clock;

    ValidateVatIdService(TenantDirectory directory, VatRegistry registry, VatChecks checks, Clock clock) {
        this.directory = directory;
        this.registry = registry;
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public Either<VatFailure, VatValidation> validate(long tenantId, long userId, String rawVatId) {
        Either<VatIdRejection, VatId> parsed = VatId.parse(rawVatId);
        if (parsed.isLeft()) {
            VatIdRejection rejection = parsed.getLeft();
            if (rejection.code().equals(EMPTY)) {
                return Either.left(new VatFailure.VatIdEmpty());
            }
            String typed = VatId.compact(rawVatId);
            String country = rejection.code().equals(UNKNOWN_PREFIX) ? null : countryOf(typed);
            return Either.right(new VatValidation(VatOutcome.INVALID, rejection.code(), typed, country,
                    clock.instant(), null, null, null));
        }
        VatId id = parsed.get();
        VatCheck answer = registry.check(id, requester(tenantId));
        Instant now = clock.instant();
        VatValidation validation;
        if (answer instanceof Confirmed confirmed) {
            validation = new VatValidation(confirmed.valid() ? VatOutcome.VALID : VatOutcome.INVALID,
                    confirmed.reason(), id.value(), id.isoCountry(), now, confirmed.consultationNumber(),
                    confirmed.name(), confirmed.address());
        } else {
            Unavailable unavailable = (Unavailable) answer;
            validation = new VatValidation(VatOutcome.UNVERIFIED, unavailable.reason(), id.value(), id.isoCountry(),
                    now, null, null, null);
        }
        checks.add(new VatChecks.Evidence(tenantId, userId, validation.vatId(), validation.outcome(),
                validation.reason(), validation.consultationNumber(), validation.name(), validation.address(), now));
        return Either.right(validation);
    }

    /** The tenant's own VAT ID, normalised, or null when it has none (or none that passes the offline check). */
    private String requester(long tenantId) {
        return directory.byId(tenantId)
                .map(d -> d.tenant().seller().vatId())
                .filter(raw -> raw != null && !raw.isBlank())
                .flatMap(raw -> VatId.parse(raw).toOption())
                .map(VatId::value)
                .getOrNull();
    }

    private static String countryOf(String typed) {
        if (typed.length() < 2) {
            return null;
        }
        String prefix = typed.substring(0, 2);
        return new VatId(prefix.equals("GR") ? "EL" : prefix, "").isoCountry();
    }
}
