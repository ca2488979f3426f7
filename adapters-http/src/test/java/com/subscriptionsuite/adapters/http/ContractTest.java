package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.http.error.ErrorTable;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check must be able to fail, or the HTTP tests prove nothing. */
class ContractTest {
    private static final HttpHeaders JSON = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")),
            (name, value) -> true);
    private static final String PRODUCT = "{\"id\":1,\"zuora_id\":null,\"name\":\"n\",\"description\":\"\","
            + "\"feature_list\":\"\",\"highlight\":\"\",\"effective_start_date\":\"2024-01-01\","
            + "\"effective_end_date\":null,\"sku\":\"\",\"updated_date\":null,\"tenant_id\":1";

    @Test
    void accepts_a_product_as_the_seed_shapes_it() {
        assertThatCode(() -> Contract.assertConforms("GET", "/product/1", new Reply(200, JSON, PRODUCT + "}")))
                .doesNotThrowAnyException();
    }

    @Test
    void refuses_a_response_with_a_field_the_document_does_not_have() {
        assertThatThrownBy(() -> Contract.assertConforms("GET", "/product/1",
                new Reply(200, JSON, PRODUCT + ",\"colour\":\"red\"}"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_a_response_missing_a_required_field() {
        assertThatThrownBy(() -> Contract.assertConforms("GET", "/product/1",
                new Reply(200, JSON, PRODUCT.replace(",\"tenant_id\":1", "") + "}"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_a_date_that_is_not_yyyy_mm_dd() {
        assertThatThrownBy(() -> Contract.assertConforms("GET", "/product/1",
                new Reply(200, JSON, PRODUCT.replace("2024-01-01", "01.01.2024") + "}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_drift_deep_inside_a_preview() {
        String amounts = "\"is_discounted\":false,\"netto\":1.00,\"tax\":0.19,\"brutto\":1.19,"
                + "\"original_netto\":1.00,\"original_tax\":0.19,\"original_brutto\":1.19";
        String period = "{\"billing_period\":\"Month\"," + amounts + "}";
        String preview = "[{\"id\":1,\"quantity\":1,\"order_pos\":0,\"prices\":[" + period + "],"
                + "\"rate_plans\":[{\"id\":2,\"quantity\":1,\"prices\":[" + period + "],"
                + "\"charges\":[{\"id\":3,\"quantity\":1,\"billing_period\":\"Month\",\"prices\":{" + amounts
                + "%s}}]}],\"currency\":\"EUR\",\"tax\":{\"country\":\"DE\",\"rate\":19,"
                + "\"reason\":\"domestic\",\"explanation\":\"e\"}}]";

        assertThatCode(() -> Contract.assertConforms("POST", "/subscription/preview",
                new Reply(200, JSON, preview.formatted("")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Contract.assertConforms("POST", "/subscription/preview",
                new Reply(200, JSON, preview.formatted(",\"vat\":0.19")))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contract.assertConforms("POST", "/subscription/preview",
                new Reply(200, JSON, preview.formatted("").replace("\"domestic\"", "\"somewhere\""))))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_an_error_body_of_another_shape() {
        assertThatThrownBy(() -> Contract.assertConforms("GET", "/product/1",
                new Reply(404, JSON, "{\"message\":\"not found\"}"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contract.assertConforms("GET", "/nowhere",
                new Reply(404, JSON, "{\"message\":\"not found\"}"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_a_status_the_operation_does_not_document() {
        assertThatThrownBy(() -> Contract.assertConforms("GET", "/config", new Reply(422, JSON,
                "{\"error\":{\"code\":\"cart_empty\",\"message\":\"m\",\"details\":[]}}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_a_throttled_login_without_retry_after_and_a_401_without_a_challenge() {
        String throttled = "{\"error\":{\"code\":\"login_throttled\",\"message\":\"m\",\"details\":[]}}";
        HttpHeaders withRetryAfter = HttpHeaders.of(Map.of("Content-Type", List.of("application/json"),
                "Retry-After", List.of("3")), (name, value) -> true);
        assertThatCode(() -> Contract.assertConforms("POST", "/login", new Reply(429, withRetryAfter, throttled)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Contract.assertConforms("POST", "/login", new Reply(429, JSON, throttled)))
                .isInstanceOf(AssertionError.class);

        String notAuthenticated = "{\"error\":{\"code\":\"not_authenticated\",\"message\":\"m\",\"details\":[]}}";
        assertThatThrownBy(() -> Contract.assertConforms("POST", "/logout", new Reply(401, JSON, notAuthenticated)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_a_held_voucher_without_its_expiry_or_with_an_expiry_that_is_no_instant() {
        String held = "{\"discount_rate_plan_id\":204,\"campaign_id\":1,\"success\":true,\"code\":\"SUMMER\"%s}";

        assertThatCode(() -> Contract.assertConforms("POST", "/voucher-code/summer/init", new Reply(200, JSON,
                held.formatted(",\"expires_at\":\"2025-06-15T10:30:00Z\"")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Contract.assertConforms("POST", "/voucher-code/summer/init",
                new Reply(200, JSON, held.formatted("")))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contract.assertConforms("POST", "/voucher-code/summer/init", new Reply(200, JSON,
                held.formatted(",\"expires_at\":\"in 30 minutes\"")))).isInstanceOf(AssertionError.class);
    }

    @Test
    void refuses_an_error_code_the_schema_does_not_list() {
        assertThatThrownBy(() -> Contract.assertConforms("POST", "/register", new Reply(409, JSON,
                "{\"error\":{\"code\":\"user_exists\",\"message\":\"m\",\"details\":[]}}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void lists_every_served_error_code_in_the_error_schema() {
        // tenant definitions and voucher campaigns are defined by the host, not through this API
        @SuppressWarnings("unchecked")
        Schema<Object> error = (Schema<Object>) Contract.MODEL.getComponents().getSchemas().get("Error")
                .getProperties().get("error");
        List<String> documented = ((Schema<?>) error.getProperties().get("code")).getEnum().stream()
                .map(String::valueOf).toList();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(ErrorTable.codes().stream()
                .filter(code -> !code.equals("tenant_definition_invalid") && !code.equals("campaigns_invalid"))
                .toList());
    }

    @Test
    void documents_a_400_for_a_repeated_header_on_every_tenant_scoped_operation() {
        Contract.MODEL.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean publicPath = path.equals("/health") || path.startsWith("/health/") || path.equals("/openapi.yaml");
            ApiResponse badRequest = operation.getResponses().get("400");
            if (badRequest != null && badRequest.get$ref() != null) {
                badRequest = Contract.MODEL.getComponents().getResponses()
                        .get(badRequest.get$ref().substring("#/components/responses/".length()));
            }
            String documented = badRequest == null ? "" : badRequest.getDescription();
            assertThat(documented.contains("header_repeated")).as("400 of %s %s: %s", method, path, documented)
                    .isEqualTo(!publicPath);
        }));
    }

    @Test
    void documents_the_x_tenant_header_on_every_tenant_scoped_operation() {
        Contract.MODEL.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            boolean publicPath = path.equals("/health") || path.startsWith("/health/") || path.equals("/openapi.yaml");
            boolean hasHeader = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "X-Tenant".equals(p.getName()));
            assertThat(hasHeader).as("X-Tenant on %s", path).isEqualTo(!publicPath);
        }));
    }
}
