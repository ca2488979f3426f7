package com.subscriptionsuite.adapters.http.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteTest {
    private final Route product = Route.get("/product/{id}", Route.Scope.TENANT, Access.PUBLIC, ctx -> { });

    @Test
    void matches_a_path_parameter_as_one_segment() {
        assertThat(product.matches("/product/1")).isTrue();
        assertThat(product.matches("/product/abc")).isTrue();
        assertThat(product.matches("/product/1/")).isTrue();
    }

    @Test
    void does_not_match_other_segment_counts_or_names() {
        assertThat(product.matches("/product")).isFalse();
        assertThat(product.matches("/product/1/preview")).isFalse();
        assertThat(product.matches("/products/1")).isFalse();
        assertThat(product.matches("/product/")).isFalse();
    }

    @Test
    void allows_an_optional_token_only_on_tenant_scoped_public_routes() {
        assertThat(product.withOptionalToken().optionalToken()).isTrue();
        assertThat(product.optionalToken()).isFalse();
        assertThatThrownBy(() -> Route.post("/logout", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER, ctx -> { })
                .withOptionalToken()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optional token");
        assertThatThrownBy(() -> Route.get("/health", Route.Scope.GLOBAL, Access.PUBLIC, ctx -> { })
                .withOptionalToken()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serves_head_on_a_get_unless_it_changes_state() {
        Route post = Route.post("/logout", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER, ctx -> { });

        assertThat(product.servesHead()).isTrue();
        assertThat(product.changingState().servesHead()).isFalse();
        assertThat(product.changingState().withOptionalToken().changesState()).isTrue();
        assertThat(post.servesHead()).isFalse();
        assertThatThrownBy(post::changingState).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a GET");
    }

    @Test
    void refuses_credentials_on_a_route_without_a_tenant() {
        assertThatThrownBy(() -> Route.get("/health", Route.Scope.GLOBAL, Access.CUSTOMER, ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only be PUBLIC");
    }
}
