package com.subscriptionsuite.adapters.http.outbound;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JDK {@link HttpClient} built on its first use and then shared: a server start does not pay for the
 * TLS context and the selector thread of clients most starts never call (docs/benchmarks.md "Startup").
 */
public final class LazyHttpClient {
    private final Supplier<HttpClient> build;
    private volatile HttpClient client;

    public LazyHttpClient(Supplier<HttpClient> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    /** The client, built by the first caller (once, whatever the number of threads asking at once). */
    public HttpClient get() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = Objects.requireNonNull(build.get(), "the built client");
                    client = built;
                }
            }
        }
        return built;
    }
}
