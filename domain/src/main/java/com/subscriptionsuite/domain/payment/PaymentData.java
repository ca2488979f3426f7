package com.subscriptionsuite.domain.payment;

/**
 * The names of the displayable data a stored payment method keeps ({@code PaymentMethod.data}): the
 * seed's {@code AccountPaymentMethod*} fields, plus Zuora's names for what the seed does not have.
 * Nothing here can be used to pay: masks keep at most the last four characters.
 */
public final class PaymentData {
    public static final String CARD_MASK_NUMBER = "credit_card_mask_number";
    public static final String CARD_HOLDER_NAME = "credit_card_holder_name";
    /** Zuora's {@code creditCardType}: Visa, MasterCard, AmericanExpress, Discover, JCB, Diners. */
    public static final String CARD_TYPE = "credit_card_type";
    public static final String CARD_EXPIRATION_MONTH = "credit_card_expiration_month";
    public static final String CARD_EXPIRATION_YEAR = "credit_card_expiration_year";
    public static final String ACCOUNT_NUMBER_MASK = "bank_transfer_account_number_mask";
    public static final String ACCOUNT_NAME = "bank_transfer_account_name";
    public static final String ACH_ABA_CODE = "ach_aba_code";
    public static final String ACH_ACCOUNT_TYPE = "ach_account_type";
    /** PayPal's billing agreement id (BAID), what a PayPal method is charged by. */
    public static final String PAYPAL_BAID = "paypal_baid";
    public static final String PAYPAL_EMAIL = "paypal_email";

    private PaymentData() {
    }
}
