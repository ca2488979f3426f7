package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.payment.PaymentType;
import org.junit.jupiter.api.Test;

class ZuoraPaymentPagesTest {
    @Test
    void serves_the_pages_from_the_rest_host_without_its_rest_label() {
        assertThat(ZuoraPaymentPages.pageUri("https://rest.test.eu.zuora.com"))
                .isEqualTo("https://test.eu.zuora.com/apps/PublicHostedPageLite.do");
        assertThat(ZuoraPaymentPages.pageUri("https://rest.apisandbox.zuora.com/"))
                .isEqualTo("https://apisandbox.zuora.com/apps/PublicHostedPageLite.do");
        assertThat(ZuoraPaymentPages.pageUri("https://rest.zuora.com"))
                .isEqualTo("https://www.zuora.com/apps/PublicHostedPageLite.do");
        assertThat(ZuoraPaymentPages.pageUri("http://127.0.0.1:8123"))
                .isEqualTo("http://127.0.0.1:8123/apps/PublicHostedPageLite.do");
    }

    @Test
    void keeps_zuoras_masks_and_masks_what_comes_unmasked() {
        assertThat(ZuoraPaymentPages.mask("************1111", 0)).isEqualTo("************1111");
        assertThat(ZuoraPaymentPages.mask("4111 1111 1111 1111", 0)).isEqualTo("************1111");
        assertThat(ZuoraPaymentPages.mask("DE89370400440532013000", 4)).isEqualTo("DE89**************3000");
        assertThat(ZuoraPaymentPages.mask("123", 0)).isEqualTo("***");
        assertThat(ZuoraPaymentPages.mask(" ", 0)).isNull();
    }

    @Test
    void maps_a_cards_fields_to_the_seeds_names_and_knows_only_the_pages_types() {
        ZuoraDtos.PaymentMethodRead pm = new ZuoraDtos.PaymentMethodRead();
        pm.cardNumber = "************4242";
        pm.creditCardType = "Visa";
        pm.expirationMonth = 12;
        pm.expirationYear = 2030;
        pm.accountHolderInfo = new ZuoraDtos.AccountHolderRead();
        pm.accountHolderInfo.accountHolderName = "Ann Example";

        assertThat(ZuoraPaymentPages.data(PaymentType.CREDIT_CARD, pm)).containsEntry("credit_card_mask_number",
                "************4242").containsEntry("credit_card_type", "Visa")
                .containsEntry("credit_card_expiration_month", "12").containsEntry("credit_card_expiration_year", "2030")
                .containsEntry("credit_card_holder_name", "Ann Example");
        assertThat(ZuoraPaymentPages.type("CreditCard")).contains(PaymentType.CREDIT_CARD);
        assertThat(ZuoraPaymentPages.type("PayPalEC")).isEmpty();
        assertThat(ZuoraPaymentPages.type(null)).isEmpty();
    }
}
