package com.subscriptionsuite.application.port.in.voucher;

import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import java.util.List;

/** Why a voucher use case refused. */
public sealed interface VoucherFailure {
    String code();

    String message();

    /** A rule of the voucher lifecycle refused (each rule has its own code). */
    record Refused(VoucherRejection rejection) implements VoucherFailure {
        public String code() {
            return rejection.code();
        }

        public String message() {
            return rejection.message();
        }
    }

    /** Campaign definitions or a code import with problems; nothing was stored. */
    record CampaignsRejected(List<Problem> problems) implements VoucherFailure {
        public CampaignsRejected {
            problems = List.copyOf(problems);
        }

        public String code() {
            return "campaigns_invalid";
        }

        public String message() {
            return problems.size() + " problem(s), nothing stored: " + problems;
        }
    }
}
