package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.QuoteHarness.ADMIN_KEY;
import static com.subscriptionsuite.bootstrap.QuoteHarness.call;
import static com.subscriptionsuite.bootstrap.QuoteHarness.json;
import static com.subscriptionsuite.bootstrap.QuoteHarness.professionalQuote;
import static com.subscriptionsuite.bootstrap.QuoteHarness.publish;
import static com.subscriptionsuite.bootstrap.QuoteHarness.statusAndCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotes over HTTP on the standalone server with the built-in source (the default) on H2: publish,
 * read, confirm, confirm twice, expired, accepted, someone else's token, another tenant's link, a
 * quote naming what the catalog lacks, a guest.
 */
class QuoteServerIT {
    @TempDir
    Path dir;

    private Server server;

    @BeforeEach
    void start() {
        server = ServerHarness.start(ServerHarness.env(dir.resolve("db"), "SUITE_TENANT_FILES",
                QuoteHarness.secondTenantFile(dir).toString(), "SUITE_BILLING_RUN_MINUTES", "0"));
        QuoteHarness.demoWithZuoraIds(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shows_a_published_quote_in_the_seeds_shape() {
        String guid = publish(server, professionalQuote("2026-12-31", "zplan12"));
        assertThat(guid).as("256 random bits, URL-safe").matches("[A-Za-z0-9_-]{43,}");

        HttpResponse<String> response = call(server, "GET", "/quote/" + guid, null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode quote = json(response);
        assertThat(quote.path("quote_number").asText()).isEqualTo("Q-00042");
        assertThat(quote.path("name").asText()).isEqualTo("ACME team plan");
        assertThat(quote.path("currency").asText()).isEqualTo("EUR");
        assertThat(quote.path("valid_until_date").asText()).isEqualTo("2026-12-31");
        assertThat(quote.path("start_date").asText()).isEqualTo("2026-11-21");
        assertThat(quote.path("term").asText()).isEqualTo("12");
        assertThat(quote.path("sold_to_contact").path("first_name").asText()).isEqualTo("Ann");
        assertThat(quote.path("bill_to_contact").path("zip_code").asText()).isEqualTo("10115");
        assertThat(quote.path("rate_plans").get(0).path("id").asText()).isEqualTo("zplan12");
        assertThat(quote.path("rate_plans").get(0).path("type").asText()).isEqualTo("NewProduct");
        assertThat(quote.path("rate_plans").get(0).path("suite_product_id").asLong()).isEqualTo(2);
        assertThat(quote.path("rate_plans").get(0).path("charges").get(0).path("price").decimalValue())
                .isEqualByComparingTo("12.00");
        assertThat(quote.path("accepted").asBoolean()).isFalse();
    }

    @Test
    void an_unknown_link_and_another_tenants_link_get_the_same_answer() {
        String guid = publish(server, professionalQuote("2026-12-31", "zplan12"));

        HttpResponse<String> unknown = call(server, "GET", "/quote/" + guid.substring(1) + "x", null, null);
        HttpResponse<String> otherTenant = call(server, "GET", "/quote/" + guid, null, null, "X-Tenant", "second");

        assertThat(statusAndCode(unknown)).isEqualTo("404 quote_not_found");
        assertThat(otherTenant.body()).isEqualTo(unknown.body());
        assertThat(headersBut(otherTenant)).isEqualTo(headersBut(unknown));
        String customer = QuoteHarness.customer(server, "second", "eve@example.com");
        HttpResponse<String> confirm = call(server, "POST", "/quote/" + guid + "/confirm", customer, null,
                "X-Tenant", "second");
        assertThat(confirm.body()).isEqualTo(call(server, "POST", "/quote/nope/confirm", customer, null,
                "X-Tenant", "second").body());
        assertThat(statusAndCode(confirm)).isEqualTo("404 quote_not_found");
    }

    private static Map<String, java.util.List<String>> headersBut(HttpResponse<String> response) {
        Map<String, java.util.List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        headers.remove("x-request-id"); // every request's own id (docs/observability.md), not a tell of the link
        return headers;
    }

    @Test
    void confirming_books_the_subscriptions_marks_the_quote_and_a_repeat_answers_the_same() {
        String guid = publish(server, professionalQuote("2026-12-31", "zplan12"));
        String ann = QuoteHarness.customer(server, "demo", "ann@example.com");

        HttpResponse<String> confirmed = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("success").asBoolean()).isTrue();
        JsonNode ids = json(confirmed).path("ids");
        assertThat(ids).hasSize(1);
        JsonNode subscriptions = json(call(server, "GET", "/account/subscription", ann, null));
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).path("quantity").asLong()).isEqualTo(5);
        JsonNode account = json(call(server, "GET", "/account", ann, null));
        assertThat(account.toString()).contains("ACME GmbH", "Invalidenstr. 1");
        assertThat(json(call(server, "GET", "/quote/" + guid, null, null)).path("accepted").asBoolean()).isTrue();

        HttpResponse<String> again = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);
        HttpResponse<String> keyed = call(server, "POST", "/quote/" + guid + "/confirm", ann, "{}",
                "Idempotency-Key", "confirm-1");
        HttpResponse<String> replayed = call(server, "POST", "/quote/" + guid + "/confirm", ann, "{}",
                "Idempotency-Key", "confirm-1");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).path("ids")).isEqualTo(ids);
        assertThat(json(keyed).path("ids")).isEqualTo(ids);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(call(server, "GET", "/account/subscription", ann, null))).as("nothing booked twice").hasSize(1);
    }

    @Test
    void someone_elses_token_cannot_confirm_an_accepted_quote_nor_a_token_of_another_tenant() {
        String guid = publish(server, professionalQuote("2026-12-31", "zplan12"));
        String ann = QuoteHarness.customer(server, "demo", "ann@example.com");
        String bob = QuoteHarness.customer(server, "demo", "bob@example.com");
        String eve = QuoteHarness.customer(server, "second", "eve@example.com");
        assertThat(call(server, "POST", "/quote/" + guid + "/confirm", ann, null).statusCode()).isEqualTo(200);

        assertThat(statusAndCode(call(server, "POST", "/quote/" + guid + "/confirm", bob, null)))
                .isEqualTo("409 quote_already_accepted");
        assertThat(statusAndCode(call(server, "POST", "/quote/" + guid + "/confirm", eve, null)))
                .isEqualTo("401 not_authenticated");
        assertThat(statusAndCode(call(server, "POST", "/quote/" + guid + "/confirm", null, null)))
                .isEqualTo("401 not_authenticated");
        assertThat(statusAndCode(call(server, "GET", "/account", bob, null))).isEqualTo("404 account_not_found");
    }

    @Test
    void an_expired_quote_or_one_naming_what_the_catalog_lacks_is_refused_and_books_nothing() {
        String expired = publish(server, professionalQuote("2026-11-20", "zplan12"));
        String unknownPlan = publish(server, professionalQuote("2026-12-31", "zplan999"));
        String ann = QuoteHarness.customer(server, "demo", "ann@example.com");

        assertThat(statusAndCode(call(server, "POST", "/quote/" + expired + "/confirm", ann, null)))
                .isEqualTo("409 quote_expired");
        HttpResponse<String> unknown = call(server, "POST", "/quote/" + unknownPlan + "/confirm", ann, null);
        assertThat(statusAndCode(unknown)).isEqualTo("422 quote_item_unknown");
        assertThat(json(unknown).path("error").path("details").get(0).path("field").asText())
                .isEqualTo("rate_plans[0].id");
        assertThat(statusAndCode(call(server, "GET", "/account", ann, null))).isEqualTo("404 account_not_found");
        String valid = publish(server, professionalQuote("2026-11-21", "zplan12"));
        assertThat(call(server, "POST", "/quote/" + valid + "/confirm", ann, null).statusCode())
                .as("valid until today is valid today").isEqualTo(200);
    }

    @Test
    void a_guest_confirms_where_the_shop_has_guest_checkout() {
        String guid = publish(server, professionalQuote("2026-12-31", "zplan12"));
        String guest = json(call(server, "POST", "/login/guest", null, null)).path("token").asText();

        HttpResponse<String> confirmed = call(server, "POST", "/quote/" + guid + "/confirm", guest, null);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    @Test
    void the_admin_route_needs_the_admin_key_and_names_a_field_at_fault() {
        assertThat(statusAndCode(call(server, "POST", "/admin/quote", null, professionalQuote("2026-12-31", "x"))))
                .isEqualTo("401 admin_key_invalid");
        String ann = QuoteHarness.customer(server, "demo", "ann@example.com");
        assertThat(statusAndCode(call(server, "POST", "/admin/quote", ann, professionalQuote("2026-12-31", "x"))))
                .isEqualTo("401 admin_key_invalid");
        HttpResponse<String> badDate = call(server, "POST", "/admin/quote", ADMIN_KEY,
                professionalQuote("31.12.2026", "zplan12"));
        assertThat(statusAndCode(badDate)).isEqualTo("400 quote_invalid");
        assertThat(json(badDate).path("error").path("details").get(0).path("field").asText())
                .isEqualTo("valid_until_date");
        assertThat(statusAndCode(call(server, "POST", "/admin/quote", ADMIN_KEY, "{\"source_id\": \"1\", \"name\": \"x\"}")))
                .isEqualTo("400 quote_invalid");
        assertThat(statusAndCode(call(server, "POST", "/admin/quote", ADMIN_KEY, "{\"colour\": \"red\"}")))
                .isEqualTo("400 field_unknown");
    }
}
