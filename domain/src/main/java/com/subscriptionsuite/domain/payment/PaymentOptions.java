package com.subscriptionsuite.domain.payment;

import io.vavr.control.Option;
import java.util.List;

/** The payment options of one tenant, in the order its file lists them. */
public record PaymentOptions(List<PaymentOption> options) {
    public PaymentOptions {
        options = List.copyOf(options);
    }

    public static PaymentOptions none() {
        return new PaymentOptions(List.of());
    }

    /** The options a customer in {@code country} may use; every option when no country is given. */
    public List<PaymentOption> available(Option<String> country) {
        return country.map(c -> options.stream().filter(o -> o.offeredIn(c)).toList()).getOrElse(options);
    }

    public Option<PaymentOption> option(long id) {
        return Option.ofOptional(options.stream().filter(o -> o.id() == id).findFirst());
    }

    /** The options whose hosted page is {@code pageId}. */
    public List<PaymentOption> withHostedPage(String pageId) {
        return options.stream().filter(o -> pageId.equals(o.hostedPageId())).toList();
    }

    /** Whether some option of this type is offered in {@code country}. */
    public boolean offers(PaymentType type, String country) {
        return options.stream().anyMatch(o -> o.type() == type && o.offeredIn(country));
    }
}
