package com.subscriptionsuite.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Bodies and sign-ups for the checkout and customer-center tests (tenant acme of {@link TestServer}). */
final class Shoppers {
    static final String PASSWORD = "correct horse battery";
    /** A German consumer in Berlin, every required field of the seed's Account, no VAT ID. */
    static final String BERLIN = """
            {"is_company": false, "first_name": "Ann", "last_name": "Example", "street": "Hauptstr. 1",
             "zip_code": "10115", "city": "Berlin", "country": "DE", "email": "ann@example.com",
             "phone": "+49 30 1234567", "vat_id": ""}""";

    private Shoppers() {
    }

    /** A new customer's token. */
    static String customer(Http http, String email) {
        return http.post("/register", """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD)).ok().path("token").asText();
    }

    static String guest(Http http) {
        return http.post("/login/guest").ok().path("token").asText();
    }

    /** A checkout body: the items (JSON objects) and the account. */
    static String subscribe(String account, String... items) {
        return "{\"suite_products\": [" + String.join(", ", items) + "], \"account\": " + account + "}";
    }

    static String item(long id, long quantity, int orderPos) {
        return "{\"id\": %d, \"quantity\": %d, \"order_pos\": %d}".formatted(id, quantity, orderPos);
    }

    /** The sum of the brutto of every billing period of every suite product of a preview's answer. */
    static BigDecimal previewTotal(JsonNode preview) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode suiteProduct : preview) {
            for (JsonNode period : suiteProduct.path("prices")) {
                sum = sum.add(period.path("brutto").decimalValue());
            }
        }
        return sum;
    }
}
