package com.subscriptionsuite.application.service.quote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a quote link is kept and looked up by: the SHA-256 of its guid, in hex. The guid itself is
 * never stored, and a lookup compares fixed-length hashes, so neither a stolen table nor the time
 * of a comparison tells a guid's characters.
 */
final class QuoteLinkHash {
    private QuoteLinkHash() {
    }

    static String of(String guid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(guid.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
