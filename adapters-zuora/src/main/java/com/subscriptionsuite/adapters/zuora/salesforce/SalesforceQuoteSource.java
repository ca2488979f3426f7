package com.subscriptionsuite.adapters.zuora.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.port.out.quote.QuoteSource;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Zuora Quotes in Salesforce as the engine's quote source (docs/quotes.md, "Salesforce"). Reads a
 * quote with two SOQL queries (the {@code zqu__Quote__c} with its bill-to and sold-to Contact and its
 * account's name; then its {@code zqu__QuoteRatePlanCharge__c} rows with their
 * {@code zqu__QuoteRatePlan__c}), and marks it accepted with a PATCH of the quote's
 * {@code zqu__Status__c} (the first accepted status) and {@code zqu__Customer_Acceptance_Date__c}:
 * writing the same values again changes nothing, so the mark is idempotent.
 * <p>
 * One org serves every tenant of the engine: a tenant reaches a quote only through a link the
 * tenant's admin handed out, so the tenant id is not sent to Salesforce. A source id that is not a
 * Salesforce record id (15 or 18 letters and digits) is not found without a call, so nothing a
 * caller sends becomes part of a SOQL statement.
 */
public final class SalesforceQuoteSource implements QuoteSource {
    /** The quote object's API name. */
    static final String QUOTE = "zqu__Quote__c";
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
    private static final List<String> CONTACT_FIELDS = List.of("FirstName", "LastName", "MailingStreet",
            "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry", "Email", "Phone", "Fax");

    /** The quote's fields the engine reads, in the order they are selected. */
    static final String QUOTE_QUERY = "SELECT Id, Name, zqu__Number__c, zqu__Currency__c, zqu__ValidUntil__c, "
            + "zqu__StartDate__c, zqu__InitialTerm__c, zqu__Status__c, zqu__Account__r.Name, "
            + contactFields("zqu__BillToContact__r") + ", " + contactFields("zqu__SoldToContact__r")
            + " FROM zqu__Quote__c WHERE Id = '%s'";
    /** The quote's charges with their rate plans, in rate plan order. */
    static final String CHARGES_QUERY = "SELECT Id, zqu__QuoteRatePlan__c, "
            + "zqu__QuoteRatePlan__r.zqu__ProductRatePlanZuoraId__c, zqu__QuoteRatePlan__r.zqu__AmendmentType__c, "
            + "zqu__ProductRatePlanChargeZuoraId__c, zqu__Quantity__c, zqu__EffectivePrice__c "
            + "FROM zqu__QuoteRatePlanCharge__c WHERE zqu__QuoteRatePlan__r.zqu__Quote__c = '%s' "
            + "ORDER BY zqu__QuoteRatePlan__c, Id";

    private final SalesforceClient client;
    private final SalesforceSettings settings;

    public SalesforceQuoteSource(SalesforceSettings settings) {
        this(new SalesforceClient(settings), settings);
    }

    SalesforceQuoteSource(SalesforceClient client, SalesforceSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    private static String contactFields(String relation) {
        return String.join(", ", CONTACT_FIELDS.stream().map(f -> relation + "." + f).toList());
    }

    /** The circuit breaker's state, for health checks. */
    public String circuitState() {
        return client.circuitState();
    }

    @Override
    public Either<QuoteSourceFailure, SourceQuote> quote(long tenantId, String sourceId) {
        if (sourceId == null || !RECORD_ID.matcher(sourceId).matches()) {
            return Either.left(new QuoteSourceFailure.NotFound("quote " + sourceId));
        }
        Either<QuoteSourceFailure, JsonNode> header = client.query(QUOTE_QUERY.formatted(sourceId));
        if (header.isLeft()) {
            return Either.left(header.getLeft());
        }
        JsonNode records = header.get().path("records");
        if (!records.isArray() || records.isEmpty()) {
            return Either.left(new QuoteSourceFailure.NotFound("quote " + sourceId));
        }
        Either<QuoteSourceFailure, JsonNode> charges = client.query(CHARGES_QUERY.formatted(sourceId));
        if (charges.isLeft()) {
            return Either.left(charges.getLeft());
        }
        return quote(records.get(0), charges.get().path("records"));
    }

    private Either<QuoteSourceFailure, SourceQuote> quote(JsonNode q, JsonNode charges) {
        Map<String, List<SourceQuote.Charge>> byPlan = new LinkedHashMap<>();
        Map<String, String[]> plans = new LinkedHashMap<>();
        for (JsonNode c : charges) {
            String planKey = text(c, "zqu__QuoteRatePlan__c");
            JsonNode plan = c.path("zqu__QuoteRatePlan__r");
            String productRatePlanId = text(plan, "zqu__ProductRatePlanZuoraId__c");
            String chargeId = text(c, "zqu__ProductRatePlanChargeZuoraId__c");
            if (planKey == null || productRatePlanId == null || chargeId == null) {
                return Either.left(new QuoteSourceFailure.Rejected("QUOTE_INCOMPLETE", "quote charge " + text(c, "Id")
                        + " has no rate plan, product rate plan Zuora id or product rate plan charge Zuora id"));
            }
            plans.putIfAbsent(planKey, new String[] {productRatePlanId, text(plan, "zqu__AmendmentType__c")});
            byPlan.computeIfAbsent(planKey, k -> new ArrayList<>())
                    .add(new SourceQuote.Charge(chargeId, decimal(c, "zqu__Quantity__c"),
                            decimal(c, "zqu__EffectivePrice__c")));
        }
        List<SourceQuote.RatePlan> ratePlans = new ArrayList<>();
        plans.forEach((key, plan) -> ratePlans.add(new SourceQuote.RatePlan(plan[0], plan[1], byPlan.get(key))));
        String status = text(q, "zqu__Status__c");
        SourceQuote.Status mapped = status != null && settings.acceptedStatuses().contains(status)
                ? SourceQuote.Status.ACCEPTED
                : status != null && settings.openStatuses().contains(status) ? SourceQuote.Status.OPEN
                : SourceQuote.Status.CLOSED;
        JsonNode term = q.path("zqu__InitialTerm__c");
        try {
            return Either.right(new SourceQuote(text(q, "Id"), text(q, "Name"), text(q, "zqu__Number__c"),
                    text(q, "zqu__Currency__c"), date(q, "zqu__ValidUntil__c"), date(q, "zqu__StartDate__c"),
                    term.isNumber() ? term.decimalValue().stripTrailingZeros().toPlainString() : null, null,
                    text(q.path("zqu__Account__r"), "Name"), mapped, status, contact(q.path("zqu__BillToContact__r")),
                    contact(q.path("zqu__SoldToContact__r")), ratePlans));
        } catch (DateTimeParseException e) {
            return Either.left(new QuoteSourceFailure.Rejected("QUOTE_INCOMPLETE", "quote " + text(q, "Id")
                    + " has a date that is not a date: " + e.getParsedString()));
        }
    }

    private static SourceQuote.Contact contact(JsonNode c) {
        if (c == null || !c.isObject()) {
            return null;
        }
        String street = text(c, "MailingStreet");
        String address1 = street;
        String address2 = null;
        if (street != null && street.contains("\n")) {
            address1 = street.substring(0, street.indexOf('\n')).strip();
            address2 = street.substring(street.indexOf('\n') + 1).strip();
        }
        return new SourceQuote.Contact(text(c, "FirstName"), text(c, "LastName"), address1, address2,
                text(c, "MailingCity"), text(c, "MailingState"), null, text(c, "MailingPostalCode"),
                text(c, "MailingCountry"), null, text(c, "Email"), text(c, "Phone"), text(c, "Fax"));
    }

    @Override
    public Either<QuoteSourceFailure, Accepted> markAccepted(long tenantId, String sourceId, LocalDate acceptedOn) {
        if (sourceId == null || !RECORD_ID.matcher(sourceId).matches()) {
            return Either.left(new QuoteSourceFailure.NotFound("quote " + sourceId));
        }
        String json = "{\"zqu__Status__c\":" + jsonString(settings.acceptedStatus())
                + ",\"zqu__Customer_Acceptance_Date__c\":\"" + acceptedOn + "\"}";
        return client.update(QUOTE, sourceId, json).map(none -> new Accepted(sourceId));
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
