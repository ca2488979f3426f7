package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.PayPalAgreements.Agreement;
import com.subscriptionsuite.application.port.out.PayPalAgreements.AgreementRequest;
import com.subscriptionsuite.application.port.out.PayPalAgreements.AgreementStart;
import com.subscriptionsuite.domain.identity.User;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PayPalAgreements} adapter whose approval this server takes (the built-in one) must do. */
public abstract class PayPalAgreementsContract extends IdentityContract {
    private static final Instant EXPIRES = T0.plus(Duration.ofHours(3));

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract PaymentStores freshPaymentStores();

    protected PayPalAgreements payPal;
    protected User ann;
    private User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        PaymentStores stores = freshPaymentStores();
        payPal = stores.payPal();
        return stores.identity();
    }

    @BeforeEach
    void twoUsers() {
        ann = customer(ALPHA, "ann@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    protected AgreementStart started(User user) {
        return payPal.start(new AgreementRequest(user.tenantId(), user.id(), T0, EXPIRES))
                .getOrElseThrow(f -> new AssertionError(f.reason()));
    }

    private Option<Agreement> completed(long tenantId, String token, String email, Instant at) {
        return payPal.complete(tenantId, token, email, at).getOrElseThrow(f -> new AssertionError(f.reason()));
    }

    @Test
    void completes_an_approved_token_once_into_an_agreement_for_its_payment_method() {
        AgreementStart start = started(ann);

        Agreement agreement = completed(ALPHA, start.token(), "ann@paypal.example", T0.plusSeconds(90)).get();

        assertThat(agreement.tenantId()).isEqualTo(ALPHA);
        assertThat(agreement.userId()).isEqualTo(ann.id());
        assertThat(agreement.paymentMethodId()).isEqualTo(start.paymentMethodId());
        assertThat(agreement.billingAgreementId()).startsWith("B-").hasSize(19);
        assertThat(agreement.payerEmail()).isEqualTo("ann@paypal.example");
        assertThat(completed(ALPHA, start.token(), null, T0.plusSeconds(91)).isEmpty()).isTrue();
    }

    @Test
    void start_gives_the_pending_methods_id_and_complete_answers_the_same_id() {
        AgreementStart first = started(ann);
        AgreementStart second = started(ann);

        assertThat(first.paymentMethodId()).matches("[0-9a-f]{32}");
        assertThat(second.paymentMethodId()).matches("[0-9a-f]{32}").isNotEqualTo(first.paymentMethodId());
        assertThat(completed(ALPHA, second.token(), null, T0).get().paymentMethodId())
                .isEqualTo(second.paymentMethodId());
        assertThat(completed(ALPHA, first.token(), null, T0).get().paymentMethodId())
                .isEqualTo(first.paymentMethodId());
    }

    @Test
    void gives_a_new_token_and_an_approval_url_carrying_it_each_time() {
        AgreementStart first = started(ann);
        AgreementStart second = started(ann);

        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(first.approvalUrl()).contains("token=" + first.token());
    }

    @Test
    void gives_each_agreement_its_own_billing_agreement_id() {
        AgreementStart first = started(ann);
        AgreementStart second = started(ann);

        String a = completed(ALPHA, first.token(), null, T0).get().billingAgreementId();
        String b = completed(ALPHA, second.token(), null, T0).get().billingAgreementId();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void refuses_a_token_at_its_expiry_an_unknown_one_and_another_tenants() {
        AgreementStart start = started(ann);
        AgreementStart beta = started(annInBeta);

        assertThat(completed(ALPHA, start.token(), null, EXPIRES).isEmpty()).isTrue();
        assertThat(completed(ALPHA, "no-such-token", null, T0).isEmpty()).isTrue();
        assertThat(completed(ALPHA, beta.token(), null, T0).isEmpty()).isTrue();
        assertThat(completed(BETA, beta.token(), null, T0).get().userId()).isEqualTo(annInBeta.id());
    }

    @Test
    void completes_without_a_payer_email() {
        AgreementStart start = started(ann);

        assertThat(completed(ALPHA, start.token(), null, T0).get().payerEmail()).isNull();
    }
}
