package com.subscriptionsuite.zuora.simulator.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zuora Quotes quote as the simulated org holds it: a {@code zqu__Quote__c} with its account's name,
 * its bill-to and sold-to Contact (standard Contact fields) and its rate plans and charges. Built by a
 * test with the fluent setters, then handed to {@link SalesforceSimulator#addQuote}.
 */
public final class SalesforceQuote {
    String id;
    String name = "Quote";
    String number;
    String currency = "EUR";
    LocalDate validUntil;
    LocalDate startDate;
    BigDecimal initialTerm = new BigDecimal("12");
    String status = "New";
    LocalDate acceptanceDate;
    String accountName;
    Map<String, Object> billTo;
    Map<String, Object> soldTo;
    final List<Plan> plans = new ArrayList<>();

    record Plan(String id, String productRatePlanZuoraId, String amendmentType, List<Charge> charges) {
    }

    record Charge(String id, String productRatePlanChargeZuoraId, BigDecimal quantity, BigDecimal effectivePrice) {
    }

    public static SalesforceQuote quote(String number, LocalDate validUntil) {
        SalesforceQuote q = new SalesforceQuote();
        q.number = number;
        q.validUntil = validUntil;
        return q;
    }

    public SalesforceQuote name(String name) {
        this.name = name;
        return this;
    }

    public SalesforceQuote currency(String currency) {
        this.currency = currency;
        return this;
    }

    public SalesforceQuote startDate(LocalDate startDate) {
        this.startDate = startDate;
        return this;
    }

    public SalesforceQuote status(String status) {
        this.status = status;
        return this;
    }

    public SalesforceQuote account(String accountName) {
        this.accountName = accountName;
        return this;
    }

    /** A Contact: first and last name, street, city, postal code, country, email, phone. */
    public static Map<String, Object> contact(String first, String last, String street, String city, String zip,
            String country, String email, String phone) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("FirstName", first);
        c.put("LastName", last);
        c.put("MailingStreet", street);
        c.put("MailingCity", city);
        c.put("MailingState", null);
        c.put("MailingPostalCode", zip);
        c.put("MailingCountry", country);
        c.put("Email", email);
        c.put("Phone", phone);
        c.put("Fax", null);
        return c;
    }

    public SalesforceQuote billTo(Map<String, Object> contact) {
        this.billTo = new LinkedHashMap<>(contact);
        return this;
    }

    public SalesforceQuote soldTo(Map<String, Object> contact) {
        this.soldTo = new LinkedHashMap<>(contact);
        return this;
    }

    /** Adds a rate plan (a Zuora product rate plan id) with charges: pairs of id and quantity/price. */
    public SalesforceQuote ratePlan(String productRatePlanZuoraId, ChargeLine... charges) {
        List<Charge> list = new ArrayList<>();
        for (ChargeLine c : charges) {
            list.add(new Charge(null, c.productRatePlanChargeZuoraId(), c.quantity(), c.effectivePrice()));
        }
        plans.add(new Plan(null, productRatePlanZuoraId, "NewProduct", list));
        return this;
    }

    /** One charge of a rate plan: the Zuora product rate plan charge id, the quantity, the effective price. */
    public record ChargeLine(String productRatePlanChargeZuoraId, BigDecimal quantity, BigDecimal effectivePrice) {
        public static ChargeLine of(String id, String quantity, String price) {
            return new ChargeLine(id, quantity == null ? null : new BigDecimal(quantity),
                    price == null ? null : new BigDecimal(price));
        }
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public LocalDate acceptanceDate() {
        return acceptanceDate;
    }
}
