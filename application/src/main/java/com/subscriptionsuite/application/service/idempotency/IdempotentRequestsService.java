package com.subscriptionsuite.application.service.idempotency;

import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.out.IdempotencyRecords;
import com.subscriptionsuite.application.port.out.IdempotencyRecords.IdempotencyRecord;
import com.subscriptionsuite.application.port.out.Transactions;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Idempotency keys (domain-rules §7): the key is claimed on its own (committed at once, so a
 * concurrent retry on any server instance sees it in flight); the work then runs in one unit of
 * work with the storing of its response, so the response is kept exactly when what it reports was
 * committed. A failure (an exception, or a 5xx) frees the key.
 */
final class IdempotentRequestsService implements IdempotentRequests {
    /** How long a key and its response are kept (at least 24 h, domain-rules §7). */
    static final Duration RETENTION = Duration.ofHours(24);
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final Transactions transactions;
    private final Clock clock;

    IdempotentRequestsService(IdempotencyRecords records, Transactions transactions, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Either<IdempotencyFailure, Outcome> run(long tenantId, long userId, String key, String fingerprint,
            Supplier<Response> work) {
        Option<String> invalid = invalid(key);
        if (invalid.isDefined()) {
            return Either.left(new IdempotencyFailure.KeyInvalid(invalid.get()));
        }
        Instant now = clock.instant();
        Option<IdempotencyRecord> existing = records.claim(
                new IdempotencyRecord(tenantId, userId, key, fingerprint, now, null, null), now.minus(RETENTION));
        if (existing.isDefined()) {
            IdempotencyRecord first = existing.get();
            if (!first.fingerprint().equals(fingerprint)) {
                return Either.left(new IdempotencyFailure.KeyReused());
            }
            if (!first.completed()) {
                return Either.left(new IdempotencyFailure.InFlight());
            }
            return Either.right(new Outcome(new Response(first.status(), first.body()), true));
        }
        Response response;
        try {
            response = transactions.inTransaction(() -> {
                Response r = work.get();
                if (r.status() < 500) {
                    records.complete(tenantId, userId, key, r.status(), r.body());
                }
                return r;
            });
        } catch (RuntimeException | Error e) {
            records.release(tenantId, userId, key);
            throw e;
        }
        if (response.status() >= 500) {
            records.release(tenantId, userId, key);
        }
        return Either.right(new Outcome(response, false));
    }

    /** Why the key is not one: 1 to 255 printable ASCII characters. */
    private static Option<String> invalid(String key) {
        if (key == null || key.isEmpty()) {
            return Option.some("must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return Option.some("at most " + MAX_KEY_LENGTH + " characters, got " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return Option.some("only printable ASCII characters are allowed");
            }
        }
        return Option.none();
    }
}
