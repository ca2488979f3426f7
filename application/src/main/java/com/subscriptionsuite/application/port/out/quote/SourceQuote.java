package com.subscriptionsuite.application.port.out.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A quote as its source holds it (Zuora Quotes' {@code zqu__Quote__c} with its rate plans, charges and
 * contacts, or the engine's own store): {@code sourceId} is the source's key of the quote (a
 * Salesforce record id, or the built-in store's id), never shown to a customer. Texts may be null
 * where the source has none.
 *
 * @param status      what the engine may do with it ({@link Status})
 * @param sourceStatus the source's own status text, for messages
 * @param companyName the customer's company (the Salesforce account's name), null for a consumer
 */
public record SourceQuote(String sourceId, String name, String number, String currency, LocalDate validUntil,
        LocalDate startDate, String term, String vatId, String companyName, Status status, String sourceStatus,
        Contact billTo, Contact soldTo, List<RatePlan> ratePlans) {
    public SourceQuote {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        ratePlans = List.copyOf(ratePlans);
    }

    /** The states that matter to the engine. */
    public enum Status {
        /** Can be accepted (Salesforce: one of the configured open statuses; built in: {@code open}). */
        OPEN,
        /** Accepted already (by the engine, or at the source). */
        ACCEPTED,
        /** Any other state (rejected, withdrawn, cancelled ...): cannot be accepted. */
        CLOSED
    }

    /** A bill-to or sold-to contact, with the seed's Contact fields. */
    public record Contact(String firstName, String lastName, String address1, String address2, String city,
            String state, String county, String zipCode, String country, String taxRegion, String workEmail,
            String workPhone, String fax) {
    }

    /**
     * One rate plan of the quote: the Zuora product rate plan it sells ({@code productRatePlanId}, a
     * catalog item's {@code zuoraId}) and the amendment type ({@code NewProduct} for a new
     * subscription).
     */
    public record RatePlan(String productRatePlanId, String amendmentType, List<Charge> charges) {
        public RatePlan {
            Objects.requireNonNull(productRatePlanId, "productRatePlanId");
            charges = List.copyOf(charges);
        }
    }

    /**
     * One charge of a quote rate plan: the Zuora product rate plan charge it prices, the quantity and
     * the effective price (per unit, in the quote's currency; null when the source has none).
     */
    public record Charge(String productRatePlanChargeId, BigDecimal quantity, BigDecimal effectivePrice) {
        public Charge {
            Objects.requireNonNull(productRatePlanChargeId, "productRatePlanChargeId");
        }
    }
}
