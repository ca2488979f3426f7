package com.subscriptionsuite.adapters.http.access;

import io.vavr.control.Option;
import java.util.Locale;

/**
 * The credential of an {@code Authorization: Bearer <credential>} header (RFC 6750): a customer or
 * guest token, or an admin API key. The scheme is case-insensitive; any other scheme, an empty
 * credential or one with inner white space counts as none presented.
 */
final class Bearer {
    private static final String SCHEME = "bearer";

    private Bearer() {
    }

    static Option<String> credential(String authorization) {
        if (authorization == null) {
            return Option.none();
        }
        String value = authorization.strip();
        if (value.length() <= SCHEME.length()
                || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)
                || !Character.isWhitespace(value.charAt(SCHEME.length()))) {
            return Option.none();
        }
        String credential = value.substring(SCHEME.length()).strip();
        if (credential.isEmpty() || credential.chars().anyMatch(Character::isWhitespace)) {
            return Option.none();
        }
        return Option.some(credential);
    }
}
