package com.subscriptionsuite.application.port.in.quote;

import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import io.vavr.control.Either;
import java.util.List;

/**
 * A quote by its link (seed GET /quote/{guid}): the guid is the capability. An unknown guid, and one
 * of another tenant, are the same {@link QuoteFailure.QuoteNotFound}.
 */
public interface ShowQuote {
    Either<QuoteFailure, ShownQuote> show(long tenantId, String guid);

    /**
     * The quote as its source holds it, each rate plan with the suite product of the catalog that
     * sells it (null when the catalog has none), and whether it was accepted.
     */
    record ShownQuote(SourceQuote quote, List<Long> suiteProductIds, boolean accepted) {
        public ShownQuote {
            suiteProductIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(suiteProductIds));
        }
    }
}
