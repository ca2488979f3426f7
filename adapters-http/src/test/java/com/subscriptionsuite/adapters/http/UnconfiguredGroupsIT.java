package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.InMemoryVouchers;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An engine built without billing, payment methods, the VAT ID check and idempotency records: the
 * API mounts none of their routes, so their paths are answered as any unknown path (404
 * route_not_found), while the groups the engine has are served as usual.
 */
class UnconfiguredGroupsIT {
    private static Engine engine;
    private static Javalin app;
    private static Http acme;

    @BeforeAll
    static void start() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(TestServer.withAccess(SampleTenants.full(1, "acme"), TestServer.ACME_ORIGIN,
                TestServer.ACME_ADMIN_KEY));
        engine = Engine.builder().tenants(tenants).clock(TestServer.CLOCK)
                .users(new InMemoryUsers()).sessions(new InMemorySessions())
                .passwordResets(new InMemoryPasswordResets()).loginAttempts(new InMemoryLoginAttempts())
                .transactions(new InMemoryTransactions()).passwordHasher(new PlainTestHasher())
                .secrets(new CountingSecrets()).commonPasswords(TestServer.COMMON_PASSWORDS::contains)
                .mailer(new RecordingMailer())
                .vouchers(new InMemoryVouchers())
                .build();
        app = new HttpApi(HttpApi.UseCases.from(engine), HttpSettings.defaults()).start("127.0.0.1", 0);
        acme = new Http(URI.create("http://127.0.0.1:" + app.port()), List.of("X-Tenant", "acme"));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void the_engine_has_no_billing_group() {
        assertThat(engine.billing()).isEmpty();
        assertThat(engine.payments()).isEmpty();
        assertThat(engine.catalogSync()).isEmpty();
    }

    @Test
    void lists_no_route_of_an_absent_group() {
        List<String> paths = new HttpApi(HttpApi.UseCases.from(engine), HttpSettings.defaults()).routes().stream()
                .map(Route::path).toList();

        assertThat(paths).doesNotContain("/subscription", "/account", "/account/subscription", "/account/invoice",
                "/product/{uuid}/cancel", "/account/payment-method", "/payment-method/available",
                "/account/vat-validate/{vatId}", "/admin/catalog/sync");
        assertThat(paths).contains("/subscription/preview", "/voucher-code/{code}/init", "/login/guest");
    }

    @Test
    void answers_the_billing_routes_as_unknown_routes() {
        String guest = acme.post("/login/guest").ok().path("token").asText();
        Http asGuest = acme.bearer(guest);

        asGuest.post("/subscription", "{}").error(404, "route_not_found");
        asGuest.get("/account").error(404, "route_not_found");
        asGuest.get("/account/subscription").error(404, "route_not_found");
        asGuest.get("/account/invoice").error(404, "route_not_found");
        asGuest.put("/product/some-uuid/cancel").error(404, "route_not_found");
        asGuest.get("/account/payment-method").error(404, "route_not_found");
        asGuest.get("/payment-method/available").error(404, "route_not_found");
        asGuest.get("/account/vat-validate/DE136695976").error(404, "route_not_found");
    }

    @Test
    void answers_the_catalog_sync_as_an_unknown_route_without_a_catalog_source() {
        acme.bearer(TestServer.ACME_ADMIN_KEY).post("/admin/catalog/sync").error(404, "route_not_found");
    }

    @Test
    void serves_the_groups_it_has() {
        acme.get("/config").ok();
    }
}
