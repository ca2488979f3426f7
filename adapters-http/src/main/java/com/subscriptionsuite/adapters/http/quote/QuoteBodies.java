package com.subscriptionsuite.adapters.http.quote;

import com.subscriptionsuite.application.port.in.quote.ConfirmQuote;
import com.subscriptionsuite.application.port.in.quote.PublishQuote;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.in.quote.ShowQuote;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The quote routes' bodies, in the seed's names (snake case through the API's mapper). */
final class QuoteBodies {
    private QuoteBodies() {
    }

    /** The seed's Contact (bill_to_contact, sold_to_contact). */
    record Contact(String address1, String address2, String city, String country, String county, String fax,
            String firstName, String lastName, String state, String taxRegion, String workEmail, String workPhone,
            String zipCode) {
        static Contact from(SourceQuote.Contact c) {
            return c == null ? null : new Contact(c.address1(), c.address2(), c.city(), c.country(), c.county(),
                    c.fax(), c.firstName(), c.lastName(), c.state(), c.taxRegion(), c.workEmail(), c.workPhone(),
                    c.zipCode());
        }

        SourceQuote.Contact toContact() {
            return new SourceQuote.Contact(firstName, lastName, address1, address2, city, state, county, zipCode,
                    country, taxRegion, workEmail, workPhone, fax);
        }
    }

    /**
     * GET /quote/{guid}: the seed's fields; extensions: each rate plan's {@code suite_product_id} (null
     * when the catalog has none) and {@code charges}, and {@code accepted}.
     */
    record QuoteResponse(Contact billToContact, String currency, String name, String quoteNumber,
            List<RatePlan> ratePlans, Contact soldToContact, String startDate, String term, String validUntilDate,
            String vatId, boolean accepted) {
        static QuoteResponse from(ShowQuote.ShownQuote shown) {
            SourceQuote q = shown.quote();
            List<RatePlan> plans = new ArrayList<>();
            for (int i = 0; i < q.ratePlans().size(); i++) {
                SourceQuote.RatePlan p = q.ratePlans().get(i);
                plans.add(new RatePlan(p.productRatePlanId(), p.amendmentType() == null ? "NewProduct"
                        : p.amendmentType(), shown.suiteProductIds().get(i), p.charges().stream()
                        .map(c -> new ChargeBody(c.productRatePlanChargeId(), c.quantity(), c.effectivePrice()))
                        .toList()));
            }
            return new QuoteResponse(Contact.from(q.billTo()), q.currency(), q.name(), q.number(), plans,
                    Contact.from(q.soldTo()), q.startDate() == null ? null : q.startDate().toString(), q.term(),
                    q.validUntil() == null ? null : q.validUntil().toString(), q.vatId(), shown.accepted());
        }
    }

    /** A quote rate plan: {@code id} the Zuora product rate plan id, {@code type} the amendment type. */
    record RatePlan(String id, String type, Long suiteProductId, List<ChargeBody> charges) {
    }

    /** A quote charge: the Zuora product rate plan charge id, quantity, effective price. */
    record ChargeBody(String id, BigDecimal quantity, BigDecimal price) {
    }

    /** A rate plan of an admin quote. */
    record RatePlanBody(String id, String type, List<ChargeBody> charges) {
    }

    /** POST /quote/{guid}/confirm: the seed's {@code {success}}; extension: the subscriptions' ids. */
    record ConfirmResponse(boolean success, List<String> ids) {
        static ConfirmResponse from(ConfirmQuote.Confirmed confirmed) {
            return new ConfirmResponse(true, confirmed.subscriptionIds());
        }
    }

    /** POST /admin/quote's answer: the guid (shown once), the path of the link, the quote's id at its source. */
    record PublishedResponse(String guid, String path, String sourceId) {
        static PublishedResponse from(PublishQuote.Published published) {
            return new PublishedResponse(published.guid(), "/quote/" + published.guid(), published.sourceId());
        }
    }

    /**
     * POST /admin/quote: either {@code source_id} alone (a quote that lives at the source, e.g. a
     * Salesforce quote id) or a quote's content (stored in the engine: the built-in source).
     */
    record AdminQuoteRequest(String sourceId, String name, String quoteNumber, String currency,
            String validUntilDate, String startDate, String term, String vatId, String companyName,
            Contact billToContact, Contact soldToContact, List<RatePlanBody> ratePlans) {

        boolean linksOnly() {
            return sourceId != null;
        }

        Either<QuoteFailure, String> sourceIdAlone() {
            if (name != null || quoteNumber != null || currency != null || validUntilDate != null || startDate != null
                    || term != null || vatId != null || companyName != null || billToContact != null
                    || soldToContact != null || ratePlans != null) {
                return Either.left(new QuoteFailure.QuoteInvalid("source_id",
                        "a quote is linked by source_id alone, or sent with its content without source_id"));
            }
            return Either.right(sourceId);
        }

        Either<QuoteFailure, SourceQuote> toQuote() {
            Either<QuoteFailure, LocalDate> validUntil = date("valid_until_date", validUntilDate, true);
            if (validUntil.isLeft()) {
                return Either.left(validUntil.getLeft());
            }
            Either<QuoteFailure, LocalDate> start = date("start_date", startDate, false);
            if (start.isLeft()) {
                return Either.left(start.getLeft());
            }
            if (ratePlans == null) {
                return Either.left(new QuoteFailure.QuoteInvalid("rate_plans", "is required"));
            }
            List<SourceQuote.RatePlan> plans = new ArrayList<>();
            for (int i = 0; i < ratePlans.size(); i++) {
                RatePlanBody p = ratePlans.get(i);
                if (p == null || p.id() == null) {
                    return Either.left(new QuoteFailure.QuoteInvalid("rate_plans[" + i + "].id", "is required"));
                }
                if (p.charges() == null) {
                    return Either.left(new QuoteFailure.QuoteInvalid("rate_plans[" + i + "].charges", "is required"));
                }
                List<SourceQuote.Charge> charges = new ArrayList<>();
                for (int k = 0; k < p.charges().size(); k++) {
                    ChargeBody c = p.charges().get(k);
                    if (c == null || c.id() == null) {
                        return Either.left(new QuoteFailure.QuoteInvalid("rate_plans[" + i + "].charges[" + k
                                + "].id", "is required"));
                    }
                    charges.add(new SourceQuote.Charge(c.id(), c.quantity(), c.price()));
                }
                plans.add(new SourceQuote.RatePlan(p.id(), p.type() == null ? "NewProduct" : p.type(), charges));
            }
            return Either.right(new SourceQuote("new", name, quoteNumber, currency, validUntil.get(), start.get(),
                    term, vatId, companyName, SourceQuote.Status.OPEN, "open",
                    billToContact == null ? null : billToContact.toContact(),
                    soldToContact == null ? null : soldToContact.toContact(), plans));
        }

        private static Either<QuoteFailure, LocalDate> date(String field, String value, boolean required) {
            if (value == null) {
                return required ? Either.left(new QuoteFailure.QuoteInvalid(field, "is required")) : Either.right(null);
            }
            try {
                return Either.right(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return Either.left(new QuoteFailure.QuoteInvalid(field, "'" + value + "' is not a date (YYYY-MM-DD)"));
            }
        }
    }
}
