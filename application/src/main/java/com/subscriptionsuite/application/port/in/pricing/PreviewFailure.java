package com.subscriptionsuite.application.port.in.pricing;

/**
 * Why a cart cannot be priced. {@code field} is the request field at fault, as a path into the
 * seed's Preview body (e.g. {@code suite_products[1].quantity}).
 */
public sealed interface PreviewFailure {
    String code();

    String field();

    String message();

    record EmptyCart() implements PreviewFailure {
        public String code() {
            return "cart_empty";
        }

        public String field() {
            return "suite_products";
        }

        public String message() {
            return "suite_products: at least one suite product is needed";
        }
    }

    record UnknownSuiteProduct(int index, long id) implements PreviewFailure {
        public String code() {
            return "suite_product_not_found";
        }

        public String field() {
            return "suite_products[" + index + "].id";
        }

        public String message() {
            return field() + ": no suite product " + id + " is sold";
        }
    }

    record QuantityOutOfRange(int index, long quantity, long chargeId, String limit) implements PreviewFailure {
        public String code() {
            return "quantity_out_of_range";
        }

        public String field() {
            return "suite_products[" + index + "].quantity";
        }

        public String message() {
            return field() + ": " + quantity + " is not allowed" + (chargeId > 0 ? " for charge " + chargeId : "")
                    + " (" + limit + ")";
        }
    }

    record CurrencyNotOffered(String currency) implements PreviewFailure {
        public String code() {
            return "currency_not_offered";
        }

        public String field() {
            return "currency";
        }

        public String message() {
            return "currency: the shop does not sell in '" + currency + "'";
        }
    }

    record NotPricedInCurrency(int index, long suiteProductId, String currency) implements PreviewFailure {
        public String code() {
            return "not_priced_in_currency";
        }

        public String field() {
            return "suite_products[" + index + "].id";
        }

        public String message() {
            return field() + ": suite product " + suiteProductId + " has no price in " + currency;
        }
    }

    /** The voucher cannot be priced for this caller now (its own rule code, e.g. voucher_expired). */
    record VoucherRefused(com.subscriptionsuite.domain.voucher.VoucherRejection rejection) implements PreviewFailure {
        public String code() {
            return rejection.code();
        }

        public String field() {
            return rejection instanceof com.subscriptionsuite.domain.voucher.VoucherRejection.NotValidOnPage
                    ? "page_id" : "voucher_code";
        }

        public String message() {
            String m = rejection.message();
            return m.startsWith("code: ") ? "voucher_code: " + m.substring(6) : m;
        }
    }

    record DuplicateOrderPosition(int index, int orderPos) implements PreviewFailure {
        public String code() {
            return "order_pos_duplicate";
        }

        public String field() {
            return "suite_products[" + index + "].order_pos";
        }

        public String message() {
            return field() + ": order_pos " + orderPos + " is used twice";
        }
    }
}
