package com.subscriptionsuite.adapters.persistence.payment;

import com.subscriptionsuite.domain.identity.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The built-in hosted page's signature: HMAC-SHA256 with the server's key over a canonical text of
 * version, page id, token, tenant id, user id and expiry (epoch seconds), one per line, Base64. The
 * key's id ({@code hmac-sha256:} and the first 16 hex digits of the key's SHA-256) is what a page is
 * told as {@code key}: it names the key (for rotation) without revealing it.
 */
final class PageSigner {
    /** Keys shorter than this are refused: an HMAC key should carry at least 256 bits. */
    static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String keyId;

    PageSigner(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the payment page key needs at least " + MIN_KEY_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.keyId = "hmac-sha256:" + SecretHash.of(secret).substring(0, 16);
    }

    String keyId() {
        return keyId;
    }

    static String canonical(String pageId, String token, long tenantId, long userId, Instant expiresAt) {
        return String.join("\n", "v1", pageId, token, Long.toString(tenantId), Long.toString(userId),
                Long.toString(expiresAt.getEpochSecond()));
    }

    String sign(String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code canonical}, compared in constant time. */
    boolean verifies(String canonical, String signature) {
        return signature != null && MessageDigest.isEqual(sign(canonical).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
