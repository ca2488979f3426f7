package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.identity.User;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PaymentMethods} adapter must do. */
public abstract class PaymentMethodsContract extends IdentityContract {
    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract PaymentStores freshPaymentStores();

    protected PaymentMethods methods;
    protected User ann;
    protected User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        PaymentStores stores = freshPaymentStores();
        methods = stores.methods();
        return stores.identity();
    }

    @BeforeEach
    void twoUsers() {
        ann = customer(ALPHA, "ann@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    protected static PaymentMethod card(User user, String id) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("credit_card_mask_number", "************1111");
        data.put("credit_card_holder_name", "Ann Example");
        data.put("credit_card_type", "Visa");
        data.put("credit_card_expiration_month", "12");
        data.put("credit_card_expiration_year", "2030");
        return new PaymentMethod(id, user.tenantId(), user.id(), "CreditCard", data, PaymentMethod.Status.ACTIVE,
                T0.plusNanos(123_456_000));
    }

    @Test
    void reads_back_every_field_of_a_saved_method() {
        PaymentMethod saved = card(ann, "2c92c0f86a8dd422016a9e7a70116b0d");
        methods.save(saved);

        assertThat(methods.paymentMethod(ALPHA, saved.id()).toJavaOptional()).contains(saved);
    }

    @Test
    void keeps_a_method_without_data() {
        PaymentMethod pending = new PaymentMethod("pm-pending", ALPHA, ann.id(), "PayPal", Map.of(),
                PaymentMethod.Status.PENDING, T0);
        methods.save(pending);

        assertThat(methods.paymentMethod(ALPHA, "pm-pending").toJavaOptional()).contains(pending);
    }

    @Test
    void replaces_status_and_data_when_saved_again() {
        PaymentMethod pending = new PaymentMethod("pm-1", ALPHA, ann.id(), "PayPal", Map.of(),
                PaymentMethod.Status.PENDING, T0);
        methods.save(pending);
        PaymentMethod active = new PaymentMethod("pm-1", ALPHA, ann.id(), "PayPal",
                Map.of("paypal_baid", "B-1A2B3C", "paypal_email", "ann@example.com"), PaymentMethod.Status.ACTIVE, T0);

        methods.save(active);
        methods.save(new PaymentMethod("pm-1", ALPHA, ann.id(), "PayPal", Map.of("paypal_baid", "B-1A2B3C"),
                PaymentMethod.Status.ACTIVE, T0));

        assertThat(methods.paymentMethod(ALPHA, "pm-1").get().data()).containsExactly(Map.entry("paypal_baid", "B-1A2B3C"));
        assertThat(methods.paymentMethod(ALPHA, "pm-1").get().status()).isEqualTo(PaymentMethod.Status.ACTIVE);
    }

    @Test
    void finds_no_method_of_another_tenant_or_with_an_unknown_id() {
        methods.save(card(ann, "pm-ann"));

        assertThat(methods.paymentMethod(BETA, "pm-ann").isEmpty()).isTrue();
        assertThat(methods.paymentMethod(ALPHA, "pm-nobody").isEmpty()).isTrue();
    }

    @Test
    void keeps_the_same_id_in_two_tenants_apart() {
        methods.save(card(ann, "pm-same"));
        PaymentMethod other = new PaymentMethod("pm-same", BETA, annInBeta.id(), "BankTransfer", Map.of(),
                PaymentMethod.Status.ACTIVE, T0);
        methods.save(other);

        assertThat(methods.paymentMethod(ALPHA, "pm-same").get().type()).isEqualTo("CreditCard");
        assertThat(methods.paymentMethod(BETA, "pm-same").toJavaOptional()).contains(other);
    }
}
