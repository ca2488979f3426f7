package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The built-in payment pages with the key stored in the database ({@code JdbiPaymentPages.withStoredKey}),
 * which can only be read once the schema is migrated, for an engine built while the migrations still run
 * (docs/benchmarks.md "Startup"). The server hands over the real pages with {@link #migrated} before it
 * serves or runs a job; until then a call waits for them (none is made: nothing calls the engine before
 * the server serves), and after a failed start it fails instead of signing with no key.
 */
final class AfterMigrationPaymentPages implements PaymentPages {
    private final CompletableFuture<PaymentPages> pages = new CompletableFuture<>();

    /** The pages with the stored key, read once the migrations are done. */
    void migrated(PaymentPages stored) {
        pages.complete(Objects.requireNonNull(stored, "stored"));
    }

    /** The start failed before the key was read: every later call fails with this cause. */
    void failed(Throwable cause) {
        pages.completeExceptionally(cause);
    }

    private PaymentPages pages() {
        return pages.join();
    }

    @Override
    public Either<ProviderUnavailable, PageSignature> sign(PageRequest request) {
        return pages().sign(request);
    }

    @Override
    public Option<Redeemed> redeem(long tenantId, String pageId, String token, String signature, Instant now) {
        return pages().redeem(tenantId, pageId, token, signature, now);
    }

    @Override
    public Either<ProviderUnavailable, Option<PageMethod>> created(long tenantId, String paymentMethodId) {
        return pages().created(tenantId, paymentMethodId);
    }
}
