package com.subscriptionsuite.domain.tax;

import java.util.Objects;

/**
 * Why {@link VatId#parse(String)} refused a VAT ID in the offline check.
 *
 * <p>{@code code} is one of {@code vat_id_empty}, {@code vat_id_unknown_prefix},
 * {@code vat_id_bad_format} or {@code vat_id_bad_checksum}; {@code reason} is an English sentence
 * naming what is wrong, fit to show to the person who typed the number.
 */
public record VatIdRejection(String code, String reason) {

    static final String EMPTY = "vat_id_empty";
    static final String UNKNOWN_PREFIX = "vat_id_unknown_prefix";
    static final String BAD_FORMAT = "vat_id_bad_format";
    static final String BAD_CHECKSUM = "vat_id_bad_checksum";

    public VatIdRejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
