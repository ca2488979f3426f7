package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.account.AccountRules;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * What the OpenAPI document must say so that a client generated from it is not surprised: the
 * statuses every operation can meet, the server's own sets of values, and preflights that do not
 * promise to refuse what the server answers. {@code OpenApiFuzzIT} checks the rest by requests.
 */
class DocumentTest {

    private static List<String> operations(BiPredicate<PathItem.HttpMethod, Operation> failing) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : Contract.MODEL.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, op) -> {
                if (failing.test(method, op)) {
                    found.add(method + " " + path.getKey());
                }
            });
        }
        return found;
    }

    @Test
    void lists_for_every_operation_the_protocol_refusals_answered_before_any_operation_runs() {
        assertThat(operations((method, op) -> !op.getResponses().keySet().containsAll(List.of("400", "414", "431"))))
                .isEmpty();
    }

    @Test
    void lets_a_preflight_take_any_path_value_because_the_server_answers_it_for_any() {
        assertThat(operations((method, op) -> method == PathItem.HttpMethod.OPTIONS && op.getParameters().stream()
                .filter(p -> "path".equals(p.getIn()))
                .map(Parameter::getSchema)
                .anyMatch(s -> !"string".equals(s.getType()) || s.getPattern() != null || s.getMinimum() != null)))
                .isEmpty();
    }

    @Test
    void names_exactly_the_country_codes_the_server_takes() {
        Schema<?> countries = Contract.MODEL.getComponents().getSchemas().get("CountryCode");

        assertThat(countries.getEnum()).map(String::valueOf)
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Locale.getISOCountries()));
    }

    @Test
    void requires_at_least_one_suite_product_in_a_preview_and_a_checkout() {
        Map<String, Schema> schemas = Contract.MODEL.getComponents().getSchemas();
        for (String body : List.of("Preview", "SubscribeOption")) {
            assertThat(schemas.get(body).getRequired()).as(body).contains("suite_products");
            assertThat(((Schema<?>) schemas.get(body).getProperties().get("suite_products")).getMinItems()).as(body)
                    .isEqualTo(1);
        }
        assertThat(schemas.get("SubscribeOption").getRequired()).contains("account");
    }

    @Test
    void states_the_account_rules_the_server_checks_for_put_account_and_checkout() {
        Schema<?> account = Contract.MODEL.getComponents().getSchemas().get("AccountInput");

        assertThat(account.getRequired()).containsExactlyInAnyOrder("first_name", "last_name", "street", "zip_code",
                "city", "country", "email", "phone", "vat_id");
        Schema<?> text = Contract.MODEL.getComponents().getSchemas().get("Text");
        assertThat(text.getMaxLength()).isEqualTo(AccountRules.MAX_LENGTH);
    }
}
