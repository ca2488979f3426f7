package com.subscriptionsuite.application.port.in.account;

import com.subscriptionsuite.domain.account.AccountProblem;
import java.util.List;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;

/**
 * Why an account, its data or one of its invoices could not be shown or changed. {@code field} is
 * the seed's name of the field at fault ({@code first_name}, {@code currency}), empty when none is.
 */
public sealed interface AccountFailure {
    String code();

    String field();

    String message();

    /** The caller has no billing account yet (it is made by the first checkout). */
    record AccountNotFound() implements AccountFailure {
        public String code() {
            return "account_not_found";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "you have no account yet; it is created with your first subscription";
        }
    }

    /** The account's data breaks the rules of the seed's Account schema; every problem is listed. */
    record AccountInvalid(List<AccountProblem> problems) implements AccountFailure {
        public AccountInvalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid account has at least one problem");
            }
        }

        public String code() {
            return "account_invalid";
        }

        public String field() {
            return problems.get(0).field();
        }

        public String message() {
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
            return problems.get(0).message() + more;
        }
    }

    /** The account's currency is not one the shop sells in. */
    record CurrencyNotOffered(String currency) implements AccountFailure {
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

    /**
     * An account keeps the currency it was created in by its first checkout: its subscriptions,
     * prices and invoices are in it.
     */
    record CurrencyLocked(String current, String asked) implements AccountFailure {
        public String code() {
            return "account_currency_locked";
        }

        public String field() {
            return "currency";
        }

        public String message() {
            return "currency: the account's subscriptions and invoices are in " + current + "; it cannot change to "
                    + asked;
        }
    }

    /** No invoice of the caller's account has this id (another account's invoice is not found either). */
    record InvoiceNotFound(String invoiceId) implements AccountFailure {
        public String code() {
            return "invoice_not_found";
        }

        public String field() {
            return "invoiceId";
        }

        public String message() {
            return "invoiceId: you have no invoice '" + invoiceId + "'";
        }
    }

    /**
     * The billing system did not answer, limited the rate of calls or refused: {@code billing_unavailable},
     * {@code billing_rate_limited} or {@code billing_rejected} ({@link BillingFailure#errorCode}). 
     */
    record BillingFailed(BillingFailure failure) implements AccountFailure {
        public String code() {
            return failure.errorCode();
        }

        public String field() {
            return "";
        }

        public String message() {
            return failure.describe();
        }
    }
}
