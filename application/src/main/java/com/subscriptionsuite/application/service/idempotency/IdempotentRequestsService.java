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
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Idempotency keys (domain-rules §7): the key is claimed on its own (committed at once, so a
 * concurrent retry on any server instance sees it in flight); the work then runs in one unit of
 * work with the storing of its response, so the response is kept exactly when what it reports was
 * committed. A failure (an exception, or a 5xx) frees the key.
 *
 * <p><strong>The lease.</strong> A claim is a lease of {@code lease} (the longest a request may run):
 * a claim older than that belongs to a request whose process died (or that overran), and a retry
 * with the same fingerprint takes it over ({@link IdempotencyRecords#takeOver}, exactly one retry
 * wins) and runs the request. The request that held the old claim can then no longer store its
 * response: its unit of work rolls back whole (nothing booked twice) and it answers
 * {@code idempotency_request_in_flight}, so its client retries and gets the retry's response. What a
 * dead request committed is either all there with its response (a retry replays it) or not at all.
 */
final class IdempotentRequestsService implements IdempotentRequests {
    /** How long a key and its response are kept (at least 24 h, domain-rules §7). */
    static final Duration RETENTION = Duration.ofHours(24);
    /** The default lease of a claim in flight: the longest a request is expected to run. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    static final int MAX_KEY_LENGTH = 255;
    /** How often a retry looks again when the claim it wanted to take over changed meanwhile. */
    private static final int TAKEOVER_ATTEMPTS = 5;

    private final IdempotencyRecords records;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration lease;

    IdempotentRequestsService(IdempotencyRecords records, Transactions transactions, Clock clock, Duration lease) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero() || lease.compareTo(RETENTION) >= 0) {
            throw new IllegalArgumentException("the lease must be positive and shorter than " + RETENTION
                    + ", got " + lease);
        }
    }

    @Override
    public Either<IdempotencyFailure, Outcome> run(long tenantId, long userId, String key, String fingerprint,
            Supplier<Response> work) {
        // the claim, the work's units and the kept answer: one write of the store when it returns
        return transactions.durableOnReturn(() -> runClaimed(tenantId, userId, key, fingerprint, work));
    }

    private Either<IdempotencyFailure, Outcome> runClaimed(long tenantId, long userId, String key,
            String fingerprint, Supplier<Response> work) {
        Either<Either<IdempotencyFailure, Outcome>, IdempotencyRecord> claimed = claim(tenantId, userId, key,
                fingerprint);
        if (claimed.isLeft()) {
            return claimed.getLeft();
        }
        IdempotencyRecord claim = claimed.get();
        Response response;
        try {
            response = transactions.inTransaction(() -> {
                Response r = work.get();
                if (kept(r.status()) && !records.complete(claim, r.status(), r.body())) {
                    throw new Superseded();
                }
                return r;
            });
        } catch (Superseded e) {
            // a retry took the claim over while this request ran past its lease; the unit rolled back
            return Either.left(new IdempotencyFailure.InFlight());
        } catch (RuntimeException | Error e) {
            records.release(claim);
            throw e;
        }
        if (!kept(response.status())) {
            records.release(claim);
        }
        return Either.right(new Outcome(response, false));
    }

    /**
     * As {@link #run}, but the work runs outside any unit of work and stores its response itself,
     * through the {@link Completion}, in the unit that commits its local effects. What the work did
     * decides the rest: it completed (the response is stored, or will be when its unit commits);
     * it answered without completing (stored on its own, or the key freed for a 5xx or a 429); it
     * threw (the key freed, unless it had completed: then its unit may have committed the response,
     * and freeing the key would delete it, so the key stays claimed until it is replayed or its lease
     * ends); its completion found the key taken over (in flight: the retry's response is the one).
     */
    @Override
    public Either<IdempotencyFailure, Outcome> runOperation(long tenantId, long userId, String key,
            String fingerprint, Function<Completion, Response> work) {
        // the claim, the operation's units and the kept answer: one write of the store when it returns
        return transactions.durableOnReturn(() -> runOperationClaimed(tenantId, userId, key, fingerprint, work));
    }

    private Either<IdempotencyFailure, Outcome> runOperationClaimed(long tenantId, long userId, String key,
            String fingerprint, Function<Completion, Response> work) {
        Either<Either<IdempotencyFailure, Outcome>, IdempotencyRecord> claimed = claim(tenantId, userId, key,
                fingerprint);
        if (claimed.isLeft()) {
            return claimed.getLeft();
        }
        IdempotencyRecord claim = claimed.get();
        ClaimCompletion completion = new ClaimCompletion(claim);
        Response response;
        try {
            response = work.apply(completion);
        } catch (RuntimeException | Error e) {
            if (completion.superseded && causedBySuperseded(e)) {
                return Either.left(new IdempotencyFailure.InFlight());
            }
            if (!completion.completed) {
                records.release(claim);
            }
            throw e;
        }
        if (completion.superseded) {
            // the work swallowed the refusal; its unit may even have committed, but not this response
            return Either.left(new IdempotencyFailure.InFlight());
        }
        if (!completion.completed) {
            if (!kept(response.status())) {
                records.release(claim);
            } else if (!transactions.inTransaction(() -> records.complete(claim, response.status(),
                    response.body()))) {
                return Either.left(new IdempotencyFailure.InFlight());
            }
        }
        return Either.right(new Outcome(response, false));
    }

    /** The claim of a valid key for this request, or the answer instead of running it (refusal or stored). */
    private Either<Either<IdempotencyFailure, Outcome>, IdempotencyRecord> claim(long tenantId, long userId,
            String key, String fingerprint) {
        Option<String> invalid = invalid(key);
        if (invalid.isDefined()) {
            return Either.left(Either.left(new IdempotencyFailure.KeyInvalid(invalid.get())));
        }
        IdempotencyRecord claim = new IdempotencyRecord(tenantId, userId, key, fingerprint, clock.instant(), null,
                null);
        Option<Either<IdempotencyFailure, Outcome>> notRun = claimOrAnswer(claim);
        return notRun.isDefined() ? Either.left(notRun.get()) : Either.right(claim);
    }

    /**
     * Whether a response is kept for replay: an answer is, even a refusal; a 5xx (the server failed)
     * and a 429 (retry later, e.g. {@code billing_rate_limited}: nothing was booked) are not, since
     * a retry with the same key must run the request again rather than get the same "not now".
     */
    private static boolean kept(int status) {
        return status < 500 && status != 429;
    }

    private static boolean causedBySuperseded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Superseded) {
                return true;
            }
        }
        return false;
    }

    /** The work's way to store its response under the claim, in the unit of work it runs. */
    private final class ClaimCompletion implements Completion {
        private final IdempotencyRecord claim;
        private volatile boolean completed;
        private volatile boolean superseded;

        ClaimCompletion(IdempotencyRecord claim) {
            this.claim = claim;
        }

        @Override
        public String key() {
            return claim.key();
        }

        @Override
        public void complete(int status, String body) {
            Objects.requireNonNull(body, "body");
            if (!kept(status)) {
                throw new IllegalArgumentException("a 5xx or 429 response is not kept; got " + status);
            }
            if (completed || superseded) {
                throw new IllegalStateException("the response of idempotency key '" + claim.key()
                        + "' was kept already");
            }
            if (!records.complete(claim, status, body)) {
                superseded = true;
                throw new Superseded();
            }
            completed = true;
        }
    }

    /**
     * Claims the key for this request (none: run it), taking over a claim whose lease ended, or the
     * answer instead of running: the stored response, or why not.
     */
    private Option<Either<IdempotencyFailure, Outcome>> claimOrAnswer(IdempotencyRecord claim) {
        Instant now = claim.createdAt();
        for (int attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
            Option<IdempotencyRecord> existing = records.claim(claim, now.minus(RETENTION));
            if (existing.isEmpty()) {
                return Option.none();
            }
            IdempotencyRecord first = existing.get();
            if (!first.fingerprint().equals(claim.fingerprint())) {
                return Option.some(Either.left(new IdempotencyFailure.KeyReused()));
            }
            if (first.completed()) {
                return Option.some(Either.right(new Outcome(new Response(first.status(), first.body()), true)));
            }
            if (!first.createdAt().plus(lease).isBefore(now)) {
                return Option.some(Either.left(new IdempotencyFailure.InFlight()));
            }
            if (records.takeOver(first, now)) {
                return Option.none();
            }
            // completed, released or taken over by another retry meanwhile: look again
        }
        return Option.some(Either.left(new IdempotencyFailure.InFlight()));
    }

    /** Thrown inside the unit of work to roll it back when the request no longer holds its claim. */
    private static final class Superseded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Superseded() {
            super("the idempotency claim was taken over by a retry", null, false, false);
        }
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
