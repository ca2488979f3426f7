package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.PaymentPages.PageRequest;
import com.subscriptionsuite.application.port.out.PaymentPages.PageSignature;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.payment.PaymentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PaymentPages} adapter that hosts its pages' submission (the built-in one) must do. */
public abstract class PaymentPagesContract extends IdentityContract {
    private static final Instant EXPIRES = T0.plus(Duration.ofMinutes(30));

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract PaymentStores freshPaymentStores();

    protected PaymentPages pages;
    protected Transactions transactions;
    protected User ann;
    private User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        PaymentStores stores = freshPaymentStores();
        pages = stores.pages();
        transactions = stores.transactions();
        return stores.identity();
    }

    @BeforeEach
    void twoUsers() {
        ann = customer(ALPHA, "ann@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    protected static PageRequest request(User user, String pageId) {
        return new PageRequest(user.tenantId(), user.id(), 1, PaymentType.CREDIT_CARD, pageId, "de", T0, EXPIRES);
    }

    protected PageSignature signed(PageRequest request) {
        return pages.sign(request).getOrElseThrow(f -> new AssertionError(f.reason()));
    }

    @Test
    void redeems_a_signed_token_once_for_the_request_it_was_signed_for() {
        PageRequest request = request(ann, "card-page");
        PageSignature s = signed(request);

        assertThat(pages.redeem(ALPHA, "card-page", s.token(), s.signature(), T0.plusSeconds(60))
                .map(PaymentPages.Redeemed::request).toJavaOptional()).contains(request);
        assertThat(pages.redeem(ALPHA, "card-page", s.token(), s.signature(), T0.plusSeconds(61)).isEmpty()).isTrue();
    }

    @Test
    void a_redeemed_page_gives_the_new_methods_id_32_hex_different_per_page() {
        PageSignature first = signed(request(ann, "card-page"));
        PageSignature second = signed(request(ann, "card-page"));

        String a = pages.redeem(ALPHA, "card-page", first.token(), first.signature(), T0).get().paymentMethodId();
        String b = pages.redeem(ALPHA, "card-page", second.token(), second.signature(), T0).get().paymentMethodId();

        assertThat(a).matches("[0-9a-f]{32}");
        assertThat(b).matches("[0-9a-f]{32}");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void signs_for_the_page_and_locale_asked_with_a_new_token_each_time() {
        PageSignature first = signed(request(ann, "card-page"));
        PageSignature second = signed(request(ann, "card-page"));

        assertThat(first.pageId()).isEqualTo("card-page");
        assertThat(first.locale()).isEqualTo("de");
        assertThat(first.expiresAt()).isEqualTo(EXPIRES);
        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(first.signature()).isNotEqualTo(second.signature());
        assertThat(first.key()).isEqualTo(second.key()).isNotBlank();
    }

    @Test
    void refuses_a_forged_signature_and_keeps_the_token_usable() {
        PageSignature s = signed(request(ann, "card-page"));
        PageSignature other = signed(request(ann, "card-page"));

        assertThat(pages.redeem(ALPHA, "card-page", s.token(), other.signature(), T0).isEmpty()).isTrue();
        assertThat(pages.redeem(ALPHA, "card-page", s.token(), s.signature(), T0).isDefined()).isTrue();
    }

    @Test
    void refuses_a_token_at_its_expiry() {
        PageSignature s = signed(request(ann, "card-page"));

        assertThat(pages.redeem(ALPHA, "card-page", s.token(), s.signature(), EXPIRES).isEmpty()).isTrue();
        assertThat(pages.redeem(ALPHA, "card-page", s.token(), s.signature(), EXPIRES.minusMillis(1)).isDefined())
                .isTrue();
    }

    @Test
    void refuses_a_token_on_another_page_or_of_another_tenant() {
        PageSignature s = signed(request(ann, "card-page"));
        PageSignature beta = signed(request(annInBeta, "card-page"));

        assertThat(pages.redeem(ALPHA, "sepa-page", s.token(), s.signature(), T0).isEmpty()).isTrue();
        assertThat(pages.redeem(BETA, "card-page", s.token(), s.signature(), T0).isEmpty()).isTrue();
        assertThat(pages.redeem(ALPHA, "card-page", beta.token(), beta.signature(), T0).isEmpty()).isTrue();
        assertThat(pages.redeem(BETA, "card-page", beta.token(), beta.signature(), T0).isDefined()).isTrue();
    }

    @Test
    void refuses_an_unknown_or_missing_token() {
        PageSignature s = signed(request(ann, "card-page"));

        assertThat(pages.redeem(ALPHA, "card-page", "no-such-token", s.signature(), T0).isEmpty()).isTrue();
        assertThat(pages.redeem(ALPHA, "card-page", null, s.signature(), T0).isEmpty()).isTrue();
        assertThat(pages.redeem(ALPHA, "card-page", s.token(), null, T0).isEmpty()).isTrue();
    }
}
