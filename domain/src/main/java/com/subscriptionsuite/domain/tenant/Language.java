package com.subscriptionsuite.domain.tenant;

import java.util.Objects;

/** A language the tenant's shop speaks; {@code code} is what {@code ?lang=} takes (e.g. "de"). */
public record Language(long id, String code, boolean active, boolean isDefault) {
    public Language {
        Objects.requireNonNull(code, "code");
    }
}
