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
     * The hold decision without the code's counts, for a store that enforces the code's limit itself
     * (a slot is reserved with the new hold, or refused): the checks that only concern the caller
     * (window, page, the caller's own hold, the caller's own redemptions). A {@link NewHold} from
     * here is still subject to {@link #reservedLimit}; a refused reservation is explained by
     * {@link #refusedReservation}.
     */
    public static Either<VoucherRejection, HoldDecision> hold(CodeView view, Long pageId, long tenantId, long userId,
            Instant now, Duration holdFor) {
        Either<VoucherRejection, Campaign> usable = usable(view.campaign(), view.code(), pageId, now);
        if (usable.isLeft()) {
            return Either.left(usable.getLeft());
        }
        if (view.callerHold().isDefined()) {
            return Either.right(new KeepHold(view.callerHold().get()));
        }
        Campaign c = view.campaign();
        if (c.kind() == CodeKind.SINGLE_USE ? view.callerRedemptions() > 0
                : c.perCustomerLimit() != null && view.callerRedemptions() >= c.perCustomerLimit()) {
            return Either.left(new VoucherRejection.AlreadyRedeemed(view.code()));
        }
        return Either.right(new NewHold(new Hold(tenantId, view.code(), c.id(), userId, now, now.plus(holdFor))));
    }

    /**
     * How many holds and redemptions the code may have at once (a hold reserves one slot until it is
     * consumed, when the slot becomes the redemption's, or until it expires and is given back): one
     * for a single-use code, the total limit for a multi-use one; none (null) for a code without a
     * total limit, which needs no reservation.
     */
    public static Integer reservedLimit(Campaign campaign) {
        return campaign.kind() == CodeKind.SINGLE_USE ? Integer.valueOf(1) : campaign.totalLimit();
    }

    /**
     * Why a reservation was refused when the counting rules, applied to the state read after the
     * refusal, would allow a new hold by now (holds ended meanwhile): the code was full at that
     * moment, by someone's hold (single-use, not redeemed) or by its limit.
     */
    public static VoucherRejection fullAtReservation(CodeState after) {
        return after.campaign().kind() == CodeKind.SINGLE_USE && after.redemptions() == 0
                ? new VoucherRejection.HeldByOther(after.code()) : new VoucherRejection.LimitReached(after.code());
    }

    /** {@link #consume(CodeState, long, long, Instant)} on a view: the same decision. */
    public static Either<VoucherRejection, Redemption> consume(CodeView view, long tenantId, long userId,
            Instant now) {
        return view.callerHold().filter(h -> h.activeAt(now))
                .map(h -> new Redemption(tenantId, view.code(), view.campaign().id(), userId, now))
                .toEither(() -> new VoucherRejection.NotHeld(view.code()));
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
        return usable(state.campaign(), state.code(), pageId, now).map(c -> state);
    }

    private static Either<VoucherRejection, Campaign> usable(Campaign c, String code, Long pageId, Instant now) {
        if (c.validFrom() != null && now.isBefore(c.validFrom())) {
            return Either.left(new VoucherRejection.NotYetValid(code, c.validFrom()));
        }
        if (c.validUntil() != null && !now.isBefore(c.validUntil())) {
            return Either.left(new VoucherRejection.Expired(code, c.validUntil()));
        }
        if (!c.validOnPage(pageId)) {
            return Either.left(new VoucherRejection.NotValidOnPage(code, pageId));
        }
        return Either.right(c);
    }
}
