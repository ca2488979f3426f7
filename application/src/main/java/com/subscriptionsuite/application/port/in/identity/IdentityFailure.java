package com.subscriptionsuite.application.port.in.identity;

import com.subscriptionsuite.domain.identity.IdentityRejection;

/** Why an identity use case refused; {@code code()} is stable, {@code field()} may be empty. */
public sealed interface IdentityFailure {
    String code();

    String field();

    String message();

    /** An email or password that does not meet the rules (the rejection's own code). */
    record InputRejected(IdentityRejection rejection) implements IdentityFailure {
        public String code() {
            return rejection.code();
        }

        public String field() {
            return rejection.field();
        }

        public String message() {
            return rejection.message();
        }
    }

    /** Registration with an email the tenant already has (409). */
    record EmailTaken() implements IdentityFailure {
        public String code() {
            return "email_taken";
        }

        public String field() {
            return "user.email";
        }

        public String message() {
            return "user.email: an account with this email exists; log in or reset the password";
        }
    }

    /** Wrong email or wrong password: one answer for both, so accounts cannot be probed. */
    record CredentialsInvalid() implements IdentityFailure {
        public String code() {
            return "credentials_invalid";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "email or password is wrong";
        }
    }

    /** Too many failed logins for the account or the client: try again after {@code retryAfterSeconds}. */
    record LoginThrottled(long retryAfterSeconds) implements IdentityFailure {
        public String code() {
            return "login_throttled";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "too many failed logins; try again in " + retryAfterSeconds + " seconds";
        }
    }

    /** Too many registrations, guest sessions or reset requests from one client: try again later. */
    record RequestsThrottled(long retryAfterSeconds) implements IdentityFailure {
        public String code() {
            return "too_many_requests";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "too many requests of this kind from this client; try again in " + retryAfterSeconds + " seconds";
        }
    }

    /** The tenant's checkout settings do not allow guests. */
    record GuestCheckoutDisabled() implements IdentityFailure {
        public String code() {
            return "guest_checkout_disabled";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "this shop does not allow guest checkout; register or log in";
        }
    }

    /** No bearer token, or one that is unknown, expired, revoked or of another tenant. */
    record NotAuthenticated() implements IdentityFailure {
        public String code() {
            return "not_authenticated";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "a valid bearer token is required (Authorization: Bearer <token>)";
        }
    }

    /** A token that is valid but of a kind the operation does not accept (a guest where a customer is needed). */
    record CustomerRequired() implements IdentityFailure {
        public String code() {
            return "customer_required";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "this needs a registered customer's token; guests cannot use it";
        }
    }

    /** A reset key that is unknown, used or expired: one answer for all three. */
    record ResetKeyInvalid() implements IdentityFailure {
        public String code() {
            return "reset_key_invalid";
        }

        public String field() {
            return "confirm_key";
        }

        public String message() {
            return "confirm_key: the reset key is unknown, already used or expired; ask for a new one";
        }
    }

    /** No admin API key, or one the tenant does not have. */
    record AdminKeyInvalid() implements IdentityFailure {
        public String code() {
            return "admin_key_invalid";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "a valid admin API key is required (Authorization: Bearer <admin key>)";
        }
    }
}
