package com.subscriptionsuite.adapters.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.identity.Register.RegisterCommand;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every access level through {@link RequestAccess} on probe routes (no served route is
 * CUSTOMER-only yet), and a PUBLIC route with an optional token: what reaches the handler, and
 * what is refused before it.
 */
class RequestAccessIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Javalin app;
    private static URI base;
    private static String customerToken;
    private static String guestToken;

    @BeforeAll
    static void start() {
        InMemoryTenants tenants = new InMemoryTenants();
        TenantDefinition acme = SampleTenants.full(1, "acme");
        tenants.store(new TenantDefinition(acme.tenant(), acme.catalog(), acme.translations(),
                new TenantAccess(List.of(), List.of(new TenantAccess.AdminKey("ops", SecretHash.of("admin-key"))))));
        tenants.store(SampleTenants.full(2, "other"));
        Engine engine = Engine.builder().tenants(tenants).clock(Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"),
                        ZoneOffset.UTC))
                .users(new InMemoryUsers()).sessions(new InMemorySessions())
                .passwordResets(new InMemoryPasswordResets()).loginAttempts(new InMemoryLoginAttempts())
                .transactions(new InMemoryTransactions()).passwordHasher(new PlainTestHasher())
                .secrets(new CountingSecrets()).commonPasswords(p -> false).mailer(new RecordingMailer())
                .build();
        customerToken = engine.register().register(new RegisterCommand(1, "ann@example.com", "correct horse battery",
                null, null, "127.0.0.1")).map(s -> s.token()).getOrElseThrow(f -> new AssertionError(f.message()));
        guestToken = engine.logInAsGuest().logInAsGuest(1, "127.0.0.1").map(s -> s.token())
                .getOrElseThrow(f -> new AssertionError(f.message()));

        Json json = Json.strict();
        RequestAccess access = new RequestAccess(engine.authenticate(), engine.authorizeAdmin(), json);
        Handler whoAmI = ctx -> ctx.result(RequestAccess.principal(ctx).kind() + " " + RequestAccess.principal(ctx).guid());
        Handler whichKey = ctx -> ctx.result("admin " + RequestAccess.admin(ctx).keyName());
        app = Javalin.create(config -> config.router.mount(router -> {
            router.addHttpHandler(HandlerType.GET, "/customer", RequestTenant.scoped(engine.resolveTenant(), json,
                    access.guard(Access.CUSTOMER, whoAmI)));
            router.addHttpHandler(HandlerType.GET, "/anyone-signed-in", RequestTenant.scoped(engine.resolveTenant(),
                    json, access.guard(Access.GUEST_OR_CUSTOMER, whoAmI)));
            router.addHttpHandler(HandlerType.GET, "/admin", RequestTenant.scoped(engine.resolveTenant(), json,
                    access.guard(Access.ADMIN, whichKey)));
            router.addHttpHandler(HandlerType.GET, "/public", RequestTenant.scoped(engine.resolveTenant(), json,
                    access.guard(Access.PUBLIC, ctx -> ctx.result("public"))));
            router.addHttpHandler(HandlerType.GET, "/public-knowing-the-caller",
                    RequestTenant.scoped(engine.resolveTenant(), json, access.guard(Route.get(
                            "/public-knowing-the-caller", Route.Scope.TENANT, Access.PUBLIC, ctx -> ctx.result(
                                    RequestAccess.principalIfAny(ctx).map(p -> p.kind() + " " + p.guid())
                                            .getOrElse("anonymous"))).withOptionalToken())));
        })).start("127.0.0.1", 0);
        base = URI.create("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path, String tenant, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("X-Tenant", tenant);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void lets_a_customer_in_and_hands_the_principal_to_the_handler() {
        HttpResponse<String> reply = get("/customer", "acme", "Bearer " + customerToken);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).startsWith("CUSTOMER ");
    }

    @Test
    void refuses_a_guest_on_a_customer_route_with_403() {
        HttpResponse<String> reply = get("/customer", "acme", "Bearer " + guestToken);

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).contains("\"code\":\"customer_required\"");
        assertThat(reply.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void lets_guests_and_customers_in_where_both_may_come() {
        assertThat(get("/anyone-signed-in", "acme", "Bearer " + guestToken).body()).startsWith("GUEST ");
        assertThat(get("/anyone-signed-in", "acme", "Bearer " + customerToken).body()).startsWith("CUSTOMER ");
    }

    @Test
    void refuses_no_token_a_bad_token_and_another_tenants_token_alike() {
        for (String path : List.of("/customer", "/anyone-signed-in")) {
            HttpResponse<String> none = get(path, "acme", null);
            HttpResponse<String> bad = get(path, "acme", "Bearer nonsense");
            HttpResponse<String> elsewhere = get(path, "other", "Bearer " + customerToken);

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(bad.statusCode()).isEqualTo(401);
            assertThat(bad.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(elsewhere.statusCode()).isEqualTo(401);
            assertThat(elsewhere.body()).isEqualTo(bad.body()).contains("\"code\":\"not_authenticated\"");
        }
    }

    @Test
    void admits_an_admin_key_but_no_token_and_no_other_key() {
        assertThat(get("/admin", "acme", "Bearer admin-key").body()).isEqualTo("admin ops");
        assertThat(get("/admin", "acme", "Bearer " + customerToken).statusCode()).isEqualTo(401);
        assertThat(get("/admin", "acme", "Bearer admin-key-2").body()).contains("\"code\":\"admin_key_invalid\"");
        assertThat(get("/admin", "other", "Bearer admin-key").statusCode()).isEqualTo(401);
        assertThat(get("/admin", "acme", null).statusCode()).isEqualTo(401);
    }

    @Test
    void lets_anyone_in_on_a_public_route_with_an_optional_token_and_tells_the_handler_who_came() {
        assertThat(get("/public-knowing-the-caller", "acme", null).body()).isEqualTo("anonymous");
        assertThat(get("/public-knowing-the-caller", "acme", "Basic YW5uOnB3").body()).isEqualTo("anonymous");
        assertThat(get("/public-knowing-the-caller", "acme", "Bearer ").body()).isEqualTo("anonymous");
        assertThat(get("/public-knowing-the-caller", "acme", "Bearer " + customerToken).body())
                .isEqualTo(get("/anyone-signed-in", "acme", "Bearer " + customerToken).body()).startsWith("CUSTOMER ");
        assertThat(get("/public-knowing-the-caller", "acme", "bearer " + guestToken).body()).startsWith("GUEST ");
    }

    @Test
    void refuses_a_bad_token_on_a_public_route_with_an_optional_token() {
        HttpResponse<String> bad = get("/public-knowing-the-caller", "acme", "Bearer nonsense");
        HttpResponse<String> elsewhere = get("/public-knowing-the-caller", "other", "Bearer " + customerToken);
        HttpResponse<String> adminKey = get("/public-knowing-the-caller", "acme", "Bearer admin-key");

        for (HttpResponse<String> refused : List.of(bad, elsewhere, adminKey)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(refused.body()).contains("\"code\":\"not_authenticated\"");
        }
    }

    @Test
    void checks_nothing_on_a_public_route() {
        assertThat(get("/public", "acme", "Bearer nonsense").body()).isEqualTo("public");
        assertThat(get("/public", "acme", null).body()).isEqualTo("public");
    }
}
