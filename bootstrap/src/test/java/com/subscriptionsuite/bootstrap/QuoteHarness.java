package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.adapters.zuora.ZuoraTestCatalogs;
import com.subscriptionsuite.application.port.in.identity.Register.RegisterCommand;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileReader;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Quotes over HTTP on the standalone server: the demo shop with a Zuora id on every product, rate plan
 * and charge (as a quote names them: {@code zplan12} is Professional with {@code zcharge121} per user at
 * 12.00 EUR and {@code zcharge122} the 49.00 set-up fee) and an admin key; a second tenant
 * ({@code second}, a copy of the demo) for the other-tenant cases.
 */
final class QuoteHarness {
    static final String ADMIN_KEY = "quote-admin-key-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Correct-Horse-Battery-9";

    private QuoteHarness() {
    }

    /** A tenant file of a second shop ({@code second}, id 2), for SUITE_TENANT_FILES. */
    static Path secondTenantFile(Path dir) {
        try (InputStream in = TenantFileLoader.class.getResourceAsStream(TenantFileLoader.DEMO_RESOURCE)) {
            String demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Path second = dir.resolve("second.json");
            Files.createDirectories(dir);
            Files.writeString(second, demo.replace("\"id\": 1,\n    \"key\": \"demo\"", "\"id\": 2,\n    \"key\": \"second\""));
            try (InputStream codes = TenantFileLoader.class.getResourceAsStream("/tenants/demo-spring-codes.csv")) {
                Files.write(dir.resolve("demo-spring-codes.csv"), codes.readAllBytes());
            }
            return second;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo shop with Zuora ids and the admin key, defined in the server (and refreshed). */
    static TenantDefinition demoWithZuoraIds(Server server) {
        TenantDefinition demo = ZuoraTestCatalogs.withZuoraIds(TenantFileReader
                .readResource(TenantFileLoader.DEMO_RESOURCE, "demo")
                .getOrElseThrow(problems -> new AssertionError(problems.toString())).definition());
        return define(server, demo);
    }

    /** The definition with the admin key, defined in the server (and refreshed). */
    static TenantDefinition define(Server server, TenantDefinition definition) {
        TenantDefinition withKey = definition.withAccess(new TenantAccess(definition.access().corsOrigins(),
                List.of(new TenantAccess.AdminKey("quotes", SecretHash.of(ADMIN_KEY)))));
        assertThat(server.engine().defineTenant().define(withKey).isRight()).as("the demo shop with Zuora ids").isTrue();
        server.engine().refreshTenants();
        return withKey;
    }

    /** A registered customer of the tenant ({@code tenantKey}): its token. */
    static String customer(Server server, String tenantKey, String email) {
        long tenant = server.engine().resolveTenant().resolve(tenantKey, "localhost").get().id();
        return server.engine().register().register(new RegisterCommand(tenant, email, PASSWORD, null, "en",
                "client-" + email)).get().token();
    }

    static String base(Server server) {
        return "http://127.0.0.1:" + server.port();
    }

    static HttpResponse<String> call(Server server, String method, String path, String token, String body,
            String... headers) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("X-Tenant", "demo");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        try {
            return CustomerJourney.send(base(server), method, path, token, body, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status and the body's error code, for assertions that name both. */
    static String statusAndCode(HttpResponse<String> response) {
        return response.statusCode() + " " + json(response).path("error").path("code").asText(null);
    }

    /** A built-in quote of the demo shop's Professional plan (5 users), valid until {@code validUntil}. */
    static String professionalQuote(String validUntil, String productRatePlanId) {
        return """
                {"name": "ACME team plan", "quote_number": "Q-00042", "currency": "EUR",
                 "valid_until_date": "%s", "start_date": "2026-11-21", "term": "12",
                 "vat_id": "", "company_name": "ACME GmbH",
                 "sold_to_contact": {"first_name": "Ann", "last_name": "Smith", "address1": "Invalidenstr. 1",
                                     "city": "Berlin", "zip_code": "10115", "country": "DE",
                                     "work_email": "ann@example.com", "work_phone": "+49 30 123456"},
                 "bill_to_contact": {"first_name": "Ann", "last_name": "Smith", "address1": "Invalidenstr. 1",
                                     "city": "Berlin", "zip_code": "10115", "country": "DE",
                                     "work_email": "ann@example.com", "work_phone": "+49 30 123456"},
                 "rate_plans": [{"id": "%s", "type": "NewProduct",
                                 "charges": [{"id": "zcharge121", "quantity": 5, "price": 12.00},
                                             {"id": "zcharge122", "quantity": 1, "price": 49}]}]}
                """.formatted(validUntil, productRatePlanId);
    }

    /** Publishes a quote through POST /admin/quote: its guid. */
    static String publish(Server server, String body) {
        HttpResponse<String> response = call(server, "POST", "/admin/quote", ADMIN_KEY, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("guid").asText();
    }
}
