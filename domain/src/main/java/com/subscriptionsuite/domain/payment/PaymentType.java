package com.subscriptionsuite.domain.payment;

import com.subscriptionsuite.domain.catalog.WireNamed;
import io.vavr.control.Option;

/**
 * The kinds of payment method a tenant can offer, by the names Zuora (and the seed's
 * {@code AccountPaymentMethod*} variants) use. Card, SEPA and ACH details are typed by the customer
 * into a hosted payment page, never into the shop; a bank transfer needs no details; PayPal is
 * approved at PayPal.
 */
public enum PaymentType implements WireNamed {
    CREDIT_CARD("CreditCard", true),
    SEPA("SEPA", true),
    ACH("ACH", true),
    BANK_TRANSFER("BankTransfer", false),
    PAYPAL("PayPal", false);

    private final String wireName;
    private final boolean hostedPage;

    PaymentType(String wireName, boolean hostedPage) {
        this.wireName = wireName;
        this.hostedPage = hostedPage;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Whether a hosted payment page collects this type's details (card number, IBAN, bank account). */
    public boolean collectedByHostedPage() {
        return hostedPage;
    }

    /** The type with this wire name (case-sensitive, e.g. {@code CreditCard}), if any. */
    public static Option<PaymentType> of(String wireName) {
        return WireNamed.parse(PaymentType.class, wireName);
    }

    /** The wire names, for messages: {@code CreditCard, SEPA, ACH, BankTransfer, PayPal}. */
    public static String names() {
        StringBuilder names = new StringBuilder();
        for (PaymentType t : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(t.wireName);
        }
        return names.toString();
    }
}
