package com.subscriptionsuite.domain.tenant;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChangeKind;
import com.subscriptionsuite.domain.catalog.ChangeOption;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PageStep;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.ShopPage;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentOptions;
import com.subscriptionsuite.domain.payment.PaymentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * A valid tenant definition, built from mutable parts so a test can break exactly one rule.
 *
 * <p>Catalog: product 1; rate plan 10 (charge 100, PerUnit monthly, EUR 10 / USD 11) and rate plan
 * 20 (charge 200, Tiered monthly 1–1,000 / 1,001–10,000 / 10,001+ in EUR and USD); suite products
 * 1 (rate plan 10, add-on 2, upgrade to 2) and 2 (rate plan 20, downgrade to 1); page 1 with step
 * 1 offering both. Languages de (default) and en; currencies EUR (default) and USD. Payment methods:
 * 1 CreditCard everywhere (page card-page), 2 SEPA in DE and AT (page sepa-page), 3 PayPal everywhere.
 */
final class TenantFixture {
    static final CurrencyUnit EUR = CurrencyUnit.EUR;
    static final CurrencyUnit USD = CurrencyUnit.USD;

    String key = "shop";
    String name = "Shop";
    List<String> hosts = new ArrayList<>(List.of("shop.example.com"));
    List<String> corsOrigins = new ArrayList<>(List.of("https://shop.example.com"));
    List<TenantAccess.AdminKey> adminKeys = new ArrayList<>(List.of(
            new TenantAccess.AdminKey("ops", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")));
    String country = "DE";
    String vatId = "DE136695976";
    List<Language> languages = new ArrayList<>(List.of(
            new Language(1, "de", true, true),
            new Language(2, "en", true, false)));
    List<CurrencySetting> currencies = new ArrayList<>(List.of(
            new CurrencySetting(1, EUR, true, true, ",", "."),
            new CurrencySetting(2, USD, true, false, ".", ",")));
    List<Product> products = new ArrayList<>(List.of(product(1)));
    List<RatePlanSpec> ratePlans = new ArrayList<>(List.of(
            new RatePlanSpec(10, 1, new ChargeSpec(100, ChargeModel.PER_UNIT,
                    tier(EUR, "0", null, "10.00"), tier(USD, "0", null, "11.00"))),
            new RatePlanSpec(20, 1, new ChargeSpec(200, ChargeModel.TIERED,
                    tier(EUR, "1", "1000", "0.10"), tier(EUR, "1001", "10000", "0.05"), tier(EUR, "10001", null, "0.01"),
                    tier(USD, "1", "1000", "0.12"), tier(USD, "1001", "10000", "0.06"), tier(USD, "10001", null, "0.02")))));
    List<SuiteProductSpec> suiteProducts = new ArrayList<>(List.of(
            new SuiteProductSpec(1, 10),
            new SuiteProductSpec(2, 20)));
    List<ShopPage> pages = new ArrayList<>(List.of(page(1, step(1, 1, 1L, 2L))));
    Map<String, Map<String, String>> staticTexts = new LinkedHashMap<>(Map.of(
            "de", Map.of("cart", "Warenkorb"), "en", Map.of("cart", "Cart")));
    Map<String, Map<String, String>> dynamicTexts = new LinkedHashMap<>(Map.of(
            "de", Map.of("suite_product.1.name", "Starter")));

    List<PaymentOption> paymentOptions = new ArrayList<>(List.of(
            new PaymentOption(1, PaymentType.CREDIT_CARD, List.of(), "card-page"),
            new PaymentOption(2, PaymentType.SEPA, List.of("DE", "AT"), "sepa-page"),
            new PaymentOption(3, PaymentType.PAYPAL, List.of(), null)));

    TenantFixture() {
        suiteProducts.get(0).addOns.add(2L);
        suiteProducts.get(0).changeOptions.add(new ChangeOption(1, 2, ChangeKind.UPGRADE));
        suiteProducts.get(1).changeOptions.add(new ChangeOption(2, 1, ChangeKind.DOWNGRADE));
    }

    SellerAddress sellerAddress = new SellerAddress("Hauptstraße 1", "10115", "Berlin", null);

    TenantDefinition build() {
        Tenant tenant = new Tenant(7, key, name, hosts, new SellerSettings(country, vatId, false, sellerAddress), languages,
                currencies, new CartSettings(1, true, true, true, true, true, false),
                new CheckoutSettings(1, true, true, true, true, true, false, false),
                new CustomerCenterSettings(1, true, false, false));
        Catalog catalog = new Catalog(products, ratePlans.stream().map(RatePlanSpec::build).toList(),
                suiteProducts.stream().map(SuiteProductSpec::build).toList(), pages);
        return new TenantDefinition(tenant, catalog, new Translations(staticTexts, dynamicTexts),
                new TenantAccess(corsOrigins, adminKeys), new PaymentOptions(paymentOptions));
    }

    RatePlanSpec ratePlan(long id) {
        return ratePlans.stream().filter(r -> r.id == id).findFirst().orElseThrow();
    }

    /** The first charge of a rate plan. */
    ChargeSpec charge(long ratePlanId) {
        return ratePlan(ratePlanId).charges.get(0);
    }

    SuiteProductSpec suiteProduct(long id) {
        return suiteProducts.stream().filter(s -> s.id == id).findFirst().orElseThrow();
    }

    static Product product(long id) {
        return new Product(id, "zp" + id, "Product " + id, "", "", "", "SKU-" + id, null, null, null);
    }

    static Tier tier(CurrencyUnit currency, String start, String end, String price) {
        return new Tier(currency, new BigDecimal(start), end == null ? null : new BigDecimal(end),
                new BigDecimal(price), PriceFormat.PER_UNIT, false);
    }

    static Tier flat(CurrencyUnit currency, String price) {
        return new Tier(currency, BigDecimal.ZERO, null, new BigDecimal(price), PriceFormat.FLAT_FEE, false);
    }

    static Tier overage(CurrencyUnit currency, String price) {
        return new Tier(currency, BigDecimal.ZERO, null, new BigDecimal(price), PriceFormat.PER_UNIT, true);
    }

    static PageStep step(long id, int number, Long... suiteProductIds) {
        return new PageStep(id, number, "Step " + number, "", false, true, true, true, true, true, true, true,
                List.of(suiteProductIds));
    }

    static ShopPage page(long id, PageStep... steps) {
        return new ShopPage(id, "Page " + id, "", true, true, true, true, List.of(steps));
    }

    static final class RatePlanSpec {
        long id;
        long productId;
        String name;
        LocalDate start;
        LocalDate end;
        List<ChargeSpec> charges;

        RatePlanSpec(long id, long productId, ChargeSpec... charges) {
            this.id = id;
            this.productId = productId;
            this.name = "Rate plan " + id;
            this.charges = new ArrayList<>(List.of(charges));
        }

        RatePlan build() {
            return new RatePlan(id, "zrp" + id, productId, name, "", start, end,
                    charges.stream().map(ChargeSpec::build).toList());
        }
    }

    static final class ChargeSpec {
        long id;
        String name;
        ChargeType type = ChargeType.RECURRING;
        ChargeModel model;
        BillingPeriod period = BillingPeriod.MONTH;
        Integer specificPeriod;
        BigDecimal defaultQuantity = BigDecimal.ONE;
        BigDecimal minQuantity;
        BigDecimal maxQuantity;
        BigDecimal includedUnits = BigDecimal.ZERO;
        Set<ChargeType> appliesTo = Set.of();
        List<Tier> tiers;

        ChargeSpec(long id, ChargeModel model, Tier... tiers) {
            this.id = id;
            this.name = "Charge " + id;
            this.model = model;
            this.tiers = new ArrayList<>(List.of(tiers));
        }

        Charge build() {
            return new Charge(id, "zc" + id, name, "", type, model, period, specificPeriod, BillingTiming.IN_ADVANCE,
                    defaultQuantity, minQuantity, maxQuantity, "User", TaxMode.TAX_EXCLUSIVE, true, includedUnits,
                    appliesTo, tiers);
        }
    }

    static final class SuiteProductSpec {
        long id;
        long ratePlanId;
        String name;
        LocalDate start;
        LocalDate end;
        String subscriptionType = "TERMED";
        String renewalType = "RENEW_WITH_SPECIFIC_TERM";
        int term = 12;
        int renewalTerm = 12;
        ChangeRules rules = ChangeRules.selfServiceImmediate();
        List<Long> addOns = new ArrayList<>();
        List<ChangeOption> changeOptions = new ArrayList<>();

        SuiteProductSpec(long id, long ratePlanId) {
            this.id = id;
            this.ratePlanId = ratePlanId;
            this.name = "Suite product " + id;
        }

        SuiteProduct build() {
            return new SuiteProduct(id, ratePlanId, name, "", "", "", start, end, false, false, true, false, false,
                    false, subscriptionType, renewalType, term, renewalTerm, true, 0, 0, false, "", 0, 0, "", rules,
                    List.of(), addOns, changeOptions);
        }
    }
}
