package com.subscriptionsuite.adapters.http;

import static com.subscriptionsuite.adapters.http.Shoppers.customer;
import static com.subscriptionsuite.adapters.http.Shoppers.item;
import static com.subscriptionsuite.adapters.http.Shoppers.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text rules ({@code TextRules}) over HTTP: PUT /account, the checkout's account and
 * registration refuse what cannot be right, naming the field, trim Unicode white space and keep
 * real names in every script as sent. JSON escapes carry the characters, as a client would send them.
 */
class UnsafeTextIT {
    private TestServer.Fresh server;
    private Http acme;
    private String ann;

    @BeforeEach
    void start() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
        ann = customer(acme, "ann@example.com");
        acme.bearer(ann).post("/subscription", subscribe(account("Ann", "Hauptstr. 1"), item(401, 1, 1))).ok();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A Berlin consumer's account with this first name and street, both raw JSON string content. */
    private static String account(String firstName, String street) {
        return """
                {"is_company": false, "first_name": "%s", "last_name": "Example", "street": "%s",
                 "zip_code": "10115", "city": "Berlin", "country": "DE", "email": "ann@example.com",
                 "phone": "+49 30 1234567", "vat_id": ""}""".formatted(firstName, street);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NUL                    | Ann\\u0000           | U+0000",
        "escape                 | Ann\\u001b[31m       | U+001B",
        "line feed              | Ann\\nExample        | one line",
        "carriage return        | Ann\\rExample        | one line",
        "line separator         | Ann\\u2028Example    | one line",
        "right-to-left override | Ann\\u202eelpmaxE    | U+202E",
        "lone surrogate         | Ann\\ud800           | surrogate"})
    void put_account_refuses_unsafe_text_naming_the_field(String what, String firstName, String reason) {
        JsonNode error = acme.bearer(ann).put("/account", account(firstName, "Hauptstr. 1"))
                .error(400, "account_invalid");

        assertThat(error.path("details")).hasSize(1);
        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("first_name");
        assertThat(error.path("details").get(0).path("reason").asText()).contains(reason);
        assertThat(acme.bearer(ann).get("/account").ok().path("first_name").asText()).isEqualTo("Ann");
    }

    @Test
    void checkout_refuses_unsafe_text_under_account() {
        String guest = Shoppers.guest(acme);
        JsonNode error = acme.bearer(guest).post("/subscription",
                subscribe(account("Ann", "Haupt\\u202estr. 1"), item(401, 1, 1))).error(400, "account_invalid");

        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("account.street");
        assertThat(error.path("details").get(0).path("reason").asText()).contains("U+202E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u00a0\\u00a0", "\\u200b\\u200b", "\\u3000", "\\ufeff\\u200d"})
    void put_account_calls_a_name_of_invisible_spaces_missing(String firstName) {
        JsonNode error = acme.bearer(ann).put("/account", account(firstName, "Hauptstr. 1"))
                .error(400, "account_invalid");

        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("first_name");
        assertThat(error.path("details").get(0).path("reason").asText()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ἀριστοτέλης", "Пётр Ильич", "山田 太郎", "محمد بن سلمان", "Zoe\u0308", "김민준",
        "मोहनदास", "👩\u200d👩\u200d👧\u200d👦"})
    void put_account_keeps_real_names_in_every_script_as_sent(String name) {
        acme.bearer(ann).put("/account", account(name, "Hauptstr. 1")).ok();

        assertThat(acme.bearer(ann).get("/account").ok().path("first_name").asText()).isEqualTo(name);
    }

    @Test
    void put_account_counts_characters_so_128_emoji_are_not_too_long_but_256_are() {
        String emoji128 = "😀".repeat(128);
        acme.bearer(ann).put("/account", account(emoji128, "Hauptstr. 1")).ok();
        assertThat(acme.bearer(ann).get("/account").ok().path("first_name").asText()).isEqualTo(emoji128);

        JsonNode error = acme.bearer(ann).put("/account", account("😀".repeat(256), "Hauptstr. 1"))
                .error(400, "account_invalid");
        assertThat(error.path("details").get(0).path("reason").asText()).isEqualTo("at most 255 characters");
    }

    @Test
    void put_account_trims_unicode_white_space() {
        acme.bearer(ann).put("/account", account("\\u00a0\\u200bZoë\\u3000", "\\u202fHauptstr. 2\\t")).ok();

        JsonNode account = acme.bearer(ann).get("/account").ok();
        assertThat(account.path("first_name").asText()).isEqualTo("Zoë");
        assertThat(account.path("street").asText()).isEqualTo("Hauptstr. 2");
    }

    @Test
    void registration_refuses_an_email_with_a_bidi_override_naming_the_field() {
        JsonNode error = acme.post("/register", """
                {"user": {"email": "ann\\u202e@example.com", "password": "correct horse battery"}}""")
                .error(400, "email_invalid");

        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user.email");
        assertThat(error.path("details").get(0).path("reason").asText()).contains("U+202E");
    }
}
