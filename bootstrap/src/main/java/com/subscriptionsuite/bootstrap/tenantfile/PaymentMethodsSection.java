package com.subscriptionsuite.bootstrap.tenantfile;

import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentType;
import io.vavr.control.Option;
import java.util.List;

/**
 * Reads the optional {@code payment_methods} array: the payment methods the shop offers, each
 * {@code {id, type, countries, hosted_page_id}}. Semantic rules (unique ids, country codes, a hosted
 * page for card, SEPA and ACH) are {@code TenantRules}'.
 */
final class PaymentMethodsSection {
    private PaymentMethodsSection() {
    }

    static Option<PaymentOption> paymentMethod(Fields f) {
        long id = f.requiredLong("id");
        PaymentType type = f.requiredEnum("type", PaymentType.class);
        List<String> countries = f.strings("countries");
        String hostedPageId = f.optionalString("hosted_page_id", null);
        return f.finish() ? Option.some(new PaymentOption(id, type, countries, hostedPageId)) : Option.none();
    }
}
