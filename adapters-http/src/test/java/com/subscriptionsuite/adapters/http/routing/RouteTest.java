package com.subscriptionsuite.adapters.http.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {
    private final Route product = Route.get("/product/{id}", Route.Scope.TENANT, ctx -> { });

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
}
