package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's whole catalog, indexed for constant-time look-ups on the pricing hot path. Immutable:
 * a change builds a new catalog.
 */
public final class Catalog {
    private final Map<Long, Product> products;
    private final Map<Long, RatePlan> ratePlans;
    private final Map<Long, SuiteProduct> suiteProducts;
    private final Map<Long, ShopPage> pages;

    public Catalog(List<Product> products, List<RatePlan> ratePlans, List<SuiteProduct> suiteProducts,
            List<ShopPage> pages) {
        this.products = index(products, Product::id);
        this.ratePlans = index(ratePlans, RatePlan::id);
        this.suiteProducts = index(suiteProducts, SuiteProduct::id);
        this.pages = index(pages, ShopPage::id);
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

    public List<Product> products() {
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

    public Option<Product> product(long id) {
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
