package com.subscriptionsuite.domain.identity;

/** Why an email address or a password is not accepted; {@code field} is the request field at fault. */
public sealed interface IdentityRejection {
    String code();

    String field();

    String message();

    record EmailInvalid(String field, String reason) implements IdentityRejection {
        public String code() {
            return "email_invalid";
        }

        public String message() {
            return field + ": " + reason;
        }
    }

    record PasswordTooShort(String field, int minimum) implements IdentityRejection {
        public String code() {
            return "password_too_short";
        }

        public String message() {
            return field + ": a password needs at least " + minimum + " characters";
        }
    }

    record PasswordTooLong(String field, int maximum) implements IdentityRejection {
        public String code() {
            return "password_too_long";
        }

        public String message() {
            return field + ": a password may have at most " + maximum + " characters";
        }
    }

    record PasswordTooCommon(String field) implements IdentityRejection {
        public String code() {
            return "password_too_common";
        }

        public String message() {
            return field + ": this password is among the most common ones and easy to guess; choose another";
        }
    }

    record PasswordContainsEmail(String field) implements IdentityRejection {
        public String code() {
            return "password_contains_email";
        }

        public String message() {
            return field + ": the password must not contain the email address or its name part";
        }
    }
}
