package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.EngineTestSupport.NOVEMBER_2026;
import static com.subscriptionsuite.application.EngineTestSupport.engineWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage.Offer;
import com.subscriptionsuite.domain.tenant.Translations.Translation;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CatalogReadsTest {
    final Engine engine = engineWith(NOVEMBER_2026, SampleTenants.full(1, "acme"), SampleTenants.full(2, "other"));

    @Test
    void products_of_one_tenant_are_not_those_of_another() {
        assertThat(engine.browseCatalog().products(1)).extracting(p -> p.name()).contains("Streaming acme")
                .doesNotContain("Streaming other");
        assertThat(engine.browseCatalog().product(2, 101).get().name()).isEqualTo("Streaming other");
        assertThat(engine.browseCatalog().product(1, 999).getLeft().code()).isEqualTo("product_not_found");
    }

    @Nested
    class A_shop_page {
        @Test
        void lists_its_steps_with_suite_products_rate_plans_and_products_in_order() {
            var page = engine.showShopPage().page(1, "601").get();
            assertThat(page.steps()).hasSize(2);
            assertThat(page.steps().get(0).offers()).extracting(o -> o.suiteProduct().id()).containsExactly(402L, 401L);
            Offer basic = page.steps().get(0).offers().get(1);
            assertThat(basic.ratePlan().id()).isEqualTo(201);
            assertThat(basic.product().id()).isEqualTo(101);
        }

        @Test
        void is_not_found_when_inactive_unknown_or_not_a_number() {
            assertThat(engine.showShopPage().page(1, "602").getLeft().code()).isEqualTo("page_not_found");
            assertThat(engine.showShopPage().page(1, "999").getLeft().code()).isEqualTo("page_not_found");
            assertThat(engine.showShopPage().page(1, "abc").getLeft().code()).isEqualTo("page_not_found");
            assertThat(engine.showShopPage().page(1, "").getLeft().code()).isEqualTo("page_not_found");
        }
    }

    @Nested
    class Translations {
        @Test
        void static_texts_come_in_the_asked_language() {
            assertThat(engine.translate().staticTexts(1, "en").get())
                    .contains(new Translation("cart.title", "Cart"));
        }

        @Test
        void dynamic_texts_come_in_the_asked_order_and_unknown_keys_are_left_out() {
            assertThat(engine.translate().dynamicTexts(1, "de",
                    List.of("suite.401.highlight", "nope", "product.101.name")).get())
                    .containsExactly(new Translation("suite.401.highlight", "Für den Start"),
                            new Translation("product.101.name", "Streaming acme"));
        }

        @Test
        void a_language_the_shop_does_not_offer_or_has_switched_off_is_refused() {
            assertThat(engine.translate().staticTexts(1, "it").getLeft().code()).isEqualTo("language_not_offered");
            assertThat(engine.translate().staticTexts(1, "fr").getLeft().code()).isEqualTo("language_not_offered");
        }
    }

    @Nested
    class Tenant_resolution {
        @Test
        void picks_by_header_then_by_host() {
            assertThat(engine.resolveTenant().resolve("other", "acme.shop.example").get().id()).isEqualTo(2);
            assertThat(engine.resolveTenant().resolve(null, "acme.shop.example:8080").get().id()).isEqualTo(1);
            assertThat(engine.resolveTenant().resolve("", "WWW.OTHER.EXAMPLE").get().id()).isEqualTo(2);
        }

        @Test
        void refuses_an_unknown_tenant_and_an_ambiguous_request() {
            assertThat(engine.resolveTenant().resolve("nobody", null).getLeft().asked()).isEqualTo("nobody");
            assertThat(engine.resolveTenant().resolve(null, "localhost").isLeft()).isTrue();
        }

        @Test
        void falls_back_to_the_only_tenant() {
            Engine single = engineWith(NOVEMBER_2026, SampleTenants.minimal(7, "solo"));
            assertThat(single.resolveTenant().resolve(null, "localhost:8080").get().id()).isEqualTo(7);
        }
    }

    @Nested
    class Defining_a_tenant {
        @Test
        void replaces_the_catalog_and_is_seen_by_another_instance_after_a_refresh() {
            InMemoryTenants shared = new InMemoryTenants();
            Engine first = Engine.builder().tenants(shared).clock(NOVEMBER_2026).build();
            Engine second = Engine.builder().tenants(shared).clock(NOVEMBER_2026).build();
            assertThat(first.defineTenant().anyTenantDefined()).isFalse();
            assertThat(first.defineTenant().define(SampleTenants.full(1, "acme")).isRight()).isTrue();
            assertThat(second.resolveTenant().resolve("acme", null).isLeft()).isTrue();
            assertThat(second.refreshTenants()).isTrue();
            assertThat(second.browseCatalog().products(1)).hasSize(3);
            assertThat(second.refreshTenants()).isFalse();

            assertThat(first.defineTenant().define(SampleTenants.trimmed(1, "acme")).isRight()).isTrue();
            assertThat(first.showShopPage().page(1, "601").get().steps().get(0).offers()).hasSize(1);
            second.refreshTenants();
            assertThat(second.browseCatalog().products(1)).hasSize(1);
        }

        @Test
        void is_refused_whole_when_the_definition_breaks_a_rule_and_changes_nothing() {
            var broken = SampleTenants.full(3, "acme");
            var result = engine.defineTenant().define(broken);
            assertThat(result.isLeft()).isTrue();
            assertThat(result.getLeft().problems()).anySatisfy(p -> assertThat(p.path()).isEqualTo("$.tenant.id"));
            assertThat(engine.resolveTenant().resolve("acme", null).get().id()).isEqualTo(1);
        }

        @Test
        void is_refused_when_its_host_already_selects_another_tenant() {
            var def = SampleTenants.full(9, "ninth");
            var clash = new com.subscriptionsuite.domain.tenant.TenantDefinition(
                    withHosts(def.tenant(), List.of("acme.shop.example")), def.catalog(), def.translations());
            assertThat(engine.defineTenant().define(clash).getLeft().problems())
                    .anySatisfy(p -> assertThat(p.reason()).contains("acme.shop.example"));
        }

        private com.subscriptionsuite.domain.tenant.Tenant withHosts(com.subscriptionsuite.domain.tenant.Tenant t,
                List<String> hosts) {
            return new com.subscriptionsuite.domain.tenant.Tenant(t.id(), t.key(), t.name(), hosts, t.seller(),
                    t.languages(), t.currencies(), t.cartSettings(), t.checkoutSettings(),
                    t.customerCenterSettings());
        }
    }
}
