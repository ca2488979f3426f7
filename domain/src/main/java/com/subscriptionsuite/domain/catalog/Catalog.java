package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's whole catalog, indexed for constant-time look-ups on the pricing hot path. Immutable:
 * a change builds a new catalog. Soft-deleted products (admin DELETE /product/{id}) are neither
 * listed nor found by {@link #product(long)}, and what they carry is not sold; they stay reachable
 * through {@link #productIncludingDeleted(long)} for what already refers to them.
 */
public final class Catalog {
    private final Map<Long, Product> products;
    private final Map<Long, RatePlan> ratePlans;
    private final Map<Long, SuiteProduct> suiteProducts;
    private final Map<Long, ShopPage> pages;
    private final Set<Long> deletedProductIds;

    public Catalog(List<Product> products, List<RatePlan> ratePlans, List<SuiteProduct> suiteProducts,
            List<ShopPage> pages) {
        this(products, ratePlans, suiteProducts, pages, Set.of());
    }

    public Catalog(List<Product> products, List<RatePlan> ratePlans, List<SuiteProduct> suiteProducts,
            List<ShopPage> pages, Set<Long> deletedProductIds) {
        this.products = index(products, Product::id);
        this.ratePlans = index(ratePlans, RatePlan::id);
        this.suiteProducts = index(suiteProducts, SuiteProduct::id);
        this.pages = index(pages, ShopPage::id);
        this.deletedProductIds = Set.copyOf(deletedProductIds);
    }

    /** The same catalog with these products soft-deleted. */
    public Catalog withDeletedProducts(Set<Long> ids) {
        return new Catalog(List.copyOf(products.values()), List.copyOf(ratePlans.values()),
                List.copyOf(suiteProducts.values()), List.copyOf(pages.values()), ids);
    }

    public Set<Long> deletedProductIds() {
        return deletedProductIds;
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of(), List.of(), List.of());
    }

    private static <T> Map<Long, T> index(List<T> items, java.util.function.ToLongFunction<T> id) {
        Map<Long, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(id.applyAsLong(item), item) != null) {
                throw new IllegalArgumentException("duplicate id " + id.applyAsLong(item));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The products that are listed and sold (not soft-deleted). */
    public List<Product> products() {
        return products.values().stream().filter(p -> !deletedProductIds.contains(p.id())).toList();
    }

    /** Every product the definition holds, soft-deleted ones included (for storing the definition). */
    public List<Product> allProducts() {
        return List.copyOf(products.values());
    }

    public List<RatePlan> ratePlans() {
        return List.copyOf(ratePlans.values());
    }

    public List<SuiteProduct> suiteProducts() {
        return List.copyOf(suiteProducts.values());
    }

    public List<ShopPage> pages() {
        return List.copyOf(pages.values());
    }

    /** A product that is listed and sold; none when unknown or soft-deleted. */
    public Option<Product> product(long id) {
        return deletedProductIds.contains(id) ? Option.none() : Option.of(products.get(id));
    }

    public Option<Product> productIncludingDeleted(long id) {
        return Option.of(products.get(id));
    }

    public Option<RatePlan> ratePlan(long id) {
        return Option.of(ratePlans.get(id));
    }

    public Option<SuiteProduct> suiteProduct(long id) {
        return Option.of(suiteProducts.get(id));
    }

    public Option<ShopPage> page(long id) {
        return Option.of(pages.get(id));
    }
}
