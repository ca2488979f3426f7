package com.subscriptionsuite.adapters.zuora;

import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.money.Rounding;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The engine's vocabulary in Zuora's shapes and back: pure functions, so they are tested without a
 * Zuora. Which custom fields carry what is listed in docs/zuora.md.
 */
final class ZuoraMapping {
    // account custom fields
    static final String TENANT = "SuiteTenantId__c";
    static final String USER = "SuiteUserId__c";
    static final String COMPANY = "SuiteCompany__c";
    static final String COMPANY_NAME = "SuiteCompanyName__c";
    static final String SEPARATE_BILL_TO = "SuiteSeparateBillTo__c";
    static final String OPENED_AT = "SuiteOpenedAt__c";
    static final String UPDATED_AT = "SuiteUpdatedAt__c";
    static final String UPDATE_KEYS = "SuiteUpdateKeys__c";
    // subscription custom fields
    static final String SUITE_PRODUCT = "SuiteProductId__c";
    static final String SUBSCRIBE_KEY = "SuiteRequestKey__c";
    static final String LINE_QUANTITY = "SuiteQuantity__c";
    static final String CHANGE_KEY = "SuiteChangeKey__c";
    static final String CHANGE_ORDER = "SuiteChangeOrder__c";
    /** How many recent account-update keys an account keeps (their short hashes, in one custom field). */
    static final int KEPT_UPDATE_KEYS = 8;

    private ZuoraMapping() {
    }

    // ---- accounts -----------------------------------------------------------------------------

    static ZuoraDtos.Contact soldTo(AccountDetails d) {
        return new ZuoraDtos.Contact(d.firstName(), d.lastName(), d.street(), d.additionalInfo(), d.city(),
                d.state(), d.zipCode(), d.country(), d.email(), d.phone());
    }

    /** The billing address when the customer gave one, else the contact address. */
    static ZuoraDtos.Contact billTo(AccountDetails d) {
        if (!d.hasBillingAddress()) {
            return soldTo(d);
        }
        return new ZuoraDtos.Contact(d.billingFirstName(), d.billingLastName(), d.billingStreet(),
                d.billingAdditionalInfo(), d.billingCity(), null, d.billingZipCode(), d.billingCountry(),
                d.billingEmail(), d.billingPhone());
    }

    static Map<String, Object> accountFields(AccountDetails d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(COMPANY, String.valueOf(d.company()));
        fields.put(COMPANY_NAME, d.companyName() == null ? "" : d.companyName());
        fields.put(SEPARATE_BILL_TO, String.valueOf(d.hasBillingAddress()));
        return fields;
    }

    static ZuoraDtos.CreateAccount createAccount(BillingGateway.OpenAccount command) {
        AccountDetails d = command.details();
        Map<String, Object> fields = accountFields(d);
        fields.put(TENANT, String.valueOf(command.tenantId()));
        fields.put(USER, String.valueOf(command.userId()));
        fields.put(OPENED_AT, command.at().toString());
        fields.put(UPDATED_AT, command.at().toString());
        return new ZuoraDtos.CreateAccount(name(d), command.currency().getCode(), billCycleDay(command.at()), false,
                PAYMENT_TERM, billTo(d), soldTo(d), command.paymentMethodId(), taxInfo(d), fields);
    }

    /**
     * The engine's payment term ({@link com.subscriptionsuite.domain.billing.Invoice#PAYMENT_TERM_DAYS} days,
     * what the ledger's invoices and the previews say) as a payment term of the Zuora tenant's settings:
     * "Net 14" must exist there (Billing Settings, Payment Terms).
     */
    static final String PAYMENT_TERM = "Net " + com.subscriptionsuite.domain.billing.Invoice.PAYMENT_TERM_DAYS;

    static ZuoraDtos.UpdateAccount updateAccount(AccountDetails d, Instant at, String keys) {
        Map<String, Object> fields = accountFields(d);
        fields.put(UPDATED_AT, at.toString());
        fields.put(UPDATE_KEYS, keys);
        return new ZuoraDtos.UpdateAccount(name(d), billTo(d), soldTo(d), null, taxInfo(d), fields);
    }

    static ZuoraDtos.UpdateAccount defaultPaymentMethod(String paymentMethodId, Instant at, String keys) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(UPDATED_AT, at.toString());
        fields.put(UPDATE_KEYS, keys);
        return new ZuoraDtos.UpdateAccount(null, null, null, paymentMethodId, null, fields);
    }

    private static ZuoraDtos.TaxInfo taxInfo(AccountDetails d) {
        return d.vatId() == null || d.vatId().isBlank() ? null : new ZuoraDtos.TaxInfo(d.vatId());
    }

    private static String name(AccountDetails d) {
        String name = d.displayName();
        return name.isBlank() ? "Customer" : name;
    }

    /** The day of month of {@code at} in UTC (31 means the month's last day in Zuora). */
    static int billCycleDay(Instant at) {
        return Math.min(31, at.atZone(ZoneOffset.UTC).getDayOfMonth());
    }

    /** Whether the account is the customer's: the tenant and user the adapter wrote on it when opening it. */
    static boolean owns(ZuoraDtos.Account a, AccountRef ref) {
        return a.basicInfo != null && String.valueOf(ref.tenantId()).equals(a.basicInfo.custom(TENANT))
                && String.valueOf(ref.userId()).equals(a.basicInfo.custom(USER));
    }

    static BillingAccount account(ZuoraDtos.Account a, long tenantId, long userId) {
        ZuoraDtos.ContactRead sold = a.soldToContact != null ? a.soldToContact : a.billToContact;
        ZuoraDtos.ContactRead bill = a.billToContact != null ? a.billToContact : sold;
        boolean separate = "true".equals(a.basicInfo.custom(SEPARATE_BILL_TO));
        boolean company = "true".equals(a.basicInfo.custom(COMPANY));
        String companyName = blankToNull(a.basicInfo.custom(COMPANY_NAME));
        String currency = a.billingAndPayment == null ? null : a.billingAndPayment.currency;
        AccountDetails details = new AccountDetails(company, companyName, sold.firstName, sold.lastName,
                sold.address1, sold.zipCode, sold.city, sold.state, countryCode(sold.country), sold.workEmail,
                sold.workPhone, sold.address2, separate,
                separate ? bill.firstName : null, separate ? bill.lastName : null, separate ? bill.address1 : null,
                separate ? bill.address2 : null, separate ? bill.zipCode : null, separate ? bill.city : null,
                separate ? countryCode(bill.country) : null, separate ? bill.workEmail : null,
                separate ? bill.workPhone : null, a.taxInfo == null ? null : a.taxInfo.vatId, currency);
        Instant opened = instant(a.basicInfo.custom(OPENED_AT), Instant.EPOCH);
        Instant updated = instant(a.basicInfo.custom(UPDATED_AT), opened);
        return new BillingAccount(a.basicInfo.id, tenantId, userId, a.basicInfo.accountNumber,
                CurrencyUnit.of(currency), details,
                a.billingAndPayment == null ? null : blankToNull(a.billingAndPayment.defaultPaymentMethodId), opened,
                updated);
    }

    /** Zuora answers a country by its name (Germany) though it takes ISO codes; the engine keeps the code. */
    static String countryCode(String country) {
        if (country == null || country.isBlank()) {
            return country;
        }
        String c = country.strip();
        if (c.length() == 2) {
            return c.toUpperCase(Locale.ROOT);
        }
        for (String iso : Locale.getISOCountries()) {
            Locale l = new Locale("", iso);
            if (l.getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(c) || l.getISO3Country().equalsIgnoreCase(c)) {
                return iso;
            }
        }
        return c;
    }

    /** The update keys an account keeps: the short hash of {@code key} added to the most recent ones. */
    static String withUpdateKey(String kept, String key) {
        List<String> keys = new ArrayList<>(kept == null || kept.isBlank() ? List.of() : List.of(kept.split(",")));
        keys.add(shortHash(key));
        while (keys.size() > KEPT_UPDATE_KEYS) {
            keys.remove(0);
        }
        return String.join(",", keys);
    }

    static boolean seenUpdateKey(String kept, String key) {
        return kept != null && List.of(kept.split(",")).contains(shortHash(key));
    }

    // ---- orders -------------------------------------------------------------------------------

    /** The order number of a command: derived from the tenant and the request key, so it can be found again. */
    static String orderNumber(long tenantId, String requestKey) {
        return "SSE-" + sha256(tenantId + "|" + requestKey).substring(0, 40);
    }

    static ZuoraDtos.OrderSubscription newSubscription(String accountNumber, SuiteProduct sp, CartLine line,
            LocalDate today, String requestKey) {
        List<ZuoraDtos.RatePlanOverride> plans = new ArrayList<>();
        for (RatePlan plan : line.ratePlans()) {
            plans.add(new ZuoraDtos.RatePlanOverride(plan.zuoraId(), quantityOverrides(plan, line.quantity())));
        }
        ZuoraDtos.Terms terms;
        TermSchedule schedule = TermSchedule.of(today, sp);
        if (schedule.evergreen()) {
            terms = new ZuoraDtos.Terms(new ZuoraDtos.InitialTerm("EVERGREEN", null, null, today.toString()), null,
                    null, sp.autoRenew());
        } else {
            boolean renews = schedule.renewalMonths() > 0;
            terms = new ZuoraDtos.Terms(new ZuoraDtos.InitialTerm("TERMED", schedule.initialMonths(), "Month",
                    today.toString()), renews ? "RENEW_WITH_SPECIFIC_TERM" : "RENEW_TO_EVERGREEN",
                    renews ? List.of(new ZuoraDtos.RenewalTerm(schedule.renewalMonths(), "Month")) : null,
                    sp.autoRenew());
        }
        ZuoraDtos.OrderAction create = new ZuoraDtos.OrderAction("CreateSubscription", triggers(today),
                new ZuoraDtos.CreateSubscription(accountNumber, terms, plans), null, null, null, null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(SUITE_PRODUCT, String.valueOf(sp.id()));
        fields.put(SUBSCRIBE_KEY, requestKey);
        fields.put(LINE_QUANTITY, String.valueOf(line.quantity()));
        return new ZuoraDtos.OrderSubscription(null, List.of(create), fields);
    }

    static List<ZuoraDtos.TriggerDate> triggers(LocalDate day) {
        return List.of(new ZuoraDtos.TriggerDate("ContractEffective", day.toString()),
                new ZuoraDtos.TriggerDate("ServiceActivation", day.toString()),
                new ZuoraDtos.TriggerDate("CustomerAcceptance", day.toString()));
    }

    /** Quantity overrides for the plan's per-unit charges (flat fees and discounts have no quantity). */
    static List<ZuoraDtos.ChargeOverride> quantityOverrides(RatePlan plan, long quantity) {
        List<ZuoraDtos.ChargeOverride> overrides = new ArrayList<>();
        for (Charge c : plan.charges()) {
            String kind = pricingKind(c);
            if (kind != null && c.zuoraId() != null) {
                overrides.add(new ZuoraDtos.ChargeOverride(c.zuoraId(), Map.of(kind, Map.of("quantity", quantity))));
            }
        }
        return overrides.isEmpty() ? null : overrides;
    }

    /**
     * The pricing override that makes a one-time charge cost nothing (an added plan's set-up fee on a
     * change): the flat fee or unit price at zero, or a single free tier for tiered and volume prices.
     */
    static Map<String, Object> freeOnce(Charge c, long quantity) {
        return switch (c.model()) {
            case PER_UNIT -> Map.of("oneTimePerUnit", Map.of("listPrice", 0, "quantity", quantity));
            case TIERED, VOLUME -> Map.of(c.model() == ChargeModel.TIERED ? "oneTimeTiered" : "oneTimeVolume",
                    Map.of("quantity", quantity, "tiers", List.of(Map.of("tier", 1, "startingUnit", 0, "price", 0,
                            "priceFormat", "FlatFee"))));
            default -> Map.of("oneTimeFlatFee", Map.of("listPrice", 0));
        };
    }

    /** The pricing block of Zuora's order charge override that carries a quantity, null if the charge has none. */
    static String pricingKind(Charge c) {
        boolean perUnit = c.model() == ChargeModel.PER_UNIT;
        boolean volumeOrTiered = c.model() == ChargeModel.VOLUME || c.model() == ChargeModel.TIERED;
        if (c.type() == ChargeType.ONE_TIME) {
            return perUnit ? "oneTimePerUnit" : volumeOrTiered ? (c.model() == ChargeModel.VOLUME ? "oneTimeVolume"
                    : "oneTimeTiered") : null;
        }
        if (c.type() == ChargeType.RECURRING) {
            return perUnit ? "recurringPerUnit" : volumeOrTiered ? (c.model() == ChargeModel.VOLUME ? "recurringVolume"
                    : "recurringTiered") : null;
        }
        return null;
    }

    // ---- subscriptions ------------------------------------------------------------------------

    /**
     * The engine's subscription of one of Zuora's: its id is Zuora's subscription number (stable across
     * versions, which Zuora's {@code id} is not, and a key every subscription path takes); its uuid a
     * name-based UUID of the account and that number (stable, opaque; Zuora's original id is not in
     * the read); segments mapped back to the catalog by Zuora's product rate plan and charge ids.
     */
    static Subscription subscription(ZuoraDtos.SubscriptionRead s, long tenantId, Catalog catalog) {
        long suiteProduct = parseLong(s.custom(SUITE_PRODUCT), 0);
        LocalDate start = date(s.contractEffectiveDate != null ? s.contractEffectiveDate : s.subscriptionStartDate);
        List<SubscribedCharge> charges = new ArrayList<>();
        LocalDate chargedThrough = null;
        for (ZuoraDtos.RatePlanRead plan : s.ratePlans == null ? List.<ZuoraDtos.RatePlanRead>of() : s.ratePlans) {
            RatePlan catalogPlan = catalog.ratePlans().stream().filter(p -> plan.productRatePlanId != null
                    && plan.productRatePlanId.equals(p.zuoraId())).findFirst().orElse(null);
            long planSuiteProduct = catalogPlan == null ? suiteProduct : catalog.suiteProducts().stream()
                    .filter(sp -> sp.ratePlanId() == catalogPlan.id()).mapToLong(SuiteProduct::id).findFirst()
                    .orElse(suiteProduct);
            for (ZuoraDtos.ChargeRead c : plan.ratePlanCharges == null ? List.<ZuoraDtos.ChargeRead>of()
                    : plan.ratePlanCharges) {
                Charge catalogCharge = catalogPlan == null ? null : catalogPlan.charges().stream()
                        .filter(x -> c.productRatePlanChargeId != null && c.productRatePlanChargeId.equals(x.zuoraId()))
                        .findFirst().orElse(null);
                for (ZuoraDtos.ChargeRead segment : segments(c)) {
                    charges.add(charge(segment, s.currency, planSuiteProduct, catalogPlan, catalogCharge));
                    LocalDate through = segment.chargedThroughDate == null ? null : date(segment.chargedThroughDate);
                    if (through != null && (chargedThrough == null || through.isAfter(chargedThrough))) {
                        chargedThrough = through;
                    }
                }
            }
        }
        charges = withLineQuantity(charges, catalog, parseLong(s.custom(LINE_QUANTITY), 0));
        charges = discountsFolded(charges, catalog);
        charges.sort(Comparator.comparing(SubscribedCharge::originalId).thenComparingInt(SubscribedCharge::segment));
        TermSchedule terms = "TERMED".equalsIgnoreCase(s.termType) && s.initialTerm != null && s.initialTerm > 0
                ? TermSchedule.termed(start, months(s.initialTerm, s.initialTermPeriodType),
                        s.renewalTerm == null ? 0 : months(s.renewalTerm, s.renewalTermPeriodType))
                : TermSchedule.evergreen(start);
        LocalDate cancel = "Cancelled".equalsIgnoreCase(s.status) && s.subscriptionEndDate != null
                ? date(s.subscriptionEndDate) : null;
        return new Subscription(s.subscriptionNumber, tenantId, s.accountId, s.subscriptionNumber,
                uuid(s.accountId, s.subscriptionNumber), start, start, terms, Boolean.TRUE.equals(s.autoRenew),
                chargedThrough == null ? start : chargedThrough, cancel, s.version == null ? 1 : s.version,
                start.atStartOfDay(ZoneOffset.UTC).toInstant(), charges);
    }

    /**
     * The engine books every charge of a line at the line's quantity; Zuora keeps a quantity only on
     * charges priced by it (a flat fee, a one-time fee or a discount has none, Zuora answers 1). Such a
     * charge takes the quantity of a quantity-priced segment of the subscription in force on its first day,
     * else the cart line's quantity kept on the subscription ({@code SuiteQuantity__c}, 0 when unknown).
     */
    static List<SubscribedCharge> withLineQuantity(List<SubscribedCharge> charges, Catalog catalog,
            long lineQuantity) {
        List<SubscribedCharge> priced = charges.stream().filter(c -> hasQuantity(c, catalog)).toList();
        List<SubscribedCharge> out = new ArrayList<>();
        for (SubscribedCharge c : charges) {
            if (hasQuantity(c, catalog)) {
                out.add(c);
                continue;
            }
            long quantity = priced.stream().filter(p -> p.activeOn(c.effectiveStart())).findFirst()
                    .map(SubscribedCharge::quantity).orElse(lineQuantity > 0 ? lineQuantity : c.quantity());
            out.add(quantity == c.quantity() ? c : new SubscribedCharge(c.id(), c.originalId(),
                    c.number(), c.segment(), c.suiteProductId(), c.ratePlanId(), c.chargeId(), c.name(), c.type(),
                    c.model(), c.billingPeriod(), c.specificBillingPeriod(), c.taxMode(), c.taxable(), c.discount(),
                    quantity, c.periodPrice(), c.listPrice(), c.unitPrice(), c.effectiveStart(),
                    c.effectiveEnd()));
        }
        return out;
    }

    private static boolean hasQuantity(SubscribedCharge c, Catalog catalog) {
        return catalog.ratePlans().stream().flatMap(p -> p.charges().stream()).filter(x -> x.id() == c.chargeId())
                .findFirst().map(x -> pricingKind(x) != null).orElse(false);
    }

    /** The charge's segments: those Zuora listed under it, else the charge itself as one segment. */
    static List<ZuoraDtos.ChargeRead> segments(ZuoraDtos.ChargeRead c) {
        if (c.chargeSegments == null || c.chargeSegments.isEmpty()) {
            return List.of(c);
        }
        List<ZuoraDtos.ChargeRead> out = new ArrayList<>();
        for (ZuoraDtos.ChargeSegment seg : c.chargeSegments) {
            ZuoraDtos.ChargeRead one = new ZuoraDtos.ChargeRead();
            one.id = seg.id != null ? seg.id : c.id + "-" + seg.segment;
            one.originalChargeId = c.originalChargeId != null ? c.originalChargeId : c.id;
            one.number = c.number;
            one.segment = seg.segment;
            one.name = c.name;
            one.type = c.type;
            one.model = c.model;
            one.productRatePlanChargeId = c.productRatePlanChargeId;
            one.quantity = seg.quantity != null ? seg.quantity : c.quantity;
            one.price = seg.price != null ? seg.price : c.price;
            one.originalListPrice = seg.originalListPrice;
            one.billingPeriod = c.billingPeriod;
            one.specificBillingPeriod = c.specificBillingPeriod;
            one.effectiveStartDate = seg.effectiveStartDate;
            one.effectiveEndDate = seg.effectiveEndDate;
            one.chargedThroughDate = seg.chargedThroughDate;
            out.add(one);
        }
        return out;
    }

    /**
     * A segment's id: Zuora gives each subscription version new rate plan charge ids, so the engine
     * names a segment by its charge's original id (the first segment) and its segment number
     * ({@code <original id>#<n>} for the later ones): stable across versions, new for a new segment.
     */
    static String segmentId(String originalId, int segment) {
        return segment <= 1 ? originalId : originalId + "#" + segment;
    }

    static String uuid(String accountId, String subscriptionNumber) {
        return UUID.nameUUIDFromBytes(("zuora-subscription:" + accountId + "/" + subscriptionNumber)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The segments with the subscription's percentage discounts folded into the prices they reduce, as
     * the engine books and quotes them (CartPricing: each line less its percentage, rounded at the
     * line): Zuora lists a discount as a charge of its own and the discounted charges at their list
     * price, the engine keeps every segment's net period price (its change quotes credit what was
     * really paid). A discount segment reduces the non-discount segments whose charge type its catalog
     * charge applies to and that overlap it in time. Fixed-amount discounts are not folded (the engine
     * gives them on the first invoice line only; a later read shows the list price).
     */
    static List<SubscribedCharge> discountsFolded(List<SubscribedCharge> charges, Catalog catalog) {
        List<SubscribedCharge> out = new ArrayList<>(charges);
        for (SubscribedCharge d : charges) {
            if (!d.discount()) {
                continue;
            }
            Charge discount = catalog.ratePlans().stream().flatMap(p -> p.charges().stream())
                    .filter(c -> c.id() == d.chargeId()).findFirst().orElse(null);
            if (discount == null || discount.model() != ChargeModel.DISCOUNT_PERCENTAGE || discount.tiers().isEmpty()) {
                continue;
            }
            BigDecimal fraction = Rounding.divide(discount.tiers().get(0).price(), BigDecimal.valueOf(100));
            for (int i = 0; i < out.size(); i++) {
                SubscribedCharge c = out.get(i);
                if (c.discount() || !discount.discountAppliesTo().contains(c.type()) || !overlap(c, d)) {
                    continue;
                }
                CurrencyUnit currency = c.periodPrice().getCurrencyUnit();
                Money off = Rounding.line(currency, c.periodPrice().getAmount().multiply(fraction));
                out.set(i, new SubscribedCharge(c.id(), c.originalId(), c.number(), c.segment(), c.suiteProductId(),
                        c.ratePlanId(), c.chargeId(), c.name(), c.type(), c.model(), c.billingPeriod(),
                        c.specificBillingPeriod(), c.taxMode(), c.taxable(), c.discount(), c.quantity(),
                        c.periodPrice().minus(off), c.listPrice(), c.unitPrice(), c.effectiveStart(),
                        c.effectiveEnd()));
            }
        }
        return out;
    }

    private static boolean overlap(SubscribedCharge a, SubscribedCharge b) {
        return (b.effectiveEnd() == null || a.effectiveStart().isBefore(b.effectiveEnd()))
                && (a.effectiveEnd() == null || b.effectiveStart().isBefore(a.effectiveEnd()));
    }

    private static SubscribedCharge charge(ZuoraDtos.ChargeRead c, String currencyCode, long suiteProduct,
            RatePlan plan, Charge catalogCharge) {
        CurrencyUnit currency = CurrencyUnit.of(currencyCode == null ? "EUR" : currencyCode);
        ChargeType type = catalogCharge != null ? catalogCharge.type()
                : ChargeType.fromWireName(c.type).getOrElse(ChargeType.RECURRING);
        boolean discount = catalogCharge != null ? catalogCharge.model().isDiscount()
                : c.model != null && c.model.startsWith("Discount");
        long quantity = c.quantity == null ? 1 : c.quantity.longValue();
        BigDecimal unit = c.price == null ? BigDecimal.ZERO : c.price;
        BigDecimal list = c.originalListPrice == null ? unit : c.originalListPrice;
        boolean perUnit = "PerUnit".equals(c.model);
        Money period = discount || type == ChargeType.USAGE ? Money.zero(currency)
                : Money.of(currency, (perUnit ? unit.multiply(BigDecimal.valueOf(quantity)) : unit)
                        .setScale(currency.getDecimalPlaces(), RoundingMode.HALF_UP));
        Money listPrice = discount || type == ChargeType.USAGE ? Money.zero(currency)
                : Money.of(currency, (perUnit ? list.multiply(BigDecimal.valueOf(quantity)) : list)
                        .setScale(currency.getDecimalPlaces(), RoundingMode.HALF_UP));
        String original = c.originalChargeId != null ? c.originalChargeId : c.id;
        int segment = c.segment == null ? 1 : c.segment;
        return new SubscribedCharge(segmentId(original, segment), original, c.number == null ? c.id : c.number,
                segment, suiteProduct, plan == null ? 0 : plan.id(),
                catalogCharge == null ? 0 : catalogCharge.id(), c.name == null ? "" : c.name, type,
                catalogCharge != null ? catalogCharge.model().wireName() : String.valueOf(c.model),
                catalogCharge != null ? catalogCharge.billingPeriod() : null,
                catalogCharge != null ? catalogCharge.specificBillingPeriod() : c.specificBillingPeriod,
                catalogCharge != null ? catalogCharge.taxMode() : com.subscriptionsuite.domain.catalog.TaxMode.TAX_EXCLUSIVE,
                catalogCharge == null || catalogCharge.taxable(), discount, quantity, period, listPrice,
                type == ChargeType.USAGE ? unit : null, date(c.effectiveStartDate),
                c.effectiveEndDate == null ? null : date(c.effectiveEndDate));
    }

    private static int months(int period, String periodType) {
        if ("Year".equalsIgnoreCase(periodType)) {
            return period * 12;
        }
        return period;
    }

    // ---- small things -------------------------------------------------------------------------

    static LocalDate date(String value) {
        return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }

    private static Instant instant(String value, Instant fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Instant.parse(value);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String shortHash(String s) {
        return sha256(s).substring(0, 12);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
