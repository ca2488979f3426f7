package com.subscriptionsuite.zuora.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tenant's product catalog, seeded by the test (or by {@code main} with a demo product).
 * Ids are generated like Zuora's (32 hex characters) unless given.
 */
public final class Catalog {

    private final List<Product> products = new CopyOnWriteArrayList<>();

    /** Adds a product built with {@link #product(String)}; answers it with its ids filled in. */
    public Product addProduct(ProductBuilder builder) {
        Product product = builder.build();
        products.add(product);
        return product;
    }

    public static ProductBuilder product(String name) {
        return new ProductBuilder(name);
    }

    public static RatePlanBuilder ratePlan(String name) {
        return new RatePlanBuilder(name);
    }

    /** A recurring charge (model PerUnit, FlatFee, Tiered, Volume or DiscountPercentage). */
    public static ChargeBuilder recurring(String name, String model) {
        return new ChargeBuilder(name, "Recurring", model);
    }

    public static ChargeBuilder oneTime(String name, String model) {
        return new ChargeBuilder(name, "OneTime", model).billingPeriod(null).billingTiming(null);
    }

    public static ChargeBuilder usage(String name, String model) {
        return new ChargeBuilder(name, "Usage", model).billingTiming("IN_ARREARS");
    }

    public List<Product> products() {
        return List.copyOf(products);
    }

    public Optional<Product> findProduct(String key) {
        return products.stream().filter(p -> p.id().equals(key) || key.equals(p.sku()) || key.equals(p.productNumber())).findFirst();
    }

    public Optional<RatePlan> findRatePlan(String idOrNumber) {
        return products.stream().flatMap(p -> p.ratePlans().stream())
                .filter(rp -> rp.id().equals(idOrNumber) || idOrNumber.equals(rp.productRatePlanNumber())).findFirst();
    }

    public Optional<Product> productOf(RatePlan ratePlan) {
        return products.stream().filter(p -> p.ratePlans().contains(ratePlan)).findFirst();
    }

    public void clear() {
        products.clear();
    }

    public record Product(String id, String name, String sku, String productNumber, String description, String category,
                          LocalDate effectiveStartDate, LocalDate effectiveEndDate, List<RatePlan> ratePlans) {
        public RatePlan ratePlan(String name) {
            return ratePlans.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no rate plan " + name));
        }
    }

    public record RatePlan(String id, String name, String productRatePlanNumber, String description, String status,
                           LocalDate effectiveStartDate, LocalDate effectiveEndDate, List<Charge> charges) {
        public Charge charge(String name) {
            return charges.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no charge " + name));
        }

        public Optional<Charge> findCharge(String id) {
            return charges.stream().filter(c -> c.id().equals(id) || id.equals(c.productRatePlanChargeNumber())).findFirst();
        }
    }

    /**
     * One product rate plan charge. {@code prices} holds the price per currency: per unit for PerUnit, the fee for
     * FlatFee, the percentage for DiscountPercentage; {@code tiers} per currency for Tiered and Volume.
     */
    public record Charge(String id, String name, String productRatePlanChargeNumber, String type, String model,
                         String billingPeriod, String billingTiming, String uom, BigDecimal defaultQuantity,
                         Map<String, BigDecimal> prices, Map<String, List<Tier>> tiers, Map<String, Object> attributes) {
        public boolean isDiscount() {
            return "DiscountPercentage".equals(model) || "DiscountFixedAmount".equals(model);
        }
    }

    public record Tier(int tier, BigDecimal startingUnit, BigDecimal endingUnit, BigDecimal price, String priceFormat) {}

    public static final class ProductBuilder {
        private final String name;
        private String id = Ids.newId();
        private String sku;
        private String description = "";
        private String category = "Base Products";
        private final List<RatePlanBuilder> ratePlans = new ArrayList<>();

        ProductBuilder(String name) {
            this.name = name;
        }

        public ProductBuilder id(String id) { this.id = id; return this; }
        public ProductBuilder sku(String sku) { this.sku = sku; return this; }
        public ProductBuilder description(String d) { this.description = d; return this; }
        public ProductBuilder category(String c) { this.category = c; return this; }
        public ProductBuilder ratePlan(RatePlanBuilder rp) { ratePlans.add(rp); return this; }

        Product build() {
            String number = "PC-" + Ids.next("product", 8);
            return new Product(id, name, sku == null ? "SKU-" + number : sku, number, description, category,
                    LocalDate.of(2020, 1, 1), LocalDate.of(2099, 12, 31),
                    ratePlans.stream().map(RatePlanBuilder::build).toList());
        }
    }

    public static final class RatePlanBuilder {
        private final String name;
        private String id = Ids.newId();
        private String description = "";
        private final List<ChargeBuilder> charges = new ArrayList<>();

        RatePlanBuilder(String name) {
            this.name = name;
        }

        public RatePlanBuilder id(String id) { this.id = id; return this; }
        public RatePlanBuilder description(String d) { this.description = d; return this; }
        public RatePlanBuilder charge(ChargeBuilder c) { charges.add(c); return this; }

        RatePlan build() {
            return new RatePlan(id, name, "PRP-" + Ids.next("productRatePlan", 8), description, "Active",
                    LocalDate.of(2020, 1, 1), LocalDate.of(2099, 12, 31), charges.stream().map(ChargeBuilder::build).toList());
        }
    }

    public static final class ChargeBuilder {
        private final String name;
        private final String type;
        private final String model;
        private String id = Ids.newId();
        private String billingPeriod = "Month";
        private String billingTiming = "IN_ADVANCE";
        private String uom;
        private BigDecimal defaultQuantity = BigDecimal.ONE;
        private final Map<String, BigDecimal> prices = new LinkedHashMap<>();
        private final Map<String, List<Tier>> tiers = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        ChargeBuilder(String name, String type, String model) {
            this.name = name;
            this.type = type;
            this.model = model;
            if ("PerUnit".equals(model) || "Tiered".equals(model) || "Volume".equals(model)) {
                uom = "Each";
            }
        }

        public ChargeBuilder id(String id) { this.id = id; return this; }
        public ChargeBuilder billingPeriod(String p) { this.billingPeriod = p; return this; }
        public ChargeBuilder billingTiming(String t) { this.billingTiming = t; return this; }
        public ChargeBuilder uom(String u) { this.uom = u; return this; }
        public ChargeBuilder defaultQuantity(String q) { this.defaultQuantity = new BigDecimal(q); return this; }
        /** Price in a currency: per unit (PerUnit), the fee (FlatFee) or the percentage (DiscountPercentage). */
        public ChargeBuilder price(String currency, String amount) { prices.put(currency, new BigDecimal(amount)); return this; }
        /** Adds a tier for a currency (Tiered or Volume models); endingUnit null for the last tier. */
        public ChargeBuilder tier(String currency, String startingUnit, String endingUnit, String price, String priceFormat) {
            List<Tier> list = tiers.computeIfAbsent(currency, c -> new ArrayList<>());
            list.add(new Tier(list.size() + 1, new BigDecimal(startingUnit), endingUnit == null ? null : new BigDecimal(endingUnit),
                    new BigDecimal(price), priceFormat));
            return this;
        }

        /**
         * Any other field of the charge as {@code GET /v1/products/{key}/product-rate-plans} shows it
         * ({@code taxMode}, {@code taxable}, {@code specificBillingPeriod}, {@code minQuantity},
         * {@code applyDiscountTo}, ...): served as given, after the simulator's own fields. The simulator
         * does not price by them.
         */
        public ChargeBuilder attribute(String field, Object value) { attributes.put(field, value); return this; }

        Charge build() {
            Map<String, List<Tier>> t = new LinkedHashMap<>();
            tiers.forEach((k, v) -> t.put(k, List.copyOf(v)));
            return new Charge(id, name, "PRPC-" + Ids.next("productRatePlanCharge", 8), type, model, billingPeriod,
                    billingTiming, uom, defaultQuantity, Map.copyOf(prices), Map.copyOf(t),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
        }
    }
}
