package com.subscriptionsuite.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How bearer tokens, reset keys and admin API keys are stored: as the SHA-256 of the secret, hex.
 * The secrets carry 256 bits of entropy, so a fast hash is enough (unlike passwords); a stolen
 * table holds nothing that can be presented.
 */
public final class SecretHash {
    private SecretHash() {
    }

    public static String of(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
