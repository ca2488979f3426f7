package com.subscriptionsuite.application.port.in.pricing;

import com.subscriptionsuite.domain.pricing.PricePreview;
import io.vavr.control.Either;

/** Prices a cart per billing period with tax and discounts, without touching any store. */
public interface PreviewPrices {
    Either<PreviewFailure, PricePreview> preview(PreviewPricesQuery query);
}
