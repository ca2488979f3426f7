package com.subscriptionsuite.application.port.out;

/**
 * The engine's only source of randomness: secrets for tokens and reset keys, and public ids. The
 * server's adapter uses {@code SecureRandom}; tests use a seeded one.
 */
public interface Secrets {
    /** A random URL-safe token carrying at least 256 bits of entropy. */
    String token();

    /** A random public identifier (a UUID string) for users. */
    String guid();
}
