package com.subscriptionsuite.adapters.persistence.payment;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.payment.PaymentTokenDao.PageTokenRow;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.payment.PaymentType;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in {@link PaymentPages}: it signs page loads itself and its page posts to this server.
 * A token comes from {@link Secrets} (256 random bits) and is stored only as its SHA-256 with what it
 * was issued for ({@code payment_page_token}, schema {@code V7__payment_methods}); the signature is
 * {@link PageSigner}'s HMAC-SHA256 with the server's key and is not stored. A token is redeemed once:
 * the row must match tenant and page, be unexpired, and the presented signature must be the key's
 * signature of the row and token; then a conditional update marks it used, so of two concurrent
 * submissions one wins. Inside a unit of work that rolls back, the token stays usable. A redemption
 * gives, as the provider, the new payment method's id (32 hex digits from {@link Secrets#guid()},
 * the shape of Zuora's ids).
 *
 * <p>The key is the server's {@code SUITE_PAYMENT_PAGE_KEY}, or ({@link #withStoredKey}) one generated
 * on first start and kept in {@code payment_page_key}, so that every instance on the database shares it.
 */
public final class JdbiPaymentPages implements PaymentPages {
    /** The row of the generated key in {@code payment_page_key}. */
    static final String GENERATED_KEY = "generated";

    private final Handles handles;
    private final Secrets secrets;
    private final PageSigner signer;

    /** With a key of at least 32 characters (the server's {@code SUITE_PAYMENT_PAGE_KEY}). */
    public JdbiPaymentPages(Jdbi jdbi, Secrets secrets, String key) {
        this.handles = new Handles(Objects.requireNonNull(jdbi, "jdbi"));
        Handles.prepare(jdbi, PaymentTokenDao.class);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.signer = new PageSigner(key);
    }

    /**
     * With the key stored in the database, generated (from {@code secrets}) and stored first if there
     * is none yet; of two instances starting together, both end up with the one stored first.
     */
    public static JdbiPaymentPages withStoredKey(Jdbi jdbi, Secrets secrets, Instant now) {
        Handles handles = new Handles(jdbi);
        String key = handles.with(handle -> {
            PaymentTokenDao dao = Handles.attach(handle, PaymentTokenDao.class);
            return dao.key(GENERATED_KEY).orElseGet(() -> {
                String generated = secrets.token();
                try {
                    Handles.savepointed(handle, () -> {
                        dao.insertKey(GENERATED_KEY, generated, now);
                        return null;
                    });
                    return generated;
                } catch (RuntimeException e) {
                    if (Handles.uniqueViolation(e)) {
                        return dao.key(GENERATED_KEY).orElseThrow(() -> e);
                    }
                    throw e;
                }
            });
        });
        return new JdbiPaymentPages(jdbi, secrets, key);
    }

    @Override
    public Either<ProviderUnavailable, PageSignature> sign(PageRequest r) {
        String token = secrets.token();
        String signature = signer.sign(PageSigner.canonical(r.pageId(), token, r.tenantId(), r.userId(),
                r.expiresAt()));
        PageTokenRow row = new PageTokenRow(SecretHash.of(token), r.tenantId(), r.userId(), r.optionId(),
                r.paymentType().wireName(), r.pageId(), r.locale(), r.issuedAt(), r.expiresAt(), null);
        handles.with(PaymentTokenDao.class, dao -> {
            dao.insertPageToken(row);
            return null;
        });
        return Either.right(new PageSignature(r.pageId(), token, signature, signer.keyId(),
                Long.toString(r.tenantId()), r.locale(), r.expiresAt()));
    }

    /** The built-in page stores its method when it is submitted ({@link #redeem}): no method waits here. */
    @Override
    public Either<ProviderUnavailable, Option<PageMethod>> created(long tenantId, String paymentMethodId) {
        return Either.right(Option.none());
    }

    @Override
    public Option<Redeemed> redeem(long tenantId, String pageId, String token, String signature, Instant now) {
        if (token == null || signature == null || pageId == null) {
            return Option.none();
        }
        String hash = SecretHash.of(token);
        return handles.with(PaymentTokenDao.class, dao -> Option.ofOptional(dao.pageToken(hash))
                .filter(row -> row.tenantId() == tenantId && row.pageId().equals(pageId) && row.usedAt() == null
                        && now.isBefore(row.expiresAt()))
                .filter(row -> signer.verifies(PageSigner.canonical(row.pageId(), token, row.tenantId(), row.userId(),
                        row.expiresAt()), signature))
                .filter(row -> dao.usePageToken(hash, now) == 1)
                .map(row -> new Redeemed(request(row), newPaymentMethodId())));
    }

    /**
     * As the provider, the id of the method a submitted page creates: Zuora's shape, 32 hex digits. It
     * is given once, with the token's one redemption; a submission that rolls back stores no method, so
     * the row keeps no id.
     */
    private String newPaymentMethodId() {
        return secrets.guid().replace("-", "");
    }

    private static PageRequest request(PageTokenRow row) {
        PaymentType type = PaymentType.of(row.paymentType()).getOrElseThrow(() -> new IllegalStateException(
                "payment_page_token holds an unknown payment type '" + row.paymentType() + "'"));
        return new PageRequest(row.tenantId(), row.userId(), row.optionId(), type, row.pageId(), row.locale(),
                row.issuedAt(), row.expiresAt());
    }
}
