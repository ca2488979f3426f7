package com.subscriptionsuite.application.port.in.housekeeping;

/**
 * One run of the scheduled clean-up (docs/housekeeping.md): every step removes at most the batch size
 * of old rows; what it left is removed by the next run. Safe to run on several server instances at
 * once.
 */
public interface CleanUp {
    CleanUpReport cleanUp();

    /** How many rows each step removed in one run. */
    record CleanUpReport(int sessions, int voucherHolds, int idempotencyRecords, int loginFailures,
            int paymentPageTokens, int payPalApprovals, int guests) {
        public int total() {
            return sessions + voucherHolds + idempotencyRecords + loginFailures + paymentPageTokens + payPalApprovals
                    + guests;
        }

        @Override
        public String toString() {
            return "sessions=" + sessions + ", voucherHolds=" + voucherHolds + ", idempotencyRecords="
                    + idempotencyRecords + ", loginFailures=" + loginFailures + ", paymentPageTokens="
                    + paymentPageTokens + ", payPalApprovals=" + payPalApprovals + ", guests=" + guests;
        }
    }
}
