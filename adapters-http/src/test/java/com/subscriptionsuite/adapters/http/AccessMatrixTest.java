package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The access matrix is stated once per route (its {@link Access}) and must read the same in
 * openapi.yaml ({@code x-access} and {@code security} of each operation; a PUBLIC route with an
 * optional token has the optional security {@code [{}, {userToken: []}]} and a 401) and in
 * docs/access.md.
 */
class AccessMatrixTest {
    private static final Path DOC = Path.of("..", "docs", "access.md");
    private static final Pattern DOC_ROW =
            Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/\\S*)`\\s*\\|\\s*(\\w+)\\s*\\|\\s*(served|later)\\s*\\|");

    private final List<Route> routes = new HttpApi(HttpApi.UseCases.from(TestServer.engine()), HttpSettings.defaults())
            .routes();

    @Test
    void documents_every_route_with_its_access_level_and_security() {
        for (Route route : routes) {
            Operation operation = operation(route.method().name(), route.path());
            String name = route.method() + " " + route.path();
            assertThat(operation).as("operation for %s", name).isNotNull();
            assertThat(operation.getExtensions()).as("x-access of %s", name)
                    .containsEntry("x-access", route.access().name());
            assertThat(requirements(operation)).as("security of %s", name).isEqualTo(switch (route.access()) {
                case PUBLIC -> route.optionalToken() ? List.of(List.of(), List.of("userToken")) : List.of();
                case GUEST_OR_CUSTOMER, CUSTOMER -> List.of(List.of("userToken"));
                case ADMIN -> List.of(List.of("adminKey"));
            });
            if (route.access().needsCredentials() || route.optionalToken()) {
                assertThat(operation.getResponses()).as("responses of %s", name).containsKey("401");
            }
            if (route.access() == Access.CUSTOMER) {
                assertThat(operation.getResponses()).as("responses of %s", name).containsKey("403");
            }
        }
    }

    @Test
    void serves_every_documented_operation() {
        Contract.MODEL.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method != PathItem.HttpMethod.OPTIONS) {
                assertThat(routes).as("route for %s %s", method, path)
                        .anyMatch(r -> r.method().name().equals(method.name()) && r.path().equals(path));
            }
        }));
    }

    @Test
    void documents_the_preflight_on_every_tenant_scoped_path_only() {
        for (Route route : routes) {
            boolean documented = operation("OPTIONS", route.path()) != null;
            assertThat(documented).as("OPTIONS %s", route.path()).isEqualTo(route.scope() == Route.Scope.TENANT);
        }
    }

    @Test
    void lists_every_route_with_its_level_in_docs_access_md() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DOC), "docs/access.md is next to the module");
        Map<String, String> served = new LinkedHashMap<>();
        Map<String, String> later = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = DOC_ROW.matcher(line);
            if (row.find()) {
                (row.group(4).equals("served") ? served : later).put(row.group(1) + " " + row.group(2), row.group(3));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (Route route : routes) {
            expected.put(route.method().name() + " " + route.path(), route.access().name());
        }

        assertThat(served).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(later).allSatisfy((endpoint, level) ->
                assertThat(Access.valueOf(level)).as(endpoint).isNotNull());
        assertThat(later.keySet()).doesNotContainAnyElementsOf(served.keySet());
    }

    private static Operation operation(String method, String path) {
        PathItem item = Contract.MODEL.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
    }

    /** The schemes of each alternative security requirement; {@code []} is "no credential" (optional security). */
    private static List<List<String>> requirements(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        return security == null ? List.of() : security.stream().map(r -> List.copyOf(r.keySet())).toList();
    }
}
