package com.subscriptionsuite.bootstrap.tenantfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CurrencySetting;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.Language;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.SellerAddress;
import com.subscriptionsuite.domain.tenant.SellerSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.Translations;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TenantFileReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small but complete tenant file that uses most optional fields. */
    static final String VALID = """
            {
              "tenant": {
                "id": 3, "key": "acme", "name": "Acme", "hosts": ["shop.acme.example"],
                "seller": {"country": "AT", "vat_id": "ATU13585627", "oss_threshold_applies": true}
              },
              "languages": [{"id": 1, "code": "en", "is_default": true}],
              "currencies": [
                {"id": 1, "iso_code": "EUR", "is_active": true, "is_default": true,
                 "decimal_separator": ",", "thousands_separator": "."}
              ],
              "cart_settings": {
                "show_product_name": true, "show_rate_plan_name": false, "show_feature_list": true,
                "show_description": false, "show_charges": true, "use_single_quantity": true
              },
              "checkout_settings": {
                "id": 2, "has_guest_checkout": false, "show_charges": true, "show_tax": true, "show_brutto": false,
                "show_product_name": true, "has_auto_invoice": false, "has_auto_payment": true
              },
              "customer_center_settings": {
                "can_cancel_subscriptions": true, "can_suspend": true, "can_cancel_subscriptions_at_any_time": false
              },
              "catalog": {
                "products": [
                  {"id": 5, "zuora_id": "zp5", "name": "Widget", "sku": "W-1",
                   "effective_start_date": "2024-02-01", "updated_date": "2024-03-01"}
                ],
                "rate_plans": [
                  {"id": 50, "product_id": 5, "name": "Widget quarterly", "charges": [
                    {"id": 500, "name": "Widgets", "charge_type": "Recurring", "charge_model": "Volume",
                     "billing_period": "Specific_Months", "specific_billing_period": 3, "billing_timing": "IN_ARREARS",
                     "default_quantity": 10, "min_quantity": 1, "max_quantity": 1000, "uom": "Widget",
                     "tax_mode": "TaxInclusive", "is_taxable": false,
                     "tiers": [
                       {"currency": "EUR", "starting_unit": 0, "ending_unit": 10, "price": 15.00, "price_format": "FlatFee"},
                       {"currency": "EUR", "starting_unit": 11, "ending_unit": null, "price": 0.90}
                     ]},
                    {"id": 501, "name": "Loyalty", "charge_type": "Recurring", "charge_model": "DiscountPercentage",
                     "billing_period": "Month", "tax_mode": "TaxExclusive", "applies_to": ["Recurring"],
                     "tiers": [{"currency": "EUR", "price": 10}]}
                  ]}
                ],
                "suite_products": [
                  {"id": 7, "rate_plan_id": 50, "name": "Widget Plan", "description": null,
                   "cancel_behaviour": 1, "cancel_mode": 1, "cancel_period": 14,
                   "quantity_upgrade_behaviour": 1, "quantity_upgrade_mode": 0,
                   "quantity_downgrade_behaviour": 2, "quantity_downgrade_mode": 1,
                   "upgrade_behaviour": 1, "upgrade_mode": 0, "downgrade_behaviour": 0, "downgrade_mode": 2,
                   "categories": ["widgets"], "add_ons": [8],
                   "change_options": [{"id": 70, "target_suite_product_id": 8, "kind": "upgrade"}]},
                  {"id": 8, "rate_plan_id": 50, "name": "Widget Plan Plus", "subscription_type": "EVERGREEN", "term": 0,
                   "renewal_type": "RENEW_TO_EVERGREEN", "is_auto_renew": false, "different_quantities_allowed": true,
                   "cancel_behaviour": 2, "cancel_mode": 2, "cancel_period": 0,
                   "quantity_upgrade_behaviour": 0, "quantity_upgrade_mode": 0,
                   "quantity_downgrade_behaviour": 0, "quantity_downgrade_mode": 0,
                   "upgrade_behaviour": 0, "upgrade_mode": 0, "downgrade_behaviour": 1, "downgrade_mode": 1,
                   "change_options": [{"id": 80, "target_suite_product_id": 7, "kind": "downgrade"}]}
                ],
                "pages": [
                  {"id": 9, "name": "Shop", "is_active": true, "is_cart": false, "show_cart": false, "allow_voucher": true,
                   "steps": [
                     {"id": 90, "number": 1, "name": "Pick", "is_optional": false, "has_unique_selection": true,
                      "show_periods": false, "suite_products": [7, 8]}
                   ]}
                ]
              },
              "translations": {
                "static": {"en": {"cart": "Cart"}},
                "dynamic": {"en": {"suite_product.7.name": "Widget Plan"}}
              }
            }
            """;

    private static Either<List<Problem>, TenantDefinition> read(String json) {
        return TenantFileReader.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Either<List<Problem>, TenantDefinition> read(JsonNode json) {
        return read(json.toString());
    }

    private static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree(VALID);
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @Test
    void reads_a_valid_file_into_the_expected_definition() {
        Either<List<Problem>, TenantDefinition> read = read(VALID);

        assertThat(read.isRight()).as("problems: %s", read.swap().getOrElse(List.of())).isTrue();
        TenantDefinition d = read.get();
        assertThat(d.tenant()).isEqualTo(new Tenant(3, "acme", "Acme", List.of("shop.acme.example"),
                new SellerSettings("AT", "ATU13585627", true),
                List.of(new Language(1, "en", true, true)),
                List.of(new CurrencySetting(1, CurrencyUnit.EUR, true, true, ",", ".")),
                new CartSettings(1, true, false, true, false, true, true),
                new CheckoutSettings(2, false, true, true, false, true, false, true),
                new CustomerCenterSettings(1, true, true, false)));
        Catalog c = d.catalog();
        assertThat(c.products()).containsExactly(new Product(5, "zp5", "Widget", "", "", "", "W-1",
                LocalDate.of(2024, 2, 1), null, LocalDate.of(2024, 3, 1)));
        assertThat(c.ratePlans()).containsExactly(new RatePlan(50, null, 5, "Widget quarterly", "", null, null, List.of(
                new Charge(500, null, "Widgets", "", ChargeType.RECURRING, ChargeModel.VOLUME,
                        BillingPeriod.SPECIFIC_MONTHS, 3, BillingTiming.IN_ARREARS, new BigDecimal("10"),
                        new BigDecimal("1"), new BigDecimal("1000"), "Widget", TaxMode.TAX_INCLUSIVE, false,
                        BigDecimal.ZERO, Set.of(), List.of(
                                new Tier(CurrencyUnit.EUR, new BigDecimal("0"), new BigDecimal("10"),
                                        new BigDecimal("15.00"), PriceFormat.FLAT_FEE, false),
                                new Tier(CurrencyUnit.EUR, new BigDecimal("11"), null, new BigDecimal("0.90"),
                                        PriceFormat.PER_UNIT, false))),
                new Charge(501, null, "Loyalty", "", ChargeType.RECURRING, ChargeModel.DISCOUNT_PERCENTAGE,
                        BillingPeriod.MONTH, null, BillingTiming.IN_ADVANCE, BigDecimal.ONE, null, null, "",
                        TaxMode.TAX_EXCLUSIVE, true, BigDecimal.ZERO, Set.of(ChargeType.RECURRING),
                        List.of(new Tier(CurrencyUnit.EUR, BigDecimal.ZERO, null, new BigDecimal("10"),
                                PriceFormat.PER_UNIT, false))))));
        assertThat(c.suiteProducts()).containsExactly(
                new SuiteProduct(7, 50, "Widget Plan", "", "", "", null, null, false, false, true, false, false, false,
                        "TERMED", "RENEW_WITH_SPECIFIC_TERM", 12, 12, true, 0, 0, false, "", 0, 0, "",
                        new ChangeRules(1, 1, 14, 1, 0, 2, 1, 1, 0, 0, 2), List.of("widgets"), List.of(8L),
                        List.of(new ChangeOption(70, 8, ChangeKind.UPGRADE))),
                new SuiteProduct(8, 50, "Widget Plan Plus", "", "", "", null, null, true, false, true, false, false, false,
                        "EVERGREEN", "RENEW_TO_EVERGREEN", 0, 12, false, 0, 0, false, "", 0, 0, "",
                        new ChangeRules(2, 2, 0, 0, 0, 0, 0, 0, 0, 1, 1), List.of(), List.of(),
                        List.of(new ChangeOption(80, 7, ChangeKind.DOWNGRADE))));
        assertThat(c.pages()).containsExactly(new ShopPage(9, "Shop", "", true, false, false, true, List.of(
                new PageStep(90, 1, "Pick", "", false, true, true, true, true, false, true, true, List.of(7L, 8L)))));
        assertThat(d.translations()).isEqualTo(new Translations(
                Map.of("en", Map.of("cart", "Cart")), Map.of("en", Map.of("suite_product.7.name", "Widget Plan"))));
    }

    @Test
    void keeps_prices_exactly_as_written() {
        TenantDefinition d = read(VALID).get();
        Tier tier = d.catalog().ratePlans().get(0).charges().get(0).tiers().get(0);
        assertThat(tier.price().toPlainString()).isEqualTo("15.00");
    }

    @Test
    void reports_every_structural_problem_of_a_file_with_its_path() throws Exception {
        ObjectNode root = valid();
        at(root, "/tenant").remove("key");
        at(root, "/languages/0").put("is_default", "yes");
        at(root, "/currencies/0").put("iso_code", "EURO");
        at(root, "/cart_settings").put("colour", "blue");
        at(root, "/catalog/products/0").put("effective_start_date", "2024-02-30");
        at(root, "/catalog/rate_plans/0/charges/0").put("charge_model", "Flat");
        at(root, "/catalog/rate_plans/0/charges/0/tiers/1").put("currency", "eur");
        at(root, "/catalog/suite_products/0").put("cancel_period", -1);
        at(root, "/catalog/suite_products/1").put("term", new BigDecimal("1.5"));
        at(root, "/catalog/suite_products/1").put("id", 7);
        at(root, "/catalog/suite_products/1").put("subscription_type", "FOREVER");
        at(root, "/catalog/suite_products/1/change_options/0").put("kind", "sidegrade");
        at(root, "/catalog/pages/0").remove("is_active");
        ((ArrayNode) root.at("/catalog/pages/0/steps/0/suite_products")).set(1, JSON.getNodeFactory().textNode("8"));
        at(root, "/translations/static/en").put("cart", 5);

        Either<List<Problem>, TenantDefinition> read = read(root);

        String sp = "$.catalog.suite_products";
        assertThat(read.getLeft()).containsExactlyInAnyOrder(
                new Problem("$.tenant.key", "missing required field 'key'"),
                new Problem("$.languages[0].is_default", "expected a boolean (true or false), found a string (\"yes\")"),
                new Problem("$.currencies[0].iso_code", "'EURO' is not an ISO 4217 currency code such as EUR"),
                new Problem("$.cart_settings.colour", "unknown field 'colour'; known fields: id, show_product_name, "
                        + "show_rate_plan_name, show_feature_list, show_description, show_charges, use_single_quantity"),
                new Problem("$.catalog.products[0].effective_start_date", "'2024-02-30' is not a date (YYYY-MM-DD)"),
                new Problem("$.catalog.rate_plans[0].charges[0].charge_model", "'Flat' is not one of FlatFee, PerUnit, "
                        + "Tiered, Volume, Overage, TieredWithOverage, DiscountPercentage, DiscountFixedAmount"),
                new Problem("$.catalog.rate_plans[0].charges[0].tiers[1].currency",
                        "'eur' is not an ISO 4217 currency code such as EUR"),
                new Problem(sp + "[0].cancel_period", "expected a non-negative integer up to 2147483647, found a number (-1)"),
                new Problem(sp + "[1].term", "expected a non-negative integer up to 2147483647, found a number (1.5)"),
                new Problem(sp + "[1].subscription_type", "'FOREVER' is not one of TERMED, EVERGREEN"),
                new Problem(sp + "[1].change_options[0].kind", "'sidegrade' is not one of upgrade, downgrade"),
                new Problem(sp + "[1].id", "suite product id 7 is listed twice (also at $.catalog.suite_products[0])"),
                new Problem("$.catalog.pages[0].is_active", "missing required field 'is_active'"),
                new Problem("$.catalog.pages[0].steps[0].suite_products[1]",
                        "expected a non-negative integer, found a string (\"8\")"),
                new Problem("$.translations.static.en.cart", "expected a string, found a number (5)"));
    }

    @Test
    void reports_malformed_json_with_line_and_column() {
        Either<List<Problem>, TenantDefinition> read = read("{\n  \"tenant\": {\n    \"id\": 1,\n  }\n}");

        assertThat(read.getLeft()).hasSize(1);
        Problem problem = read.getLeft().get(0);
        assertThat(problem.path()).isEqualTo("$");
        assertThat(problem.reason()).startsWith("test.json is not well-formed JSON at line 4, column 3: ")
                .contains("was expecting double-quote to start field name");
    }

    @Test
    void reports_a_duplicate_key_as_malformed_json() {
        Either<List<Problem>, TenantDefinition> read = read("{\"tenant\": {\"id\": 1, \"id\": 2}}");

        assertThat(read.getLeft()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.reason()).startsWith("test.json is not well-formed JSON at line 1, column ")
                    .contains("Duplicate field 'id'");
        });
    }

    @Test
    void reports_an_empty_file() {
        assertThat(read("").getLeft()).containsExactly(new Problem("$", "test.json is empty"));
    }

    @Test
    void reports_a_root_that_is_not_an_object() {
        assertThat(read("[1, 2]").getLeft()).containsExactly(new Problem("$", "expected an object, found an array"));
    }

    @Test
    void refuses_an_unknown_field_by_name() throws Exception {
        ObjectNode root = valid();
        at(root, "/catalog/rate_plans/0/charges/0/tiers/0").put("is_overage", true);

        assertThat(read(root).getLeft()).containsExactly(new Problem(
                "$.catalog.rate_plans[0].charges[0].tiers[0].is_overage",
                "unknown field 'is_overage'; known fields: currency, starting_unit, ending_unit, price, price_format, "
                        + "is_overage_price"));
    }

    @Test
    void refuses_an_unknown_top_level_field_and_quotes_odd_names_in_the_path() throws Exception {
        ObjectNode root = valid();
        root.put("base url", "x");

        assertThat(read(root).getLeft()).containsExactly(new Problem("$['base url']",
                "unknown field 'base url'; known fields: tenant, languages, currencies, cart_settings, "
                        + "checkout_settings, customer_center_settings, catalog, translations, access, payment_methods, "
                        + "campaigns, webhooks"));
    }

    @Test
    void reads_cors_origins_and_admin_key_hashes_and_refuses_a_key_given_in_clear() throws Exception {
        ObjectNode root = valid();
        ObjectNode access = root.putObject("access");
        access.putArray("cors_origins").add("https://shop.acme.example");
        ObjectNode key = access.putArray("admin_keys").addObject();
        key.put("name", "ops");
        key.put("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        TenantDefinition read = read(root).get();
        assertThat(read.access().corsOrigins()).containsExactly("https://shop.acme.example");
        assertThat(read.access().adminKeyFor("abc").map(k -> k.name()).getOrNull()).isEqualTo("ops");

        key.put("sha256", "my-admin-key");
        access.putArray("cors_origins").add("https://shop.acme.example/path");
        assertThat(read(root).getLeft()).extracting(Problem::path)
                .containsExactly("$.access.cors_origins[0]", "$.access.admin_keys[0].sha256");
    }

    @Test
    void reads_the_payment_methods_with_their_countries_and_hosted_pages() throws Exception {
        ObjectNode root = valid();
        ArrayNode methods = root.putArray("payment_methods");
        ObjectNode card = methods.addObject();
        card.put("id", 1);
        card.put("type", "CreditCard");
        card.put("hosted_page_id", "acme-card");
        ObjectNode sepa = methods.addObject();
        sepa.put("id", 2);
        sepa.put("type", "SEPA");
        sepa.put("hosted_page_id", "acme-sepa");
        sepa.putArray("countries").add("AT").add("DE");
        methods.addObject().put("id", 3).put("type", "PayPal");

        assertThat(read(root).get().paymentOptions()).isEqualTo(new PaymentOptions(List.of(
                new PaymentOption(1, PaymentType.CREDIT_CARD, List.of(), "acme-card"),
                new PaymentOption(2, PaymentType.SEPA, List.of("AT", "DE"), "acme-sepa"),
                new PaymentOption(3, PaymentType.PAYPAL, List.of(), null))));
        assertThat(read(VALID).get().paymentOptions()).isEqualTo(PaymentOptions.none());
    }

    @Test
    void reports_every_structural_problem_of_the_payment_methods_with_its_path() throws Exception {
        ObjectNode root = valid();
        ArrayNode methods = root.putArray("payment_methods");
        methods.addObject().put("id", 1).put("type", "Visa");
        ObjectNode sepa = methods.addObject().put("id", -2).put("type", "SEPA").put("page", "p");
        sepa.putArray("countries").add(49);
        methods.addObject().put("type", "PayPal");

        assertThat(read(root).getLeft()).containsExactly(
                new Problem("$.payment_methods[0].type", "'Visa' is not one of CreditCard, SEPA, ACH, BankTransfer, PayPal"),
                new Problem("$.payment_methods[1].id", "expected a non-negative integer, found a number (-2)"),
                new Problem("$.payment_methods[1].countries[0]", "expected a string, found a number (49)"),
                new Problem("$.payment_methods[1].page",
                        "unknown field 'page'; known fields: id, type, countries, hosted_page_id"),
                new Problem("$.payment_methods[2].id", "missing required field 'id'"));
    }

    @Test
    void reports_the_rule_problems_of_the_payment_methods_with_their_paths() throws Exception {
        ObjectNode root = valid();
        ArrayNode methods = root.putArray("payment_methods");
        methods.addObject().put("id", 1).put("type", "CreditCard").putArray("countries").add("de");
        methods.addObject().put("id", 1).put("type", "BankTransfer").put("hosted_page_id", "transfer");

        assertThat(read(root).getLeft()).containsExactly(
                new Problem("$.payment_methods[0].countries[0]",
                        "'de' is not an upper-case ISO 3166 country code such as DE"),
                new Problem("$.payment_methods[0].hosted_page_id",
                        "a CreditCard payment method needs the hosted payment page that collects its details"),
                new Problem("$.payment_methods[1].id", "payment method id 1 is used twice (also at $.payment_methods[0])"),
                new Problem("$.payment_methods[1].hosted_page_id",
                        "a BankTransfer payment method has no hosted payment page; leave hosted_page_id out"));
    }

    @Test
    void reports_a_wrong_type() throws Exception {
        ObjectNode root = valid();
        at(root, "/catalog/rate_plans/0/charges/0/tiers/0").put("price", "15.00");
        at(root, "/catalog").put("pages", "none");

        assertThat(read(root).getLeft()).containsExactly(
                new Problem("$.catalog.rate_plans[0].charges[0].tiers[0].price", "expected a number, found a string (\"15.00\")"),
                new Problem("$.catalog.pages", "expected an array, found a string (\"none\")"));
    }

    @Test
    void reports_a_required_field_given_as_null() throws Exception {
        ObjectNode root = valid();
        at(root, "/catalog/products/0").putNull("name");

        assertThat(read(root).getLeft()).containsExactly(
                new Problem("$.catalog.products[0].name", "required field 'name' must not be null"));
    }

    @Test
    void reports_rule_problems_of_a_structurally_clean_file() throws Exception {
        ObjectNode root = valid();
        at(root, "/catalog/suite_products/1").put("rate_plan_id", 99);
        at(root, "/catalog/suite_products/0").put("upgrade_behaviour", 3);

        assertThat(read(root).getLeft()).containsExactly(
                new Problem("$.catalog.suite_products[0].upgrade_behaviour",
                        "must be 0 (not allowed), 1 (self-service) or 2 (only through the seller); found 3"),
                new Problem("$.catalog.suite_products[1].rate_plan_id", "no rate plan with id 99"));
    }

    @Test
    void reads_the_sellers_postal_address_as_written() throws Exception {
        ObjectNode root = valid();
        at(root, "/tenant/seller").putObject("address").put("street", "ул. Витоша 1").put("postcode", "1000")
                .put("city", "София").put("region", "Област София");

        assertThat(read(root).get().tenant().seller().address())
                .isEqualTo(new SellerAddress("ул. Витоша 1", "1000", "София", "Област София"));
        assertThat(read(valid()).get().tenant().seller().address()).as("the address is optional").isNull();
    }

    @Test
    void reports_a_seller_address_without_city_and_with_a_blank_street() throws Exception {
        ObjectNode missing = valid();
        at(missing, "/tenant/seller").putObject("address").put("street", "Ring 1").put("postcode", "1010");
        ObjectNode blank = valid();
        at(blank, "/tenant/seller").putObject("address").put("street", " ").put("postcode", "1010")
                .put("city", "Wien").put("floor", 3);

        assertThat(read(missing).getLeft()).extracting(Problem::path).containsExactly("$.tenant.seller.address.city");
        assertThat(read(blank).getLeft()).extracting(Problem::path).containsExactly("$.tenant.seller.address.floor");
        at(blank, "/tenant/seller/address").remove("floor");
        assertThat(read(blank).getLeft()).containsExactly(
                new Problem("$.tenant.seller.address.street", "must not be blank"));
    }

    @Test
    void checks_rules_only_once_the_structure_is_clean() throws Exception {
        ObjectNode root = valid();
        at(root, "/catalog/suite_products/1").put("rate_plan_id", 99);
        at(root, "/tenant").put("keys", "acme");

        assertThat(read(root).getLeft()).extracting(Problem::path).containsExactly("$.tenant.keys");
    }

    @Nested
    class The_demo_tenant {
        private TenantDefinition demo() throws Exception {
            try (InputStream in = TenantFileReader.class.getResourceAsStream("/tenants/demo.json")) {
                assertThat(in).isNotNull();
                Either<List<Problem>, TenantDefinition> read = TenantFileReader.read("demo.json", in);
                assertThat(read.swap().getOrElse(List.of())).isEmpty();
                return read.get();
            }
        }

        @Test
        void reads_without_problems() throws Exception {
            Tenant tenant = demo().tenant();
            assertThat(tenant.id()).isEqualTo(1);
            assertThat(tenant.key()).isEqualTo("demo");
            assertThat(tenant.hosts()).isEmpty();
            assertThat(tenant.seller()).isEqualTo(new SellerSettings("DE", "DE136695976", false,
                    new SellerAddress("Friedrichstraße 123", "10117", "Berlin", null)));
            assertThat(tenant.defaultLanguage()).isEqualTo("de");
            assertThat(tenant.defaultCurrency()).isEqualTo(CurrencyUnit.EUR);
            assertThat(tenant.currencies()).containsExactly(
                    new CurrencySetting(1, CurrencyUnit.EUR, true, true, ",", "."),
                    new CurrencySetting(2, CurrencyUnit.USD, true, false, ".", ","));
        }

        @Test
        void offers_flat_fee_per_unit_tiered_and_volume_pricing_monthly_annually_and_once_on_page_1() throws Exception {
            TenantDefinition d = demo();
            Catalog c = d.catalog();
            ShopPage page = c.page(1).get();
            assertThat(page.active()).isTrue();
            assertThat(page.steps()).hasSizeGreaterThanOrEqualTo(2);
            List<Charge> charges = page.steps().stream()
                    .flatMap(s -> s.suiteProductIds().stream())
                    .map(id -> c.suiteProduct(id).get())
                    .map(sp -> c.ratePlan(sp.ratePlanId()).get())
                    .flatMap(rp -> rp.charges().stream())
                    .toList();
            assertThat(charges.stream().map(Charge::model).collect(Collectors.toSet())).contains(
                    ChargeModel.FLAT_FEE, ChargeModel.PER_UNIT, ChargeModel.TIERED, ChargeModel.VOLUME);
            assertThat(charges.stream().map(Charge::periodLabel).collect(Collectors.toSet()))
                    .contains("OneTime", "Month", "Annual");
            assertThat(page.steps().stream().mapToInt(s -> s.suiteProductIds().size()).sum()).isGreaterThanOrEqualTo(4);
        }

        @Test
        void lets_starter_upgrade_to_professional_and_professional_downgrade_to_starter() throws Exception {
            Catalog c = demo().catalog();
            assertThat(c.suiteProduct(1).get().changeOptions()).contains(new ChangeOption(1, 2, ChangeKind.UPGRADE));
            assertThat(c.suiteProduct(2).get().changeOptions()).contains(new ChangeOption(2, 1, ChangeKind.DOWNGRADE));
        }

        @Test
        void offers_card_and_sepa_in_the_eu_paypal_everywhere_bank_transfer_in_germany_and_austria() throws Exception {
            PaymentOptions offered = demo().paymentOptions();

            assertThat(offered.available(Option.some("DE"))).extracting(o -> o.type().wireName())
                    .containsExactly("CreditCard", "SEPA", "PayPal", "BankTransfer");
            assertThat(offered.available(Option.some("FR"))).extracting(o -> o.type().wireName())
                    .containsExactly("CreditCard", "SEPA", "PayPal");
            assertThat(offered.available(Option.some("US"))).extracting(o -> o.type().wireName())
                    .containsExactly("PayPal", "ACH");
            assertThat(offered.option(1).get().countries()).hasSize(27);
        }

        @Test
        void translates_ui_keys_and_catalog_texts_in_german_and_english() throws Exception {
            Translations t = demo().translations();
            assertThat(t.staticTexts().keySet()).containsExactly("de", "en");
            assertThat(t.staticTexts().get("de").keySet()).isEqualTo(t.staticTexts().get("en").keySet()).hasSizeGreaterThanOrEqualTo(12);
            assertThat(t.dynamicTexts().get("de").keySet()).isEqualTo(t.dynamicTexts().get("en").keySet())
                    .contains("suite_product.1.name", "suite_product.1.description");
        }
    }
}
