package com.subscriptionsuite.domain.tenant;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
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
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.payment.Countries;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentType;
import com.subscriptionsuite.domain.tax.VatId;
import com.subscriptionsuite.domain.tax.VatRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;

/**
 * The semantic rules of a tenant definition: everything a well-formed tenant file can still get
 * wrong (dangling references, duplicate ids, tiers with gaps, two default languages, a seller outside
 * the EU ...). {@link #check} reports every problem it finds, never only the first, each with a JSON
 * path into the tenant file format ({@code docs/tenant-file.md}), e.g.
 * {@code $.catalog.suite_products[2].rate_plan_id}.
 *
 * <p>Paths index the lists in the order the definition holds them, which is the file's order.
 * Products, rate plans, suite products and pages are indexed by id in a {@code Catalog}, which
 * cannot hold two of one kind with the same id: the file reader reports those duplicates itself.
 *
 * <p>Tier bounds follow Zuora's integer convention: a tier's {@code starting_unit} is the previous
 * tier's {@code ending_unit} + 1 (1–1,000, 1,001–10,000, 10,001+); the first tier starts at 0 or 1.
 * Only the last tier may be unbounded, apart from the overage tier of a TieredWithOverage charge.
 */
public final class TenantRules {
    /** Allowed values of a suite product's {@code subscription_type} (Zuora's {@code termType}). */
    public static final List<String> SUBSCRIPTION_TYPES = List.of("TERMED", "EVERGREEN");
    /** Allowed values of a suite product's {@code renewal_type} (Zuora's {@code renewalSetting}). */
    public static final List<String> RENEWAL_TYPES = List.of("RENEW_WITH_SPECIFIC_TERM", "RENEW_TO_EVERGREEN");

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PLAIN_MEMBER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TenantRules() {
    }

    /**
     * Checks every semantic rule of the definition.
     *
     * @return every problem found, in rule order (tenant, languages, currencies, catalog,
     *         translations, access, payment methods); empty when the definition may be stored
     */
    public static List<Problem> check(TenantDefinition d) {
        Check check = new Check(d);
        check.tenant();
        check.languages();
        check.currencies();
        check.products();
        check.ratePlans();
        check.suiteProducts();
        check.pages();
        check.translations();
        check.access();
        check.paymentOptions();
        return List.copyOf(check.problems);
    }

    /** A JSON path member step: {@code .name} for plain names, {@code ['pt-BR']} otherwise. */
    private static String member(String parent, String name) {
        if (PLAIN_MEMBER.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static final class Check {
        private final TenantDefinition d;
        private final Tenant tenant;
        private final List<Problem> problems = new ArrayList<>();
        /** Suite product ids offering each rate plan, to know which charges must be sold everywhere. */
        private final Map<Long, List<Long>> offeredBy = new HashMap<>();

        Check(TenantDefinition d) {
            this.d = d;
            this.tenant = d.tenant();
            for (SuiteProduct sp : d.catalog().suiteProducts()) {
                offeredBy.computeIfAbsent(sp.ratePlanId(), k -> new ArrayList<>()).add(sp.id());
            }
        }

        private void problem(String path, String reason) {
            problems.add(new Problem(path, reason));
        }

        // ---------------------------------------------------------------- access

        /** CORS origins are bare origins; admin keys are named SHA-256 hashes (64 hex digits). */
        void access() {
            TenantAccess access = d.access();
            Map<String, Integer> origins = new HashMap<>();
            for (int i = 0; i < access.corsOrigins().size(); i++) {
                String origin = access.corsOrigins().get(i);
                String path = "$.access.cors_origins[" + i + "]";
                if (!ORIGIN.matcher(origin).matches()) {
                    problem(path, "'" + origin + "' is not an origin: scheme, host and optional port in lower case, "
                            + "no path or trailing slash (e.g. https://shop.example.com)");
                }
                Integer first = origins.putIfAbsent(origin, i);
                if (first != null) {
                    problem(path, "origin '" + origin + "' is listed twice (also at $.access.cors_origins[" + first + "])");
                }
            }
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < access.adminKeys().size(); i++) {
                TenantAccess.AdminKey key = access.adminKeys().get(i);
                String path = "$.access.admin_keys[" + i + "]";
                if (key.name().isBlank()) {
                    problem(path + ".name", "an admin key needs a name");
                }
                Integer first = names.putIfAbsent(key.name(), i);
                if (first != null) {
                    problem(path + ".name", "admin key name '" + key.name() + "' is used twice (also at "
                            + "$.access.admin_keys[" + first + "])");
                }
                if (!SHA256_HEX.matcher(key.sha256()).matches()) {
                    problem(path + ".sha256", "must be the SHA-256 of the key as 64 hexadecimal digits "
                            + "(e.g. printf %s \"$KEY\" | sha256sum), never the key itself");
                }
            }
        }

        // ---------------------------------------------------------------- payment options

        /**
         * Payment option ids unique; countries assigned ISO codes, upper case, each listed once; types
         * whose details a hosted page collects name their page (letters, digits, '.', '_', '-'), other
         * types name none; one hosted page serves one payment type.
         */
        void paymentOptions() {
            List<PaymentOption> options = d.paymentOptions().options();
            Map<Long, Integer> ids = new HashMap<>();
            Map<String, PaymentType> pageTypes = new HashMap<>();
            for (int i = 0; i < options.size(); i++) {
                PaymentOption option = options.get(i);
                String path = "$.payment_methods[" + i + "]";
                Integer first = ids.putIfAbsent(option.id(), i);
                if (first != null) {
                    problem(path + ".id", "payment method id " + option.id() + " is used twice (also at "
                            + "$.payment_methods[" + first + "])");
                }
                Map<String, Integer> countries = new HashMap<>();
                for (int c = 0; c < option.countries().size(); c++) {
                    String country = option.countries().get(c);
                    String countryPath = path + ".countries[" + c + "]";
                    if (!Countries.isCode(country)) {
                        problem(countryPath, "'" + country + "' is not an upper-case ISO 3166 country code such as DE");
                    }
                    Integer firstCountry = countries.putIfAbsent(country, c);
                    if (firstCountry != null) {
                        problem(countryPath, "country " + country + " is listed twice (also at " + path
                                + ".countries[" + firstCountry + "])");
                    }
                }
                String page = option.hostedPageId();
                if (option.type().collectedByHostedPage()) {
                    if (page == null) {
                        problem(path + ".hosted_page_id", "a " + option.type().wireName()
                                + " payment method needs the hosted payment page that collects its details");
                    } else if (!PAGE_ID.matcher(page).matches()) {
                        problem(path + ".hosted_page_id", "'" + page + "' is not a page id: 1 to 64 letters, digits, "
                                + "'.', '_' or '-'");
                    } else {
                        PaymentType other = pageTypes.putIfAbsent(page, option.type());
                        if (other != null && other != option.type()) {
                            problem(path + ".hosted_page_id", "hosted page '" + page + "' already collects "
                                    + other.wireName() + " details; one page serves one payment type");
                        }
                    }
                } else if (page != null) {
                    problem(path + ".hosted_page_id", "a " + option.type().wireName()
                            + " payment method has no hosted payment page; leave hosted_page_id out");
                }
            }
        }

        // ---------------------------------------------------------------- tenant

        void tenant() {
            if (!KEY.matcher(tenant.key()).matches()) {
                problem("$.tenant.key", "tenant key '" + tenant.key()
                        + "' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
            }
            if (tenant.name().isBlank()) {
                problem("$.tenant.name", "the tenant name must not be blank");
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < tenant.hosts().size(); i++) {
                String host = tenant.hosts().get(i);
                String path = "$.tenant.hosts[" + i + "]";
                if (host.isBlank()) {
                    problem(path, "a host name must not be blank");
                    continue;
                }
                if (!host.equals(host.toLowerCase(Locale.ROOT))) {
                    problem(path, "host name '" + host + "' must be lower-case");
                } else if (!HOST.matcher(host).matches()) {
                    problem(path, "'" + host + "' is not a bare host name (letters, digits, '.' and '-'; no scheme, port or path)");
                }
                Integer first = seen.putIfAbsent(host.toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    problem(path, "host name '" + host + "' is listed twice (also at $.tenant.hosts[" + first + "])");
                }
            }
            seller();
        }

        private void seller() {
            SellerSettings seller = tenant.seller();
            String country = seller.country();
            boolean countryValid = COUNTRY.matcher(country).matches() && VatRates.euStandardRates().isMemberState(country);
            if (!COUNTRY.matcher(country).matches()) {
                problem("$.tenant.seller.country",
                        "'" + country + "' is not an upper-case ISO 3166 country code such as DE");
            } else if (!countryValid) {
                problem("$.tenant.seller.country", "seller country " + country + " is not an EU member state");
            }
            if (seller.vatId() != null) {
                VatId.parse(seller.vatId())
                        .peekLeft(rejection -> problem("$.tenant.seller.vat_id", rejection.reason()))
                        .peek(vatId -> {
                            if (countryValid && !vatId.isoCountry().equals(country)) {
                                problem("$.tenant.seller.vat_id", "VAT ID " + vatId.value() + " belongs to "
                                        + vatId.isoCountry() + ", not to the seller country " + country);
                            }
                        });
            }
            SellerAddress address = seller.address();
            if (address != null) {
                addressPart("$.tenant.seller.address.street", address.street(), 200);
                addressPart("$.tenant.seller.address.postcode", address.postcode(), 20);
                addressPart("$.tenant.seller.address.city", address.city(), 100);
                if (address.region() != null) {
                    addressPart("$.tenant.seller.address.region", address.region(), 100);
                }
            }
        }

        /** A part of the seller's address: printed on every invoice, so neither blank nor longer than a line. */
        private void addressPart(String path, String text, int maxLength) {
            if (text.isBlank()) {
                problem(path, "must not be blank");
            } else if (text.strip().codePointCount(0, text.strip().length()) > maxLength) {
                problem(path, "must be at most " + maxLength + " characters");
            } else if (text.codePoints().anyMatch(Character::isISOControl)) {
                problem(path, "must be one line (no line breaks or control characters)");
            }
        }

        // ---------------------------------------------------------------- languages, currencies

        void languages() {
            List<Language> languages = tenant.languages();
            if (languages.isEmpty()) {
                problem("$.languages", "at least one language is required");
                return;
            }
            Map<Long, Integer> ids = new HashMap<>();
            Map<String, Integer> codes = new HashMap<>();
            List<Integer> defaults = new ArrayList<>();
            for (int i = 0; i < languages.size(); i++) {
                Language l = languages.get(i);
                String path = "$.languages[" + i + "]";
                duplicate(ids, l.id(), i, path + ".id", "language id " + l.id(), "$.languages");
                if (l.code().isBlank()) {
                    problem(path + ".code", "a language code must not be blank");
                } else {
                    duplicate(codes, l.code().toLowerCase(Locale.ROOT), i, path + ".code",
                            "language '" + l.code() + "'", "$.languages");
                }
                if (l.isDefault()) {
                    defaults.add(i);
                    if (!l.active()) {
                        problem(path + ".is_active", "the default language '" + l.code() + "' must be active");
                    }
                }
            }
            exactlyOneDefault("$.languages", "language", defaults,
                    defaults.stream().map(i -> languages.get(i).code()).toList());
        }

        void currencies() {
            List<CurrencySetting> currencies = tenant.currencies();
            if (currencies.isEmpty()) {
                problem("$.currencies", "at least one currency is required");
                return;
            }
            Map<Long, Integer> ids = new HashMap<>();
            Map<String, Integer> codes = new HashMap<>();
            List<Integer> defaults = new ArrayList<>();
            for (int i = 0; i < currencies.size(); i++) {
                CurrencySetting c = currencies.get(i);
                String path = "$.currencies[" + i + "]";
                String code = c.currency().getCode();
                duplicate(ids, c.id(), i, path + ".id", "currency id " + c.id(), "$.currencies");
                duplicate(codes, code, i, path + ".iso_code", "currency " + code, "$.currencies");
                if (c.decimalSeparator().isEmpty()) {
                    problem(path + ".decimal_separator", "the decimal separator must not be empty");
                } else if (c.decimalSeparator().equals(c.thousandsSeparator())) {
                    problem(path + ".thousands_separator", "the thousands separator '" + c.thousandsSeparator()
                            + "' must differ from the decimal separator");
                }
                if (c.isDefault()) {
                    defaults.add(i);
                    if (!c.active()) {
                        problem(path + ".is_active", "the default currency " + code + " must be active");
                    }
                }
            }
            exactlyOneDefault("$.currencies", "currency", defaults,
                    defaults.stream().map(i -> currencies.get(i).currency().getCode()).toList());
        }

        private void exactlyOneDefault(String path, String kind, List<Integer> defaults, List<String> names) {
            if (defaults.isEmpty()) {
                problem(path, "no " + kind + " is the default; exactly one must have is_default true");
            } else if (defaults.size() > 1) {
                problem(path, defaults.size() + " " + (kind.equals("currency") ? "currencies" : kind + "s")
                        + " are the default (" + String.join(", ", names) + "); exactly one must be");
            }
        }

        /** Records {@code key} at {@code index}; reports a problem when an earlier index holds it. */
        private <K> void duplicate(Map<K, Integer> seen, K key, int index, String path, String what, String listPath) {
            Integer first = seen.putIfAbsent(key, index);
            if (first != null) {
                problem(path, what + " is listed twice (also at " + listPath + "[" + first + "])");
            }
        }

        // ---------------------------------------------------------------- catalog

        void products() {
            List<Product> products = d.catalog().products();
            for (int i = 0; i < products.size(); i++) {
                Product p = products.get(i);
                String path = "$.catalog.products[" + i + "]";
                notBlank(path + ".name", p.name(), "product");
                dates(path, p.effectiveStartDate(), p.effectiveEndDate());
            }
        }

        void ratePlans() {
            List<RatePlan> ratePlans = d.catalog().ratePlans();
            Map<Long, String> chargeIds = new HashMap<>();
            for (int i = 0; i < ratePlans.size(); i++) {
                RatePlan rp = ratePlans.get(i);
                String path = "$.catalog.rate_plans[" + i + "]";
                notBlank(path + ".name", rp.name(), "rate plan");
                if (d.catalog().product(rp.productId()).isEmpty()) {
                    problem(path + ".product_id", "no product with id " + rp.productId());
                }
                dates(path, rp.effectiveStartDate(), rp.effectiveEndDate());
                List<Long> offering = offeredBy.getOrDefault(rp.id(), List.of());
                if (rp.charges().isEmpty() && !offering.isEmpty()) {
                    problem(path + ".charges", "rate plan " + rp.id() + " is offered by suite product "
                            + offering.get(0) + " but has no charges");
                }
                for (int j = 0; j < rp.charges().size(); j++) {
                    Charge charge = rp.charges().get(j);
                    String chargePath = path + ".charges[" + j + "]";
                    String first = chargeIds.putIfAbsent(charge.id(), chargePath);
                    if (first != null) {
                        problem(chargePath + ".id", "charge id " + charge.id() + " is listed twice (also at " + first + ")");
                    }
                    new ChargeCheck(chargePath, charge, rp, offering).run();
                }
            }
        }

        /** The rules of one charge and its tiers. */
        private final class ChargeCheck {
            private final String path;
            private final Charge c;
            private final RatePlan ratePlan;
            private final List<Long> offeredBySuiteProducts;

            ChargeCheck(String path, Charge c, RatePlan ratePlan, List<Long> offeredBySuiteProducts) {
                this.path = path;
                this.c = c;
                this.ratePlan = ratePlan;
                this.offeredBySuiteProducts = offeredBySuiteProducts;
            }

            void run() {
                notBlank(path + ".name", c.name(), "charge");
                billing();
                quantities();
                discount();
                tierValues();
                tiersPerCurrency();
                soldInEveryActiveCurrency();
            }

            private void billing() {
                BillingPeriod period = c.billingPeriod();
                if (c.type() == ChargeType.RECURRING && period == null) {
                    problem(path + ".billing_period", "a Recurring charge needs a billing period");
                }
                if (period != null && period.needsLength()
                        && (c.specificBillingPeriod() == null || c.specificBillingPeriod() <= 0)) {
                    problem(path + ".specific_billing_period", "billing period " + period.wireName()
                            + " needs a specific_billing_period greater than 0");
                }
                if (c.specificBillingPeriod() != null && (period == null || !period.needsLength())) {
                    problem(path + ".specific_billing_period",
                            "only the billing periods Specific_Months, Specific_Weeks and Specific_Days take a specific_billing_period");
                }
            }

            private void quantities() {
                BigDecimal min = c.minQuantity();
                BigDecimal max = c.maxQuantity();
                if (min != null && min.signum() <= 0) {
                    problem(path + ".min_quantity", "min_quantity must be greater than 0; found " + min.toPlainString());
                }
                if (max != null && max.signum() <= 0) {
                    problem(path + ".max_quantity", "max_quantity must be greater than 0; found " + max.toPlainString());
                }
                if (min != null && max != null && min.compareTo(max) > 0) {
                    problem(path + ".max_quantity", "max_quantity " + max.toPlainString()
                            + " is less than min_quantity " + min.toPlainString());
                }
                BigDecimal dq = c.defaultQuantity();
                if (dq != null) {
                    if (dq.signum() < 0) {
                        problem(path + ".default_quantity", "default_quantity must not be negative; found " + dq.toPlainString());
                    } else if (c.model().usesQuantity()
                            && ((min != null && dq.compareTo(min) < 0) || (max != null && dq.compareTo(max) > 0))) {
                        problem(path + ".default_quantity", "default_quantity " + dq.toPlainString()
                                + " is outside min_quantity..max_quantity (" + bound(min) + ".." + bound(max) + ")");
                    }
                }
                if (c.includedUnits().signum() < 0) {
                    problem(path + ".included_units", "included_units must not be negative; found "
                            + c.includedUnits().toPlainString());
                } else if (c.includedUnits().signum() > 0 && !hasOverage(c.model())) {
                    problem(path + ".included_units", "only Overage and TieredWithOverage charges include units; this is a "
                            + c.model().wireName() + " charge");
                }
            }

            private String bound(BigDecimal b) {
                return b == null ? "" : b.toPlainString();
            }

            private void discount() {
                if (c.model().isDiscount() && c.discountAppliesTo().isEmpty()) {
                    problem(path + ".applies_to",
                            "a discount charge must name the charge types it applies to (OneTime, Recurring, Usage)");
                }
                if (!c.model().isDiscount() && !c.discountAppliesTo().isEmpty()) {
                    problem(path + ".applies_to", "only discount charges take applies_to; this is a "
                            + c.model().wireName() + " charge");
                }
            }

            /** Rules of each tier on its own: currency, price, bounds. */
            private void tierValues() {
                Set<CurrencyUnit> tenantCurrencies = tenant.currencies().stream()
                        .map(CurrencySetting::currency).collect(Collectors.toSet());
                for (int k = 0; k < c.tiers().size(); k++) {
                    Tier t = c.tiers().get(k);
                    String tierPath = path + ".tiers[" + k + "]";
                    if (!tenantCurrencies.contains(t.currency())) {
                        problem(tierPath + ".currency", t.currency().getCode() + " is not one of the tenant's currencies ("
                                + currencyCodes(tenant.currencies().stream().map(CurrencySetting::currency).toList()) + ")");
                    }
                    price(tierPath + ".price", t.price());
                    if (t.startingUnit().signum() < 0) {
                        problem(tierPath + ".starting_unit", "starting_unit must not be negative; found "
                                + t.startingUnit().toPlainString());
                    }
                    if (t.endingUnit() != null && t.endingUnit().compareTo(t.startingUnit()) < 0) {
                        problem(tierPath + ".ending_unit", "ending_unit " + t.endingUnit().toPlainString()
                                + " is below starting_unit " + t.startingUnit().toPlainString());
                    }
                    if (t.overagePrice() && !hasOverage(c.model())) {
                        problem(tierPath + ".is_overage_price", "only Overage and TieredWithOverage charges have an overage tier; this is a "
                                + c.model().wireName() + " charge");
                    }
                    PriceFormat expected = switch (c.model()) {
                        case FLAT_FEE -> PriceFormat.FLAT_FEE;
                        case PER_UNIT -> PriceFormat.PER_UNIT;
                        default -> null;
                    };
                    if (expected != null && t.priceFormat() != expected) {
                        problem(tierPath + ".price_format", "a " + c.model().wireName() + " charge's tier has price_format "
                                + expected.wireName() + "; found " + t.priceFormat().wireName());
                    }
                }
            }

            private void price(String pricePath, BigDecimal price) {
                switch (c.model()) {
                    case DISCOUNT_PERCENTAGE -> {
                        if (price.signum() <= 0 || price.compareTo(HUNDRED) > 0) {
                            problem(pricePath, "a percentage discount must be greater than 0 and at most 100; found "
                                    + price.toPlainString());
                        }
                    }
                    case DISCOUNT_FIXED_AMOUNT -> {
                        if (price.signum() <= 0) {
                            problem(pricePath, "a fixed-amount discount must be greater than 0; found " + price.toPlainString());
                        }
                    }
                    default -> {
                        if (price.signum() < 0) {
                            problem(pricePath, "a price must not be negative; found " + price.toPlainString());
                        }
                    }
                }
            }

            /** Rules of the tiers of each currency together: count, overage tier, order and contiguity. */
            private void tiersPerCurrency() {
                Map<CurrencyUnit, List<Integer>> byCurrency = new LinkedHashMap<>();
                for (int k = 0; k < c.tiers().size(); k++) {
                    byCurrency.computeIfAbsent(c.tiers().get(k).currency(), x -> new ArrayList<>()).add(k);
                }
                byCurrency.forEach((currency, indices) -> {
                    String code = currency.getCode();
                    switch (c.model()) {
                        case FLAT_FEE, PER_UNIT, DISCOUNT_PERCENTAGE, DISCOUNT_FIXED_AMOUNT -> {
                            if (indices.size() != 1) {
                                problem(path + ".tiers", "a " + c.model().wireName()
                                        + " charge has exactly one tier per currency; found " + indices.size() + " in " + code);
                            }
                        }
                        case OVERAGE -> {
                            if (indices.size() != 1) {
                                problem(path + ".tiers", "an Overage charge has exactly one tier per currency, its overage price; found "
                                        + indices.size() + " in " + code);
                            } else if (!c.tiers().get(indices.get(0)).overagePrice()) {
                                problem(path + ".tiers[" + indices.get(0) + "].is_overage_price",
                                        "an Overage charge's tier is its overage price and needs is_overage_price true");
                            }
                        }
                        case TIERED, VOLUME, TIERED_WITH_OVERAGE -> graduated(code, indices);
                    }
                });
            }

            private void graduated(String code, List<Integer> indices) {
                List<Integer> regular = indices.stream().filter(k -> !c.tiers().get(k).overagePrice()).toList();
                if (c.model() == ChargeModel.TIERED_WITH_OVERAGE) {
                    long overageTiers = indices.size() - regular.size();
                    if (overageTiers != 1) {
                        problem(path + ".tiers", "a TieredWithOverage charge needs exactly one overage tier "
                                + "(is_overage_price true) per currency; found " + overageTiers + " in " + code);
                    }
                }
                if (regular.isEmpty()) {
                    problem(path + ".tiers", "a " + c.model().wireName() + " charge needs at least one tier in " + code
                            + " besides an overage tier");
                    return;
                }
                Tier first = c.tiers().get(regular.get(0));
                if (first.startingUnit().compareTo(BigDecimal.ZERO) != 0 && first.startingUnit().compareTo(BigDecimal.ONE) != 0) {
                    problem(path + ".tiers[" + regular.get(0) + "].starting_unit", "the first tier in " + code
                            + " must start at 0 or 1; found " + first.startingUnit().toPlainString());
                }
                for (int n = 1; n < regular.size(); n++) {
                    int prevIndex = regular.get(n - 1);
                    int index = regular.get(n);
                    Tier prev = c.tiers().get(prevIndex);
                    Tier tier = c.tiers().get(index);
                    if (prev.unbounded()) {
                        problem(path + ".tiers[" + prevIndex + "].ending_unit", "only the last tier in " + code
                                + " may be unbounded; give this tier an ending_unit");
                        continue;
                    }
                    BigDecimal expected = prev.endingUnit().add(BigDecimal.ONE);
                    if (tier.startingUnit().compareTo(expected) != 0) {
                        problem(path + ".tiers[" + index + "].starting_unit", "starting_unit must be "
                                + expected.toPlainString() + " (the previous tier in " + code + " ends at "
                                + prev.endingUnit().toPlainString() + "); found " + tier.startingUnit().toPlainString());
                    }
                }
                int lastIndex = regular.get(regular.size() - 1);
                if (c.model() == ChargeModel.TIERED_WITH_OVERAGE && c.tiers().get(lastIndex).unbounded()) {
                    problem(path + ".tiers[" + lastIndex + "].ending_unit", "the last regular tier in " + code
                            + " of a TieredWithOverage charge must be bounded: units above it cost the overage price");
                }
            }

            /** A charge of an offered rate plan must have a price in every currency the shop sells in. */
            private void soldInEveryActiveCurrency() {
                if (offeredBySuiteProducts.isEmpty() || c.model() == ChargeModel.DISCOUNT_PERCENTAGE) {
                    return;
                }
                List<CurrencyUnit> missing = tenant.currencies().stream()
                        .filter(CurrencySetting::active)
                        .map(CurrencySetting::currency)
                        .filter(cu -> !c.soldIn(cu))
                        .toList();
                if (!missing.isEmpty()) {
                    problem(path + ".tiers", "no tier in " + currencyCodes(missing)
                            + ", which the tenant sells in (rate plan " + ratePlan.id() + " is offered by suite product "
                            + offeredBySuiteProducts.get(0) + ")");
                }
            }
        }

        private static boolean hasOverage(ChargeModel model) {
            return model == ChargeModel.OVERAGE || model == ChargeModel.TIERED_WITH_OVERAGE;
        }

        private static String currencyCodes(List<CurrencyUnit> currencies) {
            return currencies.stream().map(CurrencyUnit::getCode).collect(Collectors.joining(", "));
        }

        void suiteProducts() {
            List<SuiteProduct> suiteProducts = d.catalog().suiteProducts();
            Map<Long, String> changeOptionIds = new HashMap<>();
            for (int i = 0; i < suiteProducts.size(); i++) {
                SuiteProduct sp = suiteProducts.get(i);
                String path = "$.catalog.suite_products[" + i + "]";
                notBlank(path + ".name", sp.name(), "suite product");
                if (d.catalog().ratePlan(sp.ratePlanId()).isEmpty()) {
                    problem(path + ".rate_plan_id", "no rate plan with id " + sp.ratePlanId());
                }
                dates(path, sp.effectiveStartDate(), sp.effectiveEndDate());
                changeRules(path, sp.changeRules());
                terms(path, sp);
                for (int k = 0; k < sp.addOns().size(); k++) {
                    long addOn = sp.addOns().get(k);
                    String addOnPath = path + ".add_ons[" + k + "]";
                    if (addOn == sp.id()) {
                        problem(addOnPath, "a suite product cannot be its own add-on");
                    } else if (d.catalog().suiteProduct(addOn).isEmpty()) {
                        problem(addOnPath, "no suite product with id " + addOn);
                    }
                }
                for (int k = 0; k < sp.changeOptions().size(); k++) {
                    ChangeOption option = sp.changeOptions().get(k);
                    String optionPath = path + ".change_options[" + k + "]";
                    String first = changeOptionIds.putIfAbsent(option.id(), optionPath);
                    if (first != null) {
                        problem(optionPath + ".id", "change option id " + option.id()
                                + " is listed twice (also at " + first + ")");
                    }
                    long target = option.targetSuiteProductId();
                    if (target == sp.id()) {
                        problem(optionPath + ".target_suite_product_id", "a suite product cannot be changed into itself");
                    } else if (d.catalog().suiteProduct(target).isEmpty()) {
                        problem(optionPath + ".target_suite_product_id", "no suite product with id " + target);
                    }
                }
            }
        }

        private void changeRules(String path, ChangeRules r) {
            behaviour(path + ".cancel_behaviour", r.cancelBehaviour());
            mode(path + ".cancel_mode", r.cancelMode());
            if (r.cancelPeriodDays() < 0) {
                problem(path + ".cancel_period", "cancel_period (days of notice) must not be negative; found "
                        + r.cancelPeriodDays());
            }
            behaviour(path + ".quantity_upgrade_behaviour", r.quantityUpgradeBehaviour());
            mode(path + ".quantity_upgrade_mode", r.quantityUpgradeMode());
            behaviour(path + ".quantity_downgrade_behaviour", r.quantityDowngradeBehaviour());
            mode(path + ".quantity_downgrade_mode", r.quantityDowngradeMode());
            behaviour(path + ".upgrade_behaviour", r.upgradeBehaviour());
            mode(path + ".upgrade_mode", r.upgradeMode());
            behaviour(path + ".downgrade_behaviour", r.downgradeBehaviour());
            mode(path + ".downgrade_mode", r.downgradeMode());
        }

        private void behaviour(String path, int code) {
            if (code < 0 || code > 2) {
                problem(path, "must be 0 (not allowed), 1 (self-service) or 2 (only through the seller); found " + code);
            }
        }

        private void mode(String path, int code) {
            if (code < 0 || code > 2) {
                problem(path, "must be 0 (immediately), 1 (end of billing period) or 2 (end of term); found " + code);
            }
        }

        private void terms(String path, SuiteProduct sp) {
            if (!SUBSCRIPTION_TYPES.contains(sp.subscriptionType())) {
                problem(path + ".subscription_type", "'" + sp.subscriptionType() + "' is not a subscription type; allowed: "
                        + String.join(", ", SUBSCRIPTION_TYPES));
            } else if (sp.subscriptionType().equals("TERMED") && sp.term() <= 0) {
                problem(path + ".term", "a TERMED subscription needs a term (months) greater than 0; found " + sp.term());
            }
            if (!RENEWAL_TYPES.contains(sp.renewalType())) {
                problem(path + ".renewal_type", "'" + sp.renewalType() + "' is not a renewal type; allowed: "
                        + String.join(", ", RENEWAL_TYPES));
            }
            if (sp.term() < 0) {
                problem(path + ".term", "term must not be negative; found " + sp.term());
            }
            if (sp.renewalTerm() < 0) {
                problem(path + ".renewal_term", "renewal_term must not be negative; found " + sp.renewalTerm());
            }
        }

        void pages() {
            List<ShopPage> pages = d.catalog().pages();
            Map<Long, String> stepIds = new HashMap<>();
            for (int i = 0; i < pages.size(); i++) {
                ShopPage page = pages.get(i);
                String path = "$.catalog.pages[" + i + "]";
                notBlank(path + ".name", page.name(), "page");
                Map<Integer, Integer> numbers = new HashMap<>();
                for (int j = 0; j < page.steps().size(); j++) {
                    PageStep step = page.steps().get(j);
                    String stepPath = path + ".steps[" + j + "]";
                    notBlank(stepPath + ".name", step.name(), "step");
                    String first = stepIds.putIfAbsent(step.id(), stepPath);
                    if (first != null) {
                        problem(stepPath + ".id", "step id " + step.id() + " is listed twice (also at " + first + ")");
                    }
                    Integer firstNumber = numbers.putIfAbsent(step.number(), j);
                    if (firstNumber != null) {
                        problem(stepPath + ".number", "step number " + step.number() + " is used twice on this page (also at "
                                + path + ".steps[" + firstNumber + "])");
                    }
                    Set<Long> listed = new HashSet<>();
                    for (int k = 0; k < step.suiteProductIds().size(); k++) {
                        long id = step.suiteProductIds().get(k);
                        String idPath = stepPath + ".suite_products[" + k + "]";
                        if (d.catalog().suiteProduct(id).isEmpty()) {
                            problem(idPath, "no suite product with id " + id);
                        } else if (!listed.add(id)) {
                            problem(idPath, "suite product " + id + " is listed twice in this step");
                        }
                    }
                }
            }
        }

        // ---------------------------------------------------------------- translations

        void translations() {
            List<String> codes = tenant.languages().stream().map(Language::code).toList();
            translationLanguages("$.translations.static", d.translations().staticTexts().keySet(), codes);
            translationLanguages("$.translations.dynamic", d.translations().dynamicTexts().keySet(), codes);
        }

        private void translationLanguages(String path, Set<String> languages, List<String> codes) {
            for (String language : languages) {
                if (!codes.contains(language)) {
                    problem(member(path, language), "'" + language + "' is not one of the tenant's languages ("
                            + String.join(", ", codes) + ")");
                }
            }
        }

        // ---------------------------------------------------------------- shared

        private void notBlank(String path, String value, String kind) {
            if (value.isBlank()) {
                problem(path, "a " + kind + " name must not be blank");
            }
        }

        private void dates(String path, LocalDate start, LocalDate end) {
            if (start != null && end != null && end.isBefore(start)) {
                problem(path + ".effective_end_date", "effective_end_date " + end + " is before effective_start_date " + start);
            }
        }
    }
}
