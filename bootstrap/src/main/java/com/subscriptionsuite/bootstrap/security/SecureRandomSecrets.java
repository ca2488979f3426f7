package com.subscriptionsuite.bootstrap.security;

import com.subscriptionsuite.application.port.out.Secrets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Secrets from the platform's {@link SecureRandom}: tokens are 32 random bytes (256 bits) in
 * unpadded base64url, 43 characters of {@code [A-Za-z0-9_-]}; guids are random (version 4) UUIDs.
 */
public final class SecureRandomSecrets implements Secrets {
    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public String guid() {
        return UUID.randomUUID().toString();
    }
}
