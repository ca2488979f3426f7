package com.subscriptionsuite.zuora.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The tenant's data, mutable, guarded by the simulator's lock. */
final class Model {
    private Model() {}

    static final class Account {
        String id;
        String number;
        String name;
        String currency;
        int billCycleDay;
        boolean autoPay;
        String status = "Active";
        String paymentTerm = "Due Upon Receipt";
        String batch = "Batch1";
        String crmId;
        String notes;
        String purchaseOrderNumber;
        String salesRep;
        String paymentGateway;
        boolean invoiceDeliveryPrefsEmail;
        boolean invoiceDeliveryPrefsPrint;
        List<String> additionalEmailAddresses = new ArrayList<>();
        ObjectNode billTo;
        ObjectNode soldTo;
        ObjectNode shipTo;
        String defaultPaymentMethodId;
        ObjectNode customFields;
        /** Zuora's taxInfo as sent ({@code VATId}, {@code exemptStatus}, {@code companyCode}, ...); null if none. */
        ObjectNode taxInfo;
        Instant createdOn;

        /** Zuora Tax exempts the account: {@code taxInfo.exemptStatus} is {@code Yes}. */
        boolean taxExempt() {
            return taxInfo != null && "Yes".equalsIgnoreCase(taxInfo.path("exemptStatus").asText(""));
        }
    }

    static final class PaymentMethod {
        String id;
        String accountId;
        String type;
        String status = "Active";
        ObjectNode details;
        Instant createdOn;
    }

    static final class Subscription {
        String id;
        String number;
        int version;
        boolean latest = true;
        String accountId;
        String status = "Active";
        String orderNumber;
        LocalDate contractEffectiveDate;
        LocalDate serviceActivationDate;
        LocalDate customerAcceptanceDate;
        LocalDate subscriptionStartDate;
        LocalDate subscriptionEndDate;
        LocalDate termStartDate;
        LocalDate termEndDate;
        LocalDate cancelledDate;
        String termType = "EVERGREEN";
        int initialTerm;
        String initialTermPeriodType = "Month";
        int currentTerm;
        String currentTermPeriodType = "Month";
        int renewalTerm;
        String renewalTermPeriodType = "Month";
        boolean autoRenew;
        String renewalSetting = "RENEW_WITH_SPECIFIC_TERM";
        String notes;
        ObjectNode customFields;
        List<RatePlan> ratePlans = new ArrayList<>();
        /** Proration lines of amendments, invoiced by the next billing run that reaches their date. */
        List<InvoiceItem> pendingItems = new ArrayList<>();

        Subscription copyAsNextVersion() {
            Subscription s = new Subscription();
            s.id = Ids.newId();
            s.number = number;
            s.version = version + 1;
            s.accountId = accountId;
            s.status = status;
            s.orderNumber = orderNumber;
            s.contractEffectiveDate = contractEffectiveDate;
            s.serviceActivationDate = serviceActivationDate;
            s.customerAcceptanceDate = customerAcceptanceDate;
            s.subscriptionStartDate = subscriptionStartDate;
            s.subscriptionEndDate = subscriptionEndDate;
            s.termStartDate = termStartDate;
            s.termEndDate = termEndDate;
            s.cancelledDate = cancelledDate;
            s.termType = termType;
            s.initialTerm = initialTerm;
            s.initialTermPeriodType = initialTermPeriodType;
            s.currentTerm = currentTerm;
            s.currentTermPeriodType = currentTermPeriodType;
            s.renewalTerm = renewalTerm;
            s.renewalTermPeriodType = renewalTermPeriodType;
            s.autoRenew = autoRenew;
            s.renewalSetting = renewalSetting;
            s.notes = notes;
            s.customFields = customFields == null ? null : customFields.deepCopy();
            s.pendingItems.addAll(pendingItems);
            for (RatePlan rp : ratePlans) {
                s.ratePlans.add(rp.copyForNextVersion(s.version));
            }
            return s;
        }
    }

    static final class RatePlan {
        String id;
        String originalId;
        /** The ids this rate plan had in earlier versions: Zuora accepts the latest; the simulator also these. */
        List<String> earlierIds = new ArrayList<>();
        String number;
        String productId;
        String productName;
        String productSku;
        String productRatePlanId;
        String ratePlanName;
        String lastChangeType = "Add";
        boolean removed;
        ObjectNode customFields;
        List<Charge> charges = new ArrayList<>();

        RatePlan copyForNextVersion(int version) {
            RatePlan r = new RatePlan();
            r.id = Ids.newId();
            r.originalId = originalId;
            r.earlierIds.addAll(earlierIds);
            r.earlierIds.add(id);
            r.number = number;
            r.productId = productId;
            r.productName = productName;
            r.productSku = productSku;
            r.productRatePlanId = productRatePlanId;
            r.ratePlanName = ratePlanName;
            r.lastChangeType = lastChangeType;
            r.removed = removed;
            r.customFields = customFields == null ? null : customFields.deepCopy();
            for (Charge c : charges) {
                r.charges.add(c.copyForNextVersion(version));
            }
            return r;
        }

        boolean answersTo(String key) {
            return key != null && (key.equals(id) || key.equals(originalId) || key.equals(number) || earlierIds.contains(key));
        }
    }

    static final class Charge {
        String id;
        String originalChargeId;
        String number;
        int segment = 1;
        int version = 1;
        String productRatePlanChargeId;
        String name;
        String type;
        String model;
        String billingPeriod;
        String billingTiming;
        String uom;
        String currency;
        BigDecimal quantity;
        BigDecimal price;
        BigDecimal discountPercentage;
        List<Catalog.Tier> tiers = List.of();
        LocalDate effectiveStartDate;
        LocalDate effectiveEndDate;
        LocalDate chargedThroughDate;
        /** The first day of the charge's first segment: multi-month periods count from its month. */
        LocalDate cycleAnchor;
        /** From the catalog: taxable, taxCode, taxMode (TaxExclusive|TaxInclusive), applyDiscountTo. */
        boolean taxable;
        String taxCode;
        String taxMode;
        String applyDiscountTo;
        /** The charge's ended segments (oldest first), each a snapshot with its own id, quantity, price and dates. */
        List<Charge> earlierSegments = new ArrayList<>();
        ObjectNode customFields;

        Charge copyForNextVersion(int subscriptionVersion) {
            Charge c = snapshot();
            c.id = Ids.newId();
            for (Charge e : earlierSegments) {
                c.earlierSegments.add(e.snapshot());
            }
            return c;
        }

        /** A copy with the same id (segments of earlier versions keep theirs), without the earlier segments. */
        Charge snapshot() {
            Charge c = new Charge();
            c.id = id;
            c.originalChargeId = originalChargeId;
            c.number = number;
            c.segment = segment;
            c.version = version;
            c.productRatePlanChargeId = productRatePlanChargeId;
            c.name = name;
            c.type = type;
            c.model = model;
            c.billingPeriod = billingPeriod;
            c.billingTiming = billingTiming;
            c.uom = uom;
            c.currency = currency;
            c.quantity = quantity;
            c.price = price;
            c.discountPercentage = discountPercentage;
            c.tiers = tiers;
            c.effectiveStartDate = effectiveStartDate;
            c.effectiveEndDate = effectiveEndDate;
            c.chargedThroughDate = chargedThroughDate;
            c.cycleAnchor = cycleAnchor;
            c.taxable = taxable;
            c.taxCode = taxCode;
            c.taxMode = taxMode;
            c.applyDiscountTo = applyDiscountTo;
            c.customFields = customFields == null ? null : customFields.deepCopy();
            return c;
        }

        boolean isDiscount() {
            return "DiscountPercentage".equals(model) || "DiscountFixedAmount".equals(model);
        }
    }

    static final class Order {
        String id;
        String number;
        LocalDate orderDate;
        String accountId;
        String accountNumber;
        String status = "Completed";
        ObjectNode customFields;
        List<String> subscriptionNumbers = new ArrayList<>();
        List<String> invoiceNumbers = new ArrayList<>();
        Instant createdOn;
    }

    static final class Invoice {
        String id;
        String number;
        String accountId;
        String currency;
        LocalDate invoiceDate;
        LocalDate dueDate;
        LocalDate targetDate;
        /** amountWithoutTax + taxAmount. */
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal amountWithoutTax = BigDecimal.ZERO;
        BigDecimal taxAmount = BigDecimal.ZERO;
        BigDecimal balance = BigDecimal.ZERO;
        String billRunId;
        String status = "Posted";
        String sourceId;
        boolean includesOneTime;
        boolean includesRecurring;
        String fileId;
        Instant createdOn;
        List<InvoiceItem> items = new ArrayList<>();
    }

    /**
     * One invoice item (Zuora's GET_InvoiceItems shape): {@code amount} is the charge amount without tax
     * (for a TaxInclusive charge the price less its tax, once taxed), {@code taxAmount} its one taxation item's.
     */
    static final class InvoiceItem {
        final String id = Ids.newId();
        String subscriptionNumber;
        String subscriptionId;
        String chargeId;
        String chargeNumber;
        String chargeName;
        String chargeType;
        String productRatePlanChargeId;
        /** Charge or Discount. */
        String processingType = "Charge";
        /** For a discount item: the item it discounts. */
        String appliedToItemId;
        String uom;
        BigDecimal quantity;
        BigDecimal unitPrice;
        BigDecimal amount;
        /** The share of a full period this item bills (1 for a full period; negative for a credit). */
        BigDecimal factor = BigDecimal.ONE;
        LocalDate serviceStartDate;
        LocalDate serviceEndDate;
        boolean taxable;
        String taxCode;
        String taxMode;
        BigDecimal taxAmount = BigDecimal.ZERO;
        /** The one taxation item, once taxed (null: not taxed). */
        Taxation taxation;

        BigDecimal amount() { return amount; }
        BigDecimal taxAmount() { return taxAmount; }
        LocalDate serviceStartDate() { return serviceStartDate; }
        LocalDate serviceEndDate() { return serviceEndDate; }
        String chargeName() { return chargeName; }
        String chargeType() { return chargeType; }
        String processingType() { return processingType; }
        String subscriptionNumber() { return subscriptionNumber; }
        BigDecimal quantity() { return quantity; }

        @Override
        public String toString() {
            return processingType + " " + chargeName + " " + serviceStartDate + ".." + serviceEndDate + " " + amount + " tax " + taxAmount;
        }
    }

    record Taxation(String id, String name, String jurisdiction, String taxCode, BigDecimal taxRate, LocalDate taxDate,
                    BigDecimal taxAmount) {}

    /** A bill run (POST /v1/bill-runs), run synchronously. */
    static final class BillRun {
        String id;
        String number;
        String name;
        String status;
        LocalDate targetDate;
        LocalDate invoiceDate;
        boolean autoPost;
        List<String> batches = new ArrayList<>();
        String billCycleDay;
        com.fasterxml.jackson.databind.JsonNode billRunFilters;
        List<String> chargeTypeToExclude = new ArrayList<>();
        List<String> invoiceIds = new ArrayList<>();
        Instant createdOn;
    }
}
