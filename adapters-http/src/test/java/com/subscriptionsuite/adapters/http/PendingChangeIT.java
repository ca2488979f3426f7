package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.subscriptionsuite.application.fixtures.Subscriptions;
import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Subscription;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Withdrawing a change or cancel booked for a later date ({@code GET /product/{uuid}/preview/pending-change},
 * {@code DELETE /product/{uuid}/pending-change}) on a server of its own at 2025-06-15T10:00Z, over the team
 * shop of {@link ChangeIT}: Ann's Basic subscription (2 seats at 29.90 a month, 19 % VAT) invoiced through
 * 2025-07-07; Basic cancels and downgrades at the end of the billing period.
 */
class PendingChangeIT {
    private static final String PASSWORD = "correct horse battery";
    private static final long TEAM = 7;
    private static final String KEY = "Idempotency-Key";

    private TestServer.Fresh server;
    private Http team;
    private String annToken;
    private BillingAccount ann;
    private Subscription basic;

    @BeforeEach
    void startServerWithAnnsSubscription() {
        server = TestServer.fresh();
        team = server.tenant("team");
        annToken = register("ann@example.com");
        ann = Subscriptions.account(server.billing(), server.links(), TEAM, userId(annToken),
                Subscriptions.germanConsumer("Ann"), TeamShop.EUR);
        basic = Subscriptions.in(server.billing(), TeamShop.definition(TEAM, "team", TeamShop.CANCEL_SELF_SERVICE))
                .account(ann).suiteProduct(TeamShop.BASIC).quantity(2).startingOn(LocalDate.of(2025, 1, 7))
                .chargedThrough(LocalDate.of(2025, 7, 7)).save();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String register(String email) {
        return team.post("/register", """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD)).ok().path("token").asText();
    }

    private long userId(String token) {
        return server.engine().authenticate().authenticate(TEAM, token)
                .getOrElseThrow(f -> new AssertionError(f.message())).userId();
    }

    private Http anns() {
        return team.bearer(annToken);
    }

    private String path(String suffix) {
        return "/product/" + basic.uuid() + suffix;
    }

    private Subscription stored() {
        return server.billing().subscription(TEAM, basic.uuid()).getOrElseThrow(() -> new AssertionError("gone"));
    }

    private static String amounts(JsonNode node) {
        return node.path("netto").decimalValue().setScale(2).toPlainString() + "/"
                + node.path("tax").decimalValue().setScale(2).toPlainString() + "/"
                + node.path("brutto").decimalValue().setScale(2).toPlainString();
    }

    @Test
    void a_booked_cancel_is_previewed_and_withdrawn_as_previewed() {
        anns().put(path("/cancel")).ok();

        Reply previewReply = anns().get(path("/preview/pending-change"));
        JsonNode preview = previewReply.ok();
        assertThat(previewReply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(preview.path("subscription_uuid").asText()).isEqualTo(basic.uuid());
        assertThat(preview.path("request_date").asText()).isEqualTo("2025-06-15");
        assertThat(preview.path("pending_change").path("kind").asText()).isEqualTo("cancel");
        assertThat(preview.path("pending_change").path("effective_date").asText()).isEqualTo("2025-07-07");
        assertThat(amounts(preview.path("pending_change").path("period_price"))).isEqualTo("0.00/0.00/0.00");
        // 2 × 29.90 = 59.80, tax 11.362 → 11.36
        assertThat(amounts(preview.path("after_withdrawal").path("period_price"))).isEqualTo("59.80/11.36/71.16");
        assertThat(preview.path("after_withdrawal").path("next_invoice").path("date").asText())
                .isEqualTo("2025-07-07");
        assertThat(amounts(preview.path("after_withdrawal").path("next_invoice"))).isEqualTo("59.80/11.36/71.16");

        JsonNode withdrawn = anns().with(KEY, "undo-1").delete(path("/pending-change")).ok();

        ObjectNode withoutBooking = withdrawn.deepCopy();
        withoutBooking.remove("withdrawal");
        assertThat(withoutBooking).isEqualTo(preview);
        assertThat(withdrawn.path("withdrawal").path("subscription_version").asInt()).isEqualTo(3);
        assertThat(stored().cancelDate()).isNull();
        assertThat(stored().version()).isEqualTo(3);
    }

    @Test
    void repeated_with_the_same_key_answers_the_same_and_without_a_key_finds_nothing_pending() {
        anns().put(path("/quantity/1")).ok();
        Reply first = anns().with(KEY, "undo-1").delete(path("/pending-change"));
        JsonNode withdrawn = first.ok();
        assertThat(withdrawn.path("pending_change").path("kind").asText()).isEqualTo("quantity");
        assertThat(withdrawn.path("pending_change").path("quantity").asLong()).isEqualTo(1);

        Reply again = anns().with(KEY, "undo-1").delete(path("/pending-change"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.ok()).isEqualTo(withdrawn);

        JsonNode error = anns().delete(path("/pending-change")).error(404, "pending_change_not_found");
        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("uuid");
        assertThat(stored().version()).isEqualTo(3);
        assertThat(stored().pendingAfter(LocalDate.of(2025, 6, 15))).isEmpty();
        anns().get(path("/preview/change-quantity/3")).ok();
    }

    @Test
    void another_customers_token_or_ids_find_nothing_and_change_nothing() {
        anns().put(path("/cancel")).ok();
        String bob = register("bob@example.com");
        Subscriptions.account(server.billing(), server.links(), TEAM, userId(bob), Subscriptions.germanConsumer("Bob"),
                TeamShop.EUR);
        String noAccount = register("dora@example.com");

        team.bearer(bob).get(path("/preview/pending-change")).error(404, "subscription_not_found");
        team.bearer(bob).with(KEY, "undo-1").delete(path("/pending-change")).error(404, "subscription_not_found");
        team.bearer(noAccount).delete(path("/pending-change")).error(404, "subscription_not_found");
        anns().delete("/product/no-such-uuid/pending-change").error(404, "subscription_not_found");
        String guest = team.post("/login/guest").ok().path("token").asText();
        team.bearer(guest).delete(path("/pending-change")).error(403, "customer_required");
        team.delete(path("/pending-change")).error(401, "not_authenticated");

        assertThat(stored().cancelDate()).isEqualTo(LocalDate.of(2025, 7, 7));
        assertThat(stored().version()).isEqualTo(2);
    }

    @Test
    void nothing_pending_a_change_in_effect_and_a_body_are_refused_with_their_codes() {
        anns().get(path("/preview/pending-change")).error(404, "pending_change_not_found");
        anns().with("Content-Type", "application/json").send("DELETE", path("/pending-change"),
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"at\": 1}")).error(400, "field_unknown");

        anns().put(path("/quantity/3")).ok();
        JsonNode inEffect = anns().delete(path("/pending-change")).error(409, "change_in_effect");
        assertThat(inEffect.path("message").asText()).contains("2025-06-15");

        anns().put(path("/cancel")).ok();
        server.clock().advance(Duration.ofDays(30));
        String again = team.post("/login", """
                {"email": "ann@example.com", "password": "%s"}""".formatted(PASSWORD)).ok().path("token").asText();
        team.bearer(again).get(path("/preview/pending-change")).error(409, "change_in_effect");
    }
}
