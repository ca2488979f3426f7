package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.ledger.TeamShopBilling;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.PaymentPages.PageMethod;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import com.subscriptionsuite.application.port.out.billing.RequestKey;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.payment.PaymentType;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zuora's hosted payment pages behind {@link PaymentPages}, against the simulator: the page signed by
 * {@code POST /v1/rsa-signatures} for the configured URI, a method the page created found by its id
 * (masked, of the engine's type) while it belongs to no account, and nothing else found.
 */
class ZuoraPaymentPagesIT {
    private static final Clock CLOCK = Clock.fixed(TeamShopBilling.START, ZoneOffset.UTC);
    private ZuoraSimulator simulator;
    private ZuoraClient client;
    private ZuoraPaymentPages pages;

    @BeforeEach
    void start() {
        simulator = ZuoraSimulator.start(ZuoraSimulator.options().clock(CLOCK));
        client = new ZuoraClient(ZuoraSettings.of(simulator.baseUrl(), simulator.clientId(), simulator.clientSecret()),
                new ZuoraClient.Resilience(Duration.ofMillis(20), Duration.ofSeconds(1), 50, 4, Duration.ofMillis(500),
                        Duration.ZERO), () -> "pages-it", CLOCK);
        pages = new ZuoraPaymentPages(client, ZuoraPaymentPages.pageUri(simulator.baseUrl()));
    }

    @AfterEach
    void stop() {
        assertThat(simulator.state().invalidRequests()).as("requests against Zuora's API document").isEmpty();
        simulator.close();
    }

    private static PaymentPages.PageRequest cardPage() {
        Instant now = TeamShopBilling.START;
        return new PaymentPages.PageRequest(7, 42, 1, PaymentType.CREDIT_CARD, "8ad0823f8b1b4c9e018b2f3c5a6d7e8f",
                "de", now, now.plus(Duration.ofMinutes(30)));
    }

    /** A SEPA method as a hosted page creates it: no account. */
    private String orphanSepa() {
        ZuoraDtos.CreatePaymentMethod body = ZuoraDtos.CreatePaymentMethod.sepa("DE89370400440532013000", null,
                "Ann Example");
        return client.call("create", true, api -> api.createPaymentMethod("pages-it-sepa", body),
                ZuoraDtos.CreatedPaymentMethod.class).get().id;
    }

    @Test
    void signs_the_page_with_zuoras_token_signature_key_and_tenant() {
        PaymentPages.PageSignature signed = pages.sign(cardPage()).get();

        assertThat(signed.pageId()).isEqualTo("8ad0823f8b1b4c9e018b2f3c5a6d7e8f");
        assertThat(signed.token()).isNotBlank();
        assertThat(signed.signature()).isNotBlank();
        assertThat(signed.key()).as("Zuora's RSA public key, Base64").matches("[A-Za-z0-9+/=]{100,}");
        assertThat(signed.tenant()).isNotBlank();
        assertThat(signed.locale()).isEqualTo("de");
        assertThat(signed.expiresAt()).isEqualTo(cardPage().expiresAt());
        var sent = simulator.state().requests().stream().filter(r -> r.path().equals("/v1/rsa-signatures")).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).idempotencyKey()).isNotBlank();
        assertThat(sent.get(0).trackId()).isEqualTo("pages-it");
        assertThat(pages.redeem(7, signed.pageId(), signed.token(), signed.signature(), TeamShopBilling.START))
                .as("Zuora's page posts to Zuora, never here").isEmpty();
    }

    @Test
    void finds_a_method_the_page_created_masked_until_an_account_takes_it() {
        String id = orphanSepa();

        Option<PageMethod> found = pages.created(7, id).get();

        assertThat(found.isDefined()).isTrue();
        assertThat(found.get().type()).isEqualTo(PaymentType.SEPA);
        assertThat(found.get().data().get("bank_transfer_account_number_mask")).endsWith("3000")
                .doesNotContain("0532013");
        assertThat(found.get().data()).containsEntry("bank_transfer_account_name", "Ann Example");

        AccountDetails details = new AccountDetails(false, null, "Ann", "Example", "Hauptstr. 1", "10115", "Berlin",
                null, "DE", "ann@example.com", null, null, false, null, null, null, null, null, null, null, null, null,
                null, "EUR");
        new ZuoraBillingGateway(client, t -> ZuoraTestCatalogs.withZuoraIds(TeamShopBilling.shop()), CLOCK)
                .openAccount(RequestKey.of("pages-it", "open"), new com.subscriptionsuite.application.port.out.billing
                        .BillingGateway.OpenAccount(7, 42, CurrencyUnit.EUR, details, id, TeamShopBilling.START))
                .get();
        assertThat(pages.created(7, id).get()).as("now an account's method").isEmpty();
    }

    @Test
    void finds_nothing_for_an_unknown_or_malformed_id_and_says_when_zuora_is_down() {
        assertThat(pages.created(7, "2c92c0f96d5a4b3c2d1e0f9a8b7c6d5e").get()).isEmpty();
        assertThat(pages.created(7, "../v1/accounts").get()).isEmpty();

        simulator.faults().down(true);
        Either<ProviderUnavailable, Option<PageMethod>> down = pages.created(7, "2c92c0f96d5a4b3c2d1e0f9a8b7c6d5e");
        assertThat(down.isLeft()).isTrue();
        assertThat(down.getLeft().provider()).isEqualTo("zuora");
        assertThat(pages.sign(cardPage()).isLeft()).isTrue();
    }
}
