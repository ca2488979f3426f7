package com.subscriptionsuite.domain.tenant;

import java.util.Objects;
import org.joda.money.CurrencyUnit;

/** A currency the tenant sells in, with the separators the frontend formats amounts with. */
public record CurrencySetting(
        long id, CurrencyUnit currency, boolean active, boolean isDefault, String decimalSeparator,
        String thousandsSeparator) {
    public CurrencySetting {
        Objects.requireNonNull(currency, "currency");
        decimalSeparator = decimalSeparator == null ? "." : decimalSeparator;
        thousandsSeparator = thousandsSeparator == null ? "," : thousandsSeparator;
    }
}
