package com.subscriptionsuite.bootstrap.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Argon2id through password4j. {@link #hash} writes the PHC string
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded base64), so the
 * parameters travel with each hash: {@link #verify} reads them from the hash, not from this
 * instance, and hashes made before a parameter change still verify.
 *
 * <p>The salt comes from this adapter's own {@link SecureRandom} (16 bytes per hash), not from
 * password4j's salt generator.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    /** OWASP Password Storage Cheat Sheet, Argon2id, first option: 19 MiB, 2 passes, 1 lane. */
    public static final int RECOMMENDED_MEMORY_KIB = 19 * 1024;
    public static final int RECOMMENDED_ITERATIONS = 2;
    public static final int RECOMMENDED_PARALLELISM = 1;
    public static final int OUTPUT_BYTES = 32;
    public static final int SALT_BYTES = 16;

    private static final String PREFIX = "$argon2id$";

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    /**
     * Made on the first hash: password4j's first {@code Argon2Function} reads its properties and sets itself up
     * (about 0.1 s), which a server start need not wait for (docs/benchmarks.md "Startup").
     */
    private volatile Argon2Function function;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param memoryKib   memory cost in KiB (at least 8 × parallelism)
     * @param iterations  number of passes (at least 1)
     * @param parallelism number of lanes (at least 1)
     */
    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (iterations < 1 || parallelism < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("invalid Argon2id parameters: m=" + memoryKib + " KiB, t="
                    + iterations + ", p=" + parallelism);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    private Argon2Function function() {
        Argon2Function made = function;
        if (made == null) {
            // two threads making it at once make equal functions (same parameters): either one serves
            made = Argon2Function.getInstance(memoryKib, iterations, parallelism, OUTPUT_BYTES, Argon2.ID,
                    Argon2Function.ARGON2_VERSION_13);
            function = made;
        }
        return made;
    }

    /** The production parameters: m=19 MiB, t=2, p=1 (about 0.1 to 0.2 s per hash on one core). */
    public static Argon2PasswordHasher recommended() {
        return new Argon2PasswordHasher(RECOMMENDED_MEMORY_KIB, RECOMMENDED_ITERATIONS, RECOMMENDED_PARALLELISM);
    }

    /**
     * m=1 MiB, t=1, p=1: fast enough for test suites that hash many passwords. <strong>Not for
     * production</strong>: these parameters are far below any recommendation.
     */
    public static Argon2PasswordHasher forTests() {
        return new Argon2PasswordHasher(1024, 1, 1);
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return Password.hash(password).addSalt(salt).with(function()).getResult();
    }

    /** False for a wrong password and for a hash that is not a well-formed Argon2id PHC string. */
    @Override
    public boolean verify(String password, String hash) {
        Objects.requireNonNull(password, "password");
        if (hash == null || !hash.startsWith(PREFIX)) {
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(hash).check(password, hash);
        } catch (RuntimeException malformed) {
            // password4j throws BadParametersException for a bad layout, IllegalArgumentException
            // for bad base64 and others for impossible parameters; all mean "not a hash we made".
            return false;
        }
    }
}
