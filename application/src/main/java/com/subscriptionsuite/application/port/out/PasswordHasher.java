package com.subscriptionsuite.application.port.out;

/**
 * Hashes passwords with a memory-hard algorithm (the server uses Argon2id). Hashes are
 * self-describing strings (algorithm, parameters, salt), so parameters can be raised later and old
 * hashes still verify.
 */
public interface PasswordHasher {
    String hash(String password);

    boolean verify(String password, String hash);
}
