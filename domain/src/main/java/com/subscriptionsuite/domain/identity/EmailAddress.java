package com.subscriptionsuite.domain.identity;

import com.subscriptionsuite.domain.text.TextRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An email address, normalised for identity: trimmed ({@link TextRules#trim}) and lower-cased as a
 * whole, so that {@code Ann@Example.com} and {@code ann@example.com} are one customer (product
 * decision: unique per tenant, case-insensitive). Checked for shape only (one @, a dot in the domain,
 * no spaces, at most 254 characters and 254 bytes in UTF-8 as RFC 5321 has it, nothing
 * {@link TextRules} refuses); whether it receives mail is not knowable here.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;

    public static Either<IdentityRejection, EmailAddress> parse(String field, String raw) {
        if (TextRules.isBlank(raw)) {
            return Either.left(new IdentityRejection.EmailInvalid(field, "an email address is required"));
        }
        String v = TextRules.trim(raw).toLowerCase(Locale.ROOT);
        Option<String> problem = TextRules.problem(v, TextRules.Shape.SINGLE_LINE, MAX_LENGTH);
        if (problem.isDefined()) {
            return Either.left(new IdentityRejection.EmailInvalid(field, problem.get()));
        }
        if (v.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            // RFC 5321 limits an address in octets; this also keeps it within a column of 254 characters
            return Either.left(new IdentityRejection.EmailInvalid(field, "at most " + MAX_LENGTH
                    + " bytes in UTF-8 (an email address is limited in octets)"));
        }
        int at = v.indexOf('@');
        if (at <= 0 || at != v.lastIndexOf('@') || at == v.length() - 1) {
            return Either.left(new IdentityRejection.EmailInvalid(field, "not an email address (name@domain)"));
        }
        String domain = v.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return Either.left(new IdentityRejection.EmailInvalid(field, "the domain after @ is not valid"));
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' || c == ')') {
                return Either.left(new IdentityRejection.EmailInvalid(field, "contains a character not allowed here"));
            }
        }
        return Either.right(new EmailAddress(v));
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }
}
