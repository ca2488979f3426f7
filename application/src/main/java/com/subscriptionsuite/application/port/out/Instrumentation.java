package com.subscriptionsuite.application.port.out;

/**
 * What a host wraps around the engine's business use cases (metrics, tracing): the checkout, the
 * subscription changes, the voucher holds and consumptions. The engine hands each of them to
 * {@link #useCase} once, when it is built, and serves what comes back; the wrapper must answer exactly
 * what the use case answers (and throw what it throws). {@link #NONE}, the default, wraps nothing.
 */
public interface Instrumentation {

    /** {@code useCase}, as the port {@code port}, wrapped or as it is. */
    <T> T useCase(Class<T> port, T useCase);

    /** Wraps nothing. */
    Instrumentation NONE = new Instrumentation() {
        @Override
        public <T> T useCase(Class<T> port, T useCase) {
            return useCase;
        }
    };
}
