package com.subscriptionsuite.domain.voucher;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The voucher lifecycle (domain-rules §6) as pure decisions over a {@link CodeState}. The caller
 * reads the state under the code's lock and applies the decision in the same unit of work, so that
 * under any concurrency a code is never held or redeemed beyond its limits.
 */
public final class VoucherRules {
    /** Product decision: a hold lasts 30 minutes unless the engine is configured otherwise. */
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(30);
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9_-]{3,64}");

    private VoucherRules() {
    }

    /** Codes are case-insensitive: trimmed and upper-cased, then checked for shape. */
    public static Either<VoucherRejection, String> normalize(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(code).matches() ? Either.right(code) : Either.left(new VoucherRejection.Malformed(
                raw == null ? "" : raw.strip()));
    }

    /** What {@code init} does: the caller's existing hold (idempotent) or a new one, or why not. */
    public sealed interface HoldDecision {
        Hold hold();
    }

    public record KeepHold(Hold hold) implements HoldDecision {
    }

    public record NewHold(Hold hold) implements HoldDecision {
    }

    public static Either<VoucherRejection, HoldDecision> hold(CodeState state, Long pageId, long tenantId, long userId,
            Instant now, Duration holdFor) {
        Either<VoucherRejection, CodeState> usable = usable(state, pageId, now);
        if (usable.isLeft()) {
            return Either.left(usable.getLeft());
        }
        if (state.callerHold().isDefined()) {
            return Either.right(new KeepHold(state.callerHold().get()));
        }
        Campaign c = state.campaign();
        String code = state.code();
        if (c.kind() == CodeKind.SINGLE_USE) {
            if (state.callerRedemptions() > 0) {
                return Either.left(new VoucherRejection.AlreadyRedeemed(code));
            }
            if (state.redemptions() > 0) {
                return Either.left(new VoucherRejection.LimitReached(code));
            }
            if (state.othersHolds() > 0) {
                return Either.left(new VoucherRejection.HeldByOther(code));
            }
        } else {
            if (c.perCustomerLimit() != null && state.callerRedemptions() >= c.perCustomerLimit()) {
                return Either.left(new VoucherRejection.AlreadyRedeemed(code));
            }
            if (c.totalLimit() != null && state.redemptions() + state.othersHolds() >= c.totalLimit()) {
                return Either.left(new VoucherRejection.LimitReached(code));
            }
        }
        return Either.right(new NewHold(new Hold(tenantId, code, c.id(), userId, now, now.plus(holdFor))));
    }

    /**
     * What {@code consume} does: the caller's active hold becomes a redemption. A hold is honoured
     * until it expires, even when the campaign's window closes meanwhile (the customer started the
     * checkout in time); without an active hold there is nothing to consume.
     */
    public static Either<VoucherRejection, Redemption> consume(CodeState state, long tenantId, long userId,
            Instant now) {
        return state.callerHold().filter(h -> h.activeAt(now))
                .map(h -> new Redemption(tenantId, state.code(), state.campaign().id(), userId, now))
                .toEither(() -> new VoucherRejection.NotHeld(state.code()));
    }

    /** Whether the code may be priced or held now on this page (validity window and page only). */
    public static Either<VoucherRejection, CodeState> usable(CodeState state, Long pageId, Instant now) {
        Campaign c = state.campaign();
        if (c.validFrom() != null && now.isBefore(c.validFrom())) {
            return Either.left(new VoucherRejection.NotYetValid(state.code(), c.validFrom()));
        }
        if (c.validUntil() != null && !now.isBefore(c.validUntil())) {
            return Either.left(new VoucherRejection.Expired(state.code(), c.validUntil()));
        }
        if (!c.validOnPage(pageId)) {
            return Either.left(new VoucherRejection.NotValidOnPage(state.code(), pageId));
        }
        return Either.right(state);
    }
}
