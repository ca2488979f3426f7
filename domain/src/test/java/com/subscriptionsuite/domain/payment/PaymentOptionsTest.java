package com.subscriptionsuite.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentOptionsTest {
    private final PaymentOption card = new PaymentOption(1, PaymentType.CREDIT_CARD, List.of(), "card-page");
    private final PaymentOption sepa = new PaymentOption(2, PaymentType.SEPA, List.of("DE", "AT"), "sepa-page");
    private final PaymentOption transfer = new PaymentOption(3, PaymentType.BANK_TRANSFER, List.of("DE"), null);
    private final PaymentOptions options = new PaymentOptions(List.of(card, sepa, transfer));

    @Test
    void offers_in_a_country_the_options_of_that_country_and_those_of_every_country() {
        assertThat(options.available(Option.some("AT"))).containsExactly(card, sepa);
        assertThat(options.available(Option.some("US"))).containsExactly(card);
    }

    @Test
    void offers_every_option_when_no_country_is_asked() {
        assertThat(options.available(Option.none())).containsExactly(card, sepa, transfer);
    }

    @Test
    void tells_whether_a_type_is_offered_in_a_country() {
        assertThat(options.offers(PaymentType.BANK_TRANSFER, "DE")).isTrue();
        assertThat(options.offers(PaymentType.BANK_TRANSFER, "AT")).isFalse();
        assertThat(options.offers(PaymentType.PAYPAL, "DE")).isFalse();
    }

    @Test
    void finds_options_by_id_and_by_hosted_page() {
        assertThat(options.option(2).toJavaOptional()).contains(sepa);
        assertThat(options.option(9).isEmpty()).isTrue();
        assertThat(options.withHostedPage("sepa-page")).containsExactly(sepa);
    }

    @Test
    void knows_the_assigned_country_codes_in_upper_case_only() {
        assertThat(Countries.isCode("DE")).isTrue();
        assertThat(Countries.isCode("de")).isFalse();
        assertThat(Countries.isCode("XX")).isFalse();
        assertThat(Countries.isCode(null)).isFalse();
    }
}
