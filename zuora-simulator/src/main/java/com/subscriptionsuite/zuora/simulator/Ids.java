package com.subscriptionsuite.zuora.simulator;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Zuora-shaped identifiers: ids are 32 lower-case hex characters; numbers are prefixed sequences. */
final class Ids {
    private static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();

    private Ids() {}

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** A process-wide sequence, zero-padded: numbers stay unique across simulator instances in one JVM. */
    static String next(String sequence, int width) {
        long n = SEQUENCES.computeIfAbsent(sequence, s -> new AtomicLong()).incrementAndGet();
        return String.format("%0" + width + "d", n);
    }
}
