package com.subscriptionsuite.adapters.zuora;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zuora-shaped request and response bodies, named and spelt as in Zuora's v1 API document. They
 * never leave the adapter. Answers ignore the fields the adapter does not read; custom fields
 * ({@code <name>__c}) travel as the top-level properties Zuora wants.
 */
final class ZuoraDtos {
    private ZuoraDtos() {
    }

    // ---- requests -----------------------------------------------------------------------------

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String firstName, String lastName, String address1, String address2, String city, String state,
            String zipCode, String country, String workEmail, String workPhone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaxInfo(@JsonProperty("VATId") String vatId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateAccount(String name, String currency, Integer billCycleDay, Boolean autoPay, String paymentTerm,
            Contact billToContact, Contact soldToContact, String hpmCreditCardPaymentMethodId, TaxInfo taxInfo,
            @JsonIgnore Map<String, Object> customFields) {
        @JsonAnyGetter
        Map<String, Object> custom() {
            return customFields;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpdateAccount(String name, Contact billToContact, Contact soldToContact, String defaultPaymentMethodId,
            TaxInfo taxInfo, @JsonIgnore Map<String, Object> customFields) {
        @JsonAnyGetter
        Map<String, Object> custom() {
            return customFields;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountHolderInfo(String accountHolderName) {
    }

    /**
     * A payment method the engine creates in Zuora: a bank transfer (direct debit: Zuora's SEPA type,
     * with what the engine keeps of it) or an approved PayPal agreement (PayPalEC with its BAID).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatePaymentMethod(String type, String accountKey, @JsonProperty("IBAN") String iban,
            String accountMaskNumber, AccountHolderInfo accountHolderInfo, Boolean makeDefault,
            Boolean skipValidation, @JsonProperty("BAID") String baid, String email) {
        static CreatePaymentMethod sepa(String iban, String mask, String holder) {
            return new CreatePaymentMethod("SEPA", null, iban, mask, new AccountHolderInfo(holder), null, true, null,
                    null);
        }

        static CreatePaymentMethod payPal(String baid, String email) {
            return new CreatePaymentMethod("PayPalEC", null, null, null, null, null, null, baid, email);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateOrder(String orderDate, String orderNumber, String existingAccountNumber,
            ProcessingOptions processingOptions, List<OrderSubscription> subscriptions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcessingOptions(Boolean runBilling, Boolean collectPayment, BillingOptions billingOptions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BillingOptions(String targetDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderSubscription(String subscriptionNumber, List<OrderAction> orderActions,
            Map<String, Object> customFields) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderAction(String type, List<TriggerDate> triggerDates, CreateSubscription createSubscription,
            RatePlanOverride addProduct, RatePlanUpdate updateProduct, RemoveProduct removeProduct,
            CancelSubscription cancelSubscription) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TriggerDate(String name, String triggerDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateSubscription(String subscriptionOwnerAccountNumber, Terms terms,
            List<RatePlanOverride> subscribeToRatePlans) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Terms(InitialTerm initialTerm, String renewalSetting, List<RenewalTerm> renewalTerms, Boolean autoRenew) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InitialTerm(String termType, Integer period, String periodType, String startDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RenewalTerm(Integer period, String periodType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RatePlanOverride(String productRatePlanId, List<ChargeOverride> chargeOverrides) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChargeOverride(String productRatePlanChargeId, Map<String, Object> pricing) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RatePlanUpdate(String ratePlanId, List<ChargeUpdate> chargeUpdates) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChargeUpdate(String chargeNumber, Map<String, Object> pricing, Map<String, Object> effectiveDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RemoveProduct(String ratePlanId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelSubscription(String cancellationPolicy, String cancellationEffectiveDate) {
    }

    // ---- answers ------------------------------------------------------------------------------

    /** Fields Zuora sends that a DTO does not name, custom fields among them. */
    abstract static class Open {
        @JsonIgnore
        final Map<String, Object> other = new LinkedHashMap<>();

        @JsonAnySetter
        void other(String name, Object value) {
            other.put(name, value);
        }

        String custom(String name) {
            Object v = other.get(name);
            return v == null ? null : String.valueOf(v);
        }
    }

    /** {@code POSTRSASignatureType}: the hosted page 2.0 to sign, by its page id and URI. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RsaSignatureRequest(String uri, String method, String pageId, String locale) {
    }

    /** {@code POSTRSASignatureResponseType}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class RsaSignature {
        public String signature;
        public String token;
        public String tenantId;
        public String key;
    }

    /** {@code GETPaymentMethodResponse}: what the engine shows of a method (masked by Zuora). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class PaymentMethodRead {
        public String id;
        public String type;
        public String status;
        public String accountKey;
        public String accountId;
        public String cardNumber;
        public String creditCardMaskNumber;
        public String creditCardType;
        public Integer expirationMonth;
        public Integer expirationYear;
        @JsonProperty("IBAN")
        public String iban;
        public String bankABACode;
        public String bankAccountName;
        public String bankAccountNumber;
        public String bankAccountType;
        public AccountHolderRead accountHolderInfo;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class AccountHolderRead {
        public String accountHolderName;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class CreatedAccount {
        public String accountId;
        public String accountNumber;
        public String paymentMethodId;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Account {
        public BasicInfo basicInfo;
        public BillingAndPayment billingAndPayment;
        public ContactRead billToContact;
        public ContactRead soldToContact;
        public TaxInfoRead taxInfo;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class BasicInfo extends Open {
        public String id;
        public String accountNumber;
        public String name;
        public String status;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class BillingAndPayment {
        public String currency;
        public String defaultPaymentMethodId;
        public Integer billCycleDay;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ContactRead {
        public String id;
        public String firstName;
        public String lastName;
        public String address1;
        public String address2;
        public String city;
        public String state;
        public String zipCode;
        public String country;
        public String workEmail;
        public String workPhone;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class TaxInfoRead {
        @JsonProperty("VATId")
        public String vatId;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class CreatedPaymentMethod {
        public String id;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class CreatedOrder {
        public String orderNumber;
        public String orderId;
        public String status;
        public List<OrderedSubscription> subscriptions;
        public List<String> subscriptionNumbers;
        public List<String> invoiceNumbers;
        public List<String> invoiceIds;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class OrderedSubscription {
        public String subscriptionNumber;
        public String subscriptionId;
        public String status;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Subscriptions {
        public List<SubscriptionRead> subscriptions;
        public String nextPage;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class SubscriptionRead extends Open {
        public String id;
        public String subscriptionNumber;
        public Integer version;
        public String status;
        public String accountId;
        public String currency;
        public String termType;
        public Integer initialTerm;
        public String initialTermPeriodType;
        public Integer renewalTerm;
        public String renewalTermPeriodType;
        public Boolean autoRenew;
        public String contractEffectiveDate;
        public String subscriptionStartDate;
        public String subscriptionEndDate;
        public String termStartDate;
        public String termEndDate;
        public String cancelledDate;
        public String orderNumber;
        public List<RatePlanRead> ratePlans;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class RatePlanRead {
        public String id;
        public String productRatePlanId;
        public String ratePlanName;
        public String lastChangeType;
        public List<ChargeRead> ratePlanCharges;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ChargeRead {
        public String id;
        public String originalChargeId;
        public String number;
        public Integer segment;
        public String name;
        public String type;
        public String model;
        public String productRatePlanChargeId;
        public BigDecimal quantity;
        public BigDecimal price;
        public BigDecimal originalListPrice;
        public BigDecimal discountPercentage;
        public String billingPeriod;
        public Integer specificBillingPeriod;
        public String effectiveStartDate;
        public String effectiveEndDate;
        public String chargedThroughDate;
        /** Every segment of the charge, when Zuora was asked for {@code charge-detail=all-segments}. */
        public List<ChargeSegment> chargeSegments;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ChargeSegment {
        public String id;
        public Integer segment;
        public BigDecimal quantity;
        public BigDecimal price;
        public BigDecimal originalListPrice;
        public String effectiveStartDate;
        public String effectiveEndDate;
        public String chargedThroughDate;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class BillingDocuments {
        public List<BillingDocument> documents;
        public String nextPage;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class BillingDocument {
        public String id;
        public String documentNumber;
        public String documentType;
        public String documentDate;
        public BigDecimal amount;
        public BigDecimal balance;
        public String status;
        public String accountId;
        public String currency;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class InvoiceRead {
        public String id;
        public String accountId;
        public String invoiceNumber;
        public String invoiceDate;
        public String dueDate;
        public String currency;
        public BigDecimal amount;
        public BigDecimal amountWithoutTax;
        public BigDecimal taxAmount;
        public BigDecimal balance;
        public String createdDate;
        public String sourceType;
        public String sourceId;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class InvoiceItems {
        public List<InvoiceItem> invoiceItems;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class InvoiceItem {
        public String id;
        public String subscriptionName;
        public String subscriptionNumber;
        public String subscriptionId;
        public String chargeName;
        public String chargeDescription;
        public String productRatePlanChargeId;
        public BigDecimal chargeAmount;
        public BigDecimal taxAmount;
        public String serviceStartDate;
        public String serviceEndDate;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class InvoiceFiles {
        public List<InvoiceFile> invoiceFiles;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class InvoiceFile {
        public String id;
        public Long versionNumber;
        public String pdfFileUrl;
    }

    // ---- the product catalog (issue 13): GETCatalogType, GETProductRatePlansResponse --------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class CatalogProducts {
        public List<CatalogProduct> products;
        public String nextPage;
    }

    /**
     * A product of {@code GET /v1/catalog/products}. {@code productRatePlans} is a URL from Zuora-Version
     * 230.0 on and an inline array below it, so it stays a tree.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class CatalogProduct {
        public String id;
        public String sku;
        public String name;
        public String description;
        public String productNumber;
        public String effectiveStartDate;
        public String effectiveEndDate;
        public com.fasterxml.jackson.databind.JsonNode productRatePlans;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ProductRatePlans {
        public List<ProductRatePlan> productRatePlans;
        public String nextPage;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ProductRatePlan {
        public String id;
        public String name;
        public String description;
        public String status;
        public String productRatePlanNumber;
        public String effectiveStartDate;
        public String effectiveEndDate;
        public List<ProductRatePlanCharge> productRatePlanCharges;
    }

    /** {@code GETProductRatePlanChargeType}: the fields the engine's catalog holds, and the ones it refuses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ProductRatePlanCharge {
        public String id;
        public String name;
        public String description;
        public String productRatePlanChargeNumber;
        public String type;
        public String model;
        public String billingPeriod;
        public Integer specificBillingPeriod;
        public String billingTiming;
        public String listPriceBase;
        public String uom;
        public BigDecimal defaultQuantity;
        public BigDecimal minQuantity;
        public BigDecimal maxQuantity;
        public BigDecimal includedUnits;
        public String taxMode;
        public Boolean taxable;
        public String applyDiscountTo;
        public String discountLevel;
        public List<ChargePricing> pricing;
    }

    /** {@code GETProductRatePlanChargePricingType}: one currency's prices. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ChargePricing {
        public String currency;
        public BigDecimal price;
        public BigDecimal discountAmount;
        public BigDecimal discountPercentage;
        public BigDecimal includedUnits;
        public BigDecimal overagePrice;
        public List<ChargeTier> tiers;
    }

    /** {@code GETProductRatePlanChargePricingTierType}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ChargeTier {
        public Long tier;
        public BigDecimal startingUnit;
        public BigDecimal endingUnit;
        public BigDecimal price;
        public String priceFormat;
    }
}
