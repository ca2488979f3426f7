package com.subscriptionsuite.domain.pricing;

import com.subscriptionsuite.domain.tax.TaxDecision;
import java.util.List;
import org.joda.money.CurrencyUnit;

/** The priced cart: suite products ordered by order_pos, in one currency, with the tax decision. */
public record PricePreview(CurrencyUnit currency, TaxDecision tax, List<SuiteProductPrice> suiteProducts) {
    public PricePreview {
        suiteProducts = List.copyOf(suiteProducts);
    }
}
