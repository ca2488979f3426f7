package com.subscriptionsuite.domain.voucher;

import java.time.Instant;

/** Why a code cannot be held, consumed or priced; each has its own stable code. */
public sealed interface VoucherRejection {
    String code();

    String message();

    record Unknown(String voucher) implements VoucherRejection {
        public String code() {
            return "voucher_unknown";
        }

        public String message() {
            return "code: no voucher '" + voucher + "'";
        }
    }

    record NotYetValid(String voucher, Instant validFrom) implements VoucherRejection {
        public String code() {
            return "voucher_not_yet_valid";
        }

        public String message() {
            return "code: voucher '" + voucher + "' is valid from " + validFrom;
        }
    }

    record Expired(String voucher, Instant validUntil) implements VoucherRejection {
        public String code() {
            return "voucher_expired";
        }

        public String message() {
            return "code: voucher '" + voucher + "' was valid until " + validUntil;
        }
    }

    record NotValidOnPage(String voucher, Long pageId) implements VoucherRejection {
        public String code() {
            return "voucher_not_valid_on_page";
        }

        public String message() {
            return "page_id: voucher '" + voucher + "' is not valid on "
                    + (pageId == null ? "this page (name the page with page_id)" : "page " + pageId);
        }
    }

    record HeldByOther(String voucher) implements VoucherRejection {
        public String code() {
            return "voucher_held_by_other";
        }

        public String message() {
            return "code: voucher '" + voucher + "' is held by someone else at the moment";
        }
    }

    record LimitReached(String voucher) implements VoucherRejection {
        public String code() {
            return "voucher_limit_reached";
        }

        public String message() {
            return "code: voucher '" + voucher + "' has been used as often as it may be";
        }
    }

    record AlreadyRedeemed(String voucher) implements VoucherRejection {
        public String code() {
            return "voucher_already_redeemed";
        }

        public String message() {
            return "code: you have already redeemed voucher '" + voucher + "' as often as you may";
        }
    }

    record NotHeld(String voucher) implements VoucherRejection {
        public String code() {
            return "voucher_not_held";
        }

        public String message() {
            return "code: you hold no voucher '" + voucher + "' (hold it with init first; holds expire)";
        }
    }

    record Malformed(String voucher) implements VoucherRejection {
        public String code() {
            return "voucher_malformed";
        }

        public String message() {
            return "code: '" + voucher + "' is not a voucher code (3 to 64 letters, digits, '-' or '_')";
        }
    }
}
