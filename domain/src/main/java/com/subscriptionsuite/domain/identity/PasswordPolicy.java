package com.subscriptionsuite.domain.identity;

import io.vavr.control.Option;
import java.util.Locale;

/**
 * What a password must be (product decision, after NIST SP 800-63B): at least 10 and at most 128
 * characters (the upper bound keeps the memory-hard hash affordable), not among the most common
 * passwords (the caller asks its {@code CommonPasswords} port and passes the answer), and not
 * containing the email address's name part. No composition rules (digits, symbols), which push
 * users to predictable patterns.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static Option<IdentityRejection> check(String field, String password, EmailAddress email, boolean common) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Option.some(new IdentityRejection.PasswordTooShort(field, MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            return Option.some(new IdentityRejection.PasswordTooLong(field, MAX_LENGTH));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && email.localPart().length() >= 3 && lower.contains(email.localPart())) {
            return Option.some(new IdentityRejection.PasswordContainsEmail(field));
        }
        if (common) {
            return Option.some(new IdentityRejection.PasswordTooCommon(field));
        }
        return Option.none();
    }
}
