package com.subscriptionsuite.application.port.out;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static com.subscriptionsuite.application.fixtures.SampleTenants.minimal;
import static com.subscriptionsuite.application.fixtures.SampleTenants.trimmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentOptions;
import com.subscriptionsuite.domain.payment.PaymentType;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantAccess.AdminKey;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.RecursiveComparisonAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Tenants} adapter must do. Subclasses hand out a fresh, empty store per test.
 *
 * <p>Definitions are compared field by field, amounts by {@link BigDecimal#compareTo} (an adapter
 * may give {@code 9.990000} back for {@code 9.99}), and lists in their order.
 */
public abstract class TenantsContract {

    /** A fresh, empty store. Called once before each test. */
    protected abstract Tenants tenants();

    private Tenants store;

    @BeforeEach
    void freshStore() {
        store = tenants();
    }

    @Test
    void an_empty_store_has_no_tenants() {
        assertThat(store.all()).isEmpty();
        assertThat(store.versions()).isEmpty();
        assertThat(store.byKey("acme").isEmpty()).isTrue();
    }

    @Test
    void reads_back_every_field_of_a_full_definition() {
        TenantDefinition acme = full(1, "acme");

        store.store(acme);

        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), acme);
        assertThat(store.all()).hasSize(1);
        assertSameDefinition(store.all().get(0), acme);
    }

    @Test
    void reads_back_a_minimal_definition_with_its_empty_lists_and_missing_values() {
        TenantDefinition acme = minimal(1, "acme");

        store.store(acme);

        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), acme);
    }

    @Test
    void a_new_tenant_starts_at_version_1_and_every_store_increases_it() {
        assertThat(store.store(full(1, "acme"))).isEqualTo(1);
        assertThat(store.versions()).containsExactly(Map.entry("acme", 1L));

        assertThat(store.store(full(1, "acme"))).isEqualTo(2);
        assertThat(store.store(minimal(1, "acme"))).isEqualTo(3);

        assertThat(store.versions()).containsExactly(Map.entry("acme", 3L));
    }

    @Test
    void replacing_a_definition_removes_the_children_that_are_gone_and_brings_back_those_added_again() {
        store.store(full(1, "acme"));

        store.store(trimmed(1, "acme"));
        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), trimmed(1, "acme"));

        store.store(minimal(1, "acme"));
        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), minimal(1, "acme"));

        store.store(full(1, "acme"));
        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), full(1, "acme"));
    }

    @Test
    void two_tenants_with_the_same_catalog_ids_never_see_each_others_data() {
        store.store(full(1, "alpha"));
        store.store(full(2, "beta"));

        assertSameDefinition(store.byKey("alpha").getOrElseThrow(AssertionError::new), full(1, "alpha"));
        assertSameDefinition(store.byKey("beta").getOrElseThrow(AssertionError::new), full(2, "beta"));

        store.store(minimal(2, "beta"));

        assertSameDefinition(store.byKey("alpha").getOrElseThrow(AssertionError::new), full(1, "alpha"));
        assertSameDefinition(store.byKey("beta").getOrElseThrow(AssertionError::new), minimal(2, "beta"));
        assertThat(store.versions()).containsOnly(Map.entry("alpha", 1L), Map.entry("beta", 2L));
    }

    @Test
    void byKey_of_an_unknown_key_is_none() {
        store.store(full(1, "acme"));

        assertThat(store.byKey("unknown").isEmpty()).isTrue();
        assertThat(store.byKey("ACME").isEmpty()).as("keys are case-sensitive").isTrue();
    }

    @Test
    void all_lists_every_tenant_with_its_whole_definition() {
        List<TenantDefinition> stored = List.of(full(1, "alpha"), minimal(2, "beta"), trimmed(3, "gamma"));
        stored.forEach(store::store);

        List<TenantDefinition> all = store.all();

        assertThat(all).extracting(d -> d.tenant().key()).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        for (TenantDefinition expected : stored) {
            TenantDefinition actual = all.stream()
                    .filter(d -> d.tenant().key().equals(expected.tenant().key())).findFirst().orElseThrow();
            assertSameDefinition(actual, expected);
        }
    }

    @Test
    void versions_lists_every_tenant_key_with_its_current_version() {
        store.store(full(1, "alpha"));
        store.store(minimal(2, "beta"));
        store.store(full(2, "beta"));

        assertThat(store.versions()).containsOnly(Map.entry("alpha", 1L), Map.entry("beta", 2L));
    }

    /** The key is the tenant's identity: the tenant keeps its key and versions, only its id changes. */
    @Test
    void a_known_key_stored_under_a_new_id_moves_the_tenant_to_that_id_and_keeps_counting_its_versions() {
        store.store(full(1, "acme"));

        long version = store.store(full(7, "acme"));

        assertThat(version).isEqualTo(2);
        assertThat(store.all()).hasSize(1);
        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), full(7, "acme"));
        assertThat(store.versions()).containsExactly(Map.entry("acme", 2L));
        assertThat(store.store(full(1, "other"))).as("the old id is free again").isEqualTo(1);
    }

    /** Tenant ids are globally unique: a different key under a held id is another tenant, refused. */
    @Test
    void a_new_key_under_an_id_another_tenant_holds_is_refused_and_changes_nothing() {
        store.store(full(1, "acme"));

        assertThatThrownBy(() -> store.store(minimal(1, "other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme");

        assertThat(store.byKey("other").isEmpty()).isTrue();
        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), full(1, "acme"));
        assertThat(store.versions()).containsExactly(Map.entry("acme", 1L));
    }

    @Test
    @Timeout(60)
    void concurrent_stores_of_two_definitions_for_a_new_key_leave_exactly_one_of_them_complete() throws Exception {
        TenantDefinition a = full(1, "acme");
        TenantDefinition b = trimmed(1, "acme");

        List<Long> versions = storeAtOnce(a, b);

        assertThat(versions).containsExactlyInAnyOrder(1L, 2L);
        TenantDefinition last = versions.get(0) == 2L ? a : b;
        assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), last);
        assertThat(store.versions()).containsExactly(Map.entry("acme", 2L));
    }

    @Test
    @Timeout(60)
    void concurrent_stores_of_two_definitions_for_a_known_key_leave_exactly_one_of_them_complete() throws Exception {
        TenantDefinition a = full(1, "acme");
        TenantDefinition b = trimmed(1, "acme");
        store.store(minimal(1, "acme"));

        for (int round = 0; round < 5; round++) {
            long before = store.versions().get("acme");

            List<Long> versions = storeAtOnce(a, b);

            assertThat(versions).containsExactlyInAnyOrder(before + 1, before + 2);
            TenantDefinition last = versions.get(0) == before + 2 ? a : b;
            assertSameDefinition(store.byKey("acme").getOrElseThrow(AssertionError::new), last);
            assertThat(store.versions()).containsExactly(Map.entry("acme", before + 2));
        }
    }

    @Test
    @Timeout(60)
    void readers_see_the_old_or_the_new_definition_never_a_mix() throws Exception {
        TenantDefinition a = full(1, "acme");
        TenantDefinition b = trimmed(1, "acme");
        store.store(a);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> mixes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 12; i++) {
                        store.store(i % 2 == 0 ? b : a);
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            Future<?> reader = pool.submit(() -> {
                while (writing.get() || reads.get() == 0) {
                    TenantDefinition seen = reads.get() % 2 == 0
                            ? store.byKey("acme").getOrElseThrow(AssertionError::new)
                            : store.all().get(0);
                    // the tenant row tells which definition the read claims to be; the rest must match it
                    TenantDefinition claimed = seen.tenant().name().equals(a.tenant().name()) ? a : b;
                    if (!sameDefinition(seen, claimed)) {
                        mixes.add("read " + reads.get() + " mixed '" + seen.tenant().name() + "' with other rows");
                    }
                    reads.incrementAndGet();
                }
                return null;
            });
            writer.get(50, TimeUnit.SECONDS);
            reader.get(50, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mixes).isEmpty();
        assertThat(reads.get()).isPositive();
    }

    // --- access: CORS origins and admin keys ---------------------------------------------------

    private static final TenantAccess ACCESS = new TenantAccess(
            List.of("https://shop.acme.example", "http://localhost:5173", "https://admin.acme.example"),
            List.of(new AdminKey("deploy", SecretHash.of("deploy key")), new AdminKey("ci", SecretHash.of("ci key")),
                    new AdminKey("ops", SecretHash.of("ops key").toUpperCase(java.util.Locale.ROOT))));

    private static TenantDefinition withAccess(TenantDefinition d, TenantAccess access) {
        return d.withAccess(access);
    }

    @Test
    void reads_back_the_cors_origins_and_admin_keys_in_their_order() {
        TenantDefinition acme = withAccess(full(1, "acme"), ACCESS);
        store.store(acme);
        store.store(withAccess(minimal(2, "beta"), new TenantAccess(List.of("https://beta.example"), List.of())));

        TenantDefinition read = store.byKey("acme").getOrElseThrow(AssertionError::new);

        assertThat(read.access()).isEqualTo(ACCESS);
        assertSameDefinition(read, acme);
        assertThat(store.all()).extracting(TenantDefinition::access).containsExactlyInAnyOrder(ACCESS,
                new TenantAccess(List.of("https://beta.example"), List.of()));
        assertThat(read.access().adminKeyFor("ops key").map(AdminKey::name).toJavaOptional()).contains("ops");
    }

    @Test
    void storing_a_definition_again_replaces_its_access() {
        store.store(withAccess(full(1, "acme"), ACCESS));

        TenantAccess fewer = new TenantAccess(List.of("https://new.acme.example"),
                List.of(new AdminKey("ci", SecretHash.of("new ci key"))));
        store.store(withAccess(full(1, "acme"), fewer));
        assertThat(store.byKey("acme").getOrElseThrow(AssertionError::new).access()).isEqualTo(fewer);

        store.store(full(1, "acme"));
        assertThat(store.byKey("acme").getOrElseThrow(AssertionError::new).access()).isEqualTo(TenantAccess.none());
    }

    // --- payment options ---------------------------------------------------------------------

    @Test
    void reads_back_the_payment_options_in_their_order_with_their_countries_in_theirs() {
        PaymentOptions options = new PaymentOptions(List.of(
                new PaymentOption(9, PaymentType.SEPA, List.of("NL", "AT", "DE"), "sepa-page"),
                new PaymentOption(2, PaymentType.PAYPAL, List.of(), null),
                new PaymentOption(5, PaymentType.CREDIT_CARD, List.of("US"), "card-page")));
        store.store(full(1, "acme").withPaymentOptions(options));
        store.store(minimal(2, "beta"));

        assertThat(store.byKey("acme").getOrElseThrow(AssertionError::new).paymentOptions()).isEqualTo(options);
        assertThat(store.byKey("beta").getOrElseThrow(AssertionError::new).paymentOptions())
                .isEqualTo(PaymentOptions.none());
    }

    @Test
    void storing_a_definition_again_replaces_its_payment_options() {
        store.store(full(1, "acme"));
        PaymentOptions fewer = new PaymentOptions(List.of(new PaymentOption(4, PaymentType.BANK_TRANSFER,
                List.of("AT"), null)));

        store.store(full(1, "acme").withPaymentOptions(fewer));

        assertThat(store.byKey("acme").getOrElseThrow(AssertionError::new).paymentOptions()).isEqualTo(fewer);
    }

    // --- soft-deleted products ----------------------------------------------------------------

    private static final Instant DELETED_AT = Instant.parse("2025-05-01T10:00:00Z");

    private Catalog catalogOf(String key) {
        return store.byKey(key).getOrElseThrow(AssertionError::new).catalog();
    }

    private static List<Long> ids(List<Product> products) {
        return products.stream().map(Product::id).toList();
    }

    @Test
    void a_deleted_product_is_no_longer_listed_but_kept_among_all_products() {
        store.store(full(1, "acme"));
        List<Long> every = ids(full(1, "acme").catalog().allProducts());
        long deleted = every.get(0);

        assertThat(store.deleteProduct(1, deleted, DELETED_AT)).isTrue();

        Catalog catalog = catalogOf("acme");
        assertThat(ids(catalog.products())).doesNotContain(deleted)
                .containsExactlyElementsOf(every.subList(1, every.size()));
        assertThat(ids(catalog.allProducts())).containsExactlyElementsOf(every);
        assertThat(catalog.deletedProductIds()).containsExactly(deleted);
        assertThat(catalog.product(deleted).isEmpty()).isTrue();
        assertThat(catalog.productIncludingDeleted(deleted).isDefined()).isTrue();
        assertThat(store.all().get(0).catalog().deletedProductIds()).containsExactly(deleted);
    }

    @Test
    void deleting_a_product_bumps_the_tenants_version() {
        store.store(full(1, "acme"));
        store.store(full(2, "beta"));

        store.deleteProduct(1, 101, DELETED_AT);

        assertThat(store.versions()).containsOnly(Map.entry("acme", 2L), Map.entry("beta", 1L));
    }

    @Test
    void a_deletion_survives_storing_the_definition_again() {
        store.store(full(1, "acme"));
        store.deleteProduct(1, 101, DELETED_AT);

        long version = store.store(full(1, "acme"));

        assertThat(version).isEqualTo(3);
        assertThat(catalogOf("acme").deletedProductIds()).containsExactly(101L);
        assertThat(ids(catalogOf("acme").products())).doesNotContain(101L);
        assertThat(ids(catalogOf("acme").allProducts())).contains(101L);
    }

    @Test
    void a_renumbered_tenant_keeps_its_deletions_and_leaves_none_at_its_old_id() {
        store.store(full(1, "acme"));
        store.deleteProduct(1, 101, DELETED_AT);

        store.store(full(7, "acme"));
        store.store(full(1, "other"));

        assertThat(catalogOf("acme").deletedProductIds()).containsExactly(101L);
        assertThat(catalogOf("other").deletedProductIds()).isEmpty();
        assertThat(store.deleteProduct(7, 102, DELETED_AT)).isTrue();
    }

    @Test
    void deleting_an_unknown_product_deletes_nothing() {
        store.store(full(1, "acme"));

        assertThat(store.deleteProduct(1, 999, DELETED_AT)).isFalse();

        assertThat(catalogOf("acme").deletedProductIds()).isEmpty();
        assertThat(store.versions()).containsExactly(Map.entry("acme", 1L));
    }

    @Test
    void deleting_a_product_again_deletes_nothing() {
        store.store(full(1, "acme"));
        store.deleteProduct(1, 101, DELETED_AT);

        assertThat(store.deleteProduct(1, 101, DELETED_AT.plusSeconds(60))).isFalse();

        assertThat(store.versions()).containsExactly(Map.entry("acme", 2L));
        assertThat(catalogOf("acme").deletedProductIds()).containsExactly(101L);
    }

    @Test
    void a_product_of_another_tenant_is_not_deleted_through_this_one() {
        store.store(full(1, "acme"));
        store.store(minimal(2, "beta"));

        assertThat(store.deleteProduct(2, 101, DELETED_AT)).isFalse();
        assertThat(store.deleteProduct(3, 101, DELETED_AT)).as("unknown tenant").isFalse();

        assertThat(catalogOf("acme").deletedProductIds()).isEmpty();
        assertThat(catalogOf("beta").deletedProductIds()).isEmpty();
        assertThat(store.versions()).containsOnly(Map.entry("acme", 1L), Map.entry("beta", 1L));
    }

    @Test
    void deletions_in_one_tenant_leave_the_same_product_id_of_another_listed() {
        store.store(full(1, "acme"));
        store.store(full(2, "beta"));

        store.deleteProduct(1, 101, DELETED_AT);

        assertThat(ids(catalogOf("beta").products())).contains(101L);
        assertSameDefinition(store.byKey("beta").getOrElseThrow(AssertionError::new), full(2, "beta"));
    }

    @Test
    @Timeout(60)
    void of_deletes_racing_for_one_product_exactly_one_deletes_it() throws Exception {
        store.store(full(1, "acme"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<Boolean>> deletes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deletes.add(pool.submit(() -> {
                    start.await();
                    return store.deleteProduct(1, 102, DELETED_AT);
                }));
            }
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : deletes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.versions()).containsExactly(Map.entry("acme", 2L));
    }

    /** Stores both definitions from two threads released at the same moment; their versions, a's first. */
    private List<Long> storeAtOnce(TenantDefinition a, TenantDefinition b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Long> storeA = () -> {
                start.await();
                return store.store(a);
            };
            Callable<Long> storeB = () -> {
                start.await();
                return store.store(b);
            };
            Future<Long> va = pool.submit(storeA);
            Future<Long> vb = pool.submit(storeB);
            return List.of(va.get(30, TimeUnit.SECONDS), vb.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Asserts two definitions are equal field by field: amounts by {@code compareTo}, lists in
     * order, catalog items in catalog order (soft-deleted products and which they are included),
     * translations with their languages and keys in order, access.
     */
    public static void assertSameDefinition(TenantDefinition actual, TenantDefinition expected) {
        deep(actual.tenant(), "tenant").isEqualTo(expected.tenant());
        Catalog a = actual.catalog();
        Catalog e = expected.catalog();
        deep(a.products(), "products").isEqualTo(e.products());
        deep(a.allProducts(), "all products").isEqualTo(e.allProducts());
        assertThat(a.deletedProductIds()).as("deleted products").isEqualTo(e.deletedProductIds());
        deep(a.ratePlans(), "rate plans").isEqualTo(e.ratePlans());
        deep(a.suiteProducts(), "suite products").isEqualTo(e.suiteProducts());
        deep(a.pages(), "pages").isEqualTo(e.pages());
        assertThat(actual.translations()).as("translations").isEqualTo(expected.translations());
        assertSameOrder(actual.translations().staticTexts(), expected.translations().staticTexts(), "static");
        assertSameOrder(actual.translations().dynamicTexts(), expected.translations().dynamicTexts(), "dynamic");
        assertThat(actual.paymentOptions()).as("payment options").isEqualTo(expected.paymentOptions());
        assertThat(actual.access()).as("access").isEqualTo(expected.access());
    }

    /** Whether {@link #assertSameDefinition} holds. */
    public static boolean sameDefinition(TenantDefinition actual, TenantDefinition expected) {
        try {
            assertSameDefinition(actual, expected);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static RecursiveComparisonAssert<?> deep(Object actual, String what) {
        return assertThat(actual).as(what).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .ignoringCollectionOrderInFieldsMatchingRegexes(".*discountAppliesTo");
    }

    private static void assertSameOrder(Map<String, Map<String, String>> actual,
            Map<String, Map<String, String>> expected, String kind) {
        assertThat(actual.keySet()).as(kind + " translation languages in order")
                .containsExactlyElementsOf(expected.keySet());
        expected.forEach((language, texts) -> assertThat(actual.get(language).keySet())
                .as(kind + " translation keys of " + language + " in order")
                .containsExactlyElementsOf(texts.keySet()));
    }
}
